import { beforeEach, describe, expect, it } from 'vitest';
import { HANDLES } from '../../../shared/model/graph';
import {
  addEntityCommand,
  attachFindingsCommand,
  connectCommand,
  copyCommand,
  deleteSelectionCommand,
  moveNodesCommand,
  moveRuleCommand,
  pasteCommand,
  removeRuleCommand,
  toggleMinimapCommand,
  updateEntityCommand,
  updateRuleCommand,
} from '../../../src-renderer/state/commands';
import { createAppStore, isDirty, type AppStore } from '../../../src-renderer/state/store';
import type { DesignDocument } from '../../../shared/model/types';
import {
  aClient,
  aDesign,
  aGroup,
  anIdentityPool,
  aProvider,
  aRole,
  aRoleMapping,
  aRule,
  aUserPool,
} from '../builders/design';

function example(): DesignDocument {
  return aDesign()
    .with((draft) => {
      draft.providers.push(aProvider('saml', { id: 'saml', name: 'Okta' }));
      draft.userPools.push(
        aUserPool({
          id: 'users',
          clients: [aClient({ id: 'web' })],
          groups: [aGroup('admins', { roleId: 'admin' })],
        }),
      );
      draft.roles.push(aRole({ id: 'admin', name: 'Admin' }), aRole({ id: 'reader', name: 'Reader' }));
      draft.identityPools.push(
        anIdentityPool({
          id: 'ids',
          acceptedProviders: [{ type: 'provider', providerId: 'saml' }],
          authenticatedRoleId: 'reader',
          roleMappings: [
            aRoleMapping(
              { type: 'provider', providerId: 'saml' },
              {
                id: 'm',
                type: 'Rules',
                rules: [
                  aRule('admin', { id: 'r1', value: 'a' }),
                  aRule('reader', { id: 'r2', value: 'b' }),
                  aRule('admin', { id: 'r3', value: 'c' }),
                ],
              },
            ),
          ],
        }),
      );
    })
    .withPosition('saml', 0, 0)
    .build();
}

let store: AppStore;

function ruleOrder(): string[] {
  return store.getState().design.identityPools[0]!.roleMappings[0]!.rules.map((rule) => rule.id);
}

beforeEach(() => {
  store = createAppStore();
  store.getState().loadDocument(example(), '/designs/example.cognito-design.json');
});

