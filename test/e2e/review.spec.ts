// Review findings on the canvas: badges on the entities, the findings list of the design view,
// and a finding's rationale and fix next to the entity it concerns.

import { expect, test } from '@playwright/test';
import { startApp, type RunningApp } from './support/app-server';
import { AppPage } from './support/pages';

let app: RunningApp;

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

  // Typing a name keystroke by keystroke does not review on each key; one review follows the commit.
  const name = page.getByTestId('inspector-role').getByLabel('Name', { exact: true });
  await name.fill('');
  await name.pressSequentially('SaaSTenantAdministrator', { delay: 20 });
  expect(await page.evaluate(() => performance.getEntriesByName('review').length)).toBe(before);
  await name.press('Enter');
  await expect
    .poll(() => page.evaluate(() => performance.getEntriesByName('review').length))
    .toBe(before + 1);
  const durations = await page.evaluate(() =>
    performance.getEntriesByName('review').map((entry) => Math.round(entry.duration)),
  );
  test.info().annotations.push({ type: 'review duration (ms)', description: durations.join(', ') });
  await expect(page.getByTestId('dirty-state')).toHaveText('● Unsaved changes');
});
