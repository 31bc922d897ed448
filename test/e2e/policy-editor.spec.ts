// The policy editor in Chromium: writing a per-identity policy by completion only, markers for
// typos at the right lines, a quick fix and its undo, customizing a trust policy, save and reopen,
// drafts that are not valid JSON in undo, redo and recovery, and no request leaving 127.0.0.1
// (Monaco, its worker and the catalog are all local).

import { expect, test, type Page } from '@playwright/test';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { startApp, type RunningApp } from './support/app-server';
import { AppPage } from './support/pages';
import { PolicyEditorPage } from './support/policy-editor';

let app: RunningApp;
let requests: string[];
let refusals: string[];

test.beforeEach(async ({ page }) => {
  requests = [];
  refusals = [];
  page.on('request', (request) => requests.push(request.url()));
  // Monaco runs under the app's Content-Security-Policy without anything being refused.
  page.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) refusals.push(message.text());
  });
});

test.afterEach(async () => {
  await app.stop();
  // Every request stays on the loopback server (or in memory): no CDN, no remote catalog.
  const remote = requests.filter((url) => !/^(https?:\/\/127\.0\.0\.1[:/]|data:|blob:)/.test(url));
  expect(remote).toEqual([]);
  expect(refusals).toEqual([]);
});

async function openRole(page: Page, role: string): Promise<{ studio: AppPage; editor: PolicyEditorPage }> {
  app = await startApp({ example: 'photo-sharing' });
  const studio = new AppPage(page);
  await studio.open(app.url);
  await studio.canvas.select(role);
  return { studio, editor: new PolicyEditorPage(page) };
}

for (const theme of ['light', 'dark'] as const) {
  test(`a per-identity S3 policy written from an empty inline policy by completion only (${theme})`, async ({
    page,
  }) => {
    const { studio, editor } = await openRole(page, 'PhotoSharingAuthenticated');
    await studio.setTheme(theme);
    const inspector = page.getByTestId('inspector-role');
    await inspector.getByRole('button', { name: 'Add' }).click();
    await expect(page.getByTestId('policy-editor-title')).toHaveText(
      'PhotoSharingAuthenticated · inline policy Policy2',
    );
    await expect(editor.root.locator('.monaco-editor')).toBeVisible();
    await expect.poll(() => editor.text()).toContain('"Statement": []');

    // Inside the empty Statement list: the statement snippet, then Allow from the Effect choice.
    await editor.cursorAfterLine('"Statement"');
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('Control+Space');
    await editor.expectSuggestion('New statement');
    await page.keyboard.press('Enter');
    await editor.expectSuggestion('Allow');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Escape');
    await expect.poll(() => editor.text()).toContain('"Effect": "Allow"');

    // The Action: service prefixes first, then the actions of the service from the catalog.
    await editor.clickToken('""');
    await page.keyboard.type('s');
    await editor.expectSuggestion('s3:');
    await page.keyboard.type('3:GetObj');
    await editor.expectSuggestion('s3:GetObject');
    await expect(editor.suggestion('s3:GetObject').first()).toContainText('Read');
    await studio.screenshot(`${theme}-policy-editor-completion`);
    await editor.suggestion('s3:GetObject').first().click();

    // The Resource: the object ARN template with the design's partition, then the variable.
    await editor.clickToken('""');
    await page.keyboard.press('Control+Space');
    await editor.expectSuggestion('arn:${Partition}:s3:::${BucketName}/${ObjectName}');
    await editor.suggestion('arn:${Partition}:s3:::${BucketName}/${ObjectName}').first().click();
    await page.keyboard.type('photo-sharing-media-111122223333');
    await page.keyboard.press('Tab');
    // The object name placeholder: the identity id prefix (Monaco offers no completion inside a
    // snippet placeholder, so leave the snippet first).
    await page.keyboard.press('Backspace');
    await page.keyboard.press('Escape');
    await page.keyboard.type('${');
    await editor.expectSuggestion('${cognito-identity.amazonaws.com:sub}');
    await expect(editor.suggestions().filter({ hasText: 'cognito-identity.amazonaws.com:amr' })).toHaveCount(
      0,
    );
    await editor.suggestion('${cognito-identity.amazonaws.com:sub}').first().click();
    await page.keyboard.type('/*');
    await page.keyboard.press('Escape');

    await expect
      .poll(() => editor.text())
      .toContain('"arn:aws:s3:::photo-sharing-media-111122223333/${cognito-identity.amazonaws.com:sub}/*"');
    const text = await editor.text();
    expect(text).toContain('"Effect": "Allow"');
    expect(text).toContain('"s3:GetObject"');
    // Stored in the design as an edit, with no error or warning.
    await expect(page.getByTestId('dirty-state')).toHaveText('● Unsaved changes');
    await page.waitForTimeout(600);
    expect(await editor.markedLines('error')).toEqual([]);
    expect(await editor.markedLines('warning')).toEqual([]);
    await expect(editor.root.getByTestId('policy-summary-row').filter({ hasText: 's3' })).toContainText(
      'Resources scoped per identity',
    );
    await studio.screenshot(`${theme}-policy-editor`);
  });
}

