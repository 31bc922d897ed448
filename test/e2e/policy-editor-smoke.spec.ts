import { expect, test } from '@playwright/test';
import { startApp, type RunningApp } from './support/app-server';
import { AppPage } from './support/pages';

let app: RunningApp;
test.afterEach(async () => {
  await app.stop();
});

test('smoke', async ({ page }) => {
  page.on('console', (message) => console.log('console:', message.type(), message.text()));
  page.on('pageerror', (error) => console.log('pageerror:', error.message));
  app = await startApp({ example: 'photo-sharing' });
  const studio = new AppPage(page);
  await studio.open(app.url);
  await studio.canvas.select('PhotoSharingAuthenticated');
  await page.getByTestId('open-inline-policy').first().click();
  await expect(page.getByTestId('policy-editor')).toBeVisible();
  await expect(page.locator('.monaco-editor')).toBeVisible();
  await page.waitForTimeout(1500);
  await studio.screenshot('smoke-policy-editor');
});
