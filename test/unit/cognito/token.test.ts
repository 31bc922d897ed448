// ID-token derivation: group precedence, readable attributes, the pre-token-generation trigger.
// Precedence rules: https://docs.aws.amazon.com/cognito/latest/developerguide/cognito-user-pools-user-groups.html

import { describe, expect, it } from 'vitest';
import { choosePreferredRole, deriveIdTokenClaims } from '../../../shared/cognito/index';
import type { DesignDocument, UserPoolGroup } from '../../../shared/model/types';
import { NOW, USER_POOL_ID, arnOf, baseDesign } from './fixture';

function derive(username: string, clientId: string, change?: (design: DesignDocument) => void) {
  const design = baseDesign();
  change?.(design);
  const pool = design.userPools[0]!;
  const user = pool.users.find((candidate) => candidate.username === username)!;
  const client = pool.clients.find((candidate) => candidate.id === clientId)!;
  return deriveIdTokenClaims(design, pool, user, client, new Date(NOW));
}

const group = (name: string, roleId: string | undefined, precedence?: number): UserPoolGroup => ({
  name,
  roleId,
  precedence,
});

describe('cognito:preferred_role', () => {
  it('picks the role of the lowest precedence', () => {
    expect(choosePreferredRole([group('b', 'role-b', 3), group('a', 'role-a', 1)]).roleId).toBe('role-a');
  });

  it('gives no preferred role when groups tie on precedence with different roles', () => {
    expect(choosePreferredRole([group('a', 'role-a', 2), group('b', 'role-b', 2)]).roleId).toBeUndefined();
  });

  it('keeps the role when tied groups carry the same role', () => {
    expect(
      choosePreferredRole([group('a', 'role-a', 2), group('b', 'role-a', 2), group('c', 'role-c', 7)]).roleId,
    ).toBe('role-a');
  });

  it('lets a group with precedence beat groups without one', () => {
    expect(choosePreferredRole([group('none', 'role-none'), group('ranked', 'role-ranked', 99)]).roleId).toBe(
      'role-ranked',
    );
  });

  it('gives no preferred role when several roles come from groups without precedence', () => {
    expect(choosePreferredRole([group('a', 'role-a'), group('b', 'role-b')]).roleId).toBeUndefined();
  });

  it('prefers the only role even without precedence', () => {
    expect(choosePreferredRole([group('a', 'role-a')]).roleId).toBe('role-a');
  });
});

describe('deriveIdTokenClaims', () => {
  it('issues the standard Cognito claims', () => {
    const { claims } = derive('alice', 'web');
    expect(claims).toMatchObject({
      sub: 'aaaaaaaa-0000-4000-8000-000000000001',
      aud: 'webclient111',
      iss: `https://cognito-idp.us-east-1.amazonaws.com/${USER_POOL_ID}`,
      token_use: 'id',
      'cognito:username': 'alice',
      'cognito:groups': ['admins', 'editors'],
      'cognito:roles': [arnOf('Admin'), arnOf('Editor')],
      'cognito:preferred_role': arnOf('Admin'),
      email_verified: true,
      'custom:tenant': 'acme',
    });
    expect(claims.exp).toBe(Date.parse(NOW) / 1000 + 3600);
  });

  it('omits the preferred role on a precedence tie between different roles', () => {
    const { claims } = derive('tina', 'web');
    expect(claims['cognito:roles']).toEqual([arnOf('Editor'), arnOf('Viewer')]);
    expect(claims).not.toHaveProperty('cognito:preferred_role');
  });

  it('omits group claims for a user in no group', () => {
    const { claims } = derive('nobody', 'web');
    expect(claims).not.toHaveProperty('cognito:groups');
    expect(claims).not.toHaveProperty('cognito:roles');
  });

  it('includes only the attributes the app client may read', () => {
    const { claims, steps } = derive('alice', 'limited');
    expect(claims.email).toBe('alice@example.com');
    expect(claims).not.toHaveProperty('custom:tenant');
    expect(steps.find((step) => step.id === 'token-attributes')?.data).toEqual({ hidden: ['custom:tenant'] });
  });

  it('applies the pre token generation trigger, but never to protected claims', () => {
    const { claims } = derive('alice', 'web', (design) => {
      design.userPools[0]!.preTokenGeneration = {
        addOrOverrideClaims: { 'custom:tenant': 'overridden', plan: 'gold', sub: 'forged' },
        suppressClaims: ['email', 'iss'],
        groupsToOverride: ['viewers'],
        iamRolesToOverride: ['role-viewer'],
        preferredRole: 'role-viewer',
      };
    });
    expect(claims['custom:tenant']).toBe('overridden');
    expect(claims.plan).toBe('gold');
    expect(claims.sub).toBe('aaaaaaaa-0000-4000-8000-000000000001');
    expect(claims).not.toHaveProperty('email');
    expect(claims.iss).toBe(`https://cognito-idp.us-east-1.amazonaws.com/${USER_POOL_ID}`);
    expect(claims['cognito:groups']).toEqual(['viewers']);
    expect(claims['cognito:roles']).toEqual([arnOf('Viewer')]);
    expect(claims['cognito:preferred_role']).toBe(arnOf('Viewer'));
  });
});