test('typos are marked at their lines, as the CLI reports them, and the markers go once fixed', async ({
  page,
}) => {
  const { studio, editor } = await openRole(page, 'PhotoSharingAuthenticated');
  await page.getByTestId('open-inline-policy').first().click();
  await expect.poll(() => editor.text()).toContain('ReadPublicGallery');
  await editor.replaceText(
    [
      '{',
      '  "Version": "2012-10-17",',
      '  "Statement": [',
      '    {',
      '      "Effect": "Alow",',
      '      "Action": "s3:GetObject",',
      '      "Resource": "arn:aws:s3:::photo-sharing-media-111122223333/*",',
      '      "Condition": { "StringEqualz": { "s3:ExistingObjectTag/public": "yes" } }',
      '    },',
      '    {',
      '      "Effect": "Allow",',
      '      "Action": "s3:GetObjekt"',
      '    }',
      '  ]',
      '}',
    ].join('\n'),
  );
  await expect
    .poll(() => editor.markedLines('error'))
    .toEqual([
      '"Effect": "Alow",',
      '"Condition": { "StringEqualz": { "s3:ExistingObjectTag/public": "yes" } }',
      '{',
    ]);
  await expect.poll(() => editor.markedLines('warning')).toEqual(['"Action": "s3:GetObjekt"']);
  // The inspector lists the same problems as `cognito-studio validate` (3 errors, 1 warning).
  await expect(
    page.getByTestId('inspector-role').getByTestId('field-issues').locator('.issue--error'),
  ).toHaveCount(3);
  await expect(
    page.getByTestId('inspector-role').getByTestId('field-issues').locator('.issue--warning'),
  ).toHaveCount(1);
  await studio.screenshot('light-policy-editor-markers');

  await editor.retype('Alow', 'Allow');
  await expect
    .poll(() => editor.markedLines('error'))
    .toEqual(['"Condition": { "StringEqualz": { "s3:ExistingObjectTag/public": "yes" } }', '{']);
  await editor.retype('StringEqualz', 'StringEquals');
  await expect.poll(() => editor.markedLines('error')).toEqual(['{']);
  await editor.retype('GetObjekt', 'GetObject');
  await expect.poll(() => editor.markedLines('warning')).toEqual([]);
  await editor.cursorAfterLine('"s3:GetObject"', 'last');
  await page.keyboard.insertText(',\n"Resource": "arn:aws:s3:::photo-sharing-media-111122223333/public/*"');
  await expect.poll(() => editor.markedLines('error')).toEqual([]);
  await expect(page.getByTestId('inspector-role').getByTestId('field-issues')).toHaveCount(0);
});

