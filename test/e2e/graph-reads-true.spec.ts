// The graph reads true: no edge runs under a node it does not touch, the legend and the minimap
// leave every node visible, rule edges say what they test. Screenshots of the two main examples at
// 1280×720 and 1600×1000, in both themes, are kept under test-results/screenshots/.

import { expect, test, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { repositoryRoot, startApp, type RunningApp } from './support/app-server';
import { AppPage } from './support/pages';

/** Edges whose drawn path crosses the box of a node that is neither of its ends. */
async function edgesUnderNodes(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const inset = 4;
    const nodes = [...document.querySelectorAll<HTMLElement>('.react-flow__node')].map((element) => ({
      id: element.dataset.id ?? '',
      rect: element.getBoundingClientRect(),
    }));
    const crossings: string[] = [];
    for (const edge of document.querySelectorAll<SVGGElement>('.react-flow__edge')) {
      const path = edge.querySelector<SVGPathElement>('path.react-flow__edge-path');
      if (!path) continue;
      const matrix = path.getScreenCTM();
      if (!matrix) continue;
      const length = path.getTotalLength();
      const toScreen = (at: number): { x: number; y: number } => {
        const local = path.getPointAtLength(at);
        return {
          x: matrix.a * local.x + matrix.c * local.y + matrix.e,
          y: matrix.b * local.x + matrix.d * local.y + matrix.f,
        };
      };
      // The edge's ends are the nodes its first and last points touch.
      const touching = (point: { x: number; y: number }) =>
        nodes
          .filter(
            (node) =>
              point.x >= node.rect.left - 12 &&
              point.x <= node.rect.right + 12 &&
              point.y >= node.rect.top - 12 &&
              point.y <= node.rect.bottom + 12,
          )
          .map((node) => node.id);
      const ends = new Set([...touching(toScreen(0)), ...touching(toScreen(length))]);
      for (let step = 0; step <= 60; step += 1) {
        const { x, y } = toScreen((length * step) / 60);
        const hit = nodes.find(
          (node) =>
            !ends.has(node.id) &&
            x > node.rect.left + inset &&
            x < node.rect.right - inset &&
            y > node.rect.top + inset &&
            y < node.rect.bottom - inset,
        );
        if (hit) {
          crossings.push(`${edge.dataset.id ?? edge.id} under ${hit.id}`);
          break;
        }
      }
    }
    return crossings;
  });
}

async function overlaysCoveringNodes(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const overlays = [
      ...document.querySelectorAll<HTMLElement>('.legend, .react-flow__minimap, .react-flow__controls'),
    ];
    const covered: string[] = [];
    for (const node of document.querySelectorAll<HTMLElement>('.react-flow__node')) {
      const rect = node.getBoundingClientRect();
      for (const overlay of overlays) {
        const box = overlay.getBoundingClientRect();
        const overlap =
          rect.left < box.right && rect.right > box.left && rect.top < box.bottom && rect.bottom > box.top;
        if (overlap) covered.push(`${node.dataset.id} under ${overlay.className}`);
      }
    }
    return covered;
  });
}

let app: RunningApp;
test.afterEach(async () => {
  await app.stop();
});

for (const example of ['photo-sharing', 'b2b-saas']) {
  for (const [width, height] of [
    [1280, 720],
    [1600, 1000],
  ] as const) {
    test(`${example} at ${width}×${height}: no edge under a node, no overlay over a node`, async ({
      page,
    }) => {
      app = await startApp({ example });
      await page.setViewportSize({ width, height });
      const studio = new AppPage(page);
      for (const theme of ['light', 'dark'] as const) {
        await studio.setTheme(theme);
        await studio.open(app.url);
        await page.waitForTimeout(600);
        await studio.screenshot(`graph-${example}-${width}x${height}-${theme}`);
        expect(await edgesUnderNodes(page)).toEqual([]);
        expect(await overlaysCoveringNodes(page)).toEqual([]);
      }
    });
  }
}

test('rule edges say what they test, whole and readable, not only their order', async ({ page }) => {
  // The rules as the example file writes them, in the words the canvas uses for match types.
  const example = JSON.parse(
    readFileSync(join(repositoryRoot, 'assets', 'examples', 'b2b-saas.cognito-design.json'), 'utf8'),
  ) as {
    identityPools: {
      roleMappings: { rules: { claim: string; matchType: string; value: string }[] }[];
    }[];
  };
  const symbol: Record<string, string> = {
    Equals: '=',
    NotEqual: '≠',
    Contains: 'contains',
    StartsWith: 'starts with',
  };
  const expected = example.identityPools.flatMap((pool) =>
    pool.roleMappings.flatMap((mapping) =>
      mapping.rules.map(
        (rule, index) => `#${index + 1} ${rule.claim} ${symbol[rule.matchType]} ${rule.value}`,
      ),
    ),
  );
  expect(expected.length).toBeGreaterThan(0);

  app = await startApp({ example: 'b2b-saas' });
  await page.setViewportSize({ width: 1280, height: 720 });
  const studio = new AppPage(page);
  await studio.open(app.url);
  await page.waitForTimeout(600);
  const ruleLabels = page.locator('[data-testid="edge-label"][data-label^="#"]');
  await expect(ruleLabels).toHaveCount(expected.length);
  // Drawn, not only present: the fitted view of the example at this size must show them.
  for (const label of await ruleLabels.all()) await expect(label).toBeVisible();
  // Each says its whole rule (`#1 cognito:groups = support-engineers`), not a cut-off prefix.
  const texts = (await ruleLabels.allTextContents()).map((text) => text.trim());
  expect([...texts].sort()).toEqual([...expected].sort());
  const problems = await ruleLabels.evaluateAll((labels) => {
    const nodes = [...document.querySelectorAll<HTMLElement>('.react-flow__node')];
    const found: string[] = [];
    for (const label of labels as HTMLElement[]) {
      if (label.scrollWidth > label.clientWidth + 1 || label.scrollHeight > label.clientHeight + 1)
        found.push(`${label.textContent} is cut off`);
      const box = label.getBoundingClientRect();
      for (const node of nodes) {
        const rect = node.getBoundingClientRect();
        if (box.left < rect.right && box.right > rect.left && box.top < rect.bottom && box.bottom > rect.top)
          found.push(`${label.textContent} covers ${node.dataset.id}`);
      }
    }
    return found;
  });
  expect(problems).toEqual([]);
});

