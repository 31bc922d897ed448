// What the rest of the renderer may ask of the (lazily loaded) policy editor, without importing
// Monaco: insert a statement template, store the last keystrokes. Drafts (text that is not valid
// JSON) live in the store (state/policy-drafts.ts).

import type { NativeEditAction } from '../../shared/host/api';
import type { StatementTemplate } from '../../shared/policy-language/templates';

export interface PolicyEditorHandle {
  insertTemplate(template: StatementTemplate): void;
  /** Stores what was typed and not yet committed (saving must include the last keystrokes). */
  commitPending(): void;
  /** Gives the editor's text the focus (so a native clipboard command reaches Monaco). */
  focus(): void;
  /** Runs an Edit menu command as Monaco's own action (its undo history, not the page's). */
  runEditAction(action: NativeEditAction): void;
}

let active: PolicyEditorHandle | undefined;

export function setActivePolicyEditor(handle: PolicyEditorHandle | undefined): void {
  active = handle;
}

export function activePolicyEditor(): PolicyEditorHandle | undefined {
  return active;
}