test('a quick fix adds the missing Version; undo takes it back', async ({ page }) => {
  const { editor } = await openRole(page, 'PhotoSharingAuthenticated');
  await page.getByTestId('open-inline-policy').first().click();
  await expect.poll(() => editor.text()).toContain('ReadPublicGallery');
  await editor.replaceText(
    '{\n  "Statement": [\n    {\n      "Effect": "Allow",\n      "Action": "s3:GetObject",\n      "Resource": "arn:aws:s3:::photo-sharing-media-111122223333/${cognito-identity.amazonaws.com:sub}/*"\n    }\n  ]\n}',
  );
  // Without "Version": "2012-10-17" the variable is literal text.
  await expect
    .poll(() => editor.markedLines('warning'))
    .toContain(
      '"Resource": "arn:aws:s3:::photo-sharing-media-111122223333/${cognito-identity.amazonaws.com:sub}/*"',
    );
  await editor.clickToken('cognito-identity.amazonaws.com:sub');
  await page.keyboard.press('Control+.');
  const fix = page.locator('.action-widget').getByText('Set "Version": "2012-10-17"');
  await expect(fix).toBeVisible();
  await fix.click();
  await expect.poll(() => editor.text()).toContain('"Version": "2012-10-17"');
  await expect.poll(() => editor.markedLines('error')).toEqual([]);
  await expect.poll(() => editor.markedLines('warning')).toEqual([]);

  await page.keyboard.press('ControlOrMeta+Z');
  await expect.poll(() => editor.text()).not.toContain('"Version"');
  await expect.poll(() => editor.markedLines('warning')).not.toEqual([]);
});

test('customizing a generated trust policy starts from it; saved and reopened', async ({ page }) => {
  const { studio, editor } = await openRole(page, 'PhotoSharingAuthenticated');
  await page.getByTestId('open-trust-policy').click();
  await expect(page.getByTestId('policy-editor-title')).toHaveText(
    'PhotoSharingAuthenticated · trust policy (generated)',
  );
  await expect.poll(() => editor.text()).toContain('us-east-1:6f1a2b3c-4d5e-4f60-8a71-92b3c4d5e6f7');
  await studio.screenshot('light-policy-editor-generated-trust');
  await editor.root.getByRole('button', { name: 'Customize' }).click();
  await expect(page.getByTestId('policy-editor-title')).toHaveText(
    'PhotoSharingAuthenticated · trust policy (custom)',
  );
  const text = await editor.text();
  expect(text).toContain(
    '"cognito-identity.amazonaws.com:aud": "us-east-1:6f1a2b3c-4d5e-4f60-8a71-92b3c4d5e6f7"',
  );
  expect(text).toContain('"cognito-identity.amazonaws.com:amr": "authenticated"');

  // Edit the custom policy: the Sid.
  await editor.retype('CognitoAuthenticated', 'SignedInUsers');
  await expect(page.getByTestId('dirty-state')).toHaveText('● Unsaved changes');
  await page.waitForTimeout(600);
  await page.getByRole('menubar').getByRole('menuitem', { name: 'File', exact: true }).click();
  await page
    .getByRole('menu', { name: 'File' })
    .getByRole('menuitem', { name: /^Save\b(?! As)/ })
    .click();
  await expect(page.getByTestId('dirty-state')).toHaveText('Saved');
  const saved = JSON.parse(readFileSync(app.designPath, 'utf8')) as {
    roles: Array<{
      name: string;
      trustPolicy: { mode: string; document?: { Statement: Array<{ Sid: string }> } };
    }>;
  };
  const role = saved.roles.find((candidate) => candidate.name === 'PhotoSharingAuthenticated');
  expect(role?.trustPolicy.mode).toBe('custom');
  expect(role?.trustPolicy.document?.Statement[0]?.Sid).toBe('SignedInUsers');

  await page.reload();
  await expect(page.locator('.react-flow__node').first()).toBeVisible();
  await studio.canvas.select('PhotoSharingAuthenticated');
  await page.getByTestId('open-trust-policy').click();
  await expect(page.getByTestId('policy-editor-title')).toHaveText(
    'PhotoSharingAuthenticated · trust policy (custom)',
  );
  await expect.poll(() => editor.text()).toContain('"Sid": "SignedInUsers"');
});

test('a finding opens its policy at the statement concerned', async ({ page }) => {
  app = await startApp({ example: 'analytics-sdk' });
  const studio = new AppPage(page);
  await studio.open(app.url);
  await studio.canvas.node('AnalyticsSdkDevice').getByTestId('findings-badge').click();
  await expect(page.getByTestId('policy-editor')).toBeVisible();
  await expect(page.locator('.policy-editor__highlight').first()).toBeVisible();
  await studio.setTheme('dark');
  await studio.screenshot('dark-policy-editor-finding');
});

