// Adapts the derived design graph to React Flow nodes and edges. Node and edge objects are
// cached and reused while nothing about them changes, so memoised node components do not
// re-render and React Flow skips unchanged nodes.

import { MarkerType, type Viewport } from '@xyflow/react';
import { useMemo, useRef, useState } from 'react';
import { deriveGraph, type DesignGraph, type GraphEdge, type GraphNode } from '../../shared/model/graph';
import { useAppStore } from '../state/store';
import type { CommandState, UiState } from '../state/types';
import type { DesignDocument } from '../../shared/model/types';
import { openedDesignViewport, opensAtFixedView } from './canvas-controller';
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

/**
 * A node React Flow has not measured yet carries its estimated size and handles only in a large
 * design, where nodes off screen are never rendered (virtualisation) and its opening view does not
 * depend on sizes. In a small design React Flow keeps such a node hidden until it has measured it,
 * which is what lets the opening fit use real sizes in the very frame that first shows the nodes.
 */
function toNode(
  node: GraphNode,
  selected: boolean,
  measured: { width: number; height: number } | undefined,
  badge: AppNode['data']['badge'],
  estimate: boolean,
): AppNode {
  return {
    id: node.id,
    type: node.data.kind,
    position: node.position ?? { x: 0, y: 0 },
    data: badge ? { ...node.data, badge } : { ...node.data },
    selected,
    ...(measured
      ? { measured }
      : estimate
        ? { initialWidth: node.size.width, initialHeight: node.size.height, handles: estimatedHandles(node) }
        : {}),
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

type NodeCache = Map<string, Cached<AppNode>>;
type EdgeCache = Map<string, Cached<AppEdge>>;
type Findings = UiState['findings'];

/**
 * One value per item, reusing the previous render's value for an item whose inputs are unchanged
 * (see cachedEntry); the new cache holds the items of this render only.
 */
function reuseEach<I extends { id: string }, T>(
  items: readonly I[],
  previous: ReadonlyMap<string, Cached<T>>,
  inputsOf: (item: I) => readonly unknown[],
  create: (item: I) => T,
): { values: T[]; cache: Map<string, Cached<T>> } {
  const cache = new Map<string, Cached<T>>();
  const values = items.map((item) => {
    const entry = cachedEntry(previous.get(item.id), inputsOf(item), () => create(item));
    cache.set(item.id, entry);
    return entry.value;
  });
  return { values, cache };
}

/** React Flow nodes of a graph, reusing the previous render's objects that still fit. */
function flowNodes(
  graph: DesignGraph,
  selectedIds: readonly string[],
  findings: Findings,
  measured: MeasuredSizes,
  previous: NodeCache,
): { nodes: AppNode[]; cache: NodeCache } {
  const selected = new Set(selectedIds);
  const estimate = opensAtFixedView(graph.nodes.length);
  const { values, cache } = reuseEach(
    graph.nodes,
    previous,
    (node) => [
      node.data,
      node.position,
      selected.has(node.id),
      measured.get(node.id),
      findings[node.id],
      estimate,
    ],
    (node) => toNode(node, selected.has(node.id), measured.get(node.id), findings[node.id], estimate),
  );
  return { nodes: values, cache };
}

/** React Flow edges of a graph, reusing the previous render's objects that still fit. */
function flowEdges(
  graph: DesignGraph,
  selectedIds: readonly string[],
  previous: EdgeCache,
): { edges: AppEdge[]; cache: EdgeCache } {
  const selected = new Set(selectedIds);
  const { values, cache } = reuseEach(
    graph.edges,
    previous,
    (edge) => [edge, selected.has(edge.id)],
    (edge) => toEdge(edge, selected.has(edge.id)),
  );
  return { edges: values, cache };
}

const NOTHING_MEASURED: MeasuredSizes = new Map();

/** What initialFlowElements made, for the canvas's first render to reuse rather than derive again. */
let seed:
  | {
      design: DesignDocument;
      graph: DesignGraph;
      nodes: NodeCache;
      edges: EdgeCache;
      viewport: Viewport | undefined;
    }
  | undefined;

/**
 * The nodes and edges React Flow's store starts with (App's provider): those of the design in the
 * store, as the canvas's first render will make them (it reuses these very objects). Without them
 * the store starts empty and the nodes arrive one render and one frame after the canvas.
 */
export function initialFlowElements(state: Pick<CommandState, 'design' | 'selection' | 'ui'>): {
  nodes: AppNode[];
  edges: AppEdge[];
  /** Whether React Flow fits the view to the nodes once it has measured them (a small design). */
  fitView: boolean;
} {
  const graph = deriveGraph(state.design);
  const nodes = flowNodes(graph, state.selection.nodes, state.ui.findings, NOTHING_MEASURED, new Map());
  const edges = flowEdges(graph, state.selection.edges, new Map());
  const viewport = openedDesignViewport(nodes.nodes.map((node) => node.position));
  seed = { design: state.design, graph, nodes: nodes.cache, edges: edges.cache, viewport };
  return {
    nodes: nodes.nodes,
    edges: edges.edges,
    fitView: viewport === undefined && nodes.nodes.length > 0,
  };
}

function takeSeed(design: DesignDocument): typeof seed {
  const taken = seed?.design === design ? seed : undefined;
  seed = undefined;
  return taken;
}

export function useFlowGraph(measured: MeasuredSizes): {
  graph: DesignGraph;
  nodes: AppNode[];
  edges: AppEdge[];
  /** The view the design in the store opens with, when it is known before the first frame (openedDesignViewport). */
  initialViewport: Viewport | undefined;
  /** Whether the design the canvas starts with is shown as it opens without the canvas fitting it. */
  openedViewSet: boolean;
} {
  const design = useAppStore((state) => state.design);
  const selection = useAppStore((state) => state.selection);
  const findings = useAppStore((state) => state.ui.findings);
  const [initial] = useState(() => takeSeed(design));
  const nodeCache = useRef<NodeCache>(initial?.nodes ?? new Map());
  const edgeCache = useRef<EdgeCache>(initial?.edges ?? new Map());

  const graph = useMemo(
    () => (initial?.design === design ? initial.graph : deriveGraph(design)),
    [initial, design],
  );

  const nodes = useMemo(() => {
    const next = flowNodes(graph, selection.nodes, findings, measured, nodeCache.current);
    nodeCache.current = next.cache;
    return next.nodes;
  }, [graph, selection.nodes, findings, measured]);

  const edges = useMemo(() => {
    const next = flowEdges(graph, selection.edges, edgeCache.current);
    edgeCache.current = next.cache;
    return next.edges;
  }, [graph, selection.edges]);

  return {
    graph,
    nodes,
    edges,
    initialViewport: initial?.viewport,
    // Any design with nodes the canvas starts with: at initialViewport, or fitted by React Flow.
    openedViewSet: initial !== undefined && initial.nodes.size > 0,
  };
}
