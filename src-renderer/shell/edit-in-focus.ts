// The page's side of the Edit menu: runs a command in the focused text field or policy editor
// (src-renderer/shell/edit-target.ts decides which), the way each one edits its own text.

import type { MenuCommand, NativeEditAction } from '../../shared/host/api';
import { getAppMode, getHost } from '../host/client';
import { activePolicyEditor } from '../policy-editor/editor-handle';
import { notify } from '../state/notices';
import { currentEditTarget, editInTarget, type EditPerformers } from './edit-target';

const clipboardActions: ReadonlySet<NativeEditAction> = new Set(['cut', 'copy', 'paste']);

function editInDesktopShell(action: NativeEditAction): void {
  getHost()
    .editNatively({ action })
    .catch((error: unknown) =>
      notify(
        'error',
        `Could not ${action} in the text field: ${error instanceof Error ? error.message : error}`,
      ),
    );
}

/** Browser mode: the page's own editing commands; a web page may not read the clipboard by command. */
async function editInBrowser(action: NativeEditAction): Promise<void> {
  if (action !== 'paste') {
    // execCommand is the only way a page can run the field's own undo history and selection edits.
    document.execCommand(action);
    return;
  }
  try {
    const text = await navigator.clipboard.readText();
    document.execCommand('insertText', false, text);
  } catch {
    notify('error', 'The browser did not let the app read the clipboard. Paste with Ctrl+V (⌘V) instead.');
  }
}

const pagePerformers: EditPerformers<HTMLElement> = {
  native(action, element) {
    element.focus();
    if (getAppMode() === 'electron') editInDesktopShell(action);
    else void editInBrowser(action);
  },
  policyEditor(action) {
    const editor = activePolicyEditor();
    if (!editor) return;
    // In the desktop app the shell's clipboard commands reach Monaco's own clipboard handlers, and
    // Monaco's paste action would need a clipboard permission the app never grants.
    if (getAppMode() === 'electron' && clipboardActions.has(action)) {
      editor.focus();
      editInDesktopShell(action);
      return;
    }
    editor.runEditAction(action);
  },
};

/** Runs an Edit command in the focused field or policy editor; false when it is the design's. */
export function editInFocus(command: MenuCommand): boolean {
  return editInTarget(command, currentEditTarget(), pagePerformers);
}
