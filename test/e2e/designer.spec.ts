// The newcomer's story of issue 4: open the example, add a SAML provider, connect it, map a claim
// to a new role, reorder rules, undo/redo, save, reopen and read the file on disk.

import { expect, test } from '@playwright/test';
import { readFileSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { startApp, type RunningApp } from './support/app-server';
import { AppPage } from './support/pages';

let app: RunningApp;

test.beforeEach(async () => {
  app = await startApp({ example: 'b2b-saas' });
});

test.afterEach(async () => {
  await app.stop();
});

interface SavedDesign {
  providers: { id: string; name: string; kind: string }[];
  roles: { id: string; name: string }[];
  identityPools: {
    acceptedProviders: { type: string; providerId?: string }[];
    roleMappings: {
      provider: { type: string; providerId?: string };
      type: string;
      rules: { claim: string; matchType: string; value: string; roleId: string }[];
    }[];
  }[];
}

test('design a SAML login with ordered rules, undo/redo, save and reopen', async ({ page }) => {
  const studio = new AppPage(page);
  await studio.open(app.url);
  const { canvas, inspector } = studio;

  // Add a SAML provider from the palette and name it in the inspector.
  await canvas.addProvider('saml');
  await expect(page.getByTestId('inspector-provider')).toBeVisible();
  await inspector.set('Name', 'Initech SAML');
  await expect(canvas.node('Initech SAML')).toBeVisible();
  await expect(page.getByTestId('dirty-state')).toHaveText('● Unsaved changes');
  await expect(page).toHaveTitle(/^● /);

  // A new role for the rule.
  await canvas.addNode('role');
  await inspector.set('Name', 'InitechAuditor');
  await studio.fitView();
  await studio.screenshot('before-connect');

  // Connect the provider to the identity pool by dragging its handle.
  await canvas.connect('Initech SAML', 'out', 'B2BSaaSIdentities', 'logins');
  await expect(page.locator('.react-flow__edge[data-id^="acceptance:provider-saml-"]')).toHaveCount(1);
  await studio.screenshot('connected-saml');

  // Map claims of the new provider to roles with two rules.
  await canvas.select('B2BSaaSIdentities');
  await page.getByTestId('add-mapping').click();
  const samlMapping = page.getByTestId('role-mapping').filter({ hasText: 'Initech SAML' });
  await samlMapping.getByTestId('add-rule').click();
  const first = samlMapping.getByTestId('rule').nth(0);
  await inspector.set('Claim', 'department', first);
  await inspector.set('Value', 'audit', first);
  await inspector.choose('Role', 'InitechAuditor', first);
  await samlMapping.getByTestId('add-rule').click();
  const second = samlMapping.getByTestId('rule').nth(1);
  await inspector.set('Claim', 'department', second);
  await inspector.choose('Match', 'StartsWith', second);
  await inspector.set('Value', 'audit-admin', second);
  await inspector.choose('Role', 'SaaSTenantAdmin', second);
  await expect(canvas.edgeLabel('#1 department Equals audit')).toBeVisible();
  await expect(canvas.edgeLabel('#2 department StartsWith audit-admin')).toBeVisible();

  // Reorder with the keyboard: the more specific rule must come first.
  const summaries = (): Promise<string[]> =>
    samlMapping
      .getByTestId('rule')
      .evaluateAll((items) => items.map((item) => item.getAttribute('aria-label') ?? ''));
  await second.focus();
  await second.press('Alt+ArrowUp');
  await expect
    .poll(summaries)
    .toEqual(['Rule 1: department StartsWith audit-admin', 'Rule 2: department Equals audit']);
  await expect(canvas.edgeLabel('#1 department StartsWith audit-admin')).toBeVisible();
  await studio.screenshot('rule-editor');

  // Undo the reorder, then redo it.
  await page.keyboard.press('Control+z');
  await expect
    .poll(summaries)
    .toEqual(['Rule 1: department Equals audit', 'Rule 2: department StartsWith audit-admin']);
  await page.keyboard.press('Control+Shift+z');
  await expect
    .poll(summaries)
    .toEqual(['Rule 1: department StartsWith audit-admin', 'Rule 2: department Equals audit']);

  // Reorder the example's rules by dragging the grip: rule 3 to the top.
  const appMapping = page.getByTestId('role-mapping').filter({ hasText: 'saas-web-app' });
  const appSummaries = (): Promise<string[]> =>
    appMapping
      .getByTestId('rule')
      .evaluateAll((items) => items.map((item) => item.getAttribute('aria-label') ?? ''));
  const before = await appSummaries();
  await appMapping
    .getByTestId('rule')
    .nth(2)
    .locator('.rule__grip')
    .dragTo(appMapping.getByTestId('rule').nth(0), { targetPosition: { x: 20, y: 4 } });
  await expect
    .poll(appSummaries)
    .toEqual([
      before[2]!.replace('Rule 3', 'Rule 1'),
      before[0]!.replace('Rule 1', 'Rule 2'),
      before[1]!.replace('Rule 2', 'Rule 3'),
    ]);
  await page.keyboard.press('Control+z');
  await expect.poll(appSummaries).toEqual(before);

  // Save (Ctrl+S writes to the opened file) and check the file on disk.
  await page.keyboard.press('Control+s');
  await expect(page.getByTestId('dirty-state')).toHaveText('Saved');
  await expect(page).toHaveTitle(/^b2b-saas\.cognito-design\.json — Cognito Access Studio$/);
  const saved = JSON.parse(readFileSync(app.designPath, 'utf8')) as SavedDesign;
  const saml = saved.providers.find((provider) => provider.name === 'Initech SAML');
  expect(saml?.kind).toBe('saml');
  const auditor = saved.roles.find((role) => role.name === 'InitechAuditor');
  expect(auditor).toBeDefined();
  const pool = saved.identityPools[0]!;
  expect(pool.acceptedProviders).toContainEqual({ type: 'provider', providerId: saml!.id });
  const mapping = pool.roleMappings.find((candidate) => candidate.provider.providerId === saml!.id);
  expect(mapping?.type).toBe('Rules');
  expect(mapping?.rules.map((rule) => [rule.claim, rule.matchType, rule.value])).toEqual([
    ['department', 'StartsWith', 'audit-admin'],
    ['department', 'Equals', 'audit'],
  ]);
  expect(mapping?.rules[1]?.roleId).toBe(auditor!.id);

  // Reopen it through File › Open and see the saved rules again.
  await page.reload();
  await expect(page.locator('.react-flow__node').first()).toBeVisible();
  await studio.menu('File', 'Open…');
  await expect(page.getByTestId('file-list')).toContainText('b2b-saas.cognito-design.json');
  await studio.screenshot('open-dialog');
  await studio.openFromWorkspace('b2b-saas.cognito-design.json');
  await expect(canvas.node('Initech SAML')).toBeVisible();
  await expect(canvas.edgeLabel('#1 department StartsWith audit-admin')).toBeVisible();
  await expect(page.getByTestId('dirty-state')).toHaveText('Saved');
});

test('opening an invalid file shows each error and keeps the current design', async ({ page }) => {
  const studio = new AppPage(page);
  await studio.open(app.url);
  const broken = join(app.directory, 'broken.cognito-design.json');
  const original = JSON.parse(readFileSync(app.designPath, 'utf8')) as Record<string, unknown> & {
    account: Record<string, unknown>;
  };
  writeFileSync(
    broken,
    JSON.stringify({ ...original, account: { ...original.account, accountId: '12345' } }, null, 2),
  );
  const nodesBefore = await page.locator('.react-flow__node').count();

  await studio.menu('File', 'Open…');
  await studio.openFromWorkspace(basename(broken));
  const errors = page.getByTestId('open-errors');
  await expect(errors).toContainText('$.account.accountId');
  await expect(page.getByRole('dialog')).toContainText('Nothing was changed');
  await studio.screenshot('open-invalid-file');
  await page.getByRole('button', { name: 'OK' }).click();

  await expect(page.locator('.react-flow__node')).toHaveCount(nodesBefore);
  await expect(page.getByTestId('file-path')).toHaveText(app.designPath);
  await expect(page).toHaveTitle(/^b2b-saas\.cognito-design\.json/);
});

test('a connection the model does not allow is refused with the reason', async ({ page }) => {
  const studio = new AppPage(page);
  await studio.open(app.url);
  const edgesBefore = await page.locator('.react-flow__edge').count();
  await studio.canvas.connect('SaaSNoAccess', 'policies', 'B2BSaaSIdentities', 'logins');
  await expect(studio.notices()).toContainText(
    'A role cannot accept logins; connect a provider to an identity pool',
  );
  await expect(page.locator('.react-flow__edge')).toHaveCount(edgesBefore);
  await studio.screenshot('refused-connection');
});

test('principal tags are edited once per user pool and saved identically for each of its clients', async ({
  page,
}) => {
  const studio = new AppPage(page);
  await studio.open(app.url);
  await studio.canvas.select('B2BSaaSIdentities');
  const pool = page.getByTestId('inspector-identityPool');

  // One map for the user pool (AWS keys it by the pool), listing the clients it applies to.
  const maps = pool.getByTestId('principal-tags');
  await expect(maps).toHaveCount(1);
  const tenants = maps.first();
  await expect(tenants).toContainText('User pool b2b-saas-tenants');
  await expect(tenants).toContainText('cognito-idp.us-east-1.amazonaws.com/us-east-1_T3n4ntP0l');
  await expect(tenants).toContainText('Applies to app clients saas-web-app, ops-console');

  await tenants.getByRole('checkbox', { name: /^Use defaults/ }).check();
  const custom = tenants.getByLabel('Custom tags', { exact: true });
  await custom.fill('tenant=custom:tenant\ndepartment=custom:department\ncostCenter=custom:cost_center');
  await custom.blur();
  await expect(custom).toHaveValue(
    'tenant=custom:tenant\ndepartment=custom:department\ncostCenter=custom:cost_center',
  );
  await expect(pool.locator('[data-code="principal-tag-conflict"]')).toHaveCount(0);
  await studio.screenshot('principal-tags');

  // Each edit of the map is one undo step.
  await page.keyboard.press('Control+z');
  await expect(custom).toHaveValue('department=custom:department\ntenant=custom:tenant');
  await page.keyboard.press('Control+Shift+z');
  await expect(custom).toHaveValue(
    'tenant=custom:tenant\ndepartment=custom:department\ncostCenter=custom:cost_center',
  );

  await page.keyboard.press('Control+s');
  await expect(page.getByTestId('dirty-state')).toHaveText('Saved');
  const saved = JSON.parse(readFileSync(app.designPath, 'utf8')) as {
    identityPools: {
      principalTags: {
        provider: { clientId?: string };
        useDefaults: boolean;
        tags: Record<string, string>;
      }[];
    }[];
  };
  const entries = saved.identityPools[0]!.principalTags;
  expect(entries.map((entry) => entry.provider.clientId)).toEqual(['client-app', 'client-ops']);
  for (const entry of entries) {
    expect(entry.useDefaults).toBe(true);
    expect(entry.tags).toEqual({
      tenant: 'custom:tenant',
      department: 'custom:department',
      costCenter: 'custom:cost_center',
    });
  }

  // Nowhere in the design does validation report a conflict.
  await page.locator('.react-flow__pane').click({ position: { x: 5, y: 5 } });
  await expect(page.getByTestId('inspector-design')).toBeVisible();
  await expect(page.locator('[data-code="principal-tag-conflict"]')).toHaveCount(0);
});
