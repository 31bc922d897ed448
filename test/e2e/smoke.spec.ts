import { expect, test } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { repositoryRoot, startApp } from './support/app-server';
import { AppPage } from './support/pages';

for (const example of ['b2b-saas', 'photo-sharing', 'analytics-sdk']) {
  test(`a newcomer sees the ${example} example as a graph`, async ({ page }) => {
    const app = await startApp({ example });
    try {
      const design = JSON.parse(
        readFileSync(join(repositoryRoot, 'assets', 'examples', `${example}.cognito-design.json`), 'utf8'),
      ) as Record<string, unknown[]>;
      const entities = ['providers', 'userPools', 'identityPools', 'roles', 'managedPolicies'].reduce(
        (sum, key) => sum + (design[key]?.length ?? 0),
        0,
      );
      const studio = new AppPage(page);
      await studio.open(app.url);
      await expect(page.locator('.react-flow__node')).toHaveCount(entities);
      await expect(page).toHaveTitle(
        new RegExp(`^${example}\\.cognito-design\\.json — Cognito Access Studio$`),
      );
      await expect(page.getByTestId('dirty-state')).toHaveText('Saved');
      await studio.screenshot(`example-${example}`);
    } finally {
      await app.stop();
    }
  });
}

test('the b2b example shows its rules in order on the edges', async ({ page }) => {
  const app = await startApp({ example: 'b2b-saas' });
  try {
    const studio = new AppPage(page);
    await studio.open(app.url);
    await expect(studio.canvas.nodesOfKind('identityPool')).toHaveCount(1);
    await expect(studio.canvas.edgeLabel('#1 cognito:groups Equals support-engineers')).toBeVisible();
    await expect(studio.canvas.edgeLabel('#3 custom:tenant StartsWith t-')).toBeVisible();
  } finally {
    await app.stop();
  }
});
