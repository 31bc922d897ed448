// The simulator: "which role and credentials does a Google user with hd=example.com get, and may they
// s3:GetObject their own prefix?" answered in the app, with the lit path and the deciding statement;
// personas created, edited, duplicated, deleted and brought back with undo.

import { expect, test } from '@playwright/test';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { repositoryRoot, startApp, type RunningApp } from './support/app-server';
import { AppPage } from './support/pages';

let app: RunningApp | undefined;

test.afterEach(async () => {
  await app?.stop();
  app = undefined;
});

const BUCKET = 'arn:aws:s3:::photo-sharing-media-111122223333';

/**
 * The photo-sharing example with one addition: Google Workspace users of example.com (claim `hd`) get the
 * editors role by a rule, everyone else from Google the default authenticated role.
 */
async function photoSharingWithWorkspaceRule(): Promise<RunningApp> {
  const example = join(repositoryRoot, 'assets', 'examples', 'photo-sharing.cognito-design.json');
  const design = JSON.parse(readFileSync(example, 'utf8'));
  design.identityPools[0].roleMappings.push({
    id: 'mapping-google',
    provider: { type: 'provider', providerId: 'provider-google' },
    type: 'Rules',
    ambiguousRoleResolution: 'AuthenticatedRole',
    rules: [
      {
        id: 'rule-workspace',
        claim: 'hd',
        matchType: 'Equals',
        value: 'example.com',
        roleId: 'role-editors',
      },
    ],
  });
  const directory = mkdtempSync(join(tmpdir(), 'cognito-studio-simulator-'));
  const designPath = join(directory, 'photo-sharing-workspace.cognito-design.json');
  writeFileSync(designPath, `${JSON.stringify(design, null, 2)}\n`);
  const started = await startApp({ designPath });
  return {
    ...started,
    async stop() {
      await started.stop();
      rmSync(directory, { recursive: true, force: true });
    },
  };
}

for (const theme of ['light', 'dark'] as const) {
  test(`a Google Workspace user's role, path and access (${theme} theme)`, async ({ page }) => {
    app = await photoSharingWithWorkspaceRule();
    const studio = new AppPage(page);
    await studio.setTheme(theme);
    await studio.open(app.url);
    const simulator = studio.simulator;

    await studio.menu('View', 'Simulator');
    await expect(simulator.root).toBeVisible();
    await simulator.chooseIdentity('OIDC / social token claims');
    await expect(simulator.root.getByLabel('Provider', { exact: true })).toHaveValue('provider-google');
    await simulator.addClaim('hd', 'example.com');

    // The rule on hd picks the editors role; Cognito trusts it and hands out (fake) credentials.
    const credentials = simulator.credentials();
    await expect(credentials).toContainText('PhotoSharingEditors');
    await expect(simulator.root.getByTestId('sim-role-arn')).toHaveText(
      'arn:aws:iam::111122223333:role/photo-sharing/PhotoSharingEditors',
    );
    await expect(simulator.root.getByTestId('sim-assumed-role')).toHaveText(
      'arn:aws:sts::111122223333:assumed-role/PhotoSharingEditors/CognitoIdentityCredentials',
    );
    await expect(credentials).toContainText('Fake');
    await expect(simulator.traceStep('rule:rule-workspace')).toHaveAttribute('data-outcome', 'pass');
    await expect(simulator.traceStep('trust')).toHaveAttribute('data-outcome', 'pass');

    // The path lights up: Google → identity pool → rule #1 → role; nothing else.
    await expect(studio.canvas.node('Google').locator('.node')).toHaveAttribute('data-on-path', 'true');
    await expect(studio.canvas.node('PhotoSharingIdentities').locator('.node')).toHaveClass(/node--on-path/);
    await expect(studio.canvas.node('PhotoSharingEditors').locator('.node')).toHaveClass(/node--on-path/);
    await expect(studio.canvas.node('PhotoSharingAdmins').locator('.node')).not.toHaveClass(/node--on-path/);
    const ruleEdge = page.getByTestId('rf__edge-ruleRole:identitypool-photos/mapping-google/rule-workspace');
    await expect(ruleEdge.locator('.edge--on-path')).toHaveCount(1);
    await expect(
      page.getByTestId('rf__edge-acceptance:provider-google->identitypool-photos').locator('.edge--on-path'),
    ).toHaveCount(1);
    await expect(page.locator('.edge--on-path')).toHaveCount(2);

    // May they read their own prefix? Yes, by the per-user storage statement; someone else's: no.
    await simulator.setRequest(
      1,
      's3:GetObject',
      `${BUCKET}/private/\${cognito-identity.amazonaws.com:sub}/cat.jpg`,
    );
    const own = simulator.request(1);
    await expect(own.getByTestId('sim-decision')).toHaveText('Allowed');
    const identityId = await simulator.root.getByTestId('sim-identity-id').textContent();
    await expect(own.getByTestId('sim-request-resource')).toHaveText(
      `${BUCKET}/private/${identityId}/cat.jpg`,
    );
    const deciding = own
      .getByTestId('sim-deciding-statement')
      .filter({ hasText: 'PhotoSharingPerUserStorage' });
    await expect(deciding).toContainText('$.Statement[1] (ReadWriteOwnObjects)');
    await simulator.root.getByRole('button', { name: 'Add request' }).click();
    await simulator.setRequest(2, 's3:GetObject', `${BUCKET}/private/us-east-1:someone-else/cat.jpg`);
    await expect(simulator.request(2).getByTestId('sim-decision')).toHaveText('ImplicitlyDenied');
    await studio.screenshot(`${theme}-simulator-requests`);
    await credentials.scrollIntoViewIfNeeded();
    await studio.screenshot(`${theme}-simulator-credentials`);

    // The deciding statement opens its policy (the managed policy is selected for the editor).
    await deciding.click();
    await expect(studio.canvas.node('PhotoSharingPerUserStorage').locator('.node')).toHaveClass(
      /node--selected/,
    );

    // Each trace row selects its element: the rule row selects the rule edge, the trust row the role.
    await simulator.traceStep('rule:rule-workspace').click();
    await expect(ruleEdge).toHaveClass(/selected/);
    await simulator.traceStep('trust').click();
    await expect(studio.canvas.node('PhotoSharingEditors').locator('.node')).toHaveClass(/node--selected/);

    // Without the Workspace domain the rule does not match: the default authenticated role.
    await simulator.root.getByLabel('claim 4 value', { exact: true }).fill('gmail.com');
    await expect(credentials).toContainText('PhotoSharingAuthenticated');
    await expect(simulator.traceStep('rule:rule-workspace')).toHaveAttribute('data-outcome', 'fail');
    await expect(
      page
        .getByTestId('rf__edge-authenticatedRole:identitypool-photos->role-authenticated')
        .locator('.edge--on-path'),
    ).toHaveCount(1);
    await expect(ruleEdge.locator('.edge--on-path')).toHaveCount(0);

    // Simulating is not editing: nothing to save, nothing to undo.
    await expect(page.getByTestId('dirty-state')).toHaveText('Saved');
  });
}

