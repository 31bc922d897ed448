// In-app dialogs (browser mode has no native file dialogs): a promise-based API over a small
// store that the <Dialogs> component renders.

import { create } from 'zustand';
import type { ModelIssue } from '../../shared/model/types';

export type DialogRequest =
  | { kind: 'issues'; title: string; message: string; issues: ModelIssue[]; resolve(): void }
  | {
      kind: 'confirm';
      title: string;
      message: string;
      confirmLabel: string;
      cancelLabel: string;
      /** Lines listed under the message (e.g. what a deletion disconnects). */
      details?: string[];
      resolve(confirmed: boolean): void;
    }
  | { kind: 'about'; resolve(): void }
  | ({ kind: 'files'; resolve(path: string | undefined): void } & WorkspaceFileRequest)
  | { kind: 'recent'; title: string; files: string[]; resolve(path: string | undefined): void };

/** Browser mode's file browser over the workspace folder (the host confines every path to it). */
export interface WorkspaceFileRequest {
  mode: 'open' | 'save';
  title: string;
  confirmLabel: string;
  /** Save: the file name offered in the name box. */
  suggestedName?: string;
  /** Save: appended to a typed name that lacks it (default `.cognito-design.json`). */
  extension?: string;
}

interface DialogState {
  dialog: DialogRequest | null;
  open(dialog: DialogRequest): void;
  close(): void;
}

export const useDialogs = create<DialogState>()((set) => ({
  dialog: null,
  open(dialog) {
    set({ dialog });
  },
  close() {
    set({ dialog: null });
  },
}));

export function showIssues(title: string, message: string, issues: ModelIssue[]): Promise<void> {
  return new Promise((resolve) =>
    useDialogs.getState().open({ kind: 'issues', title, message, issues, resolve }),
  );
}

export function confirm(
  title: string,
  message: string,
  confirmLabel: string,
  cancelLabel = 'Cancel',
): Promise<boolean> {
  return new Promise((resolve) =>
    useDialogs.getState().open({ kind: 'confirm', title, message, confirmLabel, cancelLabel, resolve }),
  );
}

/** Confirmation that lists details (what a deletion disconnects). */
export function confirmWithDetails(
  title: string,
  message: string,
  details: string[],
  confirmLabel: string,
): Promise<boolean> {
  return new Promise((resolve) =>
    useDialogs
      .getState()
      .open({ kind: 'confirm', title, message, details, confirmLabel, cancelLabel: 'Cancel', resolve }),
  );
}

/**
 * Picks a file of the workspace folder: resolves to its path relative to the workspace root
 * (`team/app.cognito-design.json`), or undefined when the person cancels.
 */
export function chooseWorkspaceFile(request: WorkspaceFileRequest): Promise<string | undefined> {
  return new Promise((resolve) => useDialogs.getState().open({ kind: 'files', ...request, resolve }));
}

/** Picks one of the recent designs (absolute paths), or undefined. */
export function chooseRecentFile(files: string[]): Promise<string | undefined> {
  return new Promise((resolve) =>
    useDialogs.getState().open({ kind: 'recent', title: 'Open recent design', files, resolve }),
  );
}

export function showAbout(): Promise<void> {
  return new Promise((resolve) => useDialogs.getState().open({ kind: 'about', resolve }));
}
