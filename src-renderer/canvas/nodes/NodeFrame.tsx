// The card every entity node shares: accent colour per kind, icon, caption, title, and a slot
// for the review findings badge.

import type { ReactElement, ReactNode } from 'react';
import type { GraphNodeKind } from '../../../shared/model/graph';
import type { FindingBadge } from '../flow-types';
import { EntityIcon } from '../icons';

const CAPTIONS: Record<GraphNodeKind, string> = {
  provider: 'Identity provider',
  userPool: 'User pool',
  identityPool: 'Identity pool',
  role: 'IAM role',
  managedPolicy: 'Managed policy',
};

interface NodeFrameProps {
  kind: GraphNodeKind;
  title: string;
  subtitle?: string;
  icon?: ReactElement;
  caption?: string;
  selected: boolean;
  badge: FindingBadge | undefined;
  children?: ReactNode;
}

export function NodeFrame({
  kind,
  title,
  subtitle,
  icon,
  caption,
  selected,
  badge,
  children,
}: NodeFrameProps): ReactElement {
  return (
    <div className={`node node--${kind}${selected ? ' node--selected' : ''}`} data-testid={`node-${kind}`}>
      <div className="node__header">
        <span className="node__icon">{icon ?? <EntityIcon kind={kind} size={18} />}</span>
        <span className="node__titles">
          <span className="node__caption">{caption ?? CAPTIONS[kind]}</span>
          <span className="node__title" title={title}>
            {title}
          </span>
        </span>
        {badge && badge.count > 0 ? (
          <span
            className={`node__badge node__badge--${badge.severity}`}
            title={`${badge.count} finding${badge.count === 1 ? '' : 's'}`}
          >
            {badge.count}
          </span>
        ) : null}
      </div>
      {subtitle ? (
        <div className="node__subtitle" title={subtitle}>
          {subtitle}
        </div>
      ) : null}
      {children}
    </div>
  );
}
