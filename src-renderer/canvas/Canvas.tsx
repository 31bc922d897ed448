// The graph canvas: React Flow over the derived graph. Changes from React Flow (drag, select,
// connect) become store commands; nothing here owns model state.

import {
  Background,
  BackgroundVariant,
  Controls,
  MiniMap,
  ReactFlow,
  useStore,
  useStoreApi,
  type Connection,
  type EdgeChange,
  type FinalConnectionState,
  type IsValidConnection,
  type NodeChange,
  type ReactFlowInstance,
  type Viewport,
} from '@xyflow/react';
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState, type ReactElement } from 'react';
import { autoLayout } from '../../shared/model/auto-layout';
import { checkConnection } from '../../shared/model/graph-connections';
import { connectCommand, moveNodesCommand } from '../state/commands';
import { notify } from '../state/notices';
import { useAppStore } from '../state/store';
import { useEffectiveTheme } from '../shell/theme';
import { canvasMounted, canvasShowedNodes, canvasUnmounted } from './first-nodes';
import { fitOpenedDesign, registerCanvas, registerCanvasElement } from './canvas-controller';
import { EdgeObstacles, obstaclesOf } from './edge-obstacles';
import type { AppEdge, AppNode } from './flow-types';
import { Legend } from './Legend';
import {
  IdentityPoolNode,
  ManagedPolicyNode,
  ProviderNode,
  RoleNode,
  UserPoolNode,
} from './nodes/entity-nodes';
import { RelationEdge } from './RelationEdge';
import { useFlowGraph, type MeasuredSizes } from './use-flow-graph';

const nodeTypes = {
  provider: ProviderNode,
  userPool: UserPoolNode,
  identityPool: IdentityPoolNode,
  role: RoleNode,
  managedPolicy: ManagedPolicyNode,
};

const edgeTypes = { relation: RelationEdge };

const MINIMAP_COLOURS: Record<string, string> = {
  provider: '#8b5cf6',
  userPool: '#3b82f6',
  identityPool: '#14b8a6',
  role: '#f59e0b',
  managedPolicy: '#64748b',
};

function minimapColour(node: AppNode): string {
  return MINIMAP_COLOURS[node.type] ?? '#94a3b8';
}

/** Small enough to leave room for nodes at 1280×720; fitting the view keeps nodes above it. */
const MINIMAP_SIZE = { width: 168, height: 110 };

/** Below this zoom, text on nodes and edge labels is too small to read: it is not drawn. */
const FAR_ZOOM = 0.3;

function isFar(state: { transform: [number, number, number] }): boolean {
  return state.transform[2] < FAR_ZOOM;
}

/** Large designs render only what is on screen (React Flow's virtualisation). */
const VIRTUALIZE_ABOVE = 150;

/**
 * Puts React Flow's viewport at `viewport` before its components first read it, so that the first
 * frame already shows the opened design as it is meant to be seen: the store React Flow's provider
 * creates starts at zoom 1 at the origin, and `defaultViewport` reaches it only in an effect, after
 * a first frame at that zoom (one more render and layout of every node on screen). Once per mount.
 */
function useStartingViewport(viewport: Viewport | undefined): void {
  const store = useStoreApi<AppNode, AppEdge>();
  useState(() => {
    if (viewport) store.setState({ transform: [viewport.x, viewport.y, viewport.zoom] });
  });
}

function targetNodeUnderPointer(event: MouseEvent | TouchEvent): string | undefined {
  const point = 'changedTouches' in event ? event.changedTouches[0] : event;
  if (!point) return undefined;
  const element = document.elementFromPoint(point.clientX, point.clientY);
  return element?.closest<HTMLElement>('.react-flow__node')?.dataset.id;
}

