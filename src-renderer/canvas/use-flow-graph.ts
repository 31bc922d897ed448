// Adapts the derived design graph to React Flow nodes and edges. Node and edge objects are
// cached and reused while nothing about them changes, so memoised node components do not
// re-render and React Flow skips unchanged nodes.

import { MarkerType } from '@xyflow/react';
import { useMemo, useRef } from 'react';
import { deriveGraph, type DesignGraph, type GraphEdge, type GraphNode } from '../../shared/model/graph';
import { useAppStore } from '../state/store';
import { estimatedHandles } from './estimated-handles';
import type { AppEdge, AppNode } from './flow-types';

export type MeasuredSizes = ReadonlyMap<string, { width: number; height: number }>;

interface Cached<T> {
  /** What the value was made from (never mutated: the design and its derived graph are immutable). */
  inputs: readonly unknown[];
  /** The inputs serialised, computed only once a later render has to compare them. */
  key: string | undefined;
  value: T;
}

/**
 * The cache entry for `inputs`: the cached value when its inputs are the same objects or serialise
 * the same, else a new value. Serialising waits for a comparison: the first render of a large
 * design creates every object and compares none, and re-renders that keep the graph (selection,
 * measured sizes) mostly find the very same inputs.
 */
function cachedEntry<T>(
  cached: Cached<T> | undefined,
  inputs: readonly unknown[],
  create: () => T,
): Cached<T> {
  if (!cached) return { inputs, key: undefined, value: create() };
  if (
    inputs.length === cached.inputs.length &&
    inputs.every((input, index) => input === cached.inputs[index])
  )
    return cached;
  cached.key ??= JSON.stringify(cached.inputs);
  const key = JSON.stringify(inputs);
  return { inputs, key, value: key === cached.key ? cached.value : create() };
}

function toNode(
  node: GraphNode,
  selected: boolean,
  measured: { width: number; height: number } | undefined,
  badge: AppNode['data']['badge'],
): AppNode {
  return {
    id: node.id,
    type: node.data.kind,
    position: node.position ?? { x: 0, y: 0 },
    data: badge ? { ...node.data, badge } : { ...node.data },
    selected,
    ...(measured
      ? { measured }
      : { initialWidth: node.size.width, initialHeight: node.size.height, handles: estimatedHandles(node) }),
    ...(node.position ? {} : { style: { opacity: 0 } }),
  } as AppNode;
}

function toEdge(edge: GraphEdge, selected: boolean): AppEdge {
  return {
    id: edge.id,
    type: 'relation',
    source: edge.source,
    target: edge.target,
    sourceHandle: edge.sourceHandle,
    targetHandle: edge.targetHandle,
    selected,
    markerEnd: { type: MarkerType.ArrowClosed, width: 16, height: 16 },
    data: {
      kind: edge.kind,
      ...(edge.label === undefined ? {} : { label: edge.label }),
      ...(edge.shortLabel === undefined ? {} : { shortLabel: edge.shortLabel }),
      ...(edge.rule ? { rule: edge.rule } : {}),
      ...(edge.tokenMapped === undefined ? {} : { tokenMapped: edge.tokenMapped }),
    },
  };
}

export function useFlowGraph(measured: MeasuredSizes): {
  graph: DesignGraph;
  nodes: AppNode[];
  edges: AppEdge[];
} {
  const design = useAppStore((state) => state.design);
  const selection = useAppStore((state) => state.selection);
  const findings = useAppStore((state) => state.ui.findings);
  const nodeCache = useRef(new Map<string, Cached<AppNode>>());
  const edgeCache = useRef(new Map<string, Cached<AppEdge>>());

  const graph = useMemo(() => deriveGraph(design), [design]);

  const nodes = useMemo(() => {
    const selected = new Set(selection.nodes);
    const next = new Map<string, Cached<AppNode>>();
    const result = graph.nodes.map((node) => {
      const size = measured.get(node.id);
      const badge = findings[node.id];
      const isSelected = selected.has(node.id);
      const entry = cachedEntry(
        nodeCache.current.get(node.id),
        [node.data, node.position, isSelected, size, badge],
        () => toNode(node, isSelected, size, badge),
      );
      next.set(node.id, entry);
      return entry.value;
    });
    nodeCache.current = next;
    return result;
  }, [graph, selection.nodes, findings, measured]);

  const edges = useMemo(() => {
    const selected = new Set(selection.edges);
    const next = new Map<string, Cached<AppEdge>>();
    const result = graph.edges.map((edge) => {
      const isSelected = selected.has(edge.id);
      const entry = cachedEntry(edgeCache.current.get(edge.id), [edge, isSelected], () =>
        toEdge(edge, isSelected),
      );
      next.set(edge.id, entry);
      return entry.value;
    });
    edgeCache.current = next;
    return result;
  }, [graph, selection.edges]);

  return { graph, nodes, edges };
}
