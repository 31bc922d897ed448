// A small design touching every entity and reference kind, with no issues, and the helpers the
// validation tests use to break it one rule at a time.

import { expect } from 'vitest';
import { validateDesign } from '../../../shared/model/validate';
import type { DesignDocument } from '../../../shared/model/types';
import { aClient, aDesign, aGroup, aPolicy, aRoleMapping, aRule, aUser } from '../builders/design';

export const CLIENT = { type: 'userPoolClient', userPoolId: 'pool', clientId: 'web' } as const;

/** A small design that touches every entity and reference kind; it has no issues. */
export function goodDesign(): DesignDocument {
  return aDesign()
    .withProvider('google', { id: 'google' })
    .withProvider('saml', { id: 'saml', providerKey: 'arn:aws:iam::111122223333:saml-provider/Corp' })
    .withProvider('oidc', { id: 'oidc', providerKey: 'login.example.com/tenant/v2.0' })
    .withUserPool({
      id: 'pool',
      poolId: 'us-east-1_AbC123',
      clients: [
        aClient({ id: 'web', clientId: 'webclient123', writeAttributes: ['email', 'custom:tenant'] }),
      ],
      groups: [aGroup('admins', { precedence: 0, roleId: 'admin' }), aGroup('users')],
      attributes: [
        { name: 'email', custom: false, mutable: true, dataType: 'String' },
        { name: 'custom:tenant', custom: true, mutable: false, dataType: 'String' },
      ],
      federatedProviderIds: ['saml', 'oidc'],
      users: [
        aUser('alice', { groups: ['admins'], attributes: { email: 'a@example.com', 'custom:tenant': 't1' } }),
      ],
    })
    .withIdentityPool({
      id: 'ipool',
      poolId: 'us-east-1:0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d',
      allowUnauthenticated: true,
      acceptedProviders: [CLIENT, { type: 'provider', providerId: 'google' }],
      authenticatedRoleId: 'user',
      unauthenticatedRoleId: 'guest',
      roleMappings: [
        aRoleMapping(CLIENT, {
          id: 'mapping',
          type: 'Rules',
          ambiguousRoleResolution: 'Deny',
          rules: [
            aRule('admin', { id: 'rule-1' }),
            aRule('user', { id: 'rule-2', claim: 'custom:tenant', matchType: 'StartsWith', value: 't' }),
          ],
        }),
      ],
      principalTags: [{ provider: CLIENT, useDefaults: false, tags: { tenant: 'custom:tenant' } }],
    })
    .withRole({
      id: 'admin',
      name: 'Admin',
      managedPolicyArns: [
        'arn:aws:iam::111122223333:policy/app/Shared',
        'arn:aws:iam::aws:policy/ReadOnlyAccess',
      ],
    })
    .withRole({ id: 'user', name: 'User', inlinePolicies: [{ name: 'Read', document: aPolicy() }] })
    .withRole({ id: 'guest', name: 'Guest', tags: { team: 'web' } })
    .withManagedPolicy({ id: 'shared', name: 'Shared', path: '/app/' })
    .withPersona('ipool', {
      id: 'alice',
      login: { type: 'userPool', userPoolId: 'pool', clientId: 'web', username: 'alice' },
    })
    .withPersona('ipool', {
      id: 'googler',
      login: { type: 'provider', providerId: 'google', claims: { sub: '1' } },
    })
    .withPosition('ipool', 10, 20)
    .build();
}

export function broken(edit: (design: DesignDocument) => void): DesignDocument {
  const design = goodDesign();
  edit(design);
  return design;
}

export function pool(design: DesignDocument) {
  const identityPool = design.identityPools[0];
  if (!identityPool) throw new Error('test design has an identity pool');
  return identityPool;
}

export function userPool(design: DesignDocument) {
  const found = design.userPools[0];
  if (!found) throw new Error('test design has a user pool');
  return found;
}

export function role(design: DesignDocument, index: number) {
  const found = design.roles[index];
  if (!found) throw new Error(`test design has role ${index}`);
  return found;
}

export interface Case {
  name: string;
  edit: (design: DesignDocument) => void;
  severity: 'error' | 'warning';
  code: string;
  path: string;
}

/** Breaks the good design with `edit` and expects the issue the case names. */
export function expectCase({ edit, severity, code, path }: Case): void {
  const issues = validateDesign(broken(edit));
  expect(issues).toContainEqual(expect.objectContaining({ severity, code, path }));
  for (const issue of issues) {
    expect(issue.message.length).toBeGreaterThan(5);
    expect(issue.message).not.toMatch(/\n\s+at /);
  }
}
