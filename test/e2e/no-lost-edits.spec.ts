// Nothing typed or drawn is lost: fields commit as the person types (one undo step per field edit),
// every way of leaving the design asks first, the recovery file holds the last change, deleting a
// used entity says what it disconnects. Plus Open Recent, the favicon and the status bar.

import { expect, test } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { startApp, type RunningApp } from './support/app-server';
import { AppPage } from './support/pages';

let app: RunningApp;

test.beforeEach(async () => {
  app = await startApp({ example: 'photo-sharing' });
});

test.afterEach(async () => {
  await app.stop();
});

test('text still in a field is in the design: Ctrl+O asks before discarding it', async ({ page }) => {
  const studio = new AppPage(page);
  await studio.open(app.url);
  await expect(page.getByTestId('dirty-state')).toHaveText('Saved');
  const role = (await studio.canvas.nodesOfKind('role').first().locator('.node__title').textContent()) ?? '';
  await studio.canvas.select(role);
  const name = studio.inspector.root.getByLabel('Name', { exact: true }).first();
  await name.fill('RenamedWhileTyping');
  // No Enter, no blur: the person goes straight to File › Open.
  await page.keyboard.press('Control+o');
  await expect(page.getByRole('dialog')).toContainText('Discard unsaved changes?');
  await page.getByRole('button', { name: 'Cancel' }).click();
  await expect(studio.canvas.node('RenamedWhileTyping')).toBeVisible();
  await expect(page.getByTestId('dirty-state')).toHaveText('● Unsaved changes');
});

test('one field edit is one undo step, however many keys were typed', async ({ page }) => {
  const studio = new AppPage(page);
  await studio.open(app.url);
  const role = (await studio.canvas.nodesOfKind('role').first().locator('.node__title').textContent()) ?? '';
  await studio.canvas.select(role);
  const name = studio.inspector.root.getByLabel('Name', { exact: true }).first();
  await name.click();
  await name.press('End');
  await page.keyboard.type('Xyz');
  await expect(studio.canvas.node(`${role}Xyz`)).toBeVisible();
  await studio.canvas.node(`${role}Xyz`).locator('.node__header').click();
  await page.keyboard.press('Control+z');
  await expect(studio.canvas.node(role)).toBeVisible();
  await expect(page.getByTestId('dirty-state')).toHaveText('Saved');
});

test('every way to leave a design asks: new, open recent, reload', async ({ page }) => {
  const studio = new AppPage(page);
  await studio.open(app.url);
  // Saving records the design among the recent ones.
  await page.keyboard.press('Control+s');
  await expect(studio.notices().first()).toContainText('Saved');
  await studio.canvas.addNode('role');
  await studio.menu('File', 'New');
  await expect(page.getByRole('dialog')).toContainText('Discard unsaved changes?');
  await page.getByRole('button', { name: 'Cancel' }).click();
  await studio.menu('File', 'Open Recent…');
  const recent = page.getByTestId('recent-list');
  await expect(recent).toContainText('photo-sharing.cognito-design.json');
  await recent.getByRole('button').first().click();
  await expect(page.getByRole('dialog')).toContainText('Discard unsaved changes?');
  await page.getByRole('button', { name: 'Cancel' }).click();
  expect(await studio.leavingAsks()).toBe(true);
});

test('the recovery file holds the very last change', async ({ page }) => {
  const studio = new AppPage(page);
  await studio.open(app.url);
  await studio.canvas.addNode('role');
  await studio.inspector.root.getByLabel('Name', { exact: true }).first().fill('LastChange');
  // Well under the old autosave delay: the last change must reach the recovery file anyway.
  await page.waitForTimeout(400);
  await page.reload();
  await expect(page.getByRole('dialog')).toContainText('Restore unsaved work?');
  await page.getByRole('button', { name: 'Restore' }).click();
  await expect(studio.canvas.node('LastChange')).toBeVisible();
});

test('deleting a role others use lists what it disconnects, and one undo brings all back', async ({
  page,
}) => {
  const studio = new AppPage(page);
  await studio.open(app.url);
  const labelsBefore = await studio.canvas.edgeLabels().count();
  const edgesBefore = await page.locator('.react-flow__edge').count();
  const role = studio.canvas.nodesOfKind('role').first();
  const roleName = (await role.locator('.node__title').textContent()) ?? '';
  await studio.canvas.select(roleName);
  await page.keyboard.press('Delete');
  const dialog = page.getByRole('dialog');
  await expect(dialog).toContainText('Delete this entity?');
  await expect(dialog.getByTestId('confirm-details')).toContainText(roleName);
  await studio.screenshot('delete-used-role');
  await dialog.getByRole('button', { name: 'Delete' }).click();
  await expect(studio.canvas.node(roleName)).toHaveCount(0);
  await page.keyboard.press('Control+z');
  await expect(studio.canvas.node(roleName)).toBeVisible();
  await expect(page.locator('.react-flow__edge')).toHaveCount(edgesBefore);
  expect(await studio.canvas.edgeLabels().count()).toBe(labelsBefore);
  await expect(page.getByTestId('dirty-state')).toHaveText('Saved');
});

test('a new design says it is not saved yet, never "Saved"', async ({ page }) => {
  const studio = new AppPage(page);
  await studio.open(app.url);
  await studio.menu('File', 'New');
  await expect(page.getByTestId('file-path')).toHaveText('Untitled design');
  await expect(page.getByTestId('dirty-state')).toHaveText('Not saved yet');
});

test('page loads without a single 404 (favicon included)', async ({ page }) => {
  const missing: string[] = [];
  page.on('response', (response) => {
    if (response.status() === 404) missing.push(response.url());
  });
  const studio = new AppPage(page);
  await studio.open(app.url);
  await page.waitForTimeout(500);
  expect(missing).toEqual([]);
  expect(await page.locator('link[rel="icon"]').count()).toBe(1);
});

test('Open and Save As browse the workspace folder; the file is written there', async ({ page }) => {
  const studio = new AppPage(page);
  await studio.open(app.url);
  await studio.canvas.addNode('role');
  await studio.inspector.set('Name', 'InWorkspace');
  await page.keyboard.press('Control+Shift+s');
  const browser = page.getByTestId('file-browser');
  await expect(browser.getByTestId('file-list')).toContainText('photo-sharing.cognito-design.json');
  await browser.getByTestId('file-name-input').fill('second');
  await studio.screenshot('file-browser-save');
  await browser.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(page.getByTestId('file-path')).toHaveText(`${app.directory}/second.cognito-design.json`);
  expect(readFileSync(`${app.directory}/second.cognito-design.json`, 'utf8')).toContain('InWorkspace');
  await page.keyboard.press('Control+o');
  await expect(browser.getByTestId('file-list')).toContainText('second.cognito-design.json');
  await browser.getByRole('button', { name: /photo-sharing\.cognito-design\.json/ }).click();
  await browser.getByRole('button', { name: 'Open', exact: true }).click();
  await expect(page.getByTestId('file-path')).toHaveText(app.designPath);
  await expect(studio.canvas.node('InWorkspace')).toHaveCount(0);
});
