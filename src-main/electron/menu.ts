// The application menu. Every item sends a MenuCommand to the renderer, which runs the same
// command objects as its keyboard shortcuts; Edit items first let a focused text field act natively.

import type { MenuItemConstructorOptions } from 'electron';
import type { MenuCommand } from '../../shared/host/api';
import type { MenuCommandDetail } from '../../shared/host/transport';

export type NativeEditAction = 'undo' | 'redo' | 'cut' | 'copy' | 'paste' | 'delete' | 'selectAll';

export interface MenuActions {
  send(command: MenuCommand, detail?: MenuCommandDetail): void;
  /** Runs the built-in text editing action in the focused page (webContents.cut() and friends). */
  editNatively(action: NativeEditAction): void;
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

function editItem(
  label: string,
  action: NativeEditAction,
  command: MenuCommand,
  accelerator: string,
  actions: MenuActions,
): MenuItemConstructorOptions {
  return {
    label,
    accelerator,
    click: () => {
      actions.editNatively(action);
      actions.send(command);
    },
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
      editItem('Undo', 'undo', 'edit.undo', 'CmdOrCtrl+Z', actions),
      editItem('Redo', 'redo', 'edit.redo', isMac ? 'Cmd+Shift+Z' : 'Ctrl+Shift+Z', actions),
      { type: 'separator' },
      editItem('Cut', 'cut', 'edit.cut', 'CmdOrCtrl+X', actions),
      editItem('Copy', 'copy', 'edit.copy', 'CmdOrCtrl+C', actions),
      editItem('Paste', 'paste', 'edit.paste', 'CmdOrCtrl+V', actions),
      editItem('Delete', 'delete', 'edit.delete', 'Delete', actions),
      { type: 'separator' },
      editItem('Select All', 'selectAll', 'edit.selectAll', 'CmdOrCtrl+A', actions),
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
