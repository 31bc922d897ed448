// Policy editor text in the undoable document: drafts (text that is not valid JSON) are undo steps
// like valid edits, never part of the design, and come back with a recovery.

import { beforeEach, describe, expect, it } from 'vitest';
import type { DesignDocument } from '../../../shared/model/types';
import { serializeDesign } from '../../../shared/model/io';
import { updateEntityCommand } from '../../../src-renderer/state/commands';
import {
  editPolicyTextCommand,
  policyDraftError,
  policyOfDraftKey,
} from '../../../src-renderer/state/policy-drafts';
import {
  createAppStore,
  hasUnsavedChanges,
  isDirty,
  policyDraftKeys,
  type AppStore,
} from '../../../src-renderer/state/store';
import type { PolicyRef } from '../../../src-renderer/state/types';
import { aDesign, aManagedPolicy, aPolicy, aRole } from '../builders/design';

const INLINE: PolicyRef = { kind: 'inline', roleId: 'reader', policyName: 'Read' };
const KEY = 'inline/reader/Read';

function example(): DesignDocument {
  return aDesign()
    .with((draft) => {
      draft.roles.push(
        aRole({ id: 'reader', name: 'Reader', inlinePolicies: [{ name: 'Read', document: aPolicy() }] }),
      );
      draft.managedPolicies.push(aManagedPolicy({ id: 'shared', name: 'Shared' }));
    })
    .build();
}

let store: AppStore;

function type(text: string, policy: PolicyRef = INLINE): void {
  store.getState().run(editPolicyTextCommand, { policy, text });
}

function inlineDocument(): unknown {
  return store.getState().design.roles[0]!.inlinePolicies[0]!.document;
}

beforeEach(() => {
  store = createAppStore();
  store.getState().loadDocument(example(), '/designs/example.cognito-design.json');
});

describe('policy drafts in the store', () => {
  it('keeps text that is not valid JSON as a draft beside the design, not in it', () => {
    const design = store.getState().design;
    type('{ "Version": "2012-10-17", ');
    expect(store.getState().policyDrafts).toEqual({ [KEY]: '{ "Version": "2012-10-17", ' });
    expect(store.getState().design).toBe(design);
    expect(serializeDesign(store.getState().design)).not.toContain('2012-10-17", ');
    // Not in the design, yet unsaved work: the title, the close prompt and the autosave see it.
    expect(isDirty(store.getState())).toBe(false);
    expect(hasUnsavedChanges(store.getState())).toBe(true);
  });

  it('valid JSON goes into the design and ends the draft in the same undo step', () => {
    type('{ "Statement": [');
    const steps = store.getState().past.length;
    type('{ "Version": "2012-10-17", "Statement": [] }');
    expect(store.getState().policyDrafts).toEqual({});
    expect(inlineDocument()).toEqual({ Version: '2012-10-17', Statement: [] });
    expect(store.getState().past).toHaveLength(steps + 1);
  });

  it('undo and redo walk through valid and draft states in order, losing nothing', () => {
    const original = inlineDocument();
    type('{ "Version": "2012-10-17", "Statement": [] }'); // valid
    type('{ "Version": "2012-10-17", "Statement": [ {'); // draft 1
    type('{ "Version": "2012-10-17", "Statement": [ { "Effect": '); // draft 2
    type('{ "Version": "2012-10-17", "Statement": [ { "Effect": "Deny" } ] }'); // valid again

    const seen = (): unknown => store.getState().policyDrafts[KEY] ?? inlineDocument();
    const states: unknown[] = [seen()];
    for (let step = 0; step < 4; step += 1) {
      store.getState().undo();
      states.push(seen());
    }
    expect(states).toEqual([
      { Version: '2012-10-17', Statement: [{ Effect: 'Deny' }] },
      '{ "Version": "2012-10-17", "Statement": [ { "Effect": ',
      '{ "Version": "2012-10-17", "Statement": [ {',
      { Version: '2012-10-17', Statement: [] },
      original,
    ]);
    expect(store.getState().policyDrafts).toEqual({});

    store.getState().redo();
    store.getState().redo();
    expect(store.getState().policyDrafts).toEqual({ [KEY]: '{ "Version": "2012-10-17", "Statement": [ {' });
    expect(inlineDocument()).toEqual({ Version: '2012-10-17', Statement: [] });
  });

  it('the same text again is no new step; a draft per policy', () => {
    type('{ oops');
    const steps = store.getState().past.length;
    type('{ oops');
    expect(store.getState().past).toHaveLength(steps);
    type('[', { kind: 'managed', policyId: 'shared' });
    expect(store.getState().policyDrafts).toEqual({ [KEY]: '{ oops', 'managed/shared': '[' });
  });

  it('keystrokes inside one interaction (one field edit) are one undo step, drafts included', () => {
    const steps = store.getState().past.length;
    store.getState().beginInteraction();
    type('{ a');
    type('{ ab');
    store.getState().endInteraction();
    expect(store.getState().past).toHaveLength(steps + 1);
    store.getState().undo();
    expect(store.getState().policyDrafts).toEqual({});
  });

  it('a read-only policy (a generated trust policy) takes no text', () => {
    const before = store.getState();
    type('{ broken', { kind: 'trust', roleId: 'reader' });
    expect(store.getState().policyDrafts).toBe(before.policyDrafts);
    expect(store.getState().past).toHaveLength(before.past.length);
  });

  it('a design edit elsewhere keeps the drafts; undoing it keeps them too', () => {
    type('{ draft');
    store.getState().run(updateEntityCommand, { kind: 'role', id: 'reader', patch: { name: 'Viewer' } });
    expect(store.getState().policyDrafts).toEqual({ [KEY]: '{ draft' });
    store.getState().undo();
    expect(store.getState().policyDrafts).toEqual({ [KEY]: '{ draft' });
  });

  it('opening a design replaces the drafts; a recovery brings its drafts back', () => {
    type('{ draft');
    store.getState().loadDocument(example(), undefined);
    expect(store.getState().policyDrafts).toEqual({});
    store.getState().loadDocument(example(), undefined, { dirty: true, policyDrafts: { [KEY]: '{ again' } });
    expect(store.getState().policyDrafts).toEqual({ [KEY]: '{ again' });
    expect(store.getState().past).toEqual([]);
  });
});

