// A user pool's pre-token-generation trigger is declared in the inspector and saved with the design;
// the simulator applies it when it derives ID tokens (shared/cognito/token.ts).

import { expect, test } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { startApp, type RunningApp } from './support/app-server';
import { AppPage } from './support/pages';

let app: RunningApp;

test.beforeEach(async () => {
  app = await startApp({ example: 'photo-sharing' });
});

test.afterEach(async () => {
  await app.stop();
});

interface SavedPools {
  userPools: {
    preTokenGeneration?: {
      addOrOverrideClaims?: Record<string, string>;
      groupsToOverride?: string[];
      preferredRole?: string;
    };
  }[];
  roles: { id: string; name: string }[];
}

test('a pre-token-generation trigger is declared, undone, redone and saved', async ({ page }) => {
  const studio = new AppPage(page);
  await studio.open(app.url);
  await studio.canvas.select('photo-sharing-users');
  const panel = page.getByTestId('inspector-userPool');

  await panel.getByTestId('pre-token-enabled').check();
  const claims = panel.getByLabel('Claims added or overridden', { exact: true });
  await claims.fill('custom:plan=premium');
  await claims.blur();
  await panel.getByRole('checkbox', { name: 'Override cognito:groups' }).check();
  const groups = panel.getByLabel('Groups in the token', { exact: true });
  await groups.fill('viewers');
  await groups.blur();
  await panel
    .getByLabel('Preferred role override', { exact: true })
    .selectOption({ label: 'PhotoSharingViewers' });
  await studio.screenshot('pre-token-trigger');

  await page.keyboard.press('Control+z');
  await expect(panel.getByLabel('Preferred role override', { exact: true })).toHaveValue('');
  await page.keyboard.press('Control+Shift+z');
  await expect(panel.getByLabel('Preferred role override', { exact: true })).not.toHaveValue('');

  await page.keyboard.press('Control+s');
  await expect(page.getByTestId('dirty-state')).toHaveText('Saved');
  const saved = JSON.parse(readFileSync(app.designPath, 'utf8')) as SavedPools;
  const viewers = saved.roles.find((role) => role.name === 'PhotoSharingViewers');
  expect(saved.userPools[0]!.preTokenGeneration).toEqual({
    addOrOverrideClaims: { 'custom:plan': 'premium' },
    groupsToOverride: ['viewers'],
    preferredRole: viewers!.id,
  });

  // Turning the trigger off removes it from the design.
  await panel.getByTestId('pre-token-enabled').uncheck();
  await page.keyboard.press('Control+s');
  await expect(page.getByTestId('dirty-state')).toHaveText('Saved');
  const cleared = JSON.parse(readFileSync(app.designPath, 'utf8')) as SavedPools;
  expect(cleared.userPools[0]!.preTokenGeneration).toBeUndefined();
});
