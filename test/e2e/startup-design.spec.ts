// The design given at start-up: the app's first frame already shows it (no empty design first,
// then a second layout of the whole window), while a design with errors, or one that cannot be read, is
// reported once the app is on screen.

import { expect, test, type Page } from '@playwright/test';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { serializeDesign } from '../../shared/model/io';
import { largeDesign } from '../bench/ui-design';
import { repositoryRoot, startApp, type RunningApp } from './support/app-server';
import { AppPage } from './support/pages';

let app: RunningApp | undefined;

test.afterEach(async () => {
  await app?.stop();
  app = undefined;
});

/** Starts the app on the photo-sharing example with `script` run first in the page, and waits for the design on screen. */
async function startPhotoSharing(page: Page, script: string): Promise<RunningApp> {
  const started = await startApp({ example: 'photo-sharing' });
  app = started;
  await page.addInitScript(script);
  await page.goto(started.url);
  await expect(page.locator('.react-flow__node', { hasText: 'PhotoSharingIdentities' })).toBeVisible();
  return started;
}

/** Records every window title the page shows, from the first mutation on. */
const RECORD_TITLES = `(() => {
  const titles = [];
  window.seenTitles = titles;
  new MutationObserver(() => {
    if (titles.at(-1) !== document.title) titles.push(document.title);
  }).observe(document, { childList: true, subtree: true, characterData: true });
})()`;

test('the app appears with the start-up design already open, never an untitled one first', async ({
  page,
}) => {
  const started = await startPhotoSharing(page, RECORD_TITLES);
  await expect(page).toHaveTitle('photo-sharing.cognito-design.json — Cognito Access Studio');
  const titles = (await page.evaluate('window.seenTitles')) as string[];
  // The page's own title, then the design's: no empty design was shown in between.
  expect(titles.filter((title) => title !== 'Cognito Access Studio')).toEqual([
    'photo-sharing.cognito-design.json — Cognito Access Studio',
  ]);
  await expect(page.getByTestId('file-path')).toHaveText(started.designPath);
  await expect(page.getByTestId('dirty-state')).toHaveText('Saved');
});

/** Records every content security policy violation the page reports. */
const RECORD_VIOLATIONS = `(() => {
  window.violations = [];
  document.addEventListener('securitypolicyviolation', (event) => {
    window.violations.push(event.violatedDirective + ' ' + event.blockedURI);
  });
})()`;

test('the app starts without breaking its content security policy', async ({ page }) => {
  await startPhotoSharing(page, RECORD_VIOLATIONS);
  expect(await page.evaluate('window.violations')).toEqual([]);
});

/** Records how many nodes the canvas holds when it first enters the page. */
const RECORD_FIRST_CANVAS = `(() => {
  new MutationObserver((_records, observer) => {
    if (!document.querySelector('.react-flow__nodes')) return;
    observer.disconnect();
    window.nodesInFirstCanvas = document.querySelectorAll('.react-flow__node').length;
  }).observe(document, { childList: true, subtree: true });
})()`;

test("the canvas enters the page with the start-up design's nodes, never empty first", async ({ page }) => {
  await startPhotoSharing(page, RECORD_FIRST_CANVAS);
  expect(await page.evaluate('window.nodesInFirstCanvas')).toBe(11);
});

/**
 * Records, frame by frame, the canvas's transform in the first frame in which a node can be seen
 * (React Flow keeps a node it has not measured yet hidden).
 */
const RECORD_FIRST_SHOWN_TRANSFORM = `(() => {
  const frame = () => {
    const shown = [...document.querySelectorAll('.react-flow__node')].some(
      (node) => getComputedStyle(node).visibility !== 'hidden',
    );
    if (shown) window.firstShownTransform = document.querySelector('.react-flow__viewport').style.transform;
    else requestAnimationFrame(frame);
  };
  requestAnimationFrame(frame);
})()`;

for (const example of ['b2b-saas', 'photo-sharing'] as const) {
  test(`a small start-up design (${example}) is shown whole from the first frame that shows its nodes`, async ({
    page,
  }) => {
    app = await startApp({ example });
    await page.addInitScript(RECORD_FIRST_SHOWN_TRANSFORM);
    await page.goto(app.url);
    const recorded = await page.waitForFunction(
      () => (window as unknown as { firstShownTransform?: string }).firstShownTransform,
    );
    const first = (await recorded.jsonValue()) as string;
    // Fitted whole: below zoom 1 (these examples are wider than the canvas), and where it stays.
    expect(first).toMatch(/scale\(0\.\d+\)$/);
    await page.waitForTimeout(500);
    expect(await page.locator('.react-flow__viewport').getAttribute('style')).toContain(first);
  });
}

/**
 * Opens `file` (written to the workspace) from File › Open on the b2b example and returns the
 * canvas's transform in the first frame that shows `node`, a node only the opened design has.
 */
async function firstShownAfterOpen(
  page: Page,
  file: string,
  contents: string,
  node: string,
): Promise<string> {
  app = await startApp({ example: 'b2b-saas' });
  writeFileSync(join(app.directory, file), contents);
  const studio = new AppPage(page);
  await studio.open(app.url);
  await page.evaluate((title) => {
    const frame = (): void => {
      const shown = [...document.querySelectorAll<HTMLElement>('.react-flow__node')].some(
        (element) =>
          element.querySelector('.node__title')?.textContent === title &&
          getComputedStyle(element).visibility !== 'hidden',
      );
      const transform = document.querySelector<HTMLElement>('.react-flow__viewport')?.style.transform;
      if (shown) (window as unknown as { firstShownTransform?: string }).firstShownTransform = transform;
      else requestAnimationFrame(frame);
    };
    requestAnimationFrame(frame);
  }, node);
  await studio.menu('File', 'Open…');
  await studio.openFromWorkspace(file);
  const recorded = await page.waitForFunction(
    () => (window as unknown as { firstShownTransform?: string }).firstShownTransform,
  );
  return (await recorded.jsonValue()) as string;
}

