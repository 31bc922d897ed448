// Visits every view in light and dark theme and keeps a screenshot of each under
// test-results/screenshots/ (design.md §10), checking on the way that each view shows what it should.

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

for (const theme of ['light', 'dark'] as const) {
  test(`every view is readable in the ${theme} theme`, async ({ page }) => {
    const studio = new AppPage(page);
    await studio.setTheme(theme);
    await studio.open(app.url);
    await expect(page.locator('html')).toHaveAttribute('data-theme', theme);
    await studio.screenshot(`${theme}-canvas`);

    await studio.canvas.select('B2BSaaSIdentities');
    await expect(page.getByTestId('inspector-identityPool')).toBeVisible();
    await expect(page.getByTestId('rule')).toHaveCount(3);
    await studio.screenshot(`${theme}-inspector-identity-pool`);

    await studio.canvas.select('b2b-saas-tenants');
    await expect(page.getByTestId('inspector-userPool')).toContainText('App clients (2)');
    await studio.screenshot(`${theme}-inspector-user-pool`);

    await studio.canvas.select('SaaSTenantAdmin');
    await expect(page.getByTestId('inspector-role')).toContainText(
      'arn:aws:iam::111122223333:role/saas/SaaSTenantAdmin',
    );
    await studio.screenshot(`${theme}-inspector-role`);

    await studio.canvas.select('Acme Corp (Okta SAML)');
    await expect(page.getByTestId('inspector-provider')).toBeVisible();
    await studio.screenshot(`${theme}-inspector-provider`);

    await studio.canvas.select('SaaSTenantData');
    await expect(page.getByTestId('inspector-managedPolicy')).toBeVisible();
    await studio.screenshot(`${theme}-inspector-policy`);

    await page.getByTestId('palette-provider').click();
    await expect(page.getByTestId('palette-provider-saml')).toBeVisible();
    await studio.screenshot(`${theme}-palette`);
    await page.keyboard.press('Escape');
    await expect(page.getByTestId('palette-provider-saml')).toBeHidden();

    await page.getByLabel('Search nodes').fill('tenant');
    await expect(page.getByRole('option')).not.toHaveCount(0);
    await studio.screenshot(`${theme}-search`);
    await page.getByLabel('Search nodes').press('Enter');

    await page.getByRole('menubar').getByRole('menuitem', { name: 'Edit', exact: true }).click();
    await expect(page.getByRole('menu', { name: 'Edit' })).toBeVisible();
    await studio.screenshot(`${theme}-menu`);
    await page.keyboard.press('Escape');
    await expect(page.getByRole('menu', { name: 'Edit' })).toBeHidden();

    await studio.canvas.autoLayout();
    await page.waitForTimeout(500);
    await studio.screenshot(`${theme}-auto-layout`);
  });
}

test('the theme toggle overrides the operating system preference', async ({ page }) => {
  const studio = new AppPage(page);
  await studio.setTheme('light');
  await studio.open(app.url);
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
  await studio.menu('View', 'Toggle Dark Theme');
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await studio.menu('View', 'Toggle Dark Theme');
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
});

test('search jumps to a node and selects it', async ({ page }) => {
  const studio = new AppPage(page);
  await studio.open(app.url);
  await studio.canvas.search('SaaSSupportReadOnly');
  await expect(page.getByTestId('inspector-role')).toContainText('SaaSSupportReadOnly');
  await expect(studio.canvas.node('SaaSSupportReadOnly')).toHaveClass(/selected/);
});

test('inline validation shows what is wrong next to the field', async ({ page }) => {
  const studio = new AppPage(page);
  await studio.open(app.url);
  await studio.canvas.select('SaaSTenantAdmin');
  const name = page
    .getByTestId('inspector-role')
    .locator('.field')
    .filter({ has: page.getByLabel('Name', { exact: true }) });
  await studio.inspector.set('Name', 'Tenant Admin!');
  await expect(name).toHaveClass(/field--invalid/);
  await expect(name.getByTestId('field-issues')).not.toBeEmpty();
  await expect(page.getByTestId('inspector-role').locator('.inspector__summary')).toContainText('error');

  await studio.canvas.select('B2BSaaSIdentities');
  const rule = page.getByTestId('rule').first();
  await rule.getByLabel('Claim', { exact: true }).fill('');
  await expect(rule).toContainText('Claim is required.');
  await studio.screenshot('inline-validation');
});
