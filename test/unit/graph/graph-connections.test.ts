import { describe, expect, it } from 'vitest';
import { clientHandle, groupHandle, HANDLES } from '../../../shared/model/graph';
import { checkConnection, type ConnectionCheck } from '../../../shared/model/graph-connections';
import type { DesignDocument } from '../../../shared/model/types';
import {
  aClient,
  aDesign,
  aGroup,
  aManagedPolicy,
  anIdentityPool,
  aProvider,
  aRole,
  aRoleMapping,
  aRule,
  aUserPool,
} from '../builders/design';

function design(): DesignDocument {
  return aDesign()
    .with((draft) => {
      draft.providers.push(
        aProvider('saml', { id: 'saml', name: 'Okta' }),
        aProvider('twitter', { id: 'twitter' }),
        aProvider('developer', { id: 'dev1' }),
        aProvider('developer', { id: 'dev2' }),
      );
      draft.userPools.push(
        aUserPool({
          id: 'users',
          clients: [aClient({ id: 'web', name: 'web' }), aClient({ id: 'ops', name: 'ops' })],
          groups: [aGroup('admins')],
        }),
        aUserPool({ id: 'single', clients: [aClient({ id: 'only' })] }),
        aUserPool({ id: 'empty', clients: [] }),
      );
      draft.identityPools.push(anIdentityPool({ id: 'ids', name: 'Ids' }));
      draft.roles.push(aRole({ id: 'role', name: 'Reader' }));
      draft.managedPolicies.push(aManagedPolicy({ id: 'policy', name: 'Data' }));
    })
    .build();
}

function reason(check: ConnectionCheck): string {
  if (check.ok) throw new Error(`expected a refusal, got ${JSON.stringify(check.edit)}`);
  return check.reason;
}

describe('checkConnection: allowed connections become model edits', () => {
  it('provider → user pool federates it', () => {
    expect(
      checkConnection(design(), { source: 'saml', sourceHandle: HANDLES.providerOut, target: 'users' }),
    ).toEqual({ ok: true, edit: { type: 'federate', providerId: 'saml', userPoolId: 'users' } });
  });

  it('provider → identity pool accepts the provider', () => {
    expect(checkConnection(design(), { source: 'saml', target: 'ids' })).toEqual({
      ok: true,
      edit: { type: 'accept', identityPoolId: 'ids', provider: { type: 'provider', providerId: 'saml' } },
    });
  });

  it('an app client row → identity pool accepts that client', () => {
    expect(
      checkConnection(design(), { source: 'users', sourceHandle: clientHandle('ops'), target: 'ids' }),
    ).toEqual({
      ok: true,
      edit: {
        type: 'accept',
        identityPoolId: 'ids',
        provider: { type: 'userPoolClient', userPoolId: 'users', clientId: 'ops' },
      },
    });
  });

  it('a user pool with exactly one client may be dragged as a whole', () => {
    const check = checkConnection(design(), { source: 'single', sourceHandle: null, target: 'ids' });
    expect(check).toEqual({
      ok: true,
      edit: {
        type: 'accept',
        identityPoolId: 'ids',
        provider: { type: 'userPoolClient', userPoolId: 'single', clientId: 'only' },
      },
    });
  });

  it('identity pool handles choose authenticated role, guest role or a new rule', () => {
    const base = design();
    expect(
      checkConnection(base, {
        source: 'ids',
        sourceHandle: HANDLES.identityPoolAuthenticated,
        target: 'role',
      }),
    ).toEqual({
      ok: true,
      edit: { type: 'setDefaultRole', identityPoolId: 'ids', which: 'authenticated', roleId: 'role' },
    });
    expect(
      checkConnection(base, { source: 'ids', sourceHandle: HANDLES.identityPoolGuest, target: 'role' }),
    ).toEqual({
      ok: true,
      edit: { type: 'setDefaultRole', identityPoolId: 'ids', which: 'unauthenticated', roleId: 'role' },
    });
    base.identityPools[0]!.acceptedProviders.push({ type: 'provider', providerId: 'saml' });
    expect(
      checkConnection(base, { source: 'ids', sourceHandle: HANDLES.identityPoolRules, target: 'role' }),
    ).toEqual({
      ok: true,
      edit: {
        type: 'addRule',
        identityPoolId: 'ids',
        roleId: 'role',
        newMappingFor: { type: 'provider', providerId: 'saml' },
      },
    });
    base.identityPools[0]!.roleMappings.push(
      aRoleMapping({ type: 'provider', providerId: 'saml' }, { id: 'm', type: 'Rules' }),
    );
    expect(
      checkConnection(base, { source: 'ids', sourceHandle: HANDLES.identityPoolRules, target: 'role' }),
    ).toEqual({ ok: true, edit: { type: 'addRule', identityPoolId: 'ids', roleId: 'role', mappingId: 'm' } });
  });

  it('a group row → role gives the group that role; role → managed policy attaches it', () => {
    expect(
      checkConnection(design(), { source: 'users', sourceHandle: groupHandle('admins'), target: 'role' }),
    ).toEqual({
      ok: true,
      edit: { type: 'setGroupRole', userPoolId: 'users', groupName: 'admins', roleId: 'role' },
    });
    expect(
      checkConnection(design(), { source: 'role', sourceHandle: HANDLES.rolePolicies, target: 'policy' }),
    ).toEqual({ ok: true, edit: { type: 'attachPolicy', roleId: 'role', policyId: 'policy' } });
  });
});

