// The access matrix view, the access diff after an edit that widens access, and the exported HTML
// review report opened in Chromium — as a reviewer would use them.

import { copyFileSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { expect, test } from '@playwright/test';
import { repositoryRoot, startApp, type RunningApp } from './support/app-server';
import { AppPage } from './support/pages';

let app: RunningApp;

test.afterEach(async () => {
  await app.stop();
});

const MEDIA = 'arn:aws:s3:::photo-sharing-media-111122223333';

for (const theme of ['light', 'dark'] as const) {
  test(`matrix of the photo-sharing personas, an edit that widens access, and its diff (${theme} theme)`, async ({
    page,
  }) => {
    app = await startApp({ example: 'photo-sharing' });
    const studio = new AppPage(page);
    await studio.setTheme(theme);
    await studio.open(app.url);

    await page.getByRole('tab', { name: 'Access matrix' }).click();
    const grid = page.getByTestId('matrix-grid');
    await expect(grid).toBeVisible();
    await expect(page.getByTestId('matrix-status')).toContainText(/8 personas × \d+ actions × 5 resources/);
    await expect(grid.getByRole('columnheader', { name: /Carol \(viewers, mobile\)/ })).toBeVisible();

    // Only the rows someone is allowed: the viewers may read the public gallery.
    await page.getByTestId('only-allowed').check();
    const publicRead = grid.getByRole('row').filter({
      has: page.getByRole('rowheader', { name: `s3:GetObject on ${MEDIA}/public/*`, exact: true }),
    });
    await expect(
      publicRead.getByRole('gridcell', { name: 'Carol (viewers, mobile): Allowed' }),
    ).toBeVisible();
    await studio.screenshot(`${theme}-access-matrix`);

    // A cell opens its explanation with the deciding statement.
    await publicRead.getByRole('gridcell', { name: 'Carol (viewers, mobile): Allowed' }).click();
    const explanation = page.getByTestId('cell-explanation');
    await expect(explanation.getByTestId('cell-decision')).toHaveText('Allowed');
    await expect(explanation).toContainText('PhotoSharingViewers');
    await expect(explanation.getByTestId('deciding-statement').first()).toContainText('ReadPublicGallery');
    await studio.screenshot(`${theme}-access-matrix-explanation`);

    // "Open in editor" goes back to the design with the statement's role selected.
    await explanation.getByRole('button', { name: 'Open in editor' }).first().click();
    await expect(page.getByRole('tab', { name: 'Design' })).toHaveAttribute('aria-selected', 'true');
    await expect(page.getByTestId('inspector-role')).toContainText('PhotoSharingViewers');

    // The edit: attach the broad boundary policy to the viewers role as a permissions policy.
    await page.getByTestId('inspector-role').getByRole('checkbox', { name: 'PhotoSharingBoundary' }).check();

    await page.getByRole('tab', { name: 'Access matrix' }).click();
    await page.getByTestId('compare-with').selectOption('saved');
    const summary = page.getByTestId('diff-summary');
    await expect(summary).toContainText('Against the last saved version');
    await expect(summary).toContainText(/[1-9]\d* newly allowed/);
    const sentence = `this edit gives Carol (viewers, mobile) s3:DeleteObject on ${MEDIA}/public/*`;
    const change = page.getByTestId('diff-change').filter({ hasText: sentence });
    await expect(change).toBeVisible();
    // Nothing the edit did not change is listed: every entry is about a viewers persona.
    const entries = await page.getByTestId('diff-change').allTextContents();
    expect(
      entries.every((entry) => /Carol \(viewers, mobile\)|Dave asking for the viewers role/.test(entry)),
    ).toBe(true);
    await change.click();
    await expect(page.getByTestId('cell-explanation')).toContainText('s3:DeleteObject');
    await expect(page.getByTestId('cell-decision')).toHaveText('Allowed');
    await expect(page.getByTestId('cell-explanation')).toContainText('PhotoSharingBoundary');
    await studio.screenshot(`${theme}-access-diff`);

    // Undo brings the design back to what is saved: the diff is empty again.
    await page.getByTestId('matrix-grid').focus();
    await studio.pressShortcut('Control+z');
    await expect(summary).toContainText('0 newly allowed, 0 newly denied');
  });
}

test('keyboard: the matrix grid moves with the arrows and Enter explains the cell', async ({ page }) => {
  app = await startApp({ example: 'photo-sharing' });
  const studio = new AppPage(page);
  await studio.open(app.url);
  await studio.pressShortcut('Control+2');
  const grid = page.getByTestId('matrix-grid');
  await expect(grid).toBeVisible();
  await grid.focus();
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('cell-explanation')).toBeVisible();
  await expect(grid).toHaveAttribute('aria-activedescendant', 'matrix-cell-1-1');
});