describe('draft errors and keys', () => {
  it('names the JSON error with its line, or that a policy is an object', () => {
    expect(policyDraftError('{\n  "Version": "2012-10-17",\n')).toMatch(/\(line 3\)$/);
    expect(policyDraftError('[]')).toBe('a policy must be a JSON object');
    expect(policyDraftError('{ "Version": "2012-10-17" }')).toBeUndefined();
  });

  it('finds the editable policy a recovered draft belongs to', () => {
    const design = example();
    expect(policyOfDraftKey(design, KEY)).toEqual(INLINE);
    expect(policyOfDraftKey(design, 'managed/shared')).toEqual({ kind: 'managed', policyId: 'shared' });
    expect(policyOfDraftKey(design, 'trust/reader')).toEqual({ kind: 'trust', roleId: 'reader' });
    expect(policyOfDraftKey(design, 'inline/reader/Gone')).toBeUndefined();
  });
});

describe('drafts that count', () => {
  it('a draft of a deleted policy, or of a trust policy set back to generated, is set aside; undo brings it back', () => {
    type('{ inline');
    type('{ trust', { kind: 'trust', roleId: 'reader' });
    expect(store.getState().policyDrafts).toEqual({ [KEY]: '{ inline' });
    store.getState().run(updateEntityCommand, {
      kind: 'role',
      id: 'reader',
      patch: { trustPolicy: { mode: 'custom', document: aPolicy() } },
    });
    type('{ trust', { kind: 'trust', roleId: 'reader' });
    expect(policyDraftKeys(store.getState()).sort()).toEqual([KEY, 'trust/reader']);

    store.getState().run(updateEntityCommand, {
      kind: 'role',
      id: 'reader',
      patch: {
        trustPolicy: { mode: 'generated' },
        inlinePolicies: [],
      },
    });
    expect(policyDraftKeys(store.getState())).toEqual([]);
    expect(hasUnsavedChanges(store.getState())).toBe(true); // the deletion itself
    store.getState().undo();
    expect(policyDraftKeys(store.getState()).sort()).toEqual([KEY, 'trust/reader']);
  });

  it('a policy renamed in place keeps its draft and stays open in the editor under its new name; undo takes both back', () => {
    store.getState().setUi({ policyEditor: { policy: INLINE } });
    type('{ inline');
    for (const name of ['Rea', 'ReadAll']) {
      store.getState().run(updateEntityCommand, {
        kind: 'role',
        id: 'reader',
        patch: { inlinePolicies: [{ name, document: aPolicy() }] },
      });
    }
    expect(store.getState().policyDrafts).toEqual({ 'inline/reader/ReadAll': '{ inline' });
    expect(policyDraftKeys(store.getState())).toEqual(['inline/reader/ReadAll']);
    expect(store.getState().ui.policyEditor?.policy).toEqual({ ...INLINE, policyName: 'ReadAll' });
    store.getState().undo();
    store.getState().undo();
    expect(store.getState().policyDrafts).toEqual({ [KEY]: '{ inline' });
    expect(policyDraftKeys(store.getState())).toEqual([KEY]);
  });
});
