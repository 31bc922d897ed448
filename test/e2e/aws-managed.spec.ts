// AWS managed policies count in the app: a role with AmazonS3ReadOnlyAccess attached may
// s3:GetObject anywhere, the simulator names that policy as the deciding statement, and clicking it
// opens the policy read-only in the editor, with its version and the data's date.

import { expect, test } from '@playwright/test';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { repositoryRoot, startApp, type RunningApp } from './support/app-server';
import { AppPage } from './support/pages';
import { PolicyEditorPage } from './support/policy-editor';

let app: RunningApp | undefined;

test.afterEach(async () => {
  await app?.stop();
  app = undefined;
});

const READ_ONLY = 'arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess';

/** The photo-sharing example with AmazonS3ReadOnlyAccess attached to the editors' role. */
async function photoSharingWithS3ReadOnly(): Promise<RunningApp> {
  const example = join(repositoryRoot, 'assets', 'examples', 'photo-sharing.cognito-design.json');
  const design = JSON.parse(readFileSync(example, 'utf8'));
  const editors = design.roles.find((role: { id: string }) => role.id === 'role-editors');
  editors.managedPolicyArns.push(READ_ONLY);
  const directory = mkdtempSync(join(tmpdir(), 'cognito-studio-aws-managed-'));
  const designPath = join(directory, 'photo-sharing-s3-read-only.cognito-design.json');
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
  test(`an attached AWS managed policy decides and opens read-only (${theme} theme)`, async ({ page }) => {
    app = await photoSharingWithS3ReadOnly();
    const studio = new AppPage(page);
    await studio.setTheme(theme);
    await studio.open(app.url);
    const simulator = studio.simulator;
    await studio.menu('View', 'Simulator');
    await expect(simulator.root).toBeVisible();

    // Bob is an editor: his role attaches AmazonS3ReadOnlyAccess besides the design's own policies.
    await simulator.choosePersona('Bob (editors)');
    await expect(simulator.credentials()).toContainText('PhotoSharingEditors');
    await simulator.setRequest(1, 's3:GetObject', 'arn:aws:s3:::someone-elses-bucket/report.pdf');
    const row = simulator.request(1);
    await expect(row.getByTestId('sim-decision')).toHaveText('Allowed');
    const deciding = row.getByTestId('sim-deciding-statement');
    await expect(deciding).toHaveCount(1);
    await expect(deciding).toContainText(
      /Allow · AWS managed policy AmazonS3ReadOnlyAccess \(v\d+\) · \$\.Statement\[0\]/,
    );
    await expect(row).not.toContainText('Not every attached policy could be evaluated');
    await expect(simulator.traceStep('role-policies')).toContainText(
      /AWS managed policy AmazonS3ReadOnlyAccess \(v\d+\).*AWS managed policies as of \d{4}-\d{2}-\d{2}/,
    );
    await deciding.scrollIntoViewIfNeeded();
    await studio.screenshot(`${theme}-simulator-aws-managed-decision`);

    // The deciding statement opens the AWS managed policy, read-only, with its version and date.
    await deciding.click();
    const editor = new PolicyEditorPage(page);
    await expect(editor.root).toBeVisible();
    await expect(page.getByTestId('policy-editor-title')).toHaveText(
      /^AmazonS3ReadOnlyAccess · AWS managed policy v\d+$/,
    );
    await expect(editor.root).toContainText(
      /Read-only: AWS maintains this policy\. Default version v\d+ as of \d{4}-\d{2}-\d{2}/,
    );
    await expect(editor.root).not.toContainText('not part of this design');
    await expect(editor.root.locator('.view-lines')).toContainText('s3:Get*');
    await expect(editor.root.getByTestId('policy-new-statement')).toHaveCount(0);

    // Typing changes nothing: the document is AWS's, not the design's.
    // The deciding statement is highlighted.
    await expect(editor.root.locator('.policy-editor__highlight').first()).toBeVisible();
    const shown = await editor.text();
    await editor.focus();
    await page.keyboard.type('x');
    expect(await editor.text()).toBe(shown);
    await expect(page.getByTestId('dirty-state')).toHaveText('Saved');
    await studio.screenshot(`${theme}-policy-editor-aws-managed`);
  });
}

test('while the AWS managed policy data loads nothing is decided; then the simulator and the access diff count it', async ({
  page,
}) => {
  // Hold the data chunk back so the loading state can be seen; release it later.
  let release: () => void = () => undefined;
  const held = new Promise<void>((resolve) => {
    release = resolve;
  });
  await page.route('**/_virtual_aws-managed-policies-*.js', async (route) => {
    await held;
    await route.continue();
  });
  app = await startApp({ example: 'photo-sharing' });
  const studio = new AppPage(page);
  await studio.open(app.url);
  const simulator = studio.simulator;
  await studio.menu('View', 'Simulator');
  await simulator.choosePersona('Bob (editors)');
  await simulator.setRequest(1, 's3:GetObject', 'arn:aws:s3:::someone-elses-bucket/report.pdf');
  const row = simulator.request(1);
  await expect(row.getByTestId('sim-decision')).toHaveText('ImplicitlyDenied');

  // Attach AmazonS3ReadOnlyAccess to the editors role in the inspector.
  await studio.canvas.select('PhotoSharingEditors');
  const others = page.getByTestId('inspector-role').getByLabel('Other policy ARNs', { exact: true });
  await others.fill(READ_ONLY);
  await others.press('Tab');
  await expect(row.getByTestId('sim-request-problem')).toContainText(
    `Not evaluated yet: AWS managed policies are loading (${READ_ONLY}).`,
  );
  await expect(row.getByTestId('sim-decision')).toHaveCount(0);
  await row.scrollIntoViewIfNeeded();
  await studio.screenshot('light-simulator-aws-managed-loading');

  await studio.menu('View', 'Simulator');
  await expect(simulator.root).toHaveCount(0);
  await page.getByRole('tab', { name: 'Access matrix' }).click();
  await expect(page.getByTestId('matrix-status')).toContainText('AWS managed policies are loading');
  await expect(page.getByTestId('matrix-grid')).toHaveCount(0);

  release();
  await expect(page.getByTestId('matrix-grid')).toBeVisible();
  await page.getByTestId('compare-with').selectOption('saved');
  await expect(page.getByTestId('diff-summary')).toContainText(/[1-9]\d* newly allowed/);
  // Only the editors' personas gain access, by the AWS managed policy.
  const entries = await page.getByTestId('diff-change').allTextContents();
  expect(entries.length).toBeGreaterThan(0);
  expect(
    entries.every((entry) => /this edit gives (Bob \(editors\)|Dave \(editors \+ viewers\))/.test(entry)),
  ).toBe(true);
  await page.getByTestId('diff-change').first().click();
  const explanation = page.getByTestId('cell-explanation');
  await expect(page.getByTestId('cell-decision')).toHaveText('Allowed');
  await expect(explanation.getByTestId('deciding-statement').first()).toContainText(
    /AWS managed policy AmazonS3ReadOnlyAccess \(v\d+\)/,
  );
  await expect(explanation).not.toContainText('Not evaluated');
  for (const theme of ['light', 'dark'] as const) {
    await studio.setTheme(theme);
    await studio.screenshot(`${theme}-access-diff-aws-managed`);
  }
  await studio.setTheme('light');

  // Back in the design view the simulator has its answer.
  await page.getByRole('tab', { name: 'Design' }).click();
  await studio.menu('View', 'Simulator');
  await expect(row.getByTestId('sim-decision')).toHaveText('Allowed');
});
