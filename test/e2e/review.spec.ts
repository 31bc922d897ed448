// Review findings on the canvas: badges on the entities, the findings list of the design view,
// and a finding's rationale and fix next to the entity it concerns.

import { expect, test } from '@playwright/test';
import { startApp, type RunningApp } from './support/app-server';
import { AppPage } from './support/pages';

let app: RunningApp;

/** src-renderer/review/review-sync.ts REVIEW_DELAY_MS: the quiet time before a review runs. */
const REVIEW_DELAY_MS = 300;

test.afterEach(async () => {
  await app.stop();
});

for (const theme of ['light', 'dark'] as const) {
  test(`the guest role of the analytics example carries its findings (${theme} theme)`, async ({ page }) => {
    app = await startApp({ example: 'analytics-sdk' });
    const studio = new AppPage(page);
    await studio.setTheme(theme);
    await studio.open(app.url);

    // The example's guest role may write analytics data: the review flags it on the node.
    const badge = studio.canvas.node('AnalyticsSdkDevice').getByTestId('findings-badge');
    await expect(badge).toBeVisible();
    await expect(badge).toHaveText(/^[1-9]\d*$/);
    await expect(badge).toHaveAttribute('aria-label', /finding/);
    await studio.screenshot(`${theme}-findings-badges`);

    // The design view lists the findings by severity.
    const list = page.getByTestId('findings-list');
    await expect(list).toBeVisible();
    const guestWrite = list.getByTestId('finding').filter({ hasText: 'Guest role grants write access' });
    await expect(guestWrite.first()).toContainText('AnalyticsSdkDevice');
    const count = Number(await badge.textContent());
    await expect(list.getByTestId('finding').filter({ hasText: 'AnalyticsSdkDevice' })).toHaveCount(count);
    await studio.screenshot(`${theme}-findings-list`);

    // A click selects the role and shows why the finding matters.
    await guestWrite.first().click();
    await expect(page.getByTestId('inspector-role')).toContainText('AnalyticsSdkDevice');
    await expect(studio.canvas.node('AnalyticsSdkDevice')).toHaveClass(/selected/);
    const details = page.getByTestId('entity-findings').locator('details[open]');
    await expect(details).toHaveCount(1);
    await expect(details.getByTestId('finding-rationale')).toBeVisible();
    await expect(details.getByTestId('finding-rationale')).not.toBeEmpty();
    await expect(details).toContainText('How to fix');
    await studio.screenshot(`${theme}-finding-details`);

    // Findings are derived, not edits: the document stays saved and there is nothing to undo.
    await expect(page.getByTestId('dirty-state')).toHaveText('Saved');
  });
}

test('clicking a badge selects its entity and opens its most severe finding', async ({ page }) => {
  app = await startApp({ example: 'analytics-sdk' });
  const studio = new AppPage(page);
  await studio.open(app.url);
  await studio.canvas.node('AnalyticsSdkDevice').getByTestId('findings-badge').click();
  await expect(page.getByTestId('inspector-role')).toBeVisible();
  const details = page.getByTestId('entity-findings').getByTestId('finding-details');
  await expect(details.first()).toHaveAttribute('open', '');
  await expect(details.first().getByTestId('finding-rationale')).toBeVisible();
});

test('the review runs off the typing path on the b2b example', async ({ page }) => {
  app = await startApp({ example: 'b2b-saas' });
  const studio = new AppPage(page);
  await studio.open(app.url);
  await studio.canvas.select('SaaSTenantAdmin');
  await expect
    .poll(() => page.evaluate(() => performance.getEntriesByName('review').length))
    .toBeGreaterThan(0);
  const before = await page.evaluate(() => performance.getEntriesByName('review').length);

  // Typing a name keystroke by keystroke commits each key to the design, yet no review runs on the
  // typing path: each review starts only once the edits have stopped for the review delay. The
  // check is on the page's own timestamps of each key and each review, so a slow machine (keys
  // far apart) cannot make it fail or pass by chance.
  const name = page.getByTestId('inspector-role').getByLabel('Name', { exact: true });
  await name.evaluate((element) => {
    const keys: number[] = [];
    (window as unknown as { keyTimes: number[] }).keyTimes = keys;
    element.addEventListener('input', () => keys.push(performance.now()));
  });
  await name.fill('');
  await name.pressSequentially('SaaSTenantAdministrator', { delay: 20 });
  await name.press('Enter');
  await expect(page.getByTestId('dirty-state')).toHaveText('● Unsaved changes');
  const timeline = (): Promise<{ keys: number[]; reviews: number[] }> =>
    page.evaluate(() => ({
      keys: (window as unknown as { keyTimes: number[] }).keyTimes,
      reviews: performance.getEntriesByName('review').map((entry) => entry.startTime),
    }));
  // Timer clamping may round a delay down by a millisecond.
  const delay = REVIEW_DELAY_MS - 2;
  const afterLastKey = ({ keys, reviews }: { keys: number[]; reviews: number[] }): number[] =>
    reviews.slice(before).filter((start) => start > (keys.at(-1) ?? Infinity));
  await expect.poll(async () => afterLastKey(await timeline()).length).toBeGreaterThan(0);
  const { keys, reviews } = await timeline();
  expect(keys).toHaveLength('SaaSTenantAdministrator'.length + 1);
  const newReviews = reviews.slice(before);
  for (const start of newReviews) {
    const previousKey = keys.filter((key) => key <= start).at(-1);
    if (previousKey !== undefined) expect(start - previousKey).toBeGreaterThanOrEqual(delay);
  }
  // One review covers the finished name.
  expect(afterLastKey({ keys, reviews })).toHaveLength(1);
  test.info().annotations.push({
    type: 'reviews during the edit',
    description: `${newReviews.length} (keys ${keys.length})`,
  });
});
