// Every menu entry and shortcut, mapped to the same commands: the Electron menu (via
// onMenuCommand), browser mode's menu bar and the keyboard all call `runMenuCommand`.

import type { MenuCommand } from '../../shared/host/api';
import type { MenuCommandDetail } from '../../shared/host/transport';
import { fitView, zoomIn, zoomOut } from '../canvas/canvas-controller';
import {
  copyCommand,
  cutCommand,
  pasteCommand,
  selectAllCommand,
  toggleMinimapCommand,
  toggleThemeCommand,
} from '../state/commands';
import { openExportDialog } from '../export/export-dialog-state';
import { deleteSelection } from '../state/delete-action';
import { newDesign, openDesign, openRecentDesign, saveDesign } from '../state/document-actions';
import { useAppStore } from '../state/store';
import { toggleSimulatorCommand } from '../simulator/simulator-commands';
import { openAwsDialog } from '../aws/aws-dialog-state';
import { notify } from '../state/notices';
import { showAbout } from './dialogs';
import { editInFocus } from './edit-in-focus';
import { prefersDark } from './theme';

export function runMenuCommand(command: MenuCommand, detail: MenuCommandDetail = {}): void {
  // Edit commands edit the focused text field or policy editor instead of the design, never both.
  if (editInFocus(command)) return;
  const store = useAppStore.getState();
  switch (command) {
    case 'file.new':
    case 'file.close':
      void newDesign();
      return;
    case 'file.open':
      void openDesign(detail.path);
      return;
    case 'file.save':
      void saveDesign();
      return;
    case 'file.saveAs':
      void saveDesign({ saveAs: true });
      return;
    case 'edit.undo':
      store.undo();
      return;
    case 'edit.redo':
      store.redo();
      return;
    case 'edit.cut':
      store.run(cutCommand, undefined);
      return;
    case 'edit.copy':
      store.run(copyCommand, undefined);
      return;
    case 'edit.paste':
      store.run(pasteCommand, undefined);
      return;
    case 'edit.delete':
      void deleteSelection();
      return;
    case 'edit.selectAll':
      store.run(selectAllCommand, undefined);
      return;
    case 'view.fit':
      fitView();
      return;
    case 'view.zoomIn':
      zoomIn();
      return;
    case 'view.zoomOut':
      zoomOut();
      return;
    case 'view.toggleMinimap':
      store.run(toggleMinimapCommand, undefined);
      return;
    case 'view.toggleTheme':
      store.run(toggleThemeCommand, { prefersDark: prefersDark() });
      return;
    case 'help.about':
      void showAbout();
      return;
    case 'view.toggleSimulator':
      store.run(toggleSimulatorCommand, undefined);
      return;
    case 'file.export':
      openExportDialog();
      return;
    case 'file.importAws':
      openAwsDialog('import');
      return;
    case 'file.planApply':
      openAwsDialog('planApply');
      return;
    case 'file.exportReport':
      // Loaded on first use: the report code is not part of the start-up chunk.
      void import('../report/export-report').then(
        ({ exportReviewReport }) => exportReviewReport(),
        (error: unknown) =>
          notify(
            'error',
            `The review report could not be loaded: ${error instanceof Error ? error.message : String(error)}`,
          ),
      );
      return;
    case 'view.design':
    case 'view.matrix':
      store.setUi({ view: command === 'view.matrix' ? 'matrix' : 'design' });
      return;
    case 'file.openRecent':
      void openRecentDesign();
      return;
  }
}

export interface MenuItem {
  command: MenuCommand;
  label: string;
  shortcut?: string;
}

const isMac = typeof navigator !== 'undefined' && /Mac/i.test(navigator.platform);
const MOD = isMac ? '⌘' : 'Ctrl+';
const SHIFT = isMac ? '⇧' : 'Shift+';

