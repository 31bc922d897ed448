// Edges never pass under a node they do not touch.

import { describe, expect, it } from 'vitest';
import {
  bezierPoint,
  buildObstacleIndex,
  edgePath,
  routeEdge,
  type Box,
  type EdgeEnds,
} from '../../../shared/model/edge-routes';

const provider: Box = { id: 'google', x: 0, y: 300, width: 240, height: 80 };
const userPool: Box = { id: 'pool', x: 400, y: 250, width: 270, height: 200 };
const identityPool: Box = { id: 'ids', x: 830, y: 320, width: 270, height: 150 };

function ends(from: Box, to: Box): EdgeEnds {
  return {
    sourceId: from.id,
    targetId: to.id,
    sourceX: from.x + from.width,
    sourceY: from.y + from.height / 2,
    targetX: to.x,
    targetY: to.y + to.height / 2,
  };
}

/** Samples the drawn path (curve → lane → curve) and reports the first box it enters. */
function crossed(edge: EdgeEnds, boxes: Box[]): string | undefined {
  const index = buildObstacleIndex(boxes);
  const lane = routeEdge(index, edge);
  const points: { x: number; y: number }[] = [];
  if (!lane) for (let t = 0; t <= 1; t += 0.01) points.push(bezierPoint(edge, t));
  else {
    const a = { ...edge, targetX: lane.fromX, targetY: lane.y };
    const b = { ...edge, sourceX: lane.toX, sourceY: lane.y };
    for (let t = 0; t <= 1; t += 0.01) points.push(bezierPoint(a, t), bezierPoint(b, t));
    for (let x = lane.fromX; x <= lane.toX; x += 5) points.push({ x, y: lane.y });
  }
  const others = boxes.filter((box) => box.id !== edge.sourceId && box.id !== edge.targetId);
  return others.find((box) =>
    points.some((p) => p.x > box.x && p.x < box.x + box.width && p.y > box.y && p.y < box.y + box.height),
  )?.id;
}

describe('edge routes', () => {
  const boxes = [provider, userPool, identityPool];

  it('a provider → identity pool edge goes around the user pool in between', () => {
    const edge = ends(provider, identityPool);
    const plainCrosses = (() => {
      for (let t = 0; t <= 1; t += 0.01) {
        const p = bezierPoint(edge, t);
        if (
          p.x > userPool.x &&
          p.x < userPool.x + userPool.width &&
          p.y > userPool.y &&
          p.y < userPool.y + userPool.height
        )
          return true;
      }
      return false;
    })();
    expect(plainCrosses).toBe(true);
    expect(routeEdge(buildObstacleIndex(boxes), edge)).toBeDefined();
    expect(crossed(edge, boxes)).toBeUndefined();
    expect(edgePath(edge, routeEdge(buildObstacleIndex(boxes), edge)).path).toContain(' L');
  });

  it('leaves clear edges alone', () => {
    expect(routeEdge(buildObstacleIndex(boxes), ends(provider, userPool))).toBeUndefined();
    expect(routeEdge(buildObstacleIndex(boxes), ends(userPool, identityPool))).toBeUndefined();
  });

  it('finds a lane through a whole column of nodes', () => {
    const column = Array.from({ length: 12 }, (_, index): Box => ({
      id: `n${index}`,
      x: 400,
      y: index * 110,
      width: 270,
      height: 90,
    }));
    const far: Box = { id: 'far', x: 830, y: 605, width: 270, height: 80 };
    const near: Box = { id: 'near', x: 0, y: 540, width: 240, height: 80 };
    const all = [...column, far, near];
    expect(crossed(ends(near, far), all)).toBeUndefined();
  });
});