test('text that is not valid JSON stays as a draft; saving asks about it; typing just before saving is kept', async ({
  page,
}) => {
  const { editor } = await openRole(page, 'PhotoSharingAuthenticated');
  await page.getByTestId('open-inline-policy').first().click();
  await expect.poll(() => editor.text()).toContain('ReadPublicGallery');
  await editor.retype('ReadPublicGallery', 'ReadGallery",');
  await expect(page.getByTestId('policy-draft')).toContainText('not valid JSON');
  await expect.poll(() => editor.markedLines('error')).not.toEqual([]);
  await page.keyboard.press('ControlOrMeta+S');
  const dialog = page.getByRole('dialog');
  await expect(dialog).toContainText('Save without the policy drafts?');
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  // The draft is still there, untouched.
  await expect.poll(() => editor.text()).toContain('"ReadGallery",",');

  // A valid edit saved at once (no pause) is in the saved file.
  await editor.retype('ReadGallery', 'ReadAllGallery');
  await page.keyboard.press('Delete');
  await page.keyboard.press('Delete');
  await expect(page.getByTestId('policy-draft')).toHaveCount(0);
  await editor.retype('ReadAllGallery', 'SavedAtOnce');
  await page.keyboard.press('ControlOrMeta+S');
  await expect(page.getByTestId('dirty-state')).toHaveText('Saved');
  expect(readFileSync(app.designPath, 'utf8')).toContain('"Sid": "SavedAtOnce"');
});

function recoveryFile(): string {
  return join(app.directory, 'data', 'recovery', 'recovery.json');
}

test('a draft is part of undo and redo, and a reload restores it into the editor with its error', async ({
  page,
}) => {
  const { studio, editor } = await openRole(page, 'PhotoSharingAuthenticated');
  await page.getByTestId('open-inline-policy').first().click();
  await expect.poll(() => editor.text()).toContain('ReadPublicGallery');
  const draft = page.getByTestId('policy-draft');
  const title = page.getByTestId('policy-editor-title');

  // First burst: the text stops being JSON.
  await editor.retype('ReadPublicGallery', 'ReadGallery",');
  await expect(draft).toContainText('not valid JSON');
  // Second burst, ended by leaving the editor.
  await page.keyboard.insertText(' "more"');
  await title.click();
  await expect.poll(() => editor.text()).toContain('"more"');

  // The app's undo (focus outside the editor) walks back draft by draft, then to the valid text.
  await page.keyboard.press('ControlOrMeta+Z');
  await expect.poll(() => editor.text()).not.toContain('"more"');
  expect(await editor.text()).toContain('"ReadGallery",",');
  await expect(draft).toContainText('not valid JSON');
  await page.keyboard.press('ControlOrMeta+Z');
  await expect.poll(() => editor.text()).toContain('"Sid": "ReadPublicGallery",');
  await expect(draft).toHaveCount(0);
  await expect.poll(() => editor.markedLines('error')).toEqual([]);

  // Redo brings both drafts back, in order.
  await page.keyboard.press('ControlOrMeta+Shift+Z');
  await expect.poll(() => editor.text()).toContain('"ReadGallery",",');
  expect(await editor.text()).not.toContain('"more"');
  await expect(draft).toContainText('not valid JSON');
  await page.keyboard.press('ControlOrMeta+Shift+Z');
  await expect.poll(() => editor.text()).toContain('"more"');

  // Typing goes on normally after an undo: the cursor stays where the person types.
  await editor.cursorAfterLine('"more"');
  await page.keyboard.insertText('X');
  await title.click();
  await expect.poll(() => editor.text()).toMatch(/"more"[^\n]*X$/m);
  await page.keyboard.press('ControlOrMeta+Z');
  await expect.poll(() => editor.text()).not.toMatch(/"more"[^\n]*X$/m);

  // The autosave holds the draft; the reload offers it back and the editor shows it with its error.
  await expect
    .poll(() => (existsSync(recoveryFile()) ? readFileSync(recoveryFile(), 'utf8') : ''))
    .toContain('policyDrafts');
  await page.reload();
  const offer = page.getByRole('dialog');
  await expect(offer).toContainText('Restore unsaved work?');
  await expect(offer).toContainText('including 1 policy draft');
  await page.getByRole('button', { name: 'Restore' }).click();
  await expect(title).toHaveText('PhotoSharingAuthenticated · inline policy PublicGalleryRead');
  await expect(draft).toContainText('not valid JSON');
  await expect.poll(() => editor.text()).toContain('"ReadGallery", "more"');
  await expect.poll(() => editor.markedLines('error')).not.toEqual([]);
  // Still a draft: not in the design file, and leaving asks.
  expect(readFileSync(app.designPath, 'utf8')).toContain('ReadPublicGallery');
  await studio.screenshot('light-policy-editor-recovered-draft');
  await studio.setTheme('dark');
  await studio.screenshot('dark-policy-editor-recovered-draft');
});

