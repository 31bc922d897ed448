// The application menu. Every item sends a MenuCommand to the renderer, which runs the same
// command objects as its keyboard shortcuts. Edit items only send their command: the renderer knows
// where the focus is and does exactly one thing (src-renderer/shell/edit-target.ts): a focused text
// field edits natively (host method editNatively), the policy editor runs Monaco's action, anywhere
// else the design command runs.

import type { MenuItemConstructorOptions } from 'electron';
import type { MenuCommand } from '../../shared/host/api';
import type { MenuCommandDetail } from '../../shared/host/transport';

export interface MenuActions {
  send(command: MenuCommand, detail?: MenuCommandDetail): void;
}

export interface MenuOptions {
  platform: NodeJS.Platform;
  recentFiles: readonly string[];
  actions: MenuActions;
}

function commandItem(
  label: string,
  command: MenuCommand,
  accelerator: string | undefined,
  actions: MenuActions,
): MenuItemConstructorOptions {
  return { label, ...(accelerator === undefined ? {} : { accelerator }), click: () => actions.send(command) };
}

/**
 * An Edit item: its key goes to the page alone, its click to the renderer's decision. Electron
 * dispatches a key to the page before the menu's shortcuts ("before-input-event: Emitted before
 * dispatching the keydown and keyup events in the page. Calling event.preventDefault will prevent
 * the page keydown/keyup events and the menu shortcuts",
 * https://www.electronjs.org/docs/latest/api/web-contents#event-before-input-event). So that Ctrl+Z
 * in a field cannot both edit the field and reach this item, the accelerator is only displayed on
 * Linux and Windows ("registerAccelerator: If false, the accelerator won't be registered with the
 * system, but it will still be displayed", https://www.electronjs.org/docs/latest/api/menu-item):
 * the page handles these keys itself (fields and Monaco natively, the canvas via commandForKey).
 * macOS has no such option, and there a text field receives Cmd+Z/X/C/V only as the menu's key
 * equivalents (an Electron app without an Edit menu cannot copy in a field there); whichever way
 * the item is chosen, the renderer then does exactly one thing. (Not verifiable here: no Electron
 * binary runs in CI; the renderer's decision is what the unit and e2e tests cover.)
 */
function editItem(
  label: string,
  command: MenuCommand,
  accelerator: string,
  options: MenuOptions,
): MenuItemConstructorOptions {
  return {
    label,
    accelerator,
    ...(options.platform === 'darwin' ? {} : { registerAccelerator: false }),
    click: () => options.actions.send(command),
  };
}

function recentItems(recentFiles: readonly string[], actions: MenuActions): MenuItemConstructorOptions[] {
  if (recentFiles.length === 0) return [{ label: 'No Recent Designs', enabled: false }];
  return recentFiles.map((path) => ({ label: path, click: () => actions.send('file.open', { path }) }));
}

export function buildMenuTemplate(options: MenuOptions): MenuItemConstructorOptions[] {
  const { actions } = options;
  const isMac = options.platform === 'darwin';
  const file: MenuItemConstructorOptions = {
    label: '&File',
    submenu: [
      commandItem('New', 'file.new', 'CmdOrCtrl+N', actions),
      commandItem('Open…', 'file.open', 'CmdOrCtrl+O', actions),
      { label: 'Open Recent', submenu: recentItems(options.recentFiles, actions) },
      { type: 'separator' },
      commandItem('Save', 'file.save', 'CmdOrCtrl+S', actions),
      commandItem('Save As…', 'file.saveAs', 'CmdOrCtrl+Shift+S', actions),
      commandItem('Export…', 'file.export', undefined, actions),
      commandItem('Export Review Report…', 'file.exportReport', undefined, actions),
      { type: 'separator' },
      commandItem('Import from AWS…', 'file.importAws', undefined, actions),
      commandItem('Plan & Apply…', 'file.planApply', undefined, actions),
      { type: 'separator' },
      commandItem('Close', 'file.close', 'CmdOrCtrl+W', actions),
      ...(isMac ? [] : [{ type: 'separator' } as const, { role: 'quit' } as const]),
    ],
  };
  const edit: MenuItemConstructorOptions = {
    label: '&Edit',
    submenu: [
      editItem('Undo', 'edit.undo', 'CmdOrCtrl+Z', options),
      editItem('Redo', 'edit.redo', isMac ? 'Cmd+Shift+Z' : 'Ctrl+Shift+Z', options),
      { type: 'separator' },
      editItem('Cut', 'edit.cut', 'CmdOrCtrl+X', options),
      editItem('Copy', 'edit.copy', 'CmdOrCtrl+C', options),
      editItem('Paste', 'edit.paste', 'CmdOrCtrl+V', options),
      editItem('Delete', 'edit.delete', 'Delete', options),
      { type: 'separator' },
      editItem('Select All', 'edit.selectAll', 'CmdOrCtrl+A', options),
    ],
  };
  const view: MenuItemConstructorOptions = {
    label: '&View',
    submenu: [
      commandItem('Fit', 'view.fit', 'CmdOrCtrl+0', actions),
      commandItem('Zoom In', 'view.zoomIn', 'CmdOrCtrl+=', actions),
      commandItem('Zoom Out', 'view.zoomOut', 'CmdOrCtrl+-', actions),
      { type: 'separator' },
      commandItem('Toggle Minimap', 'view.toggleMinimap', 'CmdOrCtrl+Shift+M', actions),
      commandItem('Theme', 'view.toggleTheme', 'CmdOrCtrl+Shift+T', actions),
      commandItem('Simulator', 'view.toggleSimulator', 'CmdOrCtrl+J', actions),
      { type: 'separator' },
      commandItem('Design', 'view.design', 'CmdOrCtrl+1', actions),
      commandItem('Access Matrix', 'view.matrix', 'CmdOrCtrl+2', actions),
    ],
  };
  const help: MenuItemConstructorOptions = {
    label: '&Help',
    submenu: [commandItem('About Cognito Access Studio', 'help.about', undefined, actions)],
  };
  return [...(isMac ? [{ role: 'appMenu' } as const] : []), file, edit, view, help];
}