test('results follow design edits, errors are exact, a pasted hostile token is refused', async ({ page }) => {
  app = await startApp({ example: 'photo-sharing' });
  const studio = new AppPage(page);
  await studio.open(app.url);
  await studio.pressShortcut('Control+j');
  const simulator = studio.simulator;
  await expect(simulator.root).toBeVisible();

  // A guest gets the guest role with the scope-down session policies.
  await expect(simulator.credentials()).toContainText('PhotoSharingGuest');
  await expect(simulator.credentials()).toContainText('guest scope-down, AWS lists as of');
  await studio.screenshot('light-simulator-guest');

  // Turning guest access off in the inspector changes the answer to AWS's exact error.
  await studio.canvas.select('PhotoSharingIdentities');
  await page.getByTestId('field-guest').uncheck();
  await expect(simulator.error()).toContainText('NotAuthorizedException');
  await expect(simulator.root.getByTestId('sim-error-message')).toHaveText(
    'Unauthenticated access is not supported for this identity pool.',
  );
  await expect(simulator.traceStep('guest-access')).toHaveAttribute('data-outcome', 'fail');
  await studio.screenshot('light-simulator-aws-error');
  await studio.setTheme('dark');
  await studio.screenshot('dark-simulator-aws-error');
  await studio.setTheme('light');

  // A user-pool user: the token's preferred role comes from the group, which lights up; groups can be
  // changed for this run without touching the design's sample user.
  await simulator.chooseIdentity('User-pool user');
  await expect(simulator.root.getByLabel('User', { exact: true })).toHaveValue('alice');
  await expect(simulator.credentials()).toContainText('PhotoSharingAdmins');
  await expect(
    page.getByTestId('rf__edge-groupRole:userpool-photos/admins->role-admins').locator('.edge--on-path'),
  ).toHaveCount(1);
  await expect(studio.canvas.node('photo-sharing-users').locator('.node')).toHaveClass(/node--on-path/);
  await simulator.root.getByRole('checkbox', { name: 'admins (1)' }).uncheck();
  await simulator.root.getByRole('checkbox', { name: 'editors (2)' }).check();
  await expect(simulator.credentials()).toContainText('PhotoSharingEditors');
  await expect(simulator.traceStep('token-groups')).toContainText('editors (precedence 2)');

  await simulator.chooseIdentity('Pasted JWT');
  await simulator.root.getByLabel('ID token (JWT)').fill('eyJhbGciOiJub25lIn0.bm90IGpzb24.');
  await expect(simulator.root.getByTestId('sim-jwt-error')).toBeVisible();
  await studio.screenshot('light-simulator-bad-token');
  await expect(simulator.error()).toContainText('Cannot simulate');
  await expect(page.locator('.edge--on-path')).toHaveCount(0);

  // The splitter resizes the panel from the keyboard too.
  const before = (await simulator.root.boundingBox())?.height ?? 0;
  await simulator.root.getByTestId('sim-splitter').focus();
  await page.keyboard.press('ArrowUp');
  await page.keyboard.press('ArrowUp');
  await expect
    .poll(async () => (await simulator.root.boundingBox())?.height ?? 0)
    .toBeGreaterThan(before + 40);

  await studio.menu('View', 'Simulator');
  await expect(simulator.root).toBeHidden();
  await expect(page.locator('.node--on-path')).toHaveCount(0);
});