test('with only a policy draft (the design itself unchanged), new, open recent and reload ask', async ({
  page,
}) => {
  const { studio, editor } = await openRole(page, 'PhotoSharingAuthenticated');
  await page.keyboard.press('ControlOrMeta+S');
  await expect(studio.notices().first()).toContainText('Saved');
  await page.getByTestId('open-inline-policy').first().click();
  await expect.poll(() => editor.text()).toContain('ReadPublicGallery');
  await editor.retype('ReadPublicGallery', 'Read",');
  await expect(page.getByTestId('policy-draft')).toContainText('not valid JSON');
  await expect(page.getByTestId('dirty-state')).toHaveText('● Unsaved changes');
  await expect(page).toHaveTitle(/^● /);

  await studio.menu('File', 'New');
  await expect(page.getByRole('dialog')).toContainText('Continue without the policy drafts?');
  await page.getByRole('button', { name: 'Cancel' }).click();
  await studio.menu('File', 'Open Recent…');
  await page.getByTestId('recent-list').getByRole('button').first().click();
  await expect(page.getByRole('dialog')).toContainText('Continue without the policy drafts?');
  await page.getByRole('button', { name: 'Cancel' }).click();
  expect(await studio.leavingAsks()).toBe(true);
  await expect.poll(() => editor.text()).toContain('"Read",",');

  // Going on without the draft is asked once, not a second time as "unsaved changes".
  await studio.menu('File', 'New');
  await page.getByRole('dialog').getByRole('button', { name: 'Continue anyway' }).click();
  await expect(page.getByTestId('policy-editor')).toHaveCount(0);
  await expect(page.getByRole('dialog')).toHaveCount(0);
  await expect(page.getByTestId('file-path')).toHaveText('Untitled design');
});

test('a damaged recovery file is kept aside and named in a message', async ({ page }) => {
  app = await startApp({ example: 'photo-sharing' });
  mkdirSync(dirname(recoveryFile()), { recursive: true });
  writeFileSync(recoveryFile(), '{"savedAt":"x","content":"{}","policyDrafts":{"managed/p":7}}');
  const studio = new AppPage(page);
  await studio.open(app.url);
  const notice = studio.notices().filter({ hasText: 'could not be read' });
  await expect(notice).toContainText('$.policyDrafts["managed/p"]');
  await expect(notice).toContainText('recovery-unreadable-');
  const kept = readdirSync(dirname(recoveryFile())).filter((name) => name.startsWith('recovery-unreadable-'));
  expect(kept).toHaveLength(1);
  expect(readFileSync(join(dirname(recoveryFile()), kept[0]!), 'utf8')).toContain('"managed/p":7');
});

