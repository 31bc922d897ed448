// The unsaved-changes prompt on close. The renderer reports the document state (setDocumentState);
// closing a window with unsaved changes asks Save / Don't Save / Cancel. "Save" asks the renderer
// to save and closes once it reports a clean document.

export type CloseChoice = 'save' | 'discard' | 'cancel';

export interface CloseGuardDependencies {
  confirmClose(title: string): Promise<CloseChoice>;
  requestSave(): void;
  /** Closes the window again; the guard lets this second close through. */
  closeWindow(): void;
}

export interface CloseGuard {
  setDocumentState(state: { title: string; dirty: boolean }): void;
  /** Call from the window's `close` event. */
  onWindowClose(event: { preventDefault(): void }): void;
  /** A save that did not happen (canceled dialog, error) drops a pending close. */
  onSaveAbandoned(): void;
}

export function createCloseGuard(dependencies: CloseGuardDependencies): CloseGuard {
  let dirty = false;
  let title = '';
  let closeApproved = false;
  let closeAfterSave = false;
  let prompting = false;

  function closeNow(): void {
    closeApproved = true;
    dependencies.closeWindow();
  }

  return {
    setDocumentState(state) {
      dirty = state.dirty;
      title = state.title;
      if (!dirty && closeAfterSave) closeNow();
    },
    onWindowClose(event) {
      if (closeApproved || !dirty) return;
      event.preventDefault();
      if (prompting) return;
      prompting = true;
      closeAfterSave = false;
      void dependencies
        .confirmClose(title)
        .then((choice) => {
          if (choice === 'discard') closeNow();
          if (choice === 'save') {
            closeAfterSave = true;
            dependencies.requestSave();
          }
        })
        .finally(() => {
          prompting = false;
        });
    },
    onSaveAbandoned() {
      closeAfterSave = false;
    },
  };
}
