import { describe, expect, it } from 'vitest';
import type { DesignDocument } from '../../../shared/model/types';
import { aClient, aGroup, aRule } from '../builders/design';
import { USER_POOL_REF, baseDesign, findingsOf, roleWith } from './fixtures';

const readOwn = {
  Effect: 'Allow',
  Action: 's3:GetObject',
  Resource: 'arn:aws:s3:::bucket/${cognito-identity.amazonaws.com:sub}/*',
};

/** The pool's one role mapping, for the design's user pool client. */
function userPoolMapping(
  type: 'Rules' | 'Token',
  ambiguousRoleResolution: 'Deny' | 'AuthenticatedRole' = 'Deny',
  rules: ReturnType<typeof aRule>[] = [],
) {
  return { id: 'mapping', provider: USER_POOL_REF, type, ambiguousRoleResolution, rules };
}

function rulesDesign(
  rules: ReturnType<typeof aRule>[],
  edit?: (design: DesignDocument) => void,
  ambiguous: 'Deny' | 'AuthenticatedRole' = 'Deny',
) {
  return baseDesign(
    {
      pool: {
        authenticatedRoleId: 'Default',
        roleMappings: [userPoolMapping('Rules', ambiguous, rules)],
      },
      roles: [roleWith('Default', []), roleWith('Admin', [readOwn]), roleWith('Member', [readOwn])],
    },
    edit,
  );
}

describe('mutable-claim', () => {
  const tenantAttribute = (mutable: boolean) => ({
    name: 'custom:tenant',
    custom: true,
    mutable,
    dataType: 'String' as const,
  });

  it('flags a rule on a mutable custom attribute the app client may write', () => {
    const design = rulesDesign([aRule('Admin', { claim: 'custom:tenant', value: 'acme' })], (draft) => {
      draft.userPools[0]!.attributes.push(tenantAttribute(true));
      draft.userPools[0]!.clients[0]!.writeAttributes.push('custom:tenant');
    });
    const [finding] = findingsOf(design, 'mutable-claim');
    expect(finding).toMatchObject({
      severity: 'high',
      location: { jsonPath: '$.identityPools[0].roleMappings[0].rules[0].claim' },
    });
  });

  it('ignores immutable attributes and attributes no client writes', () => {
    const immutable = rulesDesign([aRule('Admin', { claim: 'custom:tenant', value: 'acme' })], (draft) => {
      draft.userPools[0]!.attributes.push(tenantAttribute(false));
      draft.userPools[0]!.clients[0]!.writeAttributes.push('custom:tenant');
    });
    const adminOnly = rulesDesign([aRule('Admin', { claim: 'custom:tenant', value: 'acme' })], (draft) =>
      draft.userPools[0]!.attributes.push(tenantAttribute(true)),
    );
    expect(findingsOf(immutable, 'mutable-claim')).toEqual([]);
    expect(findingsOf(adminOnly, 'mutable-claim')).toEqual([]);
  });

  it('flags a principal tag taken from an email the user can change', () => {
    const design = baseDesign(
      {
        pool: {
          authenticatedRoleId: 'Member',
          principalTags: [{ provider: USER_POOL_REF, useDefaults: false, tags: { mail: 'email' } }],
        },
        roles: [roleWith('Member', [readOwn])],
      },
      (draft) => draft.userPools[0]!.clients[0]!.writeAttributes.push('email'),
    );
    const [finding] = findingsOf(design, 'mutable-claim');
    expect(finding?.location?.jsonPath).toBe('$.identityPools[0].principalTags[0].tags.mail');
    expect(finding?.rationale).toContain('email_verified');
  });
});

describe('rule-value-overlap', () => {
  it('flags Contains "admin" when another group is "notadmin"', () => {
    const design = rulesDesign(
      [aRule('Admin', { claim: 'cognito:groups', matchType: 'Contains', value: 'admin' })],
      (draft) => {
        draft.userPools[0]!.groups.push(aGroup('admin'), aGroup('notadmin'));
      },
    );
    const [finding] = findingsOf(design, 'rule-value-overlap');
    expect(finding?.rationale).toContain('"notadmin"');
  });

  it('ignores Equals rules, and values an earlier Equals rule already catches', () => {
    const equals = rulesDesign([aRule('Admin', { value: 'admin' })], (draft) =>
      draft.userPools[0]!.groups.push(aGroup('admin'), aGroup('notadmin')),
    );
    const caught = rulesDesign(
      [aRule('Member', { value: 'notadmin' }), aRule('Admin', { matchType: 'Contains', value: 'admin' })],
      (draft) => draft.userPools[0]!.groups.push(aGroup('admin'), aGroup('notadmin')),
    );
    expect(findingsOf(equals, 'rule-value-overlap')).toEqual([]);
    expect(findingsOf(caught, 'rule-value-overlap')).toEqual([]);
  });

  it('flags StartsWith matching another rule value', () => {
    const design = rulesDesign([
      aRule('Member', { claim: 'custom:tier', matchType: 'StartsWith', value: 'gold' }),
      aRule('Admin', { claim: 'custom:tier', value: 'gold-admin' }),
    ]);
    expect(findingsOf(design, 'rule-value-overlap')).toHaveLength(1);
  });
});

