// Generated trust policies follow the shape in the Cognito guide's "Role trust and permissions" page:
// Federated cognito-identity.amazonaws.com, StringEquals aud = pool ids, ForAnyValue:StringLike amr.

import { describe, expect, it } from 'vitest';
import { generateTrustPolicy, guestScopeDownInfo, guestSessionPolicies } from '../../../shared/cognito/index';
import type { DesignDocument } from '../../../shared/model/types';
import { IDENTITY_POOL_ID, baseDesign } from './fixture';

function trustOf(design: DesignDocument, roleId: string) {
  return generateTrustPolicy(design, { id: roleId });
}

const SECOND_POOL = 'us-east-1:99999999-2222-4333-8444-555555555555';

describe('generateTrustPolicy', () => {
  it('trusts signed-in users of the pool for the default authenticated role', () => {
    const { document } = trustOf(baseDesign(), 'role-auth');
    expect(document).toEqual({
      Version: '2012-10-17',
      Statement: [
        {
          Sid: 'CognitoAuthenticated',
          Effect: 'Allow',
          Principal: { Federated: 'cognito-identity.amazonaws.com' },
          Action: 'sts:AssumeRoleWithWebIdentity',
          Condition: {
            StringEquals: { 'cognito-identity.amazonaws.com:aud': IDENTITY_POOL_ID },
            'ForAnyValue:StringLike': { 'cognito-identity.amazonaws.com:amr': 'authenticated' },
          },
        },
      ],
    });
  });

  it('trusts guests for the unauthenticated role', () => {
    const { document } = trustOf(baseDesign(), 'role-unauth');
    const statement = (
      document?.Statement as Array<{ Condition: Record<string, Record<string, unknown>> }>
    )[0];
    expect(statement?.Condition['ForAnyValue:StringLike']).toEqual({
      'cognito-identity.amazonaws.com:amr': 'unauthenticated',
    });
  });

  it('finds roles reached through rules and through group roles of a Token mapping', () => {
    const design = baseDesign();
    expect(trustOf(design, 'role-admin').uses.map((use) => use.via)).toEqual([
      'group admins via Token mapping',
      'rule r-groups',
    ]);
  });

  it('lists every pool that uses the role in aud', () => {
    const design = baseDesign();
    design.identityPools.push({
      ...structuredClone(design.identityPools[0]!),
      id: 'ip2',
      poolId: SECOND_POOL,
      name: 'second',
    });
    const statement = (
      trustOf(design, 'role-auth').document?.Statement as Array<{
        Condition: { StringEquals: Record<string, unknown> };
      }>
    )[0];
    expect(statement?.Condition.StringEquals['cognito-identity.amazonaws.com:aud']).toEqual([
      IDENTITY_POOL_ID,
      SECOND_POOL,
    ]);
  });

  it('adds sts:TagSession when a pool using the role maps principal tags', () => {
    const design = baseDesign();
    design.identityPools[0]!.principalTags = [
      { provider: { type: 'provider', providerId: 'google' }, useDefaults: true, tags: {} },
    ];
    const statement = (trustOf(design, 'role-auth').document?.Statement as Array<{ Action: unknown }>)[0];
    expect(statement?.Action).toEqual(['sts:AssumeRoleWithWebIdentity', 'sts:TagSession']);
  });

  it('keeps guest and signed-in uses in separate statements and warns', () => {
    const design = baseDesign();
    design.identityPools.push({
      ...structuredClone(design.identityPools[0]!),
      id: 'ip2',
      poolId: SECOND_POOL,
      name: 'second',
      unauthenticatedRoleId: 'role-auth',
    });
    const generated = trustOf(design, 'role-auth');
    const statements = generated.document?.Statement as Array<{
      Condition: Record<string, Record<string, unknown>>;
    }>;
    expect(statements).toHaveLength(2);
    expect(statements[1]?.Condition.StringEquals).toEqual({
      'cognito-identity.amazonaws.com:aud': SECOND_POOL,
    });
    expect(statements[1]?.Condition['ForAnyValue:StringLike']).toEqual({
      'cognito-identity.amazonaws.com:amr': 'unauthenticated',
    });
    expect(generated.notes.join(' ')).toMatch(/both for guests and for signed-in users/);
  });

  it('gives no document for a role no pool uses', () => {
    const design = baseDesign();
    design.roles.push({ ...structuredClone(design.roles[0]!), id: 'role-orphan', name: 'Orphan' });
    expect(trustOf(design, 'role-orphan').document).toBeUndefined();
  });
});

describe('guest scope-down data', () => {
  it('is dated, sourced and holds both session policies', () => {
    const info = guestScopeDownInfo();
    expect(info.asOf).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(info.inlineSource).toMatch(/^https:\/\/docs\.aws\.amazon\.com\//);
    expect(info.managedSource).toMatch(/AmazonCognitoUnAuthedIdentitiesSessionPolicy/);
    expect(info.inlineServices).toContain('s3');
    const policies = guestSessionPolicies('aws-cn');
    expect(policies[1]?.origin).toBe(
      'arn:aws-cn:iam::aws:policy/AmazonCognitoUnAuthedIdentitiesSessionPolicy',
    );
  });
});
