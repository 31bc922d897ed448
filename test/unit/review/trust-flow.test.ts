import { describe, expect, it } from 'vitest';
import { POOL_ID, USER_POOL_REF, baseDesign, documentedTrust, findingsOf, roleWith } from './fixtures';

const readOwn = {
  Effect: 'Allow',
  Action: 's3:GetObject',
  Resource: 'arn:aws:s3:::bucket/${cognito-identity.amazonaws.com:sub}/*',
};
const adminAll = { Effect: 'Allow', Action: 's3:*', Resource: 'arn:aws:s3:::bucket/*' };

function withoutCondition(key: string, amr: 'authenticated' | 'unauthenticated') {
  const trust = documentedTrust(amr);
  const statement = (trust.Statement as Array<{ Condition: Record<string, Record<string, unknown>> }>)[0]!;
  for (const block of Object.values(statement.Condition)) delete block[key];
  statement.Condition = Object.fromEntries(
    Object.entries(statement.Condition).filter(([, block]) => Object.keys(block).length > 0),
  );
  return trust;
}

/** Role overrides that give it a hand-written trust policy. */
function customTrust(document: ReturnType<typeof documentedTrust>) {
  return { trustPolicy: { mode: 'custom' as const, document } };
}

describe('trust-missing-aud', () => {
  it('flags a trust statement without an aud condition, at the statement', () => {
    const design = baseDesign({
      pool: { authenticatedRoleId: 'User' },
      roles: [
        roleWith(
          'User',
          [readOwn],
          customTrust(withoutCondition('cognito-identity.amazonaws.com:aud', 'authenticated')),
        ),
      ],
    });
    const [finding, ...rest] = findingsOf(design, 'trust-missing-aud');
    expect(rest).toEqual([]);
    expect(finding).toMatchObject({
      severity: 'high',
      entity: { kind: 'role', id: 'User' },
      location: {
        policy: 'trust',
        jsonPath: '$.Statement[0]',
        designPath: '$.roles[0].trustPolicy.document.Statement[0]',
      },
    });
    expect(finding?.id).toBe('COG-TRUST-NO-AUD:role/User@trust$.Statement[0]');
    expect(finding?.location?.line).toBeGreaterThan(0);
  });

  it('accepts the documented trust policy and the generated one', () => {
    const design = baseDesign({
      pool: { authenticatedRoleId: 'User', unauthenticatedRoleId: 'Guest', allowUnauthenticated: true },
      roles: [
        roleWith('User', [readOwn], customTrust(documentedTrust('authenticated'))),
        roleWith('Guest', []),
      ],
    });
    expect(findingsOf(design, 'trust-missing-aud')).toEqual([]);
  });

  it('does not count a negated aud test as a restriction', () => {
    const trust = documentedTrust('authenticated');
    const statement = (trust.Statement as Array<{ Condition: Record<string, unknown> }>)[0]!;
    statement.Condition = {
      StringNotEquals: {
        'cognito-identity.amazonaws.com:aud': 'us-east-1:00000000-0000-4000-8000-000000000000',
      },
      'ForAnyValue:StringLike': { 'cognito-identity.amazonaws.com:amr': 'authenticated' },
    };
    const design = baseDesign({
      pool: { authenticatedRoleId: 'User' },
      roles: [roleWith('User', [readOwn], customTrust(trust))],
    });
    expect(findingsOf(design, 'trust-missing-aud')).toHaveLength(1);
  });
});

describe('trust-missing-amr', () => {
  it('flags an authenticated role whose trust has no amr condition', () => {
    const design = baseDesign({
      pool: { authenticatedRoleId: 'User' },
      roles: [
        roleWith(
          'User',
          [readOwn],
          customTrust(withoutCondition('cognito-identity.amazonaws.com:amr', 'authenticated')),
        ),
      ],
    });
    expect(findingsOf(design, 'trust-missing-amr').map((finding) => finding.entity.id)).toEqual(['User']);
  });

  it('leaves guest roles and roles with an amr condition alone', () => {
    const design = baseDesign({
      pool: { authenticatedRoleId: 'User', unauthenticatedRoleId: 'Guest', allowUnauthenticated: true },
      roles: [
        roleWith('User', [readOwn], customTrust(documentedTrust('authenticated'))),
        roleWith(
          'Guest',
          [],
          customTrust(withoutCondition('cognito-identity.amazonaws.com:amr', 'unauthenticated')),
        ),
      ],
    });
    expect(findingsOf(design, 'trust-missing-amr')).toEqual([]);
  });
});

