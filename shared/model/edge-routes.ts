// Edge routes that never pass under a node they do not touch. An edge is drawn as the usual
// left-to-right curve when that curve is clear; when it would cross a node between its ends (a
// provider accepted by an identity pool, drawn across the user-pool column), it runs in a free
// horizontal lane above or below the nodes in between. Pure and DOM-free, so tests can check it.

import type { Point } from './types';

/** Rough width of an edge label in the canvas font (10.5px), enough to decide whether it fits. */
export function estimatedLabelWidth(text: string): number {
  return text.length * 6.3 + 18;
}

/** Space kept between a rule label and the role it points at, and between it and its source. */
export const LABEL_GAP = 12;

export interface Box {
  id: string;
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface ObstacleIndex {
  /** Sorted by left edge. */
  boxes: Box[];
  maxWidth: number;
}

export interface Lane {
  y: number;
  /** Where the lane starts and ends (left and right of the nodes it avoids). */
  fromX: number;
  toX: number;
}

export interface EdgeEnds {
  sourceId: string;
  targetId: string;
  sourceX: number;
  sourceY: number;
  targetX: number;
  targetY: number;
}

/** Free space kept between a routed edge and the nodes it passes. */
const CLEARANCE = 14;
const SAMPLES = 24;

export function buildObstacleIndex(boxes: readonly Box[]): ObstacleIndex {
  const sorted = [...boxes].sort((a, b) => a.x - b.x);
  return { boxes: sorted, maxWidth: sorted.reduce((max, box) => Math.max(max, box.width), 0) };
}

/** Boxes other than the edge's ends that overlap the x-range (left, right). */
function boxesBetween(index: ObstacleIndex, ends: EdgeEnds, left: number, right: number): Box[] {
  const { boxes } = index;
  // First box whose left edge could still reach `left` (no box is wider than maxWidth).
  let low = 0;
  let high = boxes.length;
  const from = left - index.maxWidth;
  while (low < high) {
    const middle = (low + high) >> 1;
    if ((boxes[middle] as Box).x < from) low = middle + 1;
    else high = middle;
  }
  const found: Box[] = [];
  for (let position = low; position < boxes.length; position += 1) {
    const box = boxes[position] as Box;
    if (box.x >= right) break;
    if (box.x + box.width <= left || box.id === ends.sourceId || box.id === ends.targetId) continue;
    found.push(box);
  }
  return found;
}

/** The curve React Flow draws between a right-hand source handle and a left-hand target handle. */
export function bezierPoint(ends: EdgeEnds, t: number): Point {
  const offset = Math.abs(ends.targetX - ends.sourceX) / 2;
  const c1 = { x: ends.sourceX + offset, y: ends.sourceY };
  const c2 = { x: ends.targetX - offset, y: ends.targetY };
  const u = 1 - t;
  return {
    x: u ** 3 * ends.sourceX + 3 * u * u * t * c1.x + 3 * u * t * t * c2.x + t ** 3 * ends.targetX,
    y: u ** 3 * ends.sourceY + 3 * u * u * t * c1.y + 3 * u * t * t * c2.y + t ** 3 * ends.targetY,
  };
}

function inside(point: Point, box: Box, margin: number): boolean {
  return (
    point.x > box.x - margin &&
    point.x < box.x + box.width + margin &&
    point.y > box.y - margin &&
    point.y < box.y + box.height + margin
  );
}

/** The free height nearest `ideal` outside every box's vertical extent (plus clearance). */
function freeHeight(boxes: readonly Box[], ideal: number): number {
  const blocked = boxes
    .map((box) => [box.y - CLEARANCE, box.y + box.height + CLEARANCE] as const)
    .sort((a, b) => a[0] - b[0]);
  const merged: [number, number][] = [];
  for (const [top, bottom] of blocked) {
    const last = merged.at(-1);
    if (last && top <= last[1]) last[1] = Math.max(last[1], bottom);
    else merged.push([top, bottom]);
  }
  const hit = merged.find(([top, bottom]) => ideal > top && ideal < bottom);
  if (!hit) return ideal;
  return ideal - hit[0] <= hit[1] - ideal ? hit[0] : hit[1];
}

/**
 * The lane an edge must take to stay clear of the nodes between its ends, or undefined when the
 * plain curve is clear (or the edge does not run left to right).
 */
export function routeEdge(index: ObstacleIndex, ends: EdgeEnds): Lane | undefined {
  if (ends.targetX - ends.sourceX < 2 * CLEARANCE) return undefined;
  const between = boxesBetween(index, ends, ends.sourceX + 1, ends.targetX - 1);
  if (between.length === 0) return undefined;
  let crosses = false;
  for (let step = 1; step < SAMPLES && !crosses; step += 1) {
    const point = bezierPoint(ends, step / SAMPLES);
    crosses = between.some((box) => inside(point, box, 2));
  }
  if (!crosses) return undefined;
  const fromX = Math.max(ends.sourceX + CLEARANCE, Math.min(...between.map((box) => box.x)) - CLEARANCE);
  const toX = Math.min(
    ends.targetX - CLEARANCE,
    Math.max(...between.map((box) => box.x + box.width)) + CLEARANCE,
  );
  const lanes = between.filter((box) => box.x < toX && box.x + box.width > fromX);
  return { y: freeHeight(lanes, (ends.sourceY + ends.targetY) / 2), fromX, toX };
}

/** SVG path of an edge: the plain curve, or curve → lane → curve. Returns the label point too. */
export function edgePath(ends: EdgeEnds, lane: Lane | undefined): { path: string; label: Point } {
  const { sourceX: sx, sourceY: sy, targetX: tx, targetY: ty } = ends;
  if (!lane) {
    const offset = Math.abs(tx - sx) / 2;
    return {
      path: `M${sx},${sy} C${sx + offset},${sy} ${tx - offset},${ty} ${tx},${ty}`,
      label: bezierPoint(ends, 0.5),
    };
  }
  const into = (lane.fromX - sx) / 2;
  const out = (tx - lane.toX) / 2;
  return {
    path:
      `M${sx},${sy} C${sx + into},${sy} ${lane.fromX - into},${lane.y} ${lane.fromX},${lane.y} ` +
      `L${lane.toX},${lane.y} C${lane.toX + out},${lane.y} ${tx - out},${ty} ${tx},${ty}`,
    label: { x: (lane.fromX + lane.toX) / 2, y: lane.y },
  };
}
