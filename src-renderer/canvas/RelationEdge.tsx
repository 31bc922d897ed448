// One edge component for every relation; the kind decides colour, dash and label style.

import { BaseEdge, EdgeLabelRenderer, getBezierPath, type EdgeProps } from '@xyflow/react';
import { memo, type ReactElement } from 'react';
import type { AppEdge } from './flow-types';

function RelationEdgeView({
  id,
  sourceX,
  sourceY,
  targetX,
  targetY,
  sourcePosition,
  targetPosition,
  data,
  selected,
  markerEnd,
}: EdgeProps<AppEdge>): ReactElement {
  const [path, labelX, labelY] = getBezierPath({ sourceX, sourceY, targetX, targetY, sourcePosition, targetPosition });
  const kind = data?.kind ?? 'acceptance';
  const [x, y, anchor] = labelPlacement(kind, sourceX, sourceY, targetX, targetY, labelX, labelY);
  return (
    <>
      <BaseEdge id={id} path={path} markerEnd={markerEnd} className={`edge edge--${kind}${selected ? ' edge--selected' : ''}`} interactionWidth={16} />
      {data?.label ? (
        <EdgeLabelRenderer>
          <div
            className={`edge-label edge-label--${kind}${selected ? ' edge-label--selected' : ''}`}
            style={{ transform: `translate(${anchor}, -50%) translate(${x}px, ${y}px)` }}
            data-testid="edge-label"
          >
            {data.label}
          </div>
        </EdgeLabelRenderer>
      ) : null}
    </>
  );
}

// Rule labels sit just before the role they lead to and group labels just after their group
// row: many of these edges leave the same handle, so midpoints would pile up.
const LABEL_GAP = 14;

function labelPlacement(kind: string, sourceX: number, sourceY: number, targetX: number, targetY: number, midX: number, midY: number): [number, number, string] {
  if (kind === 'ruleRole' && targetX - sourceX > 120) return [targetX - LABEL_GAP, targetY, '-100%'];
  if (kind === 'groupRole' && targetX - sourceX > 120) return [sourceX + LABEL_GAP, sourceY, '0%'];
  return [midX, midY, '-50%'];
}

export const RelationEdge = memo(RelationEdgeView);
