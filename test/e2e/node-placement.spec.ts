// New nodes land where the person is looking: in view, in the column of their kind (providers,
// user pools, identity pools, roles, policies from left to right), next to the selected node, and
// on a spot no other node covers.

import { expect, test, type Page } from '@playwright/test';
import { startApp, type RunningApp } from './support/app-server';
import { AppPage } from './support/pages';

let app: RunningApp;
test.afterEach(async () => {
  await app.stop();
});

interface PlacedNode {
  id: string;
  kind: string;
  /** Flow coordinates, read from React Flow's `translate(x, y)`. */
  x: number;
  y: number;
  /** On screen. */
  box: { left: number; top: number; right: number; bottom: number };
}

async function placedNodes(page: Page): Promise<PlacedNode[]> {
  return page.locator('.react-flow__node').evaluateAll((elements) =>
    elements.map((element) => {
      const match = /translate\(([-\d.]+)px,\s*([-\d.]+)px\)/.exec((element as HTMLElement).style.transform);
      const rect = element.getBoundingClientRect();
      const kind = [...element.classList].find((name) => name.startsWith('react-flow__node-')) ?? '';
      return {
        id: (element as HTMLElement).dataset.id ?? '',
        kind: kind.replace('react-flow__node-', ''),
        x: Number(match?.[1]),
        y: Number(match?.[2]),
        box: { left: rect.left, top: rect.top, right: rect.right, bottom: rect.bottom },
      };
    }),
  );
}

/** Farthest a new node may land from the selected node, in flow units: a few node heights. */
const NEXT_TO = 500;

for (const [width, height] of [
  [1280, 720],
  [1600, 1000],
] as const) {
  test(`at ${width}×${height}, new nodes of each kind land in view, in their column, next to the selection`, async ({
    page,
  }) => {
    app = await startApp({ example: 'photo-sharing' });
    await page.setViewportSize({ width, height });
    const studio = new AppPage(page);
    await studio.open(app.url);
    const anchorName = 'PhotoSharingIdentities';
    const kinds = ['provider', 'userPool', 'identityPool', 'role', 'managedPolicy'] as const;

    for (const kind of kinds) {
      // Each addition starts from the whole design in view with the identity pool selected.
      await page.getByRole('button', { name: 'Fit', exact: true }).click();
      await page.waitForTimeout(400);
      await studio.canvas.select(anchorName);
      const before = await placedNodes(page);
      const anchor = before.find((node) => node.kind === 'identityPool')!;
      const column = Math.min(...before.filter((node) => node.kind === kind).map((node) => node.x));

      if (kind === 'provider') await studio.canvas.addProvider('google');
      else await studio.canvas.addNode(kind);
      await expect(page.locator('.react-flow__node')).toHaveCount(before.length + 1);
      await page.waitForTimeout(400);

      const after = await placedNodes(page);
      const added = after.find((node) => !before.some((old) => old.id === node.id))!;
      expect(added.kind).toBe(kind);
      // In the column of its kind.
      expect(added.x, `${kind} column`).toBe(column);
      // Next to the selection: about the height of the selected node, not somewhere far below.
      expect(Math.abs(added.y - anchor.y), `${kind} next to ${anchorName}`).toBeLessThanOrEqual(NEXT_TO);
      // In view: wholly inside the canvas.
      const pane = await page.locator('.react-flow__pane').boundingBox();
      if (!pane) throw new Error('canvas pane not found');
      expect(added.box.left, `${kind} in view`).toBeGreaterThanOrEqual(pane.x);
      expect(added.box.top, `${kind} in view`).toBeGreaterThanOrEqual(pane.y);
      expect(added.box.right, `${kind} in view`).toBeLessThanOrEqual(pane.x + pane.width);
      expect(added.box.bottom, `${kind} in view`).toBeLessThanOrEqual(pane.y + pane.height);
      // Covering nothing, and covered by nothing.
      const covered = after
        .filter((node) => node.id !== added.id)
        .filter(
          (node) =>
            node.box.left < added.box.right &&
            node.box.right > added.box.left &&
            node.box.top < added.box.bottom &&
            node.box.bottom > added.box.top,
        )
        .map((node) => node.id);
      expect(covered, `${kind} overlaps`).toEqual([]);
    }
    await studio.screenshot(`placement-photo-sharing-${width}x${height}-light`);
  });
}