/** Browser mode's menu bar; the same entries as the desktop menu. */
export const MENUS: { title: string; items: (MenuItem | 'separator')[] }[] = [
  {
    title: 'File',
    items: [
      { command: 'file.new', label: 'New' },
      { command: 'file.open', label: 'Open…', shortcut: `${MOD}O` },
      { command: 'file.openRecent', label: 'Open Recent…' },
      'separator',
      { command: 'file.save', label: 'Save', shortcut: `${MOD}S` },
      { command: 'file.saveAs', label: 'Save As…', shortcut: `${SHIFT}${MOD}S` },
      'separator',
      { command: 'file.export', label: 'Export…' },
      { command: 'file.exportReport', label: 'Export Review Report…' },
      { command: 'file.importAws', label: 'Import from AWS…' },
      { command: 'file.planApply', label: 'Plan & Apply…' },
    ],
  },
  {
    title: 'Edit',
    items: [
      { command: 'edit.undo', label: 'Undo', shortcut: `${MOD}Z` },
      { command: 'edit.redo', label: 'Redo', shortcut: `${SHIFT}${MOD}Z` },
      'separator',
      { command: 'edit.cut', label: 'Cut', shortcut: `${MOD}X` },
      { command: 'edit.copy', label: 'Copy', shortcut: `${MOD}C` },
      { command: 'edit.paste', label: 'Paste', shortcut: `${MOD}V` },
      { command: 'edit.delete', label: 'Delete', shortcut: 'Del' },
      'separator',
      { command: 'edit.selectAll', label: 'Select All', shortcut: `${MOD}A` },
    ],
  },
  {
    title: 'View',
    items: [
      { command: 'view.fit', label: 'Fit to Window', shortcut: `${SHIFT}1` },
      { command: 'view.zoomIn', label: 'Zoom In', shortcut: '+' },
      { command: 'view.zoomOut', label: 'Zoom Out', shortcut: '−' },
      'separator',
      { command: 'view.toggleMinimap', label: 'Toggle Minimap' },
      { command: 'view.toggleTheme', label: 'Toggle Dark Theme' },
      { command: 'view.toggleSimulator', label: 'Simulator', shortcut: `${MOD}J` },
      'separator',
      { command: 'view.design', label: 'Design', shortcut: `${MOD}1` },
      { command: 'view.matrix', label: 'Access Matrix', shortcut: `${MOD}2` },
    ],
  },
  { title: 'Help', items: [{ command: 'help.about', label: 'About Cognito Access Studio' }] },
];

function isTextInput(target: EventTarget | null): boolean {
  if (typeof HTMLElement === 'undefined' || !(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}

/** Maps a key press to a menu command, or undefined. Text fields keep their own editing keys. */
export function commandForKey(
  event: Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'shiftKey' | 'altKey' | 'target'>,
): MenuCommand | undefined {
  const mod = event.ctrlKey || event.metaKey;
  const key = event.key.toLowerCase();
  if (mod && key === 's') return event.shiftKey ? 'file.saveAs' : 'file.save';
  if (mod && key === 'o') return 'file.open';
  if (mod && !event.shiftKey && key === 'j') return 'view.toggleSimulator';
  if (mod && !event.shiftKey && key === '1') return 'view.design';
  if (mod && !event.shiftKey && key === '2') return 'view.matrix';
  const inText = isTextInput(event.target);
  if (inText) return undefined;
  if (mod && key === 'z') return event.shiftKey ? 'edit.redo' : 'edit.undo';
  if (mod && key === 'y') return 'edit.redo';
  if (mod && key === 'c') return 'edit.copy';
  if (mod && key === 'x') return 'edit.cut';
  if (mod && key === 'v') return 'edit.paste';
  if (mod && key === 'a') return 'edit.selectAll';
  if (!mod && !event.altKey && (event.key === 'Delete' || event.key === 'Backspace')) return 'edit.delete';
  if (!mod && event.shiftKey && event.key === '!') return 'view.fit';
  return undefined;
}
