// What each line style means, for people new to the canvas. Collapsible; starts open where the
// window is tall enough for it not to take the room of the graph (fitting keeps nodes above it).

import { Panel } from '@xyflow/react';
import { useState, type ReactElement } from 'react';
import type { GraphEdgeKind } from '../../shared/model/graph';

const ENTRIES: { kind: GraphEdgeKind; label: string }[] = [
  { kind: 'federation', label: 'Federated into user pool' },
  { kind: 'acceptance', label: 'Login accepted by identity pool' },
  { kind: 'authenticatedRole', label: 'Default authenticated role' },
  { kind: 'guestRole', label: 'Guest role' },
  { kind: 'ruleRole', label: 'Rule (#order, first match wins)' },
  { kind: 'groupRole', label: 'Group role (cognito:roles)' },
  { kind: 'managedPolicy', label: 'Managed policy' },
];

const TALL_WINDOW = 900;

export function Legend(): ReactElement {
  const [open, setOpen] = useState(() => window.innerHeight >= TALL_WINDOW);
  return (
    <Panel position="bottom-left" className="legend" aria-label="Legend">
      <button
        type="button"
        className="legend__toggle"
        aria-expanded={open}
        onClick={() => setOpen((value) => !value)}
      >
        Legend {open ? '▾' : '▸'}
      </button>
      {open ? (
        <ul className="legend__list">
          {ENTRIES.map((entry) => (
            <li key={entry.kind}>
              <svg width="28" height="8" aria-hidden="true">
                <line
                  x1="1"
                  y1="4"
                  x2="27"
                  y2="4"
                  className={`react-flow__edge-path edge edge--${entry.kind}`}
                />
              </svg>
              {entry.label}
            </li>
          ))}
        </ul>
      ) : null}
    </Panel>
  );
}
