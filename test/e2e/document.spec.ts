// Document life cycle as a user meets it: Save As through the in-app path dialog, recovery of
// unsaved work after the window went away, and editing with the keyboard (copy, paste, delete, undo).

import { expect, test } from '@playwright/test';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { startApp, type RunningApp } from './support/app-server';
import { AppPage } from './support/pages';

let app: RunningApp;

test.beforeEach(async () => {
  app = await startApp({ example: 'photo-sharing' });
});

test.afterEach(async () => {
  await app.stop();
});

test('Save As asks for a file name in the workspace, writes the design there and makes it the current file', async ({
  page,
}) => {
  const studio = new AppPage(page);
  await studio.open(app.url);
  await studio.canvas.addNode('role');
  await studio.inspector.set('Name', 'ArchiveReader');
  const target = join(app.directory, 'copy.cognito-design.json');
  await page.keyboard.press('Control+Shift+s');
  await expect(page.getByTestId('file-name-input')).toHaveValue('photo-sharing.cognito-design.json');
  await page.getByTestId('file-name-input').fill('copy');
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(page.getByTestId('file-path')).toHaveText(target);
  await expect(page.getByTestId('dirty-state')).toHaveText('Saved');
  const saved = JSON.parse(readFileSync(target, 'utf8')) as { format: string; roles: { name: string }[] };
  expect(saved.format).toBe('cognito-access-studio/design');
  expect(saved.roles.map((role) => role.name)).toContain('ArchiveReader');
  // The original file was not touched.
  expect(readFileSync(app.designPath, 'utf8')).not.toContain('ArchiveReader');
});

test('unsaved work is autosaved and offered back when the app starts again', async ({ page }) => {
  const studio = new AppPage(page);
  await studio.open(app.url);
  await studio.canvas.addNode('role');
  await studio.inspector.set('Name', 'RecoveredRole');
  await expect(page).toHaveTitle(/^● /);
  // Autosave is debounced; give it time to reach the recovery file, then lose the window.
  await page.waitForTimeout(2500);
  await page.reload();
  await expect(page.getByRole('dialog')).toContainText('Restore unsaved work?');
  await studio.screenshot('recovery-offer');
  await page.getByRole('button', { name: 'Restore' }).click();
  await expect(studio.canvas.node('RecoveredRole')).toBeVisible();
  await expect(page.getByTestId('dirty-state')).toHaveText('● Unsaved changes');
  await expect(page.getByTestId('file-path')).toHaveText(app.designPath);
  expect(existsSync(app.designPath)).toBe(true);
  expect(readFileSync(app.designPath, 'utf8')).not.toContain('RecoveredRole');
});

test('copy, paste, delete and undo from the keyboard', async ({ page }) => {
  const studio = new AppPage(page);
  await studio.open(app.url);
  const roles = studio.canvas.nodesOfKind('role');
  const before = await roles.count();
  const firstRole = (await roles.first().locator('.node__title').textContent()) ?? '';
  await studio.canvas.select(firstRole);
  await page.keyboard.press('Control+c');
  await page.keyboard.press('Control+v');
  await expect(roles).toHaveCount(before + 1);
  await expect(studio.canvas.node(`${firstRole}Copy`)).toBeVisible();
  await page.keyboard.press('Delete');
  await expect(roles).toHaveCount(before);
  await page.keyboard.press('Control+z');
  await expect(roles).toHaveCount(before + 1);
  await page.keyboard.press('Control+z');
  await expect(roles).toHaveCount(before);
  await expect(page.getByTestId('dirty-state')).toHaveText('Saved');
});

test('moving a node is one undo step, and auto-layout can be undone too', async ({ page }) => {
  const studio = new AppPage(page);
  await studio.open(app.url);
  const node = studio.page.locator('.react-flow__node-identityPool').first();
  const transform = (): Promise<string | null> => node.evaluate((element) => element.style.transform);
  const start = await transform();
  const header = node.locator('.node__header');
  const box = await header.boundingBox();
  if (!box) throw new Error('identity pool not visible');
  await page.mouse.move(box.x + 40, box.y + 10);
  await page.mouse.down();
  await page.mouse.move(box.x + 140, box.y + 90, { steps: 10 });
  await page.mouse.up();
  await expect.poll(transform).not.toBe(start);
  await expect(page.getByTestId('dirty-state')).toHaveText('● Unsaved changes');
  await page.keyboard.press('Control+z');
  await expect.poll(transform).toBe(start);
  await expect(page.getByTestId('dirty-state')).toHaveText('Saved');

  await studio.canvas.autoLayout();
  await expect(page.getByTestId('dirty-state')).toHaveText('● Unsaved changes');
  await page.keyboard.press('Control+z');
  await expect.poll(transform).toBe(start);
});

test('an issue in the design list leads to the entity it concerns', async ({ page }) => {
  const studio = new AppPage(page);
  await studio.open(app.url);
  const firstRole =
    (await studio.canvas.nodesOfKind('role').first().locator('.node__title').textContent()) ?? '';
  await studio.canvas.select(firstRole);
  await studio.inspector.set('Name', 'not a valid name!');
  await page.keyboard.press('Escape');
  // An empty spot of the canvas (the top-left corner; the bottom-left holds the zoom controls and
  // the legend) deselects the role and shows the design's own inspector.
  await studio.page.locator('.react-flow__pane').click({ position: { x: 5, y: 5 } });
  await expect(page.getByTestId('inspector-design')).toBeVisible();
  await page
    .getByTestId('inspector-design')
    .locator('.issue__link')
    .filter({ hasText: '$.roles[' })
    .first()
    .click();
  await expect(page.getByTestId('inspector-role')).toContainText('not a valid name!');
});