test('the simulation runs off the typing path', async ({ page }) => {
  app = await startApp({ example: 'b2b-saas' });
  const studio = new AppPage(page);
  await studio.open(app.url);
  await studio.menu('View', 'Simulator');
  const simulator = studio.simulator;
  await simulator.choosePersona('Maria (Acme tenant admin, SAML)');
  await expect(simulator.credentials()).toBeVisible();
  const runs = () => page.evaluate(() => performance.getEntriesByName('simulation').length);
  const before = await runs();

  // Twenty keystrokes in a claim value: the simulation waits for a pause instead of running per key.
  const value = simulator.root.getByLabel('attribute 1 value', { exact: true });
  await value.fill('');
  await value.pressSequentially('someone@example.com', { delay: 20 });
  await expect.poll(runs).toBeGreaterThan(before);
  await page.waitForTimeout(400);
  expect(await runs()).toBeLessThanOrEqual(before + 3);
  const durations = await page.evaluate(() =>
    performance.getEntriesByName('simulation').map((entry) => Math.round(entry.duration)),
  );
  test.info().annotations.push({ type: 'simulation duration (ms)', description: durations.join(', ') });
});

test('personas: save this identity, edit, duplicate, delete, undo', async ({ page }) => {
  app = await startApp({ example: 'photo-sharing' });
  const studio = new AppPage(page);
  await studio.open(app.url);
  await page.getByTestId('toolbar-simulator').click();
  const simulator = studio.simulator;

  // A persona of the example loads into the form and is simulated.
  await simulator.choosePersona('Google user');
  await expect(simulator.credentials()).toContainText('PhotoSharingAuthenticated');
  await expect(simulator.root.getByLabel('claim 1 name', { exact: true })).toHaveValue('aud');

  // Save this identity, changed, as a new persona.
  await simulator.addClaim('hd', 'example.com');
  await simulator.personaAction('Save as new persona', 'Workspace user');
  await expect(simulator.personaSelect().locator('option:checked')).toHaveText('Workspace user');
  expect(await simulator.personaNames()).toContain('Workspace user');
  await expect(page.getByTestId('dirty-state')).toHaveText(/Unsaved/);

  await studio.setTheme('dark');
  await studio.screenshot('dark-simulator-persona-saved');
  await studio.setTheme('light');

  // Edit it: rename and update.
  await simulator.personaAction('Update persona', 'Workspace member');
  expect(await simulator.personaNames()).toContain('Workspace member');
  expect(await simulator.personaNames()).not.toContain('Workspace user');

  // Duplicate it, then delete the copy.
  await simulator.personaAction('Duplicate');
  await expect(simulator.personaSelect().locator('option:checked')).toHaveText('Workspace member copy');
  await simulator.personaAction('Delete');
  expect(await simulator.personaNames()).not.toContain('Workspace member copy');

  // Undo brings the copy back; undo again removes it (the duplicate), again restores the old name.
  await studio.pressShortcut('Control+z');
  await expect.poll(() => simulator.personaNames()).toContain('Workspace member copy');
  await studio.pressShortcut('Control+z');
  await expect.poll(() => simulator.personaNames()).not.toContain('Workspace member copy');
  await studio.pressShortcut('Control+z');
  await expect.poll(() => simulator.personaNames()).toContain('Workspace user');
  await studio.pressShortcut('Control+Shift+z');
  await expect.poll(() => simulator.personaNames()).toContain('Workspace member');

  // Saved into the design file with its claims.
  await studio.pressShortcut('Control+s');
  await expect(page.getByTestId('dirty-state')).toHaveText('Saved');
  const saved = JSON.parse(readFileSync(app.designPath, 'utf8'));
  const persona = saved.personas.find((candidate: { name: string }) => candidate.name === 'Workspace member');
  expect(persona.login).toMatchObject({ type: 'provider', providerId: 'provider-google' });
  expect(persona.login.claims.hd).toBe('example.com');
});
