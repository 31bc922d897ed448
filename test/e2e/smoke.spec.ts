import { expect, test } from '@playwright/test';
import { startApp, type RunningApp } from './support/app-server';
import { AppPage } from './support/pages';

let app: RunningApp;

test.beforeEach(async () => {
  app = await startApp({ example: 'b2b-saas' });
});

test.afterEach(async () => {
  await app.stop();
});

test('a newcomer sees the example design as a graph', async ({ page }) => {
  const studio = new AppPage(page);
  await studio.open(app.url);
  await expect(studio.canvas.nodesOfKind('identityPool')).toHaveCount(1);
  await expect(studio.canvas.nodesOfKind('role')).toHaveCount(4);
  await expect(studio.canvas.edgeLabel('#1 cognito:groups Equals support-engineers')).toBeVisible();
  await expect(page).toHaveTitle(/b2b-saas\.cognito-design\.json — Cognito Access Studio/);
  await studio.setTheme('light');
  await studio.screenshot('canvas-light');
  await studio.setTheme('dark');
  await studio.screenshot('canvas-dark');
});
