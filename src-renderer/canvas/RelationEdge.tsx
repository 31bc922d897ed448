// One edge component for every relation; the kind decides colour, dash and label style.
// Labels must never hide behind nodes: when the horizontal gap between the two nodes is too
// narrow for the whole label, a rule edge shows only its order (`#2`) and other edges hide
// their label; the full text stays in the tooltip and appears when the edge is selected.

import { BaseEdge, EdgeLabelRenderer, getBezierPath, type EdgeProps } from '@xyflow/react';
import { memo, type ReactElement } from 'react';
import { useAppStore } from '../state/store';
import type { AppEdge } from './flow-types';

/** Rough width of a label in the canvas font (10.5px), enough to decide whether it fits. */
function estimatedWidth(text: string): number {
  return text.length * 6.3 + 18;
}

const LABEL_GAP = 12;

function RelationEdgeView(props: EdgeProps<AppEdge>): ReactElement {
  const { id, sourceX, targetX, targetY, data, selected, markerEnd } = props;
  const [path, labelX, labelY] = getBezierPath(props);
  const onPath = useAppStore((state) => state.ui.simulationPath?.edges.includes(id) === true);
  const kind = data?.kind ?? 'acceptance';
  const full = data?.label;
  const gap = targetX - sourceX - 2 * LABEL_GAP;
  const fits = full !== undefined && estimatedWidth(full) <= gap;
  let text: string | undefined = full;
  if (full !== undefined && !fits && !selected)
    text = kind === 'ruleRole' && data?.rule ? `#${data.rule.order}` : undefined;
  // A group edge starts at its group row, which already names the group and its precedence;
  // its label would only cross the nodes in between.
  if (kind === 'groupRole' && !selected) text = undefined;
  // Rule labels sit just before their role: several rules leave the same handle, so their
  // midpoints would pile up, while their targets are spread out.
  const nearTarget = kind === 'ruleRole' && (fits || !selected);
  const x = nearTarget ? targetX - LABEL_GAP : labelX;
  const y = nearTarget ? targetY : labelY;
  return (
    <>
      <BaseEdge
        id={id}
        path={path}
        markerEnd={markerEnd}
        className={`edge edge--${kind}${selected ? ' edge--selected' : ''}${onPath ? ' edge--on-path' : ''}`}
        interactionWidth={16}
      />
      {text ? (
        <EdgeLabelRenderer>
          <div
            className={`edge-label edge-label--${kind}${selected ? ' edge-label--selected' : ''}`}
            style={{
              transform: `translate(${nearTarget ? '-100%' : '-50%'}, -50%) translate(${x}px, ${y}px)`,
            }}
            title={full}
            data-label={full}
            data-testid="edge-label"
          >
            {text}
          </div>
        </EdgeLabelRenderer>
      ) : null}
    </>
  );
}

export const RelationEdge = memo(RelationEdgeView);
