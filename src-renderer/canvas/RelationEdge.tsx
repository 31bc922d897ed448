// One edge component for every relation; the kind decides colour, dash and label style.
// An edge never runs under a node it does not touch: where the plain curve would, it takes a free
// lane around the nodes in between (shared/model/edge-routes.ts).
// Labels must never hide behind nodes: when the horizontal gap between the two nodes is too
// narrow for the whole label, a rule edge wraps its compact form (`#2 hd = example.com`) onto
// more lines within the gap (auto-layout leaves room for one line) and other edges hide their
// label; the full text stays in the tooltip and appears when the edge is selected.

import { BaseEdge, EdgeLabelRenderer, type EdgeProps } from '@xyflow/react';
import { memo, useMemo, type ReactElement } from 'react';
import { edgePath, estimatedLabelWidth, LABEL_GAP, routeEdge } from '../../shared/model/edge-routes';
import { useEdgeObstacles } from './edge-obstacles';
import { useAppStore } from '../state/store';
import type { AppEdge } from './flow-types';

/** Narrowest a wrapped rule label gets: about a dozen characters a line. */
const MIN_RULE_LABEL_WIDTH = 96;

function RelationEdgeView(props: EdgeProps<AppEdge>): ReactElement {
  const { id, source, target, sourceX, sourceY, targetX, targetY, data, selected, markerEnd } = props;
  const obstacles = useEdgeObstacles();
  const { path, label } = useMemo(() => {
    const ends = { sourceId: source, targetId: target, sourceX, sourceY, targetX, targetY };
    return edgePath(ends, routeEdge(obstacles, ends));
  }, [obstacles, source, target, sourceX, sourceY, targetX, targetY]);
  const labelX = label.x;
  const labelY = label.y;
  const onPath = useAppStore((state) => state.ui.simulationPath?.edges.includes(id) === true);
  const kind = data?.kind ?? 'acceptance';
  const full = data?.label;
  const gap = targetX - sourceX - 2 * LABEL_GAP;
  const fits = full !== undefined && estimatedLabelWidth(full) <= gap;
  let text: string | undefined = full;
  if (full !== undefined && !fits && !selected)
    text = kind === 'ruleRole' ? (data?.shortLabel ?? full) : undefined;
  else if (kind === 'ruleRole' && data?.shortLabel && !selected) text = data.shortLabel;
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
              ...(nearTarget && !selected ? { maxWidth: Math.max(MIN_RULE_LABEL_WIDTH, gap) } : {}),
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