test('a small design opened later is shown fitted from the first frame that shows its nodes', async ({
  page,
}) => {
  const example = readFileSync(
    join(repositoryRoot, 'assets', 'examples', 'photo-sharing.cognito-design.json'),
    'utf8',
  );
  const first = await firstShownAfterOpen(
    page,
    'photos.cognito-design.json',
    example,
    'PhotoSharingIdentities',
  );
  expect(first).toMatch(/scale\(0\.\d+\)$/);
  await page.waitForTimeout(500);
  expect(await page.locator('.react-flow__viewport').getAttribute('style')).toContain(first);
});

test('a large design opened later is shown at the zoom it opens with from the first frame that shows it', async ({
  page,
}) => {
  const first = await firstShownAfterOpen(
    page,
    'large.cognito-design.json',
    serializeDesign(LARGE),
    'Identities0',
  );
  expect(first).toBe('translate(40px, 40px) scale(0.75)');
});

/** Records the canvas's transform and the nodes it holds when the first node enters the page. */
const RECORD_FIRST_FRAME = `(() => {
  new MutationObserver((_records, observer) => {
    if (!document.querySelector('.react-flow__node')) return;
    observer.disconnect();
    window.firstTransform = document.querySelector('.react-flow__viewport').style.transform;
    window.firstNodes = [...document.querySelectorAll('.react-flow__node')].map((node) => node.dataset.id);
  }).observe(document, { childList: true, subtree: true });
})()`;

/**
 * 165 nodes: more than are fitted whole, so the view opens on the top-left corner at 75 %, the
 * design's top-left node (0, 0) 40 px from the canvas's corner; and more than are all rendered, so
 * only those on screen are (virtualisation).
 */
const LARGE = largeDesign({ identityPools: 11, providersPerPool: 3, rolesPerPool: 9 });

/** Starts the app on LARGE with its first frame recorded, and waits for the design on screen. */
async function openLarge(page: Page): Promise<void> {
  app = await startApp({ example: 'photo-sharing' });
  writeFileSync(app.designPath, serializeDesign(LARGE));
  await page.addInitScript(RECORD_FIRST_FRAME);
  await page.goto(app.url);
  await expect(page.locator('.react-flow__node', { hasText: 'Identities0' })).toBeVisible();
}

test('a large start-up design is shown at the zoom it opens with from its first frame on', async ({
  page,
}) => {
  await openLarge(page);
  expect(await page.evaluate('window.firstTransform')).toBe('translate(40px, 40px) scale(0.75)');
});

test("a large start-up design's first frame renders only nodes within the canvas, none under the inspector", async ({
  page,
}) => {
  await openLarge(page);
  const canvas = await page.getByTestId('canvas').boundingBox();
  const first = (await page.evaluate('window.firstNodes')) as string[];
  expect(first.length).toBeGreaterThan(0);
  // Where each node's left edge is on the canvas at the opening view (75 %, 40 px margin).
  const lefts = first.map((id) => (LARGE.layout.positions[id]?.x ?? Number.NaN) * 0.75 + 40);
  expect(lefts.filter((left) => !(left < (canvas?.width ?? 0)))).toEqual([]);
});

test('a start-up design with errors is reported with each one, once the app is on screen', async ({
  page,
}) => {
  app = await startApp({ example: 'photo-sharing' });
  const example = join(repositoryRoot, 'assets', 'examples', 'photo-sharing.cognito-design.json');
  const original = JSON.parse(readFileSync(example, 'utf8')) as Record<string, unknown> & {
    account: Record<string, unknown>;
  };
  writeFileSync(
    app.designPath,
    JSON.stringify({ ...original, account: { ...original.account, accountId: '12345' } }, null, 2),
  );
  await page.goto(app.url);
  await expect(page.getByTestId('open-errors')).toContainText('$.account.accountId');
  await expect(page.getByRole('dialog')).toContainText(`${app.designPath} is not a valid design file`);
  await page.getByRole('button', { name: 'OK' }).click();
  await expect(page.locator('.react-flow__node')).toHaveCount(0);
});

test('a start-up design that cannot be read says so', async ({ page }) => {
  app = await startApp({ example: 'photo-sharing' });
  writeFileSync(app.designPath, Buffer.from([0x7b, 0xff, 0xfe, 0x7d]));
  await page.goto(app.url);
  await expect(page.getByTestId('notice')).toContainText('Could not open the start-up design');
  await expect(page.locator('.react-flow__node')).toHaveCount(0);
});

test('the page asks for the start-up design once, as it starts, also after a reload', async ({ page }) => {
  app = await startApp({ example: 'photo-sharing' });
  const asked: string[] = [];
  page.on('request', (request) => {
    const path = new URL(request.url()).pathname;
    if (path === '/api/readRecovery' || path === '/api/getStartupDesign') asked.push(path);
  });
  const node = page.locator('.react-flow__node', { hasText: 'PhotoSharingIdentities' });
  await page.goto(app.url);
  await expect(node).toBeVisible();
  expect(asked.sort()).toEqual(['/api/getStartupDesign', '/api/readRecovery']);
  // The token has left the address bar: a reload finds it in the tab's storage.
  expect(page.url()).not.toContain('token=');
  await page.reload();
  await expect(node).toBeVisible();
  await expect(page.getByTestId('dirty-state')).toHaveText('Saved');
  expect(asked).toHaveLength(4);
});
