// The card every entity node shares: accent colour per kind, icon, caption, title, and a slot
// for the review findings badge (a click selects the entity and shows its findings).

import { useNodeId } from '@xyflow/react';
import type { ReactElement, ReactNode } from 'react';
import type { GraphNodeKind } from '../../../shared/model/graph';
import type { FindingBadge } from '../flow-types';
import { showFindingsOf } from '../../review/Findings';
import { EntityIcon } from '../icons';
import { useAppStore } from '../../state/store';

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

function FindingsBadge({ badge }: { badge: FindingBadge }): ReactElement {
  const nodeId = useNodeId();
  const label = `${badge.count} ${badge.severity} finding${badge.count === 1 ? '' : 's'}: show`;
  return (
    <button
      type="button"
      className={`node__badge node__badge--${badge.severity} nodrag`}
      title={label}
      aria-label={label}
      data-testid="findings-badge"
      onClick={(event) => {
        event.stopPropagation();
        if (nodeId) showFindingsOf(nodeId);
      }}
    >
      {badge.count}
    </button>
  );
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
  const nodeId = useNodeId();
  const onPath = useAppStore(
    (state) => nodeId !== null && state.ui.simulationPath?.nodes.includes(nodeId) === true,
  );
  return (
    <div
      className={`node node--${kind}${selected ? ' node--selected' : ''}${onPath ? ' node--on-path' : ''}`}
      data-testid={`node-${kind}`}
      data-on-path={onPath || undefined}
    >
      <div className="node__header">
        <span className="node__icon">{icon ?? <EntityIcon kind={kind} size={18} />}</span>
        <span className="node__titles">
          <span className="node__caption">{caption ?? CAPTIONS[kind]}</span>
          <span className="node__title" title={title}>
            {title}
          </span>
        </span>
        {badge && badge.count > 0 ? <FindingsBadge badge={badge} /> : null}
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