describe('commands and undo history', () => {
  it('a new document is clean, an edit makes it dirty, undoing it makes it clean again', () => {
    expect(isDirty(store.getState())).toBe(false);
    store
      .getState()
      .run(updateEntityCommand, { kind: 'role', id: 'admin', patch: { name: 'Administrator' } });
    expect(store.getState().design.roles[0]!.name).toBe('Administrator');
    expect(isDirty(store.getState())).toBe(true);
    store.getState().undo();
    expect(store.getState().design.roles[0]!.name).toBe('Admin');
    expect(isDirty(store.getState())).toBe(false);
    store.getState().redo();
    expect(store.getState().design.roles[0]!.name).toBe('Administrator');
  });

  it('adding a node selects it and puts it where asked; undo removes it', () => {
    store.getState().run(addEntityCommand, {
      entity: { kind: 'provider', providerKind: 'saml' },
      position: { x: 100, y: 200 },
    });
    const state = store.getState();
    const added = state.design.providers.at(-1)!;
    expect(added.kind).toBe('saml');
    expect(added.providerKey).toMatch(/^arn:aws:iam::111122223333:saml-provider\//);
    expect(state.selection.nodes).toEqual([added.id]);
    expect(state.design.layout.positions[added.id]).toEqual({ x: 100, y: 200 });
    state.undo();
    expect(store.getState().design.providers.map((provider) => provider.id)).toEqual(['saml']);
  });

  it('a new edit after undo drops the redo branch', () => {
    store.getState().run(updateEntityCommand, { kind: 'role', id: 'admin', patch: { name: 'One' } });
    store.getState().undo();
    store.getState().run(updateEntityCommand, { kind: 'role', id: 'admin', patch: { name: 'Two' } });
    expect(store.getState().future).toHaveLength(0);
    store.getState().redo();
    expect(store.getState().design.roles[0]!.name).toBe('Two');
  });

  it('commands that do not record history leave it alone', () => {
    store.getState().run(toggleMinimapCommand, undefined);
    expect(store.getState().ui.minimap).toBe(false);
    expect(store.getState().past).toHaveLength(0);
  });

  it('a whole drag is one undo step', () => {
    store.getState().beginInteraction();
    for (let x = 1; x <= 5; x += 1) store.getState().run(moveNodesCommand, { saml: { x: x * 10, y: 0 } });
    store.getState().endInteraction();
    expect(store.getState().past).toHaveLength(1);
    store.getState().undo();
    expect(store.getState().design.layout.positions.saml).toEqual({ x: 0, y: 0 });
  });

  it('filling missing positions changes neither history nor the dirty marker', () => {
    store.getState().fillPositions({ ids: { x: 5, y: 5 }, saml: { x: 99, y: 99 } });
    expect(store.getState().design.layout.positions).toMatchObject({
      ids: { x: 5, y: 5 },
      saml: { x: 0, y: 0 },
    });
    expect(isDirty(store.getState())).toBe(false);
    expect(store.getState().past).toHaveLength(0);
  });
});

describe('connections', () => {
  it('an allowed connection edits the model; a refused one changes nothing', () => {
    store
      .getState()
      .run(connectCommand, { source: 'ids', sourceHandle: HANDLES.identityPoolGuest, target: 'admin' });
    expect(store.getState().design.identityPools[0]!.unauthenticatedRoleId).toBe('admin');
    const before = store.getState().design;
    store
      .getState()
      .run(connectCommand, { source: 'admin', sourceHandle: HANDLES.rolePolicies, target: 'ids' });
    expect(store.getState().design).toBe(before);
    expect(store.getState().past).toHaveLength(1);
  });

  it('connecting the rules handle appends a rule to the mapping and focuses it', () => {
    store
      .getState()
      .run(connectCommand, { source: 'ids', sourceHandle: HANDLES.identityPoolRules, target: 'reader' });
    const rules = store.getState().design.identityPools[0]!.roleMappings[0]!.rules;
    expect(rules).toHaveLength(4);
    expect(rules[3]!.roleId).toBe('reader');
    expect(store.getState().ui.focusedRuleId).toBe(rules[3]!.id);
  });
});

describe('rule editing', () => {
  it('moves a rule to a new position and undoes the move', () => {
    store.getState().run(moveRuleCommand, { poolId: 'ids', mappingId: 'm', ruleId: 'r3', toIndex: 0 });
    expect(ruleOrder()).toEqual(['r3', 'r1', 'r2']);
    store.getState().undo();
    expect(ruleOrder()).toEqual(['r1', 'r2', 'r3']);
  });

  it('moving the first rule up is a no-op that records nothing', () => {
    store.getState().run(moveRuleCommand, { poolId: 'ids', mappingId: 'm', ruleId: 'r1', toIndex: -1 });
    expect(ruleOrder()).toEqual(['r1', 'r2', 'r3']);
    expect(store.getState().past).toHaveLength(0);
  });

  it('edits and deletes a rule', () => {
    store.getState().run(updateRuleCommand, {
      poolId: 'ids',
      mappingId: 'm',
      ruleId: 'r2',
      patch: { claim: 'custom:tenant', matchType: 'StartsWith', value: 't-' },
    });
    expect(store.getState().design.identityPools[0]!.roleMappings[0]!.rules[1]).toMatchObject({
      claim: 'custom:tenant',
      matchType: 'StartsWith',
      value: 't-',
      roleId: 'reader',
    });
    store.getState().run(removeRuleCommand, { poolId: 'ids', mappingId: 'm', ruleId: 'r2' });
    expect(ruleOrder()).toEqual(['r1', 'r3']);
  });
});

describe('delete', () => {
  it('deleting a role removes every reference to it', () => {
    store.getState().setSelection({ nodes: ['admin'], edges: [] });
    store.getState().run(deleteSelectionCommand, undefined);
    const design = store.getState().design;
    expect(design.roles.map((role) => role.id)).toEqual(['reader']);
    expect(design.identityPools[0]!.roleMappings[0]!.rules.map((rule) => rule.id)).toEqual(['r2']);
    expect(design.userPools[0]!.groups[0]).toEqual({ name: 'admins' });
  });

  it('deleting a provider removes its acceptance and its role mapping', () => {
    store.getState().setSelection({ nodes: ['saml'], edges: [] });
    store.getState().run(deleteSelectionCommand, undefined);
    const pool = store.getState().design.identityPools[0]!;
    expect(pool.acceptedProviders).toEqual([]);
    expect(pool.roleMappings).toEqual([]);
    expect(store.getState().design.layout.positions.saml).toBeUndefined();
  });

  it('deleting an edge removes only that relation', () => {
    store
      .getState()
      .setSelection({ nodes: [], edges: ['authenticatedRole:ids->reader', 'ruleRole:ids/m/r1'] });
    store.getState().run(deleteSelectionCommand, undefined);
    const design = store.getState().design;
    expect(design.identityPools[0]!.authenticatedRoleId).toBeUndefined();
    expect(ruleOrder()).toEqual(['r2', 'r3']);
    expect(design.roles).toHaveLength(2);
  });
});

describe('copy and paste', () => {
  it('pastes fresh copies whose references follow the copies, with unique names, and selects them', () => {
    store.getState().setSelection({ nodes: ['ids', 'admin'], edges: [] });
    store.getState().run(copyCommand, undefined);
    store.getState().run(pasteCommand, undefined);
    const state = store.getState();
    expect(state.design.identityPools).toHaveLength(2);
    expect(state.design.roles).toHaveLength(3);
    const pool = state.design.identityPools[1]!;
    const roleCopy = state.design.roles[2]!;
    expect(roleCopy.name).toBe('AdminCopy');
    expect(roleCopy.id).not.toBe('admin');
    expect(pool.id).not.toBe('ids');
    expect(pool.poolId).not.toBe(state.design.identityPools[0]!.poolId);
    // The copied rule role follows the copy; the reader role was not copied and stays shared.
    expect(pool.roleMappings[0]!.rules.map((rule) => rule.roleId)).toEqual([
      roleCopy.id,
      'reader',
      roleCopy.id,
    ]);
    expect(pool.authenticatedRoleId).toBe('reader');
    expect(pool.acceptedProviders).toEqual([{ type: 'provider', providerId: 'saml' }]);
    expect(new Set(state.selection.nodes)).toEqual(new Set([pool.id, roleCopy.id]));
  });
});

describe('findings badges', () => {
  it('attach to entities by id without entering history or making the document dirty', () => {
    const finding = {
      id: 'COG-X:role/admin',
      checkId: 'x',
      severity: 'high',
      title: 'Something to fix',
      entity: { kind: 'role', id: 'admin', name: 'Admin' },
      rationale: 'Because.',
      fix: 'Fix it.',
    } as const;
    store.getState().run(attachFindingsCommand, [finding, { ...finding, id: 'COG-X:role/admin@2' }]);
    expect(store.getState().ui.findings).toEqual({ admin: { count: 2, severity: 'high' } });
    expect(store.getState().past).toHaveLength(0);
    expect(isDirty(store.getState())).toBe(false);
  });
});