describe('ambiguous-default-broader', () => {
  const readBucket = { Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::bucket/*' };

  /** A pool whose one rule hands out Member and whose default authenticated role is Default. */
  function defaultAndMember(
    resolution: 'Deny' | 'AuthenticatedRole',
    defaultStatements: unknown[],
    memberStatements: unknown[],
  ) {
    return baseDesign({
      pool: {
        authenticatedRoleId: 'Default',
        roleMappings: [userPoolMapping('Rules', resolution, [aRule('Member', { value: 'members' })])],
      },
      roles: [roleWith('Default', defaultStatements), roleWith('Member', memberStatements)],
    });
  }

  it('flags AuthenticatedRole resolution when the default role allows more than a rule role', () => {
    const design = defaultAndMember('AuthenticatedRole', [readBucket], [readOwn]);
    const [finding] = findingsOf(design, 'ambiguous-default-broader');
    expect(finding?.location?.jsonPath).toBe('$.identityPools[0].roleMappings[0].ambiguousRoleResolution');
    expect(finding?.rationale).toContain('s3:GetObject on arn:aws:s3:::bucket/');
  });

  it('is silent when the default role is narrower, or resolution is Deny', () => {
    const narrower = defaultAndMember('AuthenticatedRole', [readOwn], [readBucket]);
    const deny = defaultAndMember('Deny', [{ Effect: 'Allow', Action: 's3:*', Resource: '*' }], [readOwn]);
    expect(findingsOf(narrower, 'ambiguous-default-broader')).toEqual([]);
    expect(findingsOf(deny, 'ambiguous-default-broader')).toEqual([]);
  });
});

describe('mapping-provider-not-accepted', () => {
  it('flags a role mapping for a client the pool does not accept', () => {
    const design = baseDesign({
      pool: {
        acceptedProviders: [],
        authenticatedRoleId: 'Member',
        roleMappings: [userPoolMapping('Token')],
      },
      roles: [roleWith('Member', [readOwn])],
    });
    expect(
      findingsOf(design, 'mapping-provider-not-accepted').map((finding) => finding.location?.jsonPath),
    ).toEqual(['$.identityPools[0].roleMappings[0].provider']);
  });

  // AWS keys principal-tag maps by user pool, so a map set on an unaccepted client still applies to
  // logins through the accepted client of the same pool.
  it('accepts a principal-tag map on another client of an accepted user pool, and flags one of an unaccepted pool', () => {
    const otherClient = { type: 'userPoolClient' as const, userPoolId: 'userpool', clientId: 'admin-client' };
    const addClient = (draft: DesignDocument) =>
      draft.userPools[0]!.clients.push(
        aClient({ id: 'admin-client', clientId: 'adminclient1234567890abcd' }),
      );
    const shared = baseDesign(
      {
        pool: {
          authenticatedRoleId: 'Member',
          principalTags: [{ provider: otherClient, useDefaults: true, tags: {} }],
        },
        roles: [roleWith('Member', [readOwn])],
      },
      addClient,
    );
    expect(findingsOf(shared, 'mapping-provider-not-accepted')).toEqual([]);
    const unaccepted = baseDesign(
      {
        pool: {
          acceptedProviders: [],
          authenticatedRoleId: 'Member',
          principalTags: [{ provider: otherClient, useDefaults: true, tags: {} }],
        },
        roles: [roleWith('Member', [readOwn])],
      },
      addClient,
    );
    expect(
      findingsOf(unaccepted, 'mapping-provider-not-accepted').map((finding) => finding.location?.jsonPath),
    ).toEqual(['$.identityPools[0].principalTags[0].provider']);
  });

  it('accepts mappings of accepted providers', () => {
    const design = baseDesign({
      pool: {
        authenticatedRoleId: 'Member',
        roleMappings: [userPoolMapping('Token')],
      },
      roles: [roleWith('Member', [readOwn])],
    });
    expect(findingsOf(design, 'mapping-provider-not-accepted')).toEqual([]);
  });
});

describe('group-precedence-tie', () => {
  function tie(roles: [string, string], precedences: [number, number]) {
    return baseDesign(
      {
        pool: {
          authenticatedRoleId: 'Member',
          roleMappings: [userPoolMapping('Token')],
        },
        roles: [roleWith('Member', [readOwn]), roleWith('Admin', [readOwn])],
      },
      (draft) =>
        draft.userPools[0]!.groups.push(
          aGroup('a', { precedence: precedences[0], roleId: roles[0] }),
          aGroup('b', { precedence: precedences[1], roleId: roles[1] }),
        ),
    );
  }

  it('flags two groups with the same precedence and different roles', () => {
    expect(findingsOf(tie(['Member', 'Admin'], [1, 1]), 'group-precedence-tie')).toMatchObject([
      { severity: 'medium', entity: { kind: 'userPool', id: 'userpool' } },
    ]);
  });

  it('ignores distinct precedences and equal roles', () => {
    expect(findingsOf(tie(['Member', 'Admin'], [1, 2]), 'group-precedence-tie')).toEqual([]);
    expect(findingsOf(tie(['Admin', 'Admin'], [1, 1]), 'group-precedence-tie')).toEqual([]);
  });
});
