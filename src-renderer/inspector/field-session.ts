// Inspector fields commit as the person types, so nothing typed is ever only in a text box (a save,
// an open or a crash sees it). The keystrokes of one field edit are one undo step: the first change
// opens a store interaction, leaving the field (blur, Enter, unmount) closes it.
// Drafts that cannot be committed yet (a number field holding "12a", a policy that does not parse)
// are registered here, so leaving the design still asks before dropping them.

import { useAppStore } from '../state/store';

let owner: symbol | null = null;
const pending = new Map<symbol, string>();

/** Called on each change of field `token`; the first one opens the undo step. */
export function beginFieldEdit(token: symbol): void {
  if (owner === token) return;
  if (owner !== null) endFieldEdit(owner);
  const store = useAppStore.getState();
  // Another interaction (a node drag) already coalesces; join it rather than nest.
  if (store.interactionBase !== null) return;
  store.beginInteraction();
  owner = token;
}

/** Closes field `token`'s undo step, if it opened one. */
export function endFieldEdit(token: symbol): void {
  if (owner !== token) return;
  owner = null;
  useAppStore.getState().endInteraction();
}

/** Records (label) or clears (undefined) a draft of field `token` that is not in the design. */
export function setPendingDraft(token: symbol, label: string | undefined): void {
  if (label === undefined) pending.delete(token);
  else pending.set(token, label);
}

/** Labels of fields holding text that is not in the design. */
export function pendingDrafts(): string[] {
  return [...pending.values()];
}
