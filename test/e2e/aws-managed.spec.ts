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
