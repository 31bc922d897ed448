// In-app dialogs (browser mode has no native file dialogs): a promise-based API over a small
// store that the <Dialogs> component renders.

import { create } from 'zustand';
import type { ModelIssue } from '../../shared/model/types';

export type DialogRequest =
  | {
      kind: 'path';
      title: string;
      message: string;
      initial: string;
      confirmLabel: string;
      resolve(path: string | undefined): void;
    }
  | { kind: 'issues'; title: string; message: string; issues: ModelIssue[]; resolve(): void }
  | {
      kind: 'confirm';
      title: string;
      message: string;
      confirmLabel: string;
      cancelLabel: string;
      resolve(confirmed: boolean): void;
    }
  | { kind: 'about'; resolve(): void };

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

export function askForPath(
  title: string,
  message: string,
  initial: string,
  confirmLabel: string,
): Promise<string | undefined> {
  return new Promise((resolve) =>
    useDialogs.getState().open({ kind: 'path', title, message, initial, confirmLabel, resolve }),
  );
}

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

export function showAbout(): Promise<void> {
  return new Promise((resolve) => useDialogs.getState().open({ kind: 'about', resolve }));
}
