// The canvas's size before the app has been laid out, for React Flow's first render: a large design
// renders only the nodes within it (virtualisation), and the window's size would also render those
// under the inspector. The frame's fixed sizes come from the stylesheet (app.css); the bars whose
// height follows their content (toolbar, view tabs) are not subtracted, so the size is never smaller
// than the canvas and no node the canvas shows is missing from the first frame.

export function initialCanvasSize(withMenuBar: boolean): { width: number; height: number } {
  const style = getComputedStyle(document.documentElement);
  const length = (property: string): number => Number.parseFloat(style.getPropertyValue(property)) || 0;
  const bars = length('--statusbar-height') + (withMenuBar ? length('--app-top-height') : 0);
  return {
    width: Math.max(0, window.innerWidth - length('--inspector-width')),
    height: Math.max(0, window.innerHeight - bars),
  };
}