test('role mapping headers are whole and tell the mappings apart', async ({ page }) => {
  app = await startApp({ example: 'b2b-saas' });
  await page.setViewportSize({ width: 1280, height: 720 });
  const studio = new AppPage(page);
  await studio.open(app.url);
  await studio.canvas.select('B2BSaaSIdentities');
  const headers = studio.inspector.root.locator('.mapping__provider');
  // One mapping per app client of the same user pool: the names differ only at their end.
  await expect(headers).toHaveCount(2);
  const texts = await headers.allInnerTexts();
  expect(new Set(texts).size).toBe(2);
  for (const client of ['saas-web-app', 'ops-console'])
    expect(texts.some((text) => text.includes(`b2b-saas-tenants › ${client}`))).toBe(true);
  // Nothing is cut off: every line of each header is drawn inside its box.
  const cut = await headers.evaluateAll((elements) =>
    elements
      .flatMap((element) => [element, ...element.querySelectorAll<HTMLElement>('*')])
      .filter((element) => element.scrollWidth > element.clientWidth + 1)
      .map((element) => element.textContent),
  );
  expect(cut).toEqual([]);
  await studio.screenshot('inspector-mapping-headers-b2b-1280x720-light');
});

test('zoomed far out, the graph keeps its nodes and edges and drops what cannot be read or used', async ({
  page,
}) => {
  app = await startApp({ example: 'b2b-saas' });
  await page.setViewportSize({ width: 1280, height: 720 });
  const studio = new AppPage(page);
  await studio.open(app.url);
  for (const theme of ['light', 'dark'] as const) {
    await studio.setTheme(theme);
    await page.getByRole('button', { name: 'Fit', exact: true }).click();
    await expect(page.locator('.react-flow__background')).toHaveCount(1);
    const zoomOut = page.getByRole('button', { name: 'Zoom Out' });
    while ((await page.locator('.canvas--far').count()) === 0) await zoomOut.click();
    await page.waitForTimeout(400);
    await studio.screenshot(`graph-b2b-saas-far-1280x720-${theme}`);
    // Nodes and edges stay; the dot pattern and the labels, too small to read there, go.
    await expect(page.locator('.react-flow__node')).toHaveCount(9);
    for (const node of await page.locator('.react-flow__node').all()) await expect(node).toBeVisible();
    expect(await page.locator('.react-flow__edge').count()).toBeGreaterThan(0);
    await expect(page.locator('.react-flow__background')).toHaveCount(0);
    await expect(page.getByTestId('edge-label').first()).toBeHidden();
    await expect(page.locator('.react-flow__handle').first()).toBeHidden();
  }
  // Back at a readable zoom, everything is drawn again and edges still meet their handles.
  await page.getByRole('button', { name: 'Fit', exact: true }).click();
  await page.waitForTimeout(600);
  await expect(page.locator('.react-flow__background')).toHaveCount(1);
  await expect(page.locator('.react-flow__handle').first()).toBeVisible();
  expect(await edgesUnderNodes(page)).toEqual([]);
});

test('transient messages fade away', async ({ page }) => {
  app = await startApp({ example: 'photo-sharing' });
  const studio = new AppPage(page);
  // The page's timers run on a clock the test controls: the notice stays in the page until the
  // test lets its lifetime pass, so its fade is observed to the end however slow the machine is.
  await page.clock.install();
  await studio.open(app.url);
  await page.clock.pauseAt(Date.now() + 1_000);
  await page.keyboard.press('Control+s');
  const notice = studio.notices().first();
  await expect(notice).toContainText('Saved');
  const opacity = (): Promise<number> =>
    notice.evaluate((element) => Number(getComputedStyle(element).opacity));
  // The fade is a CSS animation on the page's own timeline: fully opaque at first, then it ends;
  // the notice is then out of sight but still in the page.
  const startOpacities = await notice.evaluate((element) =>
    element
      .getAnimations()
      .map((animation) => (animation.effect as KeyframeEffect).getKeyframes()[0]?.opacity),
  );
  expect(startOpacities).toEqual(['1']);
  await notice.evaluate((element) =>
    Promise.all(element.getAnimations().map((animation) => animation.finished)),
  );
  expect(await opacity()).toBe(0);
  // Its lifetime over, the notice is removed.
  await page.clock.runFor(6_000);
  await expect(studio.notices()).toHaveCount(0);
});
