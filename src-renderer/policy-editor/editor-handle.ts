// What the rest of the renderer may ask of the (lazily loaded) policy editor, without importing
// Monaco: insert a statement template, and which policies hold drafts that are not valid JSON.

import type { StatementTemplate } from '../../shared/policy-language/templates';

export interface PolicyEditorHandle {
  insertTemplate(template: StatementTemplate): void;
  /** Stores what was typed and not yet committed (saving must include the last keystrokes). */
  commitPending(): void;
}

let active: PolicyEditorHandle | undefined;

export function setActivePolicyEditor(handle: PolicyEditorHandle | undefined): void {
  active = handle;
}

export function activePolicyEditor(): PolicyEditorHandle | undefined {
  return active;
}

/** Policy text that is not valid JSON yet, by policy key: kept in the editor, not in the design. */
const drafts = new Map<string, string>();
const listeners = new Set<() => void>();

export function setPolicyDraft(key: string, text: string | undefined): void {
  if (text === undefined ? !drafts.has(key) : drafts.get(key) === text) return;
  if (text === undefined) drafts.delete(key);
  else drafts.set(key, text);
  listeners.forEach((listener) => listener());
}

export function policyDraftKeys(): string[] {
  return [...drafts.keys()];
}

export function onDidChangePolicyDrafts(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Forgets every draft (a new design was opened). */
export function clearPolicyDrafts(): void {
  if (drafts.size === 0) return;
  drafts.clear();
  listeners.forEach((listener) => listener());
}
