// The node boxes edges route around (shared/model/edge-routes.ts), built once per change of the
// design and handed to every edge through context.

import { createContext, useContext } from 'react';
import { buildObstacleIndex, type ObstacleIndex } from '../../shared/model/edge-routes';
import type { GraphNode } from '../../shared/model/graph';

const EMPTY = buildObstacleIndex([]);

export const EdgeObstacles = createContext<ObstacleIndex>(EMPTY);

export function useEdgeObstacles(): ObstacleIndex {
  return useContext(EdgeObstacles);
}

/** Boxes of the nodes that have a position, with their measured size where known. */
export function obstaclesOf(
  nodes: readonly GraphNode[],
  measured: ReadonlyMap<string, { width: number; height: number }>,
): ObstacleIndex {
  return buildObstacleIndex(
    nodes.flatMap((node) => {
      if (!node.position) return [];
      const size = measured.get(node.id) ?? node.size;
      return [
        { id: node.id, x: node.position.x, y: node.position.y, width: size.width, height: size.height },
      ];
    }),
  );
}
