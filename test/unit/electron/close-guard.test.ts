import { describe, expect, it } from 'vitest';
import { createCloseGuard, type CloseChoice } from '../../../src-main/electron/close-guard';

function setUp(choice: CloseChoice) {
  const log: string[] = [];
  const guard = createCloseGuard({
    confirmClose: async (title) => {
      log.push(`ask:${title}`);
      return choice;
    },
    requestSave: () => log.push('save'),
    closeWindow: () => log.push('close'),
  });
  function tryClose(): boolean {
    let prevented = false;
    guard.onWindowClose({ preventDefault: () => (prevented = true) });
    return prevented;
  }
  return { guard, log, tryClose };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('unsaved-changes prompt', () => {
  it('closes a clean document without asking', () => {
    const { guard, log, tryClose } = setUp('cancel');
    guard.setDocumentState({ title: 'A', dirty: false });
    expect(tryClose()).toBe(false);
    expect(log).toEqual([]);
  });

  it('keeps the window open when the person cancels', async () => {
    const { guard, log, tryClose } = setUp('cancel');
    guard.setDocumentState({ title: 'Photo sharing', dirty: true });
    expect(tryClose()).toBe(true);
    await settle();
    expect(log).toEqual(['ask:Photo sharing']);
  });

  it("closes without saving on Don't Save", async () => {
    const { guard, log, tryClose } = setUp('discard');
    guard.setDocumentState({ title: 'A', dirty: true });
    expect(tryClose()).toBe(true);
    await settle();
    expect(log).toEqual(['ask:A', 'close']);
    expect(tryClose()).toBe(false);
  });

  it('saves first and closes once the document is clean', async () => {
    const { guard, log, tryClose } = setUp('save');
    guard.setDocumentState({ title: 'A', dirty: true });
    tryClose();
    await settle();
    expect(log).toEqual(['ask:A', 'save']);
    guard.setDocumentState({ title: 'A', dirty: false });
    expect(log).toEqual(['ask:A', 'save', 'close']);
  });

  it('does not close later by surprise when that save was abandoned', async () => {
    const { guard, log, tryClose } = setUp('save');
    guard.setDocumentState({ title: 'A', dirty: true });
    tryClose();
    await settle();
    guard.onSaveAbandoned();
    guard.setDocumentState({ title: 'A', dirty: false });
    expect(log).toEqual(['ask:A', 'save']);
  });
});
