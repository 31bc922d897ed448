// The first frame in which the canvas shows nodes. Derived work that blocks the main thread for a
// while on a large design (the security review) waits for it, so opening a design shows the graph
// first and its findings a moment later, never the other way round.

type Waiting = () => void;

let state: 'no-canvas' | 'waiting' | 'shown' = 'no-canvas';
const waiting = new Set<Waiting>();

function release(): void {
  const callbacks = [...waiting];
  waiting.clear();
  callbacks.forEach((callback) => callback());
}

/** The canvas is on screen but has not shown nodes yet. */
export function canvasMounted(): void {
  if (state === 'no-canvas') state = 'waiting';
}

/** A frame with nodes has been painted: everything that waited for it may run. */
export function canvasShowedNodes(): void {
  state = 'shown';
  release();
}

/** Without a canvas (the matrix view, tests) nothing waits for one. */
export function canvasUnmounted(): void {
  if (state === 'waiting') state = 'no-canvas';
  release();
}

/**
 * Runs `callback` once the canvas has shown nodes, or at once when there is nothing to wait for
 * (no canvas, nodes already shown, or `hasNodes` false); returns the function that cancels it.
 */
export function afterFirstNodesShown(hasNodes: boolean, callback: () => void): () => void {
  if (state !== 'waiting' || !hasNodes) {
    callback();
    return () => undefined;
  }
  waiting.add(callback);
  return () => waiting.delete(callback);
}