test('comparing with another design file lists what the working design no longer allows', async ({
  page,
}) => {
  app = await startApp({ example: 'photo-sharing' });
  const studio = new AppPage(page);
  await studio.open(app.url);
  await page.getByRole('tab', { name: 'Access matrix' }).click();
  await expect(page.getByTestId('matrix-grid')).toBeVisible();
  // Browser mode compares with a design of the workspace folder, picked in the file browser.
  copyFileSync(
    join(repositoryRoot, 'assets/examples/changes/photo-sharing-viewers-delete.cognito-design.json'),
    join(app.directory, 'photo-sharing-viewers-delete.cognito-design.json'),
  );
  await page.getByTestId('compare-with').selectOption('file');
  const browser = page.getByTestId('file-browser');
  await expect(browser.getByRole('heading', { name: 'Compare with a design file' })).toBeVisible();
  await browser.getByRole('button', { name: /photo-sharing-viewers-delete\.cognito-design\.json$/ }).click();
  await studio.screenshot('light-matrix-compare-file-browser');
  await browser.getByRole('button', { name: 'Compare', exact: true }).click();
  const summary = page.getByTestId('diff-summary');
  await expect(summary).toContainText('Against photo-sharing-viewers-delete.cognito-design.json');
  await expect(summary).toContainText('0 newly allowed, 2 newly denied');
  await expect(page.getByTestId('diff-change')).toHaveText([
    `− this edit takes s3:DeleteObject on ${MEDIA}/public/* away from Carol (viewers, mobile) (now: not allowed by any policy)`,
    `− this edit takes s3:DeleteObject on ${MEDIA}/public/* away from Dave asking for the viewers role (now: not allowed by any policy)`,
  ]);
});

test('File › Export Review Report writes one self-contained HTML file that opens in Chromium', async ({
  page,
  browser,
}) => {
  app = await startApp({ example: 'photo-sharing' });
  const studio = new AppPage(page);
  await studio.open(app.url);
  await studio.menu('File', 'Export Review Report…');
  // Browser mode proposes the report's file name in the workspace folder.
  await expect(page.getByTestId('file-browser').getByTestId('file-name-input')).toHaveValue(
    'photo-sharing.review.html',
  );
  const target = join(app.directory, 'photo-sharing.review.html');
  await page.getByRole('button', { name: 'Export', exact: true }).click();
  await expect(studio.notices().filter({ hasText: 'Exported photo-sharing.review.html' })).toBeVisible();

  const html = readFileSync(target, 'utf8');
  expect(html).toContain("default-src 'none'");
  const report = await browser.newPage({ viewport: { width: 1200, height: 900 } });
  const requests: string[] = [];
  report.on('request', (request) => {
    if (!request.url().startsWith('file:')) requests.push(request.url());
  });
  await report.goto(pathToFileURL(target).href);
  await expect(report.getByRole('heading', { level: 1 })).toHaveText('Security review: Photo sharing');
  for (const heading of ['Summary', 'Design graph', 'Findings', 'Personas', 'Access matrix'])
    await expect(report.getByRole('heading', { level: 2, name: heading })).toBeVisible();
  await expect(report.locator('.graph svg')).toBeVisible();
  await expect(report.getByText('Guest role grants data reads')).toBeVisible();
  await expect(report.locator('header dl.meta')).toContainText(/Design SHA-256\s*[0-9a-f]{64}/);
  expect(requests).toEqual([]);
  const studioPage = new AppPage(report);
  await studioPage.screenshot('review-report');
  await report.emulateMedia({ media: 'print' });
  await studioPage.screenshot('review-report-print');
  await report.close();
});