describe('trust-amr-operator', () => {
  function trustWith(operator: string) {
    const trust = documentedTrust('authenticated');
    const statement = (trust.Statement as Array<{ Condition: Record<string, unknown> }>)[0]!;
    statement.Condition = {
      StringEquals: { 'cognito-identity.amazonaws.com:aud': POOL_ID },
      [operator]: { 'cognito-identity.amazonaws.com:amr': 'authenticated' },
    };
    return baseDesign({
      pool: { authenticatedRoleId: 'User' },
      roles: [roleWith('User', [readOwn], customTrust(trust))],
    });
  }

  it.each(['StringEquals', 'StringLike', 'ForAllValues:StringLike'])(
    'flags amr tested with %s',
    (operator) => {
      const [finding] = findingsOf(trustWith(operator), 'trust-amr-operator');
      expect(finding?.location?.jsonPath).toBe(
        `$.Statement[0].Condition["${operator}"]["cognito-identity.amazonaws.com:amr"]`
          .replace('["StringEquals"]', '.StringEquals')
          .replace('["StringLike"]', '.StringLike'),
      );
    },
  );

  it('accepts ForAnyValue:StringLike', () => {
    expect(findingsOf(trustWith('ForAnyValue:StringLike'), 'trust-amr-operator')).toEqual([]);
  });
});

describe('trust-missing-tag-session', () => {
  const tags = [{ provider: USER_POOL_REF, useDefaults: true, tags: {} }];

  it('flags a role handed to a provider with principal tags when trust lacks sts:TagSession', () => {
    const design = baseDesign({
      pool: { authenticatedRoleId: 'User', principalTags: tags },
      roles: [roleWith('User', [readOwn], customTrust(documentedTrust('authenticated')))],
    });
    expect(findingsOf(design, 'trust-missing-tag-session').map((finding) => finding.entity.id)).toEqual([
      'User',
    ]);
  });

  it('accepts a trust that allows sts:TagSession, and pools without tags', () => {
    const withTagSession = documentedTrust('authenticated', {
      Action: ['sts:AssumeRoleWithWebIdentity', 'sts:TagSession'],
    });
    const tagged = baseDesign({
      pool: { authenticatedRoleId: 'User', principalTags: tags },
      roles: [roleWith('User', [readOwn], customTrust(withTagSession))],
    });
    const untagged = baseDesign({
      pool: { authenticatedRoleId: 'User' },
      roles: [roleWith('User', [readOwn], customTrust(documentedTrust('authenticated')))],
    });
    expect(findingsOf(tagged, 'trust-missing-tag-session')).toEqual([]);
    expect(findingsOf(untagged, 'trust-missing-tag-session')).toEqual([]);
  });
});

describe('basic-flow-enabled', () => {
  /** A pool with guests and the basic flow on: a narrow Guest role and a broad User role trusting `userTrust`. */
  function basicFlowDesign(userTrust: ReturnType<typeof documentedTrust>) {
    return baseDesign({
      pool: {
        allowClassicFlow: true,
        allowUnauthenticated: true,
        authenticatedRoleId: 'User',
        unauthenticatedRoleId: 'Guest',
      },
      roles: [
        roleWith(
          'Guest',
          [{ Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::bucket/public/*' }],
          customTrust(documentedTrust('unauthenticated')),
        ),
        roleWith('User', [adminAll], customTrust(userTrust)),
      ],
    });
  }

  it('is critical when a guest can assume a broader role than the guest role', () => {
    // The admin role trusts any token of the pool (amr not tested): with the basic flow guests take it.
    const design = basicFlowDesign(withoutCondition('cognito-identity.amazonaws.com:amr', 'authenticated'));
    const [finding] = findingsOf(design, 'basic-flow-enabled');
    expect(finding).toMatchObject({
      severity: 'critical',
      entity: { kind: 'identityPool', id: 'identitypool' },
      location: { jsonPath: '$.identityPools[0].allowClassicFlow' },
    });
    expect(finding?.rationale).toContain('guests mapped to Guest can assume User');
  });

  it('is high when every reachable role is one the identity is mapped to anyway', () => {
    const design = basicFlowDesign(documentedTrust('authenticated'));
    expect(findingsOf(design, 'basic-flow-enabled').map((finding) => finding.severity)).toEqual(['high']);
  });

  it('says nothing when the basic flow is off', () => {
    const design = baseDesign({
      pool: { authenticatedRoleId: 'User' },
      roles: [roleWith('User', [adminAll])],
    });
    expect(findingsOf(design, 'basic-flow-enabled')).toEqual([]);
  });
});
