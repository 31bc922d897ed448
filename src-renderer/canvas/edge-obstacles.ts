// The node boxes edges route around (shared/model/edge-routes.ts), built once per change of the
// canvas nodes and handed to every edge through context.

import { createContext, useContext } from 'react';
import { buildObstacleIndex, type ObstacleIndex } from '../../shared/model/edge-routes';
import type { AppNode } from './flow-types';

const EMPTY = buildObstacleIndex([]);

export const EdgeObstacles = createContext<ObstacleIndex>(EMPTY);

export function useEdgeObstacles(): ObstacleIndex {
  return useContext(EdgeObstacles);
}

export function obstaclesOf(nodes: readonly AppNode[]): ObstacleIndex {
  return buildObstacleIndex(
    nodes.map((node) => ({
      id: node.id,
      x: node.position.x,
      y: node.position.y,
      width: node.measured?.width ?? node.initialWidth ?? 240,
      height: node.measured?.height ?? node.initialHeight ?? 80,
    })),
  );
}
