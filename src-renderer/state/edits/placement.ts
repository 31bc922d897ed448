// Where a new node goes: the requested point, or the nearest spot below it that does not cover
// an existing node (estimated sizes), so a new node never hides another one.

import { deriveGraph, type GraphNodeKind, type Size } from '../../../shared/model/graph';
import type { DesignDocument, Point } from '../../../shared/model/types';

const MARGIN = 24;
const STEP = 40;
const MAX_TRIES = 200;

function overlaps(a: Point, aSize: Size, b: Point, bSize: Size): boolean {
  return (
    a.x < b.x + bSize.width + MARGIN &&
    b.x < a.x + aSize.width + MARGIN &&
    a.y < b.y + bSize.height + MARGIN &&
    b.y < a.y + aSize.height + MARGIN
  );
}

export function findFreeSpot(design: DesignDocument, wanted: Point, size: Size): Point {
  const occupied = deriveGraph(design)
    .nodes.filter((node) => node.position !== undefined)
    .map((node) => ({ position: node.position as Point, size: node.size }));
  for (let attempt = 0; attempt < MAX_TRIES; attempt += 1) {
    // Walk down a column, then move one column right.
    const column = Math.floor(attempt / 20);
    const candidate = { x: wanted.x + column * (size.width + MARGIN), y: wanted.y + (attempt % 20) * STEP };
    if (!occupied.some((other) => overlaps(candidate, size, other.position, other.size))) return candidate;
  }
  return wanted;
}

/** Left-to-right order of the login flow; also the column of each kind. */
const COLUMN_OF_KIND: Record<GraphNodeKind, number> = {
  provider: 0,
  userPool: 1,
  identityPool: 2,
  role: 3,
  managedPolicy: 4,
};
/** Distance between neighbouring columns when a kind has no column yet (node width + gap). */
const COLUMN_PITCH = 420;

/** The x of the column of `kind`: where its nodes are, else derived from the nearest other column. */
function columnX(nodes: ReturnType<typeof deriveGraph>['nodes'], kind: GraphNodeKind): number | undefined {
  const lefts = new Map<GraphNodeKind, number>();
  for (const node of nodes) {
    if (!node.position) continue;
    const current = lefts.get(node.data.kind);
    if (current === undefined || node.position.x < current) lefts.set(node.data.kind, node.position.x);
  }
  const own = lefts.get(kind);
  if (own !== undefined) return own;
  let best: { x: number; distance: number } | undefined;
  for (const [other, x] of lefts) {
    const offset = COLUMN_OF_KIND[kind] - COLUMN_OF_KIND[other];
    if (!best || Math.abs(offset) < best.distance)
      best = { x: x + offset * COLUMN_PITCH, distance: Math.abs(offset) };
  }
  return best?.x;
}

/**
 * Where a new node of `kind` goes: in the column of its kind (providers, user pools, identity
 * pools, roles, policies from left to right), at the height of `anchorId` (the selected node) or
 * else of `wanted` (the centre of the view), on the nearest free spot above or below — so it lands
 * in view, next to what the person is working on.
 */
export function suggestPosition(
  design: DesignDocument,
  kind: GraphNodeKind,
  size: Size,
  wanted: Point,
  anchorId?: string,
  /** The size a node is drawn at, where known: estimates can be shorter (wrapped chips). */
  drawnSize: (nodeId: string) => Size | undefined = () => undefined,
): Point {
  const nodes = deriveGraph(design).nodes;
  const anchor = anchorId === undefined ? undefined : nodes.find((node) => node.id === anchorId)?.position;
  const x = columnX(nodes, kind) ?? wanted.x;
  const y = anchor?.y ?? wanted.y;
  const occupied = nodes
    .filter((node) => node.position !== undefined)
    .map((node) => ({ position: node.position as Point, size: drawnSize(node.id) ?? node.size }));
  for (let attempt = 0; attempt < MAX_TRIES; attempt += 1) {
    // 0, +1, -1, +2, -2, … steps: the nearest free spot in the column, below or above.
    const offset = Math.ceil(attempt / 2) * (attempt % 2 === 1 ? 1 : -1) * STEP;
    const candidate = { x, y: y + offset };
    if (!occupied.some((other) => overlaps(candidate, size, other.position, other.size))) return candidate;
  }
  return findFreeSpot(design, { x, y }, size);
}
