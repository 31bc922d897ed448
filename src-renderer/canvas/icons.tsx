// Small inline SVG icons: one per provider kind and one per entity kind. Brand marks are
// simplified letterforms in the brand colour, enough to tell providers apart at a glance.

import type { ReactElement } from 'react';
import type { GraphNodeKind } from '../../shared/model/graph';
import type { ProviderKind } from '../../shared/model/types';

interface IconProps {
  size?: number;
}

/** A brand mark: a rounded tile in the brand colour with the mark drawn on it. */
function Tile({
  size = 20,
  background,
  children,
}: IconProps & { background: string; children: ReactElement }): ReactElement {
  return (
    <svg width={size} height={size} viewBox="0 0 24 24" aria-hidden="true">
      <rect x="1" y="1" width="22" height="22" rx="6" fill={background} />
      {children}
    </svg>
  );
}

function Letter({
  size,
  background,
  color = '#fff',
  letter,
}: IconProps & { background: string; color?: string; letter: string }): ReactElement {
  return (
    <Tile size={size} background={background}>
      <text
        x="12"
        y="17"
        textAnchor="middle"
        fontSize="14"
        fontWeight="700"
        fontFamily="system-ui, sans-serif"
        fill={color}
      >
        {letter}
      </text>
    </Tile>
  );
}

function Stroke({
  size = 20,
  children,
}: IconProps & { children: ReactElement | ReactElement[] }): ReactElement {
  return (
    <svg
      width={size}
      height={size}
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      strokeWidth="1.8"
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
    >
      {children}
    </svg>
  );
}

export function ProviderIcon({ kind, size }: IconProps & { kind: ProviderKind }): ReactElement {
  switch (kind) {
    case 'google':
      return <Letter size={size} background="#ffffff" color="#4285F4" letter="G" />;
    case 'facebook':
      return <Letter size={size} background="#1877F2" letter="f" />;
    case 'amazon':
      return <Letter size={size} background="#232F3E" color="#FF9900" letter="a" />;
    case 'apple':
      return (
        <Tile size={size} background="#111111">
          <path
            fill="#ffffff"
            d="M15.9 12.7c0-1.7 1.4-2.5 1.5-2.6-.8-1.2-2.1-1.4-2.5-1.4-1.1-.1-2.1.6-2.6.6s-1.4-.6-2.3-.6c-1.2 0-2.3.7-2.9 1.8-1.2 2.1-.3 5.3.9 7 .6.9 1.3 1.8 2.2 1.8.9 0 1.2-.6 2.3-.6s1.4.6 2.3.6 1.5-.9 2.1-1.8c.7-1 .9-1.9 1-2-.1 0-1.9-.7-2-2.8zM14.2 7.5c.5-.6.8-1.4.7-2.2-.7 0-1.5.5-2 1.1-.4.5-.8 1.3-.7 2.1.8 0 1.5-.4 2-1z"
          />
        </Tile>
      );
    case 'twitter':
      return <Letter size={size} background="#0F1419" letter="X" />;
    case 'oidc':
      return (
        <Stroke size={size}>
          <circle cx="8" cy="15" r="4" />
          <path d="M11 12l8-8M16 7l2 2M14 9l2 2" />
        </Stroke>
      );
    case 'saml':
      return (
        <Stroke size={size}>
          <path d="M12 3l7 3v5c0 4.5-3 8-7 10-4-2-7-5.5-7-10V6z" />
          <path d="M9 12l2 2 4-4" />
        </Stroke>
      );
    case 'developer':
      return (
        <Stroke size={size}>
          <path d="M8 8l-4 4 4 4M16 8l4 4-4 4M13.5 6l-3 12" />
        </Stroke>
      );
  }
}

export function EntityIcon({ kind, size }: IconProps & { kind: GraphNodeKind }): ReactElement {
  switch (kind) {
    case 'provider':
      return (
        <Stroke size={size}>
          <path d="M15 3h4a2 2 0 012 2v14a2 2 0 01-2 2h-4M10 17l5-5-5-5M15 12H3" />
        </Stroke>
      );
    case 'userPool':
      return (
        <Stroke size={size}>
          <circle cx="9" cy="8" r="3.5" />
          <path d="M2.5 20c.8-3.5 3.4-5.5 6.5-5.5s5.7 2 6.5 5.5M16 4.6a3.5 3.5 0 010 6.8M18 14.8c1.8.8 3 2.6 3.5 5.2" />
        </Stroke>
      );
    case 'identityPool':
      return (
        <Stroke size={size}>
          <rect x="3" y="5" width="18" height="14" rx="2" />
          <circle cx="9" cy="11" r="2.2" />
          <path d="M5.8 16c.6-1.6 1.8-2.4 3.2-2.4s2.6.8 3.2 2.4M14.5 10h4M14.5 13.5h3" />
        </Stroke>
      );
    case 'role':
      return (
        <Stroke size={size}>
          <path d="M12 3l8 4v5c0 4.4-3.4 8-8 9-4.6-1-8-4.6-8-9V7z" />
          <circle cx="12" cy="10.5" r="2.2" />
          <path d="M8.6 16c.7-1.6 1.9-2.5 3.4-2.5s2.7.9 3.4 2.5" />
        </Stroke>
      );
    case 'managedPolicy':
      return (
        <Stroke size={size}>
          <path d="M14 3H7a2 2 0 00-2 2v14a2 2 0 002 2h10a2 2 0 002-2V8z" />
          <path d="M14 3v5h5M9 13h6M9 17h6" />
        </Stroke>
      );
  }
}
