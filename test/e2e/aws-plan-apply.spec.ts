// File ▸ Plan & Apply… and File ▸ Import from AWS… as a person uses them, against the AWS emulator
// (moto_server, as in test/unit/aws): the browser-mode server reaches it through AWS_ENDPOINT_URL,
// the page only ever sees the host API's answers.

import { expect, test } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { emulatorEnvironment, startMoto, type Moto } from '../unit/aws/moto';
import { startApp, type RunningApp } from './support/app-server';
import { AppPage } from './support/pages';

let moto: Moto;
let app: RunningApp;

test.beforeAll(async () => {
  moto = await startMoto();
});

test.afterAll(async () => {
  await moto?.stop();
});

test.beforeEach(async () => {
  await moto.reset();
  app = await startApp({
    example: 'photo-sharing',
    env: {
      ...emulatorEnvironment(),
      AWS_ENDPOINT_URL: moto.endpoint,
      AWS_REGION: 'us-east-1',
      AWS_PROFILE: '',
    },
  });
});

test.afterEach(async () => {
  await app.stop();
});

test('plans, confirms with the account id and region, applies, records the pool id, then plans nothing', async ({
  page,
}) => {
  test.setTimeout(120_000);
  const studio = new AppPage(page);
  await studio.open(app.url);
  await studio.menu('File', 'Plan & Apply…');
  const dialog = page.getByRole('dialog', { name: 'Plan & Apply' });
  await expect(dialog.getByTestId('aws-profile')).toBeVisible();
  await expect(dialog.getByTestId('aws-region')).toHaveAttribute(
    'placeholder',
    "design's region (us-east-1)",
  );
  await studio.screenshot('aws-plan-choose');
  await dialog.getByRole('button', { name: 'Plan', exact: true }).click();

  await expect(dialog.getByRole('heading')).toHaveText('Plan for account 111122223333 in us-east-1', {
    timeout: 30_000,
  });
  const changes = dialog.getByTestId('plan-changes').locator('> li');
  await expect(changes.first()).toContainText('identity pool PhotoSharingIdentities');
  await expect(changes.first()).toContainText('create identity pool');
  await expect(dialog.getByText('role /photo-sharing/PhotoSharingAdmins').first()).toBeVisible();
  await expect(dialog.locator('.aws-diff__line--added').first()).toBeVisible();
  const count = await changes.count();
  await expect(dialog.getByTestId('plan-summary')).toHaveText(
    `${count} change(s), in the order they are applied.`,
  );
  await studio.setTheme('light');
  await studio.screenshot('aws-plan-light');
  await studio.setTheme('dark');
  await studio.screenshot('aws-plan-dark');
  await studio.setTheme('light');

  await dialog.getByRole('button', { name: 'Apply…' }).click();
  await expect(dialog.getByTestId('apply-confirmation')).toContainText(
    `${count} change(s) will be made in AWS account 111122223333, region us-east-1`,
  );
  await studio.screenshot('aws-plan-confirm');
  await dialog.getByRole('button', { name: 'Apply to 111122223333' }).click();

  await expect(dialog.getByTestId('apply-result')).toHaveText(
    `${count} change(s) applied to account 111122223333 in us-east-1.`,
    { timeout: 60_000 },
  );
  await expect(dialog.getByTestId('apply-steps').locator('.aws-steps__item--applied')).toHaveCount(count);
  await expect(dialog.getByTestId('recorded-pool-ids')).toContainText('PhotoSharingIdentities: us-east-1:');
  await studio.screenshot('aws-apply-result');
  await studio.setTheme('dark');
  await studio.screenshot('aws-apply-result-dark');
  await studio.setTheme('light');
  await dialog.getByRole('button', { name: 'Close' }).click();

  // The pool id AWS assigned is an undoable edit of the open design, not yet saved.
  await expect(page.getByTestId('dirty-state')).toHaveText('● Unsaved changes');
  expect(readFileSync(app.designPath, 'utf8')).toContain('us-east-1:6f1a2b3c-4d5e-4f60-8a71-92b3c4d5e6f7');

  await studio.menu('File', 'Plan & Apply…');
  await dialog.getByRole('button', { name: 'Plan', exact: true }).click();
  await expect(dialog.getByTestId('plan-summary')).toHaveText('No changes: the account matches the design.', {
    timeout: 30_000,
  });
  await expect(dialog.getByRole('button', { name: 'Apply…' })).toBeDisabled();
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
});

test('an account refusal is shown as one line and nothing else happens', async ({ page }) => {
  const studio = new AppPage(page);
  await studio.open(app.url);
  await studio.menu('File', 'Plan & Apply…');
  const dialog = page.getByRole('dialog', { name: 'Plan & Apply' });
  await dialog.getByTestId('aws-region').fill('eu-west-1');
  await dialog.getByRole('button', { name: 'Plan', exact: true }).click();
  await expect(dialog.getByTestId('aws-error')).toHaveText(
    "the design's region is us-east-1 but the target region is eu-west-1; pass --region with the design's region or change the design's region",
  );
  await studio.screenshot('aws-plan-error');
});

test('imports an identity pool from the account as a new unsaved design', async ({ page }) => {
  test.setTimeout(120_000);
  const studio = new AppPage(page);
  await studio.open(app.url);
  // Put something in the account first: apply the open example.
  await studio.menu('File', 'Plan & Apply…');
  const plan = page.getByRole('dialog', { name: 'Plan & Apply' });
  await plan.getByRole('button', { name: 'Plan', exact: true }).click();
  await plan.getByRole('button', { name: 'Apply…' }).click({ timeout: 30_000 });
  await plan.getByRole('button', { name: 'Apply to 111122223333' }).click();
  await expect(plan.getByTestId('apply-result')).toContainText('applied', { timeout: 60_000 });
  await plan.getByRole('button', { name: 'Close' }).click();

  await studio.menu('File', 'Import from AWS…');
  const dialog = page.getByRole('dialog', { name: 'Import from AWS' });
  await dialog.getByRole('button', { name: 'List identity pools' }).click();
  await expect(
    dialog.getByRole('group', { name: 'Identity pools in us-east-1 (account 111122223333)' }),
  ).toBeVisible();
  const pool = dialog.getByRole('checkbox', { name: /^PhotoSharingIdentities \(us-east-1:/ });
  await expect(pool).toBeChecked();
  await studio.screenshot('aws-import-choose');
  await dialog.getByRole('button', { name: 'Import', exact: true }).click();
  await expect(dialog.getByTestId('import-result')).toContainText(
    'The design was read from account 111122223333 in us-east-1',
    { timeout: 30_000 },
  );
  // The example's user pool is not in the emulated account: reported, and the rest imported.
  await expect(
    dialog.getByText(/user pool us-east-1_Ph0t0Sh4r: cognito-idp:DescribeUserPool failed/),
  ).toBeVisible();
  await studio.screenshot('aws-import-result');
  await studio.setTheme('dark');
  await studio.screenshot('aws-import-result-dark');
  await studio.setTheme('light');
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(studio.canvas.node('PhotoSharingIdentities')).toBeVisible();
  await expect(studio.canvas.node('PhotoSharingAuthenticated')).toBeVisible();
  // A new design that has no file yet, with changes to save.
  await expect(page.getByTestId('file-path')).toHaveText('Untitled design');
  await expect(page.getByTestId('dirty-state')).toHaveText('● Unsaved changes');
});
