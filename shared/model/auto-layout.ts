// Auto-layout: a pure async function (nodes, edges) → positions, backed by elkjs's layered
// algorithm. Flow runs left to right the way logins travel: providers → user pools → identity
// pools → roles → policies.

import type { ELK, ElkNode } from 'elkjs/lib/elk-api';
import { estimatedLabelWidth, LABEL_GAP } from './edge-routes';
import type { GraphEdge, GraphNode } from './graph';
import type { Point } from './types';

const LAYER_OF_KIND = { provider: 0, userPool: 1, identityPool: 2, role: 3, managedPolicy: 4 } as const;

const BETWEEN_LAYERS = 160;
/** A rule label longer than this wraps onto more lines rather than pushing the roles further away. */
const MAX_RULE_ROOM = 260;

/**
 * How much further right the roles (and policies) go so that each rule label (`#1 hd =
 * example.com`) fits on one line between the identity pools and the role it points at.
 */
function ruleLabelRoom(edges: readonly Partial<Pick<GraphEdge, 'kind' | 'shortLabel'>>[]): number {
  let widest = 0;
  for (const edge of edges) {
    if (edge.kind === 'ruleRole' && edge.shortLabel)
      widest = Math.max(widest, estimatedLabelWidth(edge.shortLabel) + 2 * LABEL_GAP);
  }
  return Math.round(Math.min(MAX_RULE_ROOM, Math.max(0, widest - BETWEEN_LAYERS)));
}

let engine: Promise<ELK> | undefined;

// elkjs is large (about 1.5 MB); loading it on first use keeps it out of the app's start-up.
function elk(): Promise<ELK> {
  engine ??= import('elkjs/lib/elk.bundled.js').then((module) => new module.default());
  return engine;
}

/** Positions (top-left corners) for every node. Edges with unknown endpoints are ignored. */
export async function autoLayout(
  nodes: readonly Pick<GraphNode, 'id' | 'size' | 'data'>[],
  edges: readonly (Pick<GraphEdge, 'id' | 'source' | 'target'> &
    Partial<Pick<GraphEdge, 'kind' | 'shortLabel'>>)[],
): Promise<Record<string, Point>> {
  if (nodes.length === 0) return {};
  const ids = new Set(nodes.map((node) => node.id));
  const graph: ElkNode = {
    id: 'root',
    layoutOptions: {
      'elk.algorithm': 'layered',
      'elk.direction': 'RIGHT',
      'elk.layered.spacing.nodeNodeBetweenLayers': String(BETWEEN_LAYERS),
      'elk.spacing.nodeNode': '40',
      'elk.layered.nodePlacement.strategy': 'BRANDES_KOEPF',
      'elk.layered.crossingMinimization.semiInteractive': 'true',
      'elk.partitioning.activate': 'true',
      'elk.separateConnectedComponents': 'false',
    },
    children: nodes.map((node) => ({
      id: node.id,
      width: node.size.width,
      height: node.size.height,
      layoutOptions: { 'elk.partitioning.partition': String(LAYER_OF_KIND[node.data.kind]) },
    })),
    edges: edges
      .filter((edge) => ids.has(edge.source) && ids.has(edge.target) && edge.source !== edge.target)
      .map((edge) => ({ id: edge.id, sources: [edge.source], targets: [edge.target] })),
  };
  const result = await (await elk()).layout(graph);
  const room = ruleLabelRoom(edges);
  const layerOf = new Map(nodes.map((node) => [node.id, LAYER_OF_KIND[node.data.kind]]));
  const positions: Record<string, Point> = {};
  for (const child of result.children ?? []) {
    const shift = (layerOf.get(child.id) ?? 0) >= LAYER_OF_KIND.role ? room : 0;
    positions[child.id] = { x: Math.round((child.x ?? 0) + shift), y: Math.round(child.y ?? 0) };
  }
  return positions;
}