test('saving anyway keeps the policy draft in the editor and in the autosave', async ({ page }) => {
  const { studio, editor } = await openRole(page, 'PhotoSharingAuthenticated');
  await page.getByTestId('open-inline-policy').first().click();
  await expect.poll(() => editor.text()).toContain('ReadPublicGallery');
  await editor.retype('ReadPublicGallery', 'Kept",');
  await expect(page.getByTestId('policy-draft')).toContainText('not valid JSON');
  await page.keyboard.press('ControlOrMeta+S');
  await page.getByRole('dialog').getByRole('button', { name: 'Save anyway' }).click();
  await expect(studio.notices().filter({ hasText: 'without 1 policy draft' })).toBeVisible();
  expect(readFileSync(app.designPath, 'utf8')).not.toContain('Kept');
  await expect(page.getByTestId('dirty-state')).toHaveText('● Unsaved changes');
  await expect
    .poll(() => (existsSync(recoveryFile()) ? readFileSync(recoveryFile(), 'utf8') : ''))
    .toContain('Kept');
  await page.reload();
  await page.getByRole('dialog').getByRole('button', { name: 'Restore' }).click();
  await expect(page.getByTestId('policy-draft')).toContainText('not valid JSON');
  await expect.poll(() => editor.text()).toContain('"Kept",",');
});

for (const theme of ['light', 'dark'] as const) {
  test(`the summary beside the editor grades services with the engine (${theme})`, async ({ page }) => {
    const { studio, editor } = await openRole(page, 'PhotoSharingAuthenticated');
    await studio.setTheme(theme);
    await page.getByTestId('open-inline-policy').first().click();
    await expect.poll(() => editor.text()).toContain('ReadPublicGallery');
    const sub = '${cognito-identity.amazonaws.com:sub}';
    await editor.replaceText(
      JSON.stringify(
        {
          Version: '2012-10-17',
          Statement: [
            {
              Effect: 'Allow',
              Action: ['s3:GetObject', 's3:PutObject'],
              Resource: `arn:aws:s3:::photo-sharing-media-111122223333/private/${sub}/*`,
            },
            {
              Effect: 'Allow',
              Action: ['dynamodb:GetItem', 'dynamodb:Query'],
              Resource: 'arn:aws:dynamodb:us-east-1:111122223333:table/PhotoAlbums',
              Condition: { 'ForAllValues:StringEquals': { 'dynamodb:LeadingKeys': [sub] } },
            },
            { Effect: 'Allow', Action: 'sqs:*', Resource: '*' },
            { Effect: 'Deny', Action: ['sqs:Send*', 'sqs:Delete*'], Resource: '*' },
          ],
        },
        null,
        2,
      ),
    );
    const rows = editor.root.getByTestId('policy-summary-row');
    await expect(rows).toHaveCount(3);
    await expect(rows.filter({ hasText: 'dynamodb' })).toContainText('Resources scoped per identity');
    await expect(rows.filter({ hasText: 's3' })).toContainText('Resources scoped per identity');
    const sqs = rows.filter({ hasText: 'sqs' });
    await expect(sqs).toContainText('Not scoped per identity');
    await expect(sqs.locator('.policy-summary__grant', { hasText: 'Write' })).toContainText('Limited');
    await expect(sqs.locator('.policy-summary__grant', { hasText: 'Read' })).toContainText('Full');
    await expect(editor.root.getByTestId('policy-summary')).toHaveAttribute('aria-busy', 'false');
    await studio.screenshot(`${theme}-policy-summary`);
  });
}

test('renaming an inline policy that has a draft keeps the draft and the editor on it', async ({ page }) => {
  const { editor } = await openRole(page, 'PhotoSharingAuthenticated');
  await page.getByTestId('open-inline-policy').first().click();
  await expect.poll(() => editor.text()).toContain('ReadPublicGallery');
  const title = page.getByTestId('policy-editor-title');
  const before = (await title.textContent()) ?? '';
  await editor.retype('ReadPublicGallery', 'ReadGallery",');
  await expect(page.getByTestId('policy-draft')).toContainText('not valid JSON');
  await title.click();

  const name = page.getByLabel('Policy name').first();
  const oldName = await name.inputValue();
  await name.fill(`${oldName}Renamed`);
  await expect(title).toContainText(`${oldName}Renamed`);
  expect(before).toContain(oldName);
  await expect(page.getByTestId('policy-draft')).toContainText('not valid JSON');
  await expect.poll(() => editor.text()).toContain('"ReadGallery",",');
});
