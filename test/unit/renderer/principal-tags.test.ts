// Principal tags are edited once per identity provider: AWS keys the map by the provider name of
// the Logins map, which for a user pool is the pool, not an app client
// (https://docs.aws.amazon.com/cognitoidentity/latest/APIReference/API_SetPrincipalTagAttributeMap.html).

import { beforeEach, describe, expect, it } from 'vitest';
import type { DesignDocument, PrincipalTagMapping, ProviderRef } from '../../../shared/model/types';
import { validateDesign } from '../../../shared/model/validate';
import { setPrincipalTagsCommand } from '../../../src-renderer/state/commands';
import { principalTagGroups } from '../../../src-renderer/state/edits/principal-tags';
import { createAppStore, isDirty, type AppStore } from '../../../src-renderer/state/store';
import { aClient, aDesign, anIdentityPool, aProvider, aUserPool } from '../builders/design';

const web: ProviderRef = { type: 'userPoolClient', userPoolId: 'tenants', clientId: 'web' };
const ops: ProviderRef = { type: 'userPoolClient', userPoolId: 'tenants', clientId: 'ops' };
const partner: ProviderRef = { type: 'userPoolClient', userPoolId: 'partners', clientId: 'portal' };
const google: ProviderRef = { type: 'provider', providerId: 'google' };

function design(principalTags: PrincipalTagMapping[]): DesignDocument {
  return aDesign()
    .with((draft) => {
      draft.providers.push(aProvider('google', { id: 'google', name: 'Google' }));
      draft.userPools.push(
        aUserPool({
          id: 'tenants',
          poolId: 'us-east-1_Tenants1',
          name: 'tenants',
          clients: [aClient({ id: 'web', name: 'web-app' }), aClient({ id: 'ops', name: 'ops-console' })],
        }),
        aUserPool({
          id: 'partners',
          poolId: 'us-east-1_Partner1',
          name: 'partners',
          clients: [aClient({ id: 'portal', name: 'portal' })],
        }),
      );
      draft.identityPools.push(
        anIdentityPool({ id: 'ids', acceptedProviders: [web, ops, partner, google], principalTags }),
      );
    })
    .build();
}

let store: AppStore;

function tags(): PrincipalTagMapping[] {
  return store.getState().design.identityPools[0]!.principalTags;
}

function conflicts(): string[] {
  return validateDesign(store.getState().design)
    .filter((issue) => issue.code === 'principal-tag-conflict')
    .map((issue) => issue.path);
}

beforeEach(() => {
  store = createAppStore();
  store.getState().loadDocument(
    design([
      { provider: web, useDefaults: false, tags: { tenant: 'custom:tenant' } },
      { provider: ops, useDefaults: false, tags: { tenant: 'custom:tenant' } },
    ]),
    '/designs/tags.cognito-design.json',
  );
});

describe('principal-tag groups', () => {
  it('shows one group per user pool, listing its accepted clients, and one per other provider', () => {
    const groups = principalTagGroups(store.getState().design, store.getState().design.identityPools[0]!);
    expect(groups.map((group) => group.providerName)).toEqual([
      'cognito-idp.us-east-1.amazonaws.com/us-east-1_Tenants1',
      'cognito-idp.us-east-1.amazonaws.com/us-east-1_Partner1',
      'accounts.google.com',
    ]);
    expect(groups[0]!.refs).toEqual([web, ops]);
    expect(groups[0]!.indexes).toEqual([0, 1]);
    expect(groups[0]!.mapping?.tags).toEqual({ tenant: 'custom:tenant' });
    expect(groups[1]!.mapping).toBeUndefined();
  });

  it('flags a user pool whose clients carry different maps', () => {
    const conflicting = design([
      { provider: web, useDefaults: false, tags: { tenant: 'custom:tenant' } },
      { provider: ops, useDefaults: true, tags: {} },
    ]);
    const [group] = principalTagGroups(conflicting, conflicting.identityPools[0]!);
    expect(group!.conflicting).toBe(true);
  });
});

describe('setPrincipalTagsCommand', () => {
  it('writes the same map to the entry of every client of the user pool, as one undo step', () => {
    const map = { useDefaults: true, tags: { tenant: 'custom:tenant', department: 'custom:department' } };
    store.getState().run(setPrincipalTagsCommand, { poolId: 'ids', provider: ops, map });
    expect(tags()).toEqual([
      { provider: web, ...map },
      { provider: ops, ...map },
    ]);
    expect(tags()[0]!.tags).not.toBe(tags()[1]!.tags);
    expect(conflicts()).toEqual([]);
    expect(store.getState().past).toHaveLength(1);
    expect(isDirty(store.getState())).toBe(true);

    store.getState().undo();
    expect(tags().map((entry) => entry.tags)).toEqual([
      { tenant: 'custom:tenant' },
      { tenant: 'custom:tenant' },
    ]);
    expect(isDirty(store.getState())).toBe(false);
  });

  it('resolves a conflict: both clients end up with the edited map', () => {
    store.getState().loadDocument(
      design([
        { provider: web, useDefaults: false, tags: { tenant: 'custom:tenant' } },
        { provider: ops, useDefaults: true, tags: {} },
      ]),
      undefined,
    );
    expect(conflicts()).toHaveLength(1);
    store.getState().run(setPrincipalTagsCommand, {
      poolId: 'ids',
      provider: web,
      map: { useDefaults: false, tags: { org: 'custom:org' } },
    });
    expect(tags().map((entry) => [entry.provider, entry.useDefaults, entry.tags])).toEqual([
      [web, false, { org: 'custom:org' }],
      [ops, false, { org: 'custom:org' }],
    ]);
    expect(conflicts()).toEqual([]);
  });

  it('adds an entry for each accepted client of a pool that had no map, and none for other providers', () => {
    store.getState().run(setPrincipalTagsCommand, {
      poolId: 'ids',
      provider: partner,
      map: { useDefaults: true, tags: {} },
    });
    expect(tags()).toHaveLength(3);
    expect(tags()[2]).toEqual({ provider: partner, useDefaults: true, tags: {} });
  });

  it('keeps a social provider to its own entry', () => {
    store.getState().run(setPrincipalTagsCommand, {
      poolId: 'ids',
      provider: google,
      map: { useDefaults: false, tags: { hd: 'hd' } },
    });
    expect(tags()).toHaveLength(3);
    expect(tags()[2]).toEqual({ provider: google, useDefaults: false, tags: { hd: 'hd' } });
    expect(tags()[0]!.tags).toEqual({ tenant: 'custom:tenant' });
  });

  it('turning the map off removes the entries of every client of the pool and only those', () => {
    store.getState().run(setPrincipalTagsCommand, {
      poolId: 'ids',
      provider: google,
      map: { useDefaults: true, tags: {} },
    });
    store.getState().run(setPrincipalTagsCommand, { poolId: 'ids', provider: web, map: undefined });
    expect(tags()).toEqual([{ provider: google, useDefaults: true, tags: {} }]);
    expect(store.getState().past).toHaveLength(2);
  });

  it('an unknown identity pool changes nothing and records nothing', () => {
    const before = store.getState().design;
    store.getState().run(setPrincipalTagsCommand, { poolId: 'missing', provider: web, map: undefined });
    expect(store.getState().design).toBe(before);
    expect(store.getState().past).toHaveLength(0);
  });
});
