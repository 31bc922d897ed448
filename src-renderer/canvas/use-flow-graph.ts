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
  key: string;
  value: T;
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
      const key = JSON.stringify([node.data, node.position, selected.has(node.id), size, badge]);
      const cached = nodeCache.current.get(node.id);
      const entry =
        cached && cached.key === key
          ? cached
          : { key, value: toNode(node, selected.has(node.id), size, badge) };
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
      const key = JSON.stringify([edge, selected.has(edge.id)]);
      const cached = edgeCache.current.get(edge.id);
      const entry =
        cached && cached.key === key ? cached : { key, value: toEdge(edge, selected.has(edge.id)) };
      next.set(edge.id, entry);
      return entry.value;
    });
    edgeCache.current = next;
    return result;
  }, [graph, selection.edges]);

  return { graph, nodes, edges };
}
