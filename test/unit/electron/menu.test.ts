import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it } from 'vitest';
import type { MenuCommand } from '../../../shared/host/api';
import type { MenuCommandDetail } from '../../../shared/host/transport';
import { buildMenuTemplate } from '../../../src-main/electron/menu';

function setUp(platform: NodeJS.Platform = 'linux', recentFiles: string[] = []) {
  const sent: Array<[MenuCommand, MenuCommandDetail | undefined]> = [];
  const template = buildMenuTemplate({
    platform,
    recentFiles,
    actions: { send: (command, detail) => sent.push([command, detail]) },
  });
  return { template, sent };
}

function submenu(template: MenuItemConstructorOptions[], label: string): MenuItemConstructorOptions[] {
  const menu = template.find((item) => item.label?.replace('&', '') === label);
  return (menu?.submenu ?? []) as MenuItemConstructorOptions[];
}

function item(items: MenuItemConstructorOptions[], label: string): MenuItemConstructorOptions {
  const found = items.find((candidate) => candidate.label === label);
  if (!found) throw new Error(`no menu item ${label}`);
  return found;
}

function click(menuItem: MenuItemConstructorOptions): void {
  (menuItem.click as () => void)();
}

describe('application menu', () => {
  it('has File, Edit, View and Help with the expected items', () => {
    const { template } = setUp();
    expect(template.map((menu) => menu.label)).toEqual(['&File', '&Edit', '&View', '&Help']);
    const labels = (label: string) =>
      submenu(template, label)
        .filter((entry) => entry.label)
        .map((entry) => entry.label);
    expect(labels('File')).toEqual([
      'New',
      'Open…',
      'Open Recent',
      'Save',
      'Save As…',
      'Export…',
      'Export Review Report…',
      'Import from AWS…',
      'Plan & Apply…',
      'Close',
    ]);
    expect(labels('Edit')).toEqual(['Undo', 'Redo', 'Cut', 'Copy', 'Paste', 'Delete', 'Select All']);
    expect(labels('View')).toEqual([
      'Fit',
      'Zoom In',
      'Zoom Out',
      'Toggle Minimap',
      'Theme',
      'Simulator',
      'Design',
      'Access Matrix',
    ]);
    expect(labels('Help')).toEqual(['About Cognito Access Studio']);
  });

  it('gives the usual accelerators', () => {
    const { template } = setUp();
    const file = submenu(template, 'File');
    expect(item(file, 'New').accelerator).toBe('CmdOrCtrl+N');
    expect(item(file, 'Open…').accelerator).toBe('CmdOrCtrl+O');
    expect(item(file, 'Save').accelerator).toBe('CmdOrCtrl+S');
    expect(item(file, 'Save As…').accelerator).toBe('CmdOrCtrl+Shift+S');
    const edit = submenu(template, 'Edit');
    expect(item(edit, 'Undo').accelerator).toBe('CmdOrCtrl+Z');
    expect(item(edit, 'Redo').accelerator).toBe('Ctrl+Shift+Z');
    expect(item(edit, 'Copy').accelerator).toBe('CmdOrCtrl+C');
    expect(item(submenu(setUp('darwin').template, 'Edit'), 'Redo').accelerator).toBe('Cmd+Shift+Z');
  });

  it('sends the matching command for each item', () => {
    const { template, sent } = setUp();
    click(item(submenu(template, 'File'), 'Save As…'));
    click(item(submenu(template, 'File'), 'Export…'));
    click(item(submenu(template, 'View'), 'Toggle Minimap'));
    click(item(submenu(template, 'Help'), 'About Cognito Access Studio'));
    click(item(submenu(template, 'View'), 'Simulator'));
    expect(sent.map(([command]) => command)).toEqual([
      'file.saveAs',
      'file.export',
      'view.toggleMinimap',
      'help.about',
      'view.toggleSimulator',
    ]);
    expect(item(submenu(template, 'View'), 'Simulator').accelerator).toBe('CmdOrCtrl+J');
  });

  it('sends each Edit item as one command, for the renderer to run where the focus is', () => {
    const { template, sent } = setUp();
    const edit = submenu(template, 'Edit');
    for (const label of ['Undo', 'Redo', 'Cut', 'Copy', 'Paste', 'Delete', 'Select All'])
      click(item(edit, label));
    expect(sent).toEqual(
      ['edit.undo', 'edit.redo', 'edit.cut', 'edit.copy', 'edit.paste', 'edit.delete', 'edit.selectAll'].map(
        (command) => [command, undefined],
      ),
    );
  });

  it('leaves Edit keys to the page on Linux and Windows, so a key in a field never also reaches the menu', () => {
    for (const platform of ['linux', 'win32'] as const) {
      const edit = submenu(setUp(platform).template, 'Edit').filter((entry) => entry.label);
      expect(edit.map((entry) => entry.registerAccelerator)).toEqual(Array(7).fill(false));
    }
    // Other menus keep their shortcuts: the page does not handle New, Close or the zoom keys itself.
    expect(item(submenu(setUp().template, 'File'), 'New').registerAccelerator).toBeUndefined();
    // macOS has no such option; there a text field receives these keys through the menu.
    const macEdit = submenu(setUp('darwin').template, 'Edit').filter((entry) => entry.label);
    expect(macEdit.every((entry) => entry.registerAccelerator === undefined)).toBe(true);
  });

  it('lists recent designs and opens the one picked', () => {
    const { template, sent } = setUp('linux', [
      '/home/me/a.cognito-design.json',
      '/home/me/b.cognito-design.json',
    ]);
    const recent = item(submenu(template, 'File'), 'Open Recent').submenu as MenuItemConstructorOptions[];
    expect(recent.map((entry) => entry.label)).toEqual([
      '/home/me/a.cognito-design.json',
      '/home/me/b.cognito-design.json',
    ]);
    click(recent[1]!);
    expect(sent).toEqual([['file.open', { path: '/home/me/b.cognito-design.json' }]]);
    const empty = item(submenu(setUp().template, 'File'), 'Open Recent')
      .submenu as MenuItemConstructorOptions[];
    expect(empty).toEqual([{ label: 'No Recent Designs', enabled: false }]);
  });

  it('adds the application menu on macOS', () => {
    expect(setUp('darwin').template[0]).toEqual({ role: 'appMenu' });
  });
});
