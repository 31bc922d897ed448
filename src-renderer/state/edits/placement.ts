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

/**
 * Where a new node of `kind` goes: below the lowest node of the same kind (keeping the
 * left-to-right columns of the login flow tidy), or `fallback` when the design has none yet;
 * either way on a free spot.
 */
export function suggestPosition(
  design: DesignDocument,
  kind: GraphNodeKind,
  size: Size,
  fallback: Point,
): Point {
  const sameKind = deriveGraph(design).nodes.filter(
    (node) => node.data.kind === kind && node.position !== undefined,
  );
  if (sameKind.length === 0) return findFreeSpot(design, fallback, size);
  const column = Math.min(...sameKind.map((node) => node.position!.x));
  const bottom = Math.max(...sameKind.map((node) => node.position!.y + node.size.height));
  return findFreeSpot(design, { x: column, y: bottom + MARGIN * 2 }, size);
}