export function Canvas(): ReactElement {
  const [measured, setMeasured] = useState<MeasuredSizes>(() => new Map());
  const { graph, nodes, edges, initialViewport, openedViewSet } = useFlowGraph(measured);
  useStartingViewport(initialViewport);
  const minimap = useAppStore((state) => state.ui.minimap);
  const theme = useEffectiveTheme();
  // Zoomed out, panning brings many nodes into view at once; drawing less per node keeps it smooth.
  const far = useStore(isFar);
  // From the design's positions and the measured (else estimated) sizes: unlike `nodes`, stable
  // while panning and selecting.
  const obstacles = useMemo(() => obstaclesOf(graph.nodes, measured), [graph, measured]);

  useEffect(() => {
    const missing = graph.nodes.filter((node) => node.position === undefined);
    if (missing.length === 0) return;
    let cancelled = false;
    void autoLayout(graph.nodes, graph.edges).then((positions) => {
      if (cancelled) return;
      const fill = Object.fromEntries(missing.map((node) => [node.id, positions[node.id] ?? { x: 0, y: 0 }]));
      useAppStore.getState().fillPositions(fill);
    });
    return () => {
      cancelled = true;
    };
  }, [graph]);

  // A design already in the store at the first render is fitted once React Flow is ready.
  const [ready, setReady] = useState(false);
  const onInit = useCallback((instance: ReactFlowInstance<AppNode, AppEdge>) => {
    registerCanvas(instance);
    setReady(true);
  }, []);

  useEffect(() => () => registerCanvas(null), []);

  // Tell waiting work once nodes have been painted: React Flow places them in the frame after they
  // reach it (and the opened design is fitted then), so the task after the second frame.
  useEffect(() => {
    canvasMounted();
    return canvasUnmounted;
  }, []);
  const hasNodes = nodes.length > 0;
  useEffect(() => {
    if (!hasNodes) return undefined;
    let frame = 0;
    let timeout: ReturnType<typeof setTimeout> | undefined;
    frame = requestAnimationFrame(() => {
      frame = requestAnimationFrame(() => (timeout = setTimeout(canvasShowedNodes, 0)));
    });
    return () => {
      cancelAnimationFrame(frame);
      clearTimeout(timeout);
    };
  }, [hasNodes]);

  // A design opened later gets its view before the frame that shows it (a layout effect): a large
  // one's follows from positions, a small one is fitted by React Flow as it measures the nodes, which
  // it shows only then. The design the canvas starts with already has its view (initialViewport, or
  // React Flow's own fit, see OPENING_FIT).
  const fitRequest = useAppStore((state) => state.ui.fitRequest);
  const fittedRequest = useRef(openedViewSet ? fitRequest : 0);
  useLayoutEffect(() => {
    if (!ready || fitRequest === fittedRequest.current || nodes.length === 0) return;
    fittedRequest.current = fitRequest;
    fitOpenedDesign(nodes.map((node) => node.position));
  }, [ready, fitRequest, nodes]);

  const onNodesChange = useCallback((changes: NodeChange<AppNode>[]) => {
    const store = useAppStore.getState();
    const moved: Record<string, { x: number; y: number }> = {};
    let sizes: Map<string, { width: number; height: number }> | undefined;
    let selected: Set<string> | undefined;
    for (const change of changes) {
      if (change.type === 'position' && change.position) moved[change.id] = change.position;
      if (change.type === 'dimensions' && change.dimensions) {
        sizes ??= new Map();
        sizes.set(change.id, change.dimensions);
      }
      if (change.type === 'select') {
        selected ??= new Set(store.selection.nodes);
        if (change.selected) selected.add(change.id);
        else selected.delete(change.id);
      }
    }
    if (Object.keys(moved).length > 0) store.run(moveNodesCommand, moved);
    if (selected) store.setSelection({ nodes: [...selected], edges: useAppStore.getState().selection.edges });
    if (sizes) {
      const updates = sizes;
      setMeasured((previous) => {
        // Nodes scrolling back into view (virtualised) report the size they had: no new graph.
        const changed = [...updates].filter(([id, size]) => {
          const known = previous.get(id);
          return !known || known.width !== size.width || known.height !== size.height;
        });
        if (changed.length === 0) return previous;
        const next = new Map(previous);
        for (const [id, size] of changed) next.set(id, size);
        return next;
      });
    }
  }, []);

  const onEdgesChange = useCallback((changes: EdgeChange<AppEdge>[]) => {
    const store = useAppStore.getState();
    let selected: Set<string> | undefined;
    for (const change of changes) {
      if (change.type === 'select') {
        selected ??= new Set(store.selection.edges);
        if (change.selected) selected.add(change.id);
        else selected.delete(change.id);
      }
    }
    if (!selected) return;
    const edgeIds = [...selected];
    const ruleEdge = edgeIds.length === 1 ? graphEdgeRule(edgeIds[0]) : undefined;
    store.setSelection({ nodes: useAppStore.getState().selection.nodes, edges: edgeIds });
    if (ruleEdge) store.setUi({ focusedRuleId: ruleEdge });
  }, []);

  const isValidConnection: IsValidConnection<AppEdge> = useCallback(
    (connection) =>
      checkConnection(useAppStore.getState().design, {
        source: connection.source,
        sourceHandle: connection.sourceHandle ?? null,
        target: connection.target,
        targetHandle: connection.targetHandle ?? null,
      }).ok,
    [],
  );

  const onConnect = useCallback((connection: Connection) => {
    useAppStore.getState().run(connectCommand, connection);
  }, []);

  const onConnectEnd = useCallback((event: MouseEvent | TouchEvent, state: FinalConnectionState) => {
    if (state.isValid || !state.fromNode) return;
    const target = state.toNode?.id ?? targetNodeUnderPointer(event);
    if (!target || target === state.fromNode.id) return;
    const check = checkConnection(useAppStore.getState().design, {
      source: state.fromNode.id,
      sourceHandle: state.fromHandle?.id ?? null,
      target,
      targetHandle: state.toHandle?.id ?? null,
    });
    if (!check.ok) notify('error', check.reason);
  }, []);

  const onNodeDragStart = useCallback(() => useAppStore.getState().beginInteraction(), []);
  const onNodeDragStop = useCallback(() => useAppStore.getState().endInteraction(), []);

  return (
    <div className={far ? 'canvas canvas--far' : 'canvas'} ref={registerCanvasElement} data-testid="canvas">
      <EdgeObstacles.Provider value={obstacles}>
        <ReactFlow<AppNode, AppEdge>
          nodes={nodes}
          edges={edges}
          nodeTypes={nodeTypes}
          edgeTypes={edgeTypes}
          onInit={onInit}
          defaultViewport={initialViewport}
          onNodesChange={onNodesChange}
          onEdgesChange={onEdgesChange}
          onConnect={onConnect}
          onConnectEnd={onConnectEnd}
          isValidConnection={isValidConnection}
          onNodeDragStart={onNodeDragStart}
          onNodeDragStop={onNodeDragStop}
          deleteKeyCode={null}
          selectionKeyCode="Shift"
          multiSelectionKeyCode={['Shift', 'Meta', 'Control']}
          colorMode={theme}
          onlyRenderVisibleElements={nodes.length > VIRTUALIZE_ABOVE}
          minZoom={0.05}
          maxZoom={2}
          connectionRadius={28}
        >
          {/* Zoomed out, the dots are a pixel apart: no help to the eye, and repainting that
              pattern over the whole canvas on every pan frame halved the frame rate. */}
          {far ? null : <Background variant={BackgroundVariant.Dots} gap={20} size={1.2} />}
          <Controls position="bottom-left" orientation="horizontal" showInteractive={false} />
          <Legend />
          {minimap ? (
            <MiniMap<AppNode>
              position="bottom-right"
              pannable
              zoomable
              nodeColor={minimapColour}
              nodeStrokeWidth={2}
              style={MINIMAP_SIZE}
              ariaLabel="Minimap"
            />
          ) : null}
        </ReactFlow>
      </EdgeObstacles.Provider>
    </div>
  );
}

/** The rule id of a rule edge (`ruleRole:<pool>/<mapping>/<rule>`), if it is one. */
function graphEdgeRule(edgeId: string | undefined): string | undefined {
  if (!edgeId?.startsWith('ruleRole:')) return undefined;
  return edgeId.split('/').at(-1);
}