describe('checkConnection: refusals say why', () => {
  it('a role cannot accept logins', () => {
    expect(
      reason(
        checkConnection(design(), {
          source: 'role',
          sourceHandle: HANDLES.rolePolicies,
          target: 'ids',
          targetHandle: HANDLES.identityPoolLogins,
        }),
      ),
    ).toBe('A role cannot accept logins; connect a provider to an identity pool, then the pool to the role.');
  });

  it('nothing connects into a provider, and nothing to itself', () => {
    expect(reason(checkConnection(design(), { source: 'ids', target: 'saml' }))).toMatch(
      /provider has no inputs/,
    );
    expect(reason(checkConnection(design(), { source: 'ids', target: 'ids' }))).toMatch(/itself/);
  });

  // User pools federate SAML, OIDC, Google, Facebook, Amazon and Apple; not Twitter or developer providers.
  it('twitter and developer providers cannot be federated into a user pool', () => {
    expect(reason(checkConnection(design(), { source: 'twitter', target: 'users' }))).toMatch(
      /cannot federate Twitter/,
    );
    expect(reason(checkConnection(design(), { source: 'dev1', target: 'users' }))).toMatch(
      /developer provider/,
    );
  });

  it('an identity pool accepts one developer provider and each provider once', () => {
    const base = design();
    base.identityPools[0]!.acceptedProviders.push(
      { type: 'provider', providerId: 'dev1' },
      { type: 'provider', providerId: 'saml' },
    );
    expect(reason(checkConnection(base, { source: 'dev2', target: 'ids' }))).toMatch(
      /only one developer provider/,
    );
    expect(reason(checkConnection(base, { source: 'saml', target: 'ids' }))).toBe(
      'Ids already accepts Okta.',
    );
  });

  it('a user pool with several clients must be dragged from a client row; one without clients cannot be accepted', () => {
    expect(reason(checkConnection(design(), { source: 'users', target: 'ids' }))).toMatch(
      /several app clients/,
    );
    expect(reason(checkConnection(design(), { source: 'empty', target: 'ids' }))).toMatch(
      /Add an app client/,
    );
  });

  it('rules need an accepted provider and respect the 400-rule maximum', () => {
    const base = design();
    expect(
      reason(
        checkConnection(base, { source: 'ids', sourceHandle: HANDLES.identityPoolRules, target: 'role' }),
      ),
    ).toMatch(/connect a provider to this identity pool first/);
    base.identityPools[0]!.acceptedProviders.push({ type: 'provider', providerId: 'saml' });
    base.identityPools[0]!.roleMappings.push(
      aRoleMapping(
        { type: 'provider', providerId: 'saml' },
        { type: 'Rules', rules: Array.from({ length: 400 }, () => aRule('role')) },
      ),
    );
    expect(
      reason(
        checkConnection(base, { source: 'ids', sourceHandle: HANDLES.identityPoolRules, target: 'role' }),
      ),
    ).toMatch(/at most 400 rules/);
  });

  it('an identity pool only connects to roles; a provider does not connect to a role', () => {
    expect(reason(checkConnection(design(), { source: 'ids', target: 'policy' }))).toMatch(/hands out roles/);
    expect(reason(checkConnection(design(), { source: 'saml', target: 'role' }))).toMatch(
      /does not assume roles directly/,
    );
  });

  it('an attached policy is not attached twice', () => {
    const base = design();
    base.roles[0]!.managedPolicyArns.push('arn:aws:iam::111122223333:policy/Data');
    expect(reason(checkConnection(base, { source: 'role', target: 'policy' }))).toBe(
      'Data is already attached to Reader.',
    );
  });
});
