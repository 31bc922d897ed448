// The viewport operations menus and shortcuts need (fit, zoom, centre on a node), reachable
// outside the canvas component. The canvas registers its React Flow instance on init.

import type { FitViewOptions, ReactFlowInstance, Viewport } from '@xyflow/react';
import type { Point } from '../../shared/model/types';
import type { AppEdge, AppNode } from './flow-types';

let instance: ReactFlowInstance<AppNode, AppEdge> | null = null;
let canvasElement: HTMLElement | null = null;

/** The canvas's React Flow instance, once React Flow has initialised it. */
export function registerCanvas(flow: ReactFlowInstance<AppNode, AppEdge> | null): void {
  instance = flow;
}

/** The canvas's element, from its mount on (before React Flow measures and fits its nodes). */
export function registerCanvasElement(element: HTMLElement | null): void {
  canvasElement = element;
}

/**
 * How React Flow fits a small design the app starts with (its provider's `fitView`): it fits when
 * it has measured the nodes, in the very layout that first shows them, so the first frame shows
 * the design whole rather than a frame at zoom 1 and then a jump. The padding is read then, when
 * the overlays over the canvas have been laid out.
 */
export const OPENING_FIT: FitViewOptions = {
  get padding() {
    return fitPadding();
  },
  maxZoom: 1.1,
};

/**
 * Padding that keeps fitted nodes clear of what floats over the canvas: the zoom controls and
 * legend (bottom left) and the minimap (bottom right) take a band at the bottom.
 */
function fitPadding(): {
  top: `${number}px`;
  left: `${number}px`;
  right: `${number}px`;
  bottom: `${number}px`;
} {
  let band = 0;
  if (canvasElement) {
    const canvas = canvasElement.getBoundingClientRect();
    for (const overlay of canvasElement.querySelectorAll<HTMLElement>(
      '.legend, .react-flow__minimap, .react-flow__controls',
    )) {
      band = Math.max(band, canvas.bottom - overlay.getBoundingClientRect().top);
    }
  }
  return { top: '24px', left: '24px', right: '24px', bottom: `${Math.round(band + 12)}px` };
}

export function fitView(): void {
  void instance?.fitView({ padding: fitPadding(), maxZoom: OPENING_FIT.maxZoom, duration: 300 });
}

/** Above this many nodes, opening a design shows its top-left corner at a readable zoom instead of everything. */
const FIT_ALL_LIMIT = 100;
const LARGE_DESIGN_ZOOM = 0.75;
const LARGE_DESIGN_MARGIN = 40;

/** Whether a design of this many nodes opens at a view known from positions alone (openedDesignViewport). */
export function opensAtFixedView(nodeCount: number): boolean {
  return nodeCount > FIT_ALL_LIMIT;
}

/**
 * The view that opens a large design: its top-left corner at a readable zoom. It follows from the
 * nodes' positions alone, so the canvas can start with it. Undefined for a small design, which is
 * fitted whole once its nodes and the overlays over the canvas have been measured.
 */
export function openedDesignViewport(positions: readonly Point[]): Viewport | undefined {
  if (!opensAtFixedView(positions.length)) return undefined;
  let left = Number.POSITIVE_INFINITY;
  let top = Number.POSITIVE_INFINITY;
  for (const point of positions) {
    left = Math.min(left, point.x);
    top = Math.min(top, point.y);
  }
  return {
    x: LARGE_DESIGN_MARGIN - left * LARGE_DESIGN_ZOOM,
    y: LARGE_DESIGN_MARGIN - top * LARGE_DESIGN_ZOOM,
    zoom: LARGE_DESIGN_ZOOM,
  };
}

/**
 * The view after opening a design: everything when it is small, its top-left corner when it is
 * large. React Flow holds a fit back until it has measured the nodes it was given (and keeps a
 * small design's new nodes hidden until then), so the first frame that shows them is fitted.
 */
export function fitOpenedDesign(positions: readonly Point[]): void {
  if (!instance || positions.length === 0) return;
  const viewport = openedDesignViewport(positions);
  if (viewport) void instance.setViewport(viewport);
  else void instance.fitView({ padding: fitPadding(), maxZoom: OPENING_FIT.maxZoom });
}

export function zoomIn(): void {
  void instance?.zoomIn({ duration: 200 });
}

export function zoomOut(): void {
  void instance?.zoomOut({ duration: 200 });
}

/** The flow coordinates at the centre of the visible canvas, for placing new nodes. */
export function viewportCentre(): Point {
  if (!instance || !canvasElement) return { x: 0, y: 0 };
  const bounds = canvasElement.getBoundingClientRect();
  return instance.screenToFlowPosition({
    x: bounds.left + bounds.width / 2,
    y: bounds.top + bounds.height / 2,
  });
}

export function centreOn(nodeId: string): void {
  const node = instance?.getInternalNode(nodeId);
  if (!instance || !node) return;
  const width = node.measured.width ?? 240;
  const height = node.measured.height ?? 80;
  void instance.setCenter(
    node.internals.positionAbsolute.x + width / 2,
    node.internals.positionAbsolute.y + height / 2,
    { zoom: 1.1, duration: 400 },
  );
}

/** Measured node sizes (falls back to the estimate when a node has not been rendered). */
export function measuredSize(nodeId: string): { width: number; height: number } | undefined {
  const node = instance?.getInternalNode(nodeId);
  if (!node?.measured.width || !node.measured.height) return undefined;
  return { width: node.measured.width, height: node.measured.height };
}

/** Pans (keeping the zoom) so that a rectangle in flow coordinates is on screen. */
export function ensureVisible(position: Point, size: { width: number; height: number }): void {
  if (!instance || !canvasElement) return;
  const { x, y, zoom } = instance.getViewport();
  const bounds = canvasElement.getBoundingClientRect();
  const left = position.x * zoom + x;
  const top = position.y * zoom + y;
  const inside =
    left >= 0 &&
    top >= 0 &&
    left + size.width * zoom <= bounds.width &&
    top + size.height * zoom <= bounds.height;
  if (!inside)
    void instance.setCenter(position.x + size.width / 2, position.y + size.height / 2, {
      zoom,
      duration: 300,
    });
}
