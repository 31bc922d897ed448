// File ▸ Export…: choose a format, read the preview and the notes, save through the host, and find
// the file on disk exactly as previewed.

import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { parse as parseYaml } from 'yaml';
import { repositoryRoot, startApp, type RunningApp } from './support/app-server';
import { AppPage } from './support/pages';

let app: RunningApp;

test.afterEach(async () => {
  await app.stop();
});

for (const theme of ['light', 'dark'] as const) {
  test(`exports the B2B design as CloudFormation and Terraform (${theme} theme)`, async ({ page }) => {
    app = await startApp({ example: 'b2b-saas' });
    const studio = new AppPage(page);
    await studio.setTheme(theme);
    await studio.open(app.url);

    await studio.menu('File', 'Export…');
    const dialog = page.getByTestId('export-dialog');
    await expect(dialog).toBeVisible();
    await expect(dialog.getByRole('radio', { name: 'CloudFormation (YAML)' })).toBeChecked();
    await expect(dialog.getByRole('radio', { name: 'CloudFormation (YAML)' })).toBeFocused();
    const preview = dialog.getByTestId('export-preview');
    await expect(preview).toContainText('Type: AWS::Cognito::IdentityPoolRoleAttachment');
    await expect(dialog.getByTestId('export-notes')).toContainText(
      "groups 'support-engineers', 'tenant-admins'",
    );
    await studio.screenshot(`${theme}-export-dialog`);

    // The YAML preview is the template: it parses, with one role attachment for the pool.
    const yamlText = (await preview.textContent()) ?? '';
    const template = parseYaml(yamlText) as { Resources: Record<string, { Type: string }> };
    const types = Object.values(template.Resources).map((resource) => resource.Type);
    expect(types.filter((type) => type === 'AWS::Cognito::IdentityPoolRoleAttachment')).toHaveLength(1);

    // Keyboard: the arrow key moves to the next format.
    await page.keyboard.press('ArrowDown');
    await expect(dialog.getByRole('radio', { name: 'CloudFormation (JSON)' })).toBeChecked();
    await expect(preview).toContainText('"AWSTemplateFormatVersion": "2010-09-09"');

    await dialog.getByRole('radio', { name: 'Terraform' }).check();
    await expect(preview).toContainText('resource "aws_cognito_identity_pool_roles_attachment"');
    const terraformText = (await preview.textContent()) ?? '';
    await studio.screenshot(`${theme}-export-terraform`);

    // Browser mode asks for a file name in the workspace folder; the desktop app shows its save
    // dialog instead.
    await dialog.getByRole('button', { name: 'Save…' }).click();
    const nameInput = page.getByTestId('file-browser').getByTestId('file-name-input');
    await expect(nameInput).toHaveValue('B2B-SaaS.tf');
    await studio.screenshot(`${theme}-export-file-browser`);
    const target = join(app.directory, 'b2b-saas.tf');
    await nameInput.fill('b2b-saas');
    await page.getByRole('button', { name: 'Export', exact: true }).click();
    await expect(studio.notices().filter({ hasText: 'Exported b2b-saas.tf' })).toBeVisible();
    await expect(dialog).toBeHidden();
    expect(readFileSync(target, 'utf8')).toBe(terraformText);
    expect(terraformText).toContain('mapping_rule {\n      claim = "cognito:groups"');

    // Exporting changes nothing in the design.
    await expect(page.getByTestId('dirty-state')).toHaveText('Saved');
  });
}

test('Escape closes the export dialog and the file gets the extension of the chosen format', async ({
  page,
}) => {
  app = await startApp({ example: 'photo-sharing' });
  const studio = new AppPage(page);
  await studio.open(app.url);

  await studio.menu('File', 'Export…');
  const dialog = page.getByTestId('export-dialog');
  await expect(dialog).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();

  await studio.menu('File', 'Export…');
  await dialog.getByRole('radio', { name: 'CloudFormation (JSON)' }).check();
  await dialog.getByRole('button', { name: 'Save…' }).click();
  // Escape in the file browser closes only the file browser: nothing is written.
  const browser = page.getByTestId('file-browser');
  await expect(browser.getByTestId('file-name-input')).toHaveValue(/\.json$/);
  await page.keyboard.press('Escape');
  await expect(browser).toBeHidden();
  await expect(dialog).toBeVisible();
  expect(readdirSync(app.directory).filter((name) => name.endsWith('.json'))).toEqual([
    'photo-sharing.cognito-design.json',
  ]);

  // A name typed with another format's extension gets the chosen format's extension appended.
  await dialog.getByRole('button', { name: 'Save…' }).click();
  await browser.getByTestId('file-name-input').fill('stack.yaml');
  await page.getByRole('button', { name: 'Export', exact: true }).click();
  await expect(studio.notices().filter({ hasText: 'Exported stack.yaml.json' })).toBeVisible();
  await expect(dialog).toBeHidden();
  const written = JSON.parse(readFileSync(join(app.directory, 'stack.yaml.json'), 'utf8')) as {
    Parameters: Record<string, { Default: string }>;
  };
  expect(written.Parameters.UserPoolPhotoSharingUsersId?.Default).toBe('us-east-1_Ph0t0Sh4r');
});

test('a design with errors is not exported: the dialog lists the errors and Save is off', async ({
  page,
}) => {
  const design = JSON.parse(
    readFileSync(join(repositoryRoot, 'assets/examples/b2b-saas.cognito-design.json'), 'utf8'),
  ) as { identityPools: Array<{ authenticatedRoleId: string }> };
  design.identityPools[0]!.authenticatedRoleId = 'role-that-does-not-exist';
  const directory = mkdtempSync(join(tmpdir(), 'cognito-studio-e2e-export-'));
  try {
    const designPath = join(directory, 'broken.cognito-design.json');
    writeFileSync(designPath, JSON.stringify(design, null, 2));
    app = await startApp({ designPath });
    const studio = new AppPage(page);
    await studio.open(app.url);

    await studio.menu('File', 'Export…');
    const dialog = page.getByTestId('export-dialog');
    await expect(dialog.getByTestId('export-errors')).toContainText('fix them before exporting');
    await expect(dialog.getByTestId('export-errors')).toContainText('$.identityPools[0].authenticatedRoleId');
    await expect(dialog.getByTestId('export-preview')).toHaveCount(0);
    await expect(dialog.getByRole('button', { name: 'Save…' })).toBeDisabled();
    await studio.screenshot('light-export-dialog-errors');
  } finally {
    rmSync(directory, { recursive: true, force: true });
  }
});
