// Edit ▸ Undo from browser mode's menu bar does exactly one thing: in an inspector field it undoes
// the field's last typing (the browser's own undo), in the policy editor Monaco's last edit, and
// never also a design edit made before.

import { expect, test, type Page } from '@playwright/test';
import { startApp, type RunningApp } from './support/app-server';
import { AppPage } from './support/pages';
import { PolicyEditorPage } from './support/policy-editor';

let app: RunningApp;

test.afterEach(async () => {
  await app.stop();
});

async function openRenamedRole(page: Page): Promise<AppPage> {
  app = await startApp({ example: 'photo-sharing' });
  const studio = new AppPage(page);
  await studio.open(app.url);
  await studio.canvas.select('PhotoSharingAuthenticated');
  // The earlier design edit that no Undo of a text below may touch.
  await studio.inspector.set('Name', 'PhotoSharingMembers');
  await expect(studio.canvas.node('PhotoSharingMembers')).toBeVisible();
  return studio;
}

for (const theme of ['light', 'dark'] as const) {
  test(`Edit ▸ Undo in an inspector field undoes the field's typing only (${theme})`, async ({ page }) => {
    const studio = await openRenamedRole(page);
    await studio.setTheme(theme);
    const description = studio.inspector.root.getByLabel('Description', { exact: true }).first();
    await description.click();
    await page.keyboard.press('End');
    // Each insertion is one step of the field's own undo history (as a paste or a word typed).
    await page.keyboard.insertText(' Members only.');
    // Select the whole text and replace it: the field's own undo takes back this last step only,
    // where an undo of the design would take back the whole field edit.
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.insertText('Nobody.');
    await expect(description).toHaveValue('Nobody.');

    await page.getByRole('menubar').getByRole('menuitem', { name: 'Edit', exact: true }).click();
    await studio.screenshot(`${theme}-edit-menu-over-inspector-field`);
    await page.getByRole('menu', { name: 'Edit' }).getByRole('menuitem', { name: 'Undo' }).click();

    const typed = 'Any signed-in identity: its own private library. Members only.';
    await expect(description).toHaveValue(typed);
    await expect(description).toBeFocused();
    await expect(studio.canvas.node('PhotoSharingMembers')).toBeVisible();
    await expect(studio.inspector.root.getByLabel('Name', { exact: true }).first()).toHaveValue(
      'PhotoSharingMembers',
    );
    // Leaving the field shows the design's value: the undone text went into the design too.
    await studio.canvas.node('PhotoSharingMembers').locator('.node__header').click();
    await expect(description).toHaveValue(typed);

    // Away from the fields, Edit ▸ Undo is the design's again, one field edit at a time: the
    // field's undo (an edit of the design like any typing), then the typing before it.
    await studio.menu('Edit', 'Undo');
    await expect(description).toHaveValue('Nobody.');
    await studio.menu('Edit', 'Undo');
    await expect(description).toHaveValue('Any signed-in identity: its own private library.');
    await expect(studio.canvas.node('PhotoSharingMembers')).toBeVisible();
  });
}

test("Edit ▸ Undo in the policy editor runs Monaco's undo only", async ({ page }) => {
  const studio = await openRenamedRole(page);
  const editor = new PolicyEditorPage(page);
  await page.getByTestId('open-inline-policy').first().click();
  await expect.poll(() => editor.text()).toContain('ReadPublicGallery');
  // Two edits in Monaco's own history, the second one taken back by the menu.
  await editor.retype('ReadPublicGallery', 'ReadGallery');
  await editor.retype('ReadGallery', 'ReadAllGallery');
  await expect.poll(() => editor.text()).toContain('"ReadAllGallery"');

  await studio.menu('Edit', 'Undo');
  await expect.poll(() => editor.text()).toContain('"ReadGallery"');
  await expect.poll(() => editor.text()).not.toContain('ReadAllGallery');
  await expect(page.locator('.monaco-editor.focused')).toBeVisible();
  await expect(studio.canvas.node('PhotoSharingMembers')).toBeVisible();
  await expect(studio.inspector.root.getByLabel('Name', { exact: true }).first()).toHaveValue(
    'PhotoSharingMembers',
  );

  // Redo from the menu is Monaco's too.
  await studio.menu('Edit', 'Redo');
  await expect.poll(() => editor.text()).toContain('"ReadAllGallery"');
  await expect(studio.canvas.node('PhotoSharingMembers')).toBeVisible();
});

test('copy and paste keys in the policy editor copy its text, never the design', async ({
  page,
  context,
}) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  const studio = await openRenamedRole(page);
  const editor = new PolicyEditorPage(page);
  await page.getByTestId('open-inline-policy').first().click();
  await expect.poll(() => editor.text()).toContain('ReadPublicGallery');
  const nodes = await page.locator('.react-flow__node').count();
  await editor.root.locator('.view-lines span span', { hasText: 'ReadPublicGallery' }).first().dblclick();
  await page.keyboard.press('ControlOrMeta+C');
  await page.keyboard.press('End');
  await page.keyboard.press('ControlOrMeta+V');
  await expect.poll(() => editor.text()).toContain('"ReadPublicGallery",ReadPublicGallery');
  await expect(page.locator('.react-flow__node')).toHaveCount(nodes);
  await expect(studio.canvas.node('PhotoSharingMembers')).toHaveCount(1);
});
