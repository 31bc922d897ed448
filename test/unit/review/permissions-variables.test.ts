import { describe, expect, it } from 'vitest';
import { aClient, aPolicy, aRule } from '../builders/design';
import { USER_POOL_REF, baseDesign, findingsOf, roleWith } from './fixtures';

const readOwn = {
  Effect: 'Allow',
  Action: 's3:GetObject',
  Resource: 'arn:aws:s3:::bucket/${cognito-identity.amazonaws.com:sub}/*',
};

function guestDesign(statements: unknown[], classic = false) {
  return baseDesign({
    pool: { allowUnauthenticated: true, allowClassicFlow: classic, unauthenticatedRoleId: 'Guest' },
    roles: [roleWith('Guest', statements)],
  });
}

describe('guest-write-access', () => {
  const write = {
    Effect: 'Allow',
    Action: ['dynamodb:PutItem'],
    Resource: 'arn:aws:dynamodb:us-east-1:111122223333:table/Scores',
  };

  it('flags writes by guests: medium in the enhanced flow, high with the basic flow', () => {
    expect(findingsOf(guestDesign([write]), 'guest-write-access').map((finding) => finding.severity)).toEqual(
      ['medium'],
    );
    expect(
      findingsOf(guestDesign([write], true), 'guest-write-access').map((finding) => finding.severity),
    ).toEqual(['high']);
  });

  it('reports data reads as low, and says nothing about list-only guests', () => {
    expect(
      findingsOf(
        guestDesign([{ Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::bucket/public/*' }]),
        'guest-write-access',
      ).map((finding) => finding.severity),
    ).toEqual(['low']);
    expect(
      findingsOf(
        guestDesign([{ Effect: 'Allow', Action: 's3:ListBucket', Resource: 'arn:aws:s3:::bucket' }]),
        'guest-write-access',
      ),
    ).toEqual([]);
  });

  it('treats a wildcard that can grant write verbs as write', () => {
    expect(
      findingsOf(
        guestDesign([{ Effect: 'Allow', Action: 's3:*', Resource: 'arn:aws:s3:::bucket/*' }]),
        'guest-write-access',
      ),
    ).toHaveLength(1);
  });
});

describe('write-on-wildcard-resource', () => {
  function userDesign(statement: unknown) {
    return baseDesign({ pool: { authenticatedRoleId: 'User' }, roles: [roleWith('User', [statement])] });
  }

  it('flags a signed-in role writing to Resource "*" without partition', () => {
    const [finding] = findingsOf(
      userDesign({ Effect: 'Allow', Action: ['s3:PutObject', 's3:GetObject'], Resource: '*' }),
      'write-on-wildcard-resource',
    );
    expect(finding).toMatchObject({
      location: {
        policy: "inline 'Access'",
        jsonPath: '$.Statement[0]',
        designPath: '$.roles[0].inlinePolicies[0].document.Statement[0]',
      },
    });
    expect(finding?.rationale).toContain('s3:PutObject');
    expect(finding?.rationale).not.toContain('s3:GetObject');
  });

  it('accepts partitioned writes, reads on "*", and writes on named resources', () => {
    const partitioned = {
      Effect: 'Allow',
      Action: 'dynamodb:PutItem',
      Resource: '*',
      Condition: {
        'ForAllValues:StringEquals': { 'dynamodb:LeadingKeys': ['${cognito-identity.amazonaws.com:sub}'] },
      },
    };
    expect(findingsOf(userDesign(partitioned), 'write-on-wildcard-resource')).toEqual([]);
    expect(
      findingsOf(
        userDesign({ Effect: 'Allow', Action: 's3:GetObject', Resource: '*' }),
        'write-on-wildcard-resource',
      ),
    ).toEqual([]);
    expect(
      findingsOf(
        userDesign({ Effect: 'Allow', Action: 's3:PutObject', Resource: 'arn:aws:s3:::bucket/uploads/*' }),
        'write-on-wildcard-resource',
      ),
    ).toEqual([]);
  });
});

describe('privilege-escalation', () => {
  function userDesign(statement: unknown) {
    return baseDesign({ pool: { authenticatedRoleId: 'User' }, roles: [roleWith('User', [statement])] });
  }

  it.each([['iam:PassRole'], ['iam:*'], ['sts:*'], ['*'], ['iam:Put*'], ['lambda:UpdateFunctionCode']])(
    'flags %s',
    (action) => {
      expect(
        findingsOf(
          userDesign({ Effect: 'Allow', Action: action, Resource: '*' }),
          'privilege-escalation',
        ).map((finding) => finding.severity),
      ).toEqual(['critical']);
    },
  );

  it('flags an Allow with NotAction that does not exclude iam', () => {
    expect(
      findingsOf(userDesign({ Effect: 'Allow', NotAction: 's3:*', Resource: '*' }), 'privilege-escalation'),
    ).toHaveLength(1);
  });

  it('ignores ordinary data actions and Deny statements', () => {
    expect(findingsOf(userDesign(readOwn), 'privilege-escalation')).toEqual([]);
    expect(
      findingsOf(userDesign({ Effect: 'Deny', Action: 'iam:*', Resource: '*' }), 'privilege-escalation'),
    ).toEqual([]);
  });

  it('ignores roles no identity pool hands out', () => {
    const design = baseDesign({
      roles: [roleWith('Backend', [{ Effect: 'Allow', Action: 'iam:PassRole', Resource: '*' }])],
    });
    expect(findingsOf(design, 'privilege-escalation')).toEqual([]);
  });
});

describe('variables-without-version', () => {
  it('flags variables in a policy with Version 2008-10-17 or none', () => {
    const old = baseDesign({
      roles: [
        roleWith('User', [], {
          inlinePolicies: [{ name: 'Old', document: { Version: '2008-10-17', Statement: [readOwn] } }],
        }),
      ],
    });
    const none = baseDesign({
      roles: [
        roleWith('User', [], { inlinePolicies: [{ name: 'None', document: { Statement: [readOwn] } }] }),
      ],
    });
    expect(findingsOf(old, 'variables-without-version').map((finding) => finding.location?.jsonPath)).toEqual(
      ['$.Version'],
    );
    expect(
      findingsOf(none, 'variables-without-version').map((finding) => finding.location?.jsonPath),
    ).toEqual(['$']);
  });

  it('accepts 2012-10-17 and old policies without variables', () => {
    const current = baseDesign({ roles: [roleWith('User', [readOwn])] });
    const plain = baseDesign({
      roles: [
        roleWith('User', [], {
          inlinePolicies: [
            {
              name: 'Old',
              document: {
                Version: '2008-10-17',
                Statement: [{ Effect: 'Allow', Action: 's3:GetObject', Resource: '*' }],
              },
            },
          ],
        }),
      ],
    });
    expect(findingsOf(current, 'variables-without-version')).toEqual([]);
    expect(findingsOf(plain, 'variables-without-version')).toEqual([]);
  });
});

describe('variable-not-in-session', () => {
  function userDesign(
    resource: string,
    principalTags: Array<{
      provider: typeof USER_POOL_REF;
      useDefaults: boolean;
      tags: Record<string, string>;
    }> = [],
  ) {
    return baseDesign({
      pool: { authenticatedRoleId: 'User', principalTags },
      roles: [roleWith('User', [{ Effect: 'Allow', Action: 's3:GetObject', Resource: resource }])],
    });
  }

  it.each(['${graph.facebook.com:id}', '${aws:username}', '${accounts.google.com:sub}'])(
    'flags %s',
    (variable) => {
      const [finding] = findingsOf(
        userDesign(`arn:aws:s3:::bucket/${variable}/*`),
        'variable-not-in-session',
      );
      expect(finding).toMatchObject({ severity: 'high', location: { jsonPath: '$.Statement[0].Resource' } });
    },
  );

  it('flags a principal tag no mapping sets, and accepts it once mapped', () => {
    expect(
      findingsOf(userDesign('arn:aws:s3:::bucket/${aws:PrincipalTag/tenant}/*'), 'variable-not-in-session'),
    ).toHaveLength(1);
    expect(
      findingsOf(
        userDesign('arn:aws:s3:::bucket/${aws:PrincipalTag/tenant}/*', [
          { provider: USER_POOL_REF, useDefaults: false, tags: { tenant: 'custom:tenant' } },
        ]),
        'variable-not-in-session',
      ),
    ).toEqual([]);
  });

  it("takes the tags of a user pool's map whichever app client it is set on (AWS keys it by the pool)", () => {
    const opsClient = { type: 'userPoolClient' as const, userPoolId: 'userpool', clientId: 'ops' };
    const design = baseDesign(
      {
        pool: {
          authenticatedRoleId: 'User',
          principalTags: [{ provider: opsClient, useDefaults: false, tags: { tenant: 'custom:tenant' } }],
        },
        roles: [
          roleWith('User', [
            {
              Effect: 'Allow',
              Action: 's3:GetObject',
              Resource: 'arn:aws:s3:::bucket/${aws:PrincipalTag/tenant}/*',
            },
          ]),
        ],
      },
      (draft) =>
        draft.userPools[0]!.clients.push(aClient({ id: 'ops', clientId: 'opsclient1234567890abcdefg' })),
    );
    // Only the `client` app client is accepted; the map set on `ops` still tags its sessions.
    expect(findingsOf(design, 'variable-not-in-session')).toEqual([]);
  });

  it('accepts the Cognito session variables', () => {
    expect(
      findingsOf(
        userDesign('arn:aws:s3:::bucket/${cognito-identity.amazonaws.com:sub}/${aws:userid}/*'),
        'variable-not-in-session',
      ),
    ).toEqual([]);
  });
});

describe('partition-on-user-pool-sub', () => {
  it('flags a partition keyed on the user pool sub', () => {
    const design = baseDesign({
      pool: { authenticatedRoleId: 'User' },
      roles: [
        roleWith('User', [
          {
            Effect: 'Allow',
            Action: 's3:GetObject',
            Resource: 'arn:aws:s3:::bucket/${cognito-idp.us-east-1.amazonaws.com/us-east-1_AbCdEf123:sub}/*',
          },
        ]),
      ],
    });
    expect(findingsOf(design, 'partition-on-user-pool-sub')).toHaveLength(1);
    // Reported once, by the specific check, not again as a generic missing variable.
    expect(findingsOf(design, 'variable-not-in-session')).toEqual([]);
  });

  it('accepts a partition on the identity id', () => {
    const design = baseDesign({
      pool: { authenticatedRoleId: 'User' },
      roles: [roleWith('User', [readOwn])],
    });
    expect(findingsOf(design, 'partition-on-user-pool-sub')).toEqual([]);
  });
});

describe('limit-exceeded', () => {
  it('reports the model validation limit issues (more than 25 rules warns)', () => {
    const rules = Array.from({ length: 26 }, (_, index) => aRule('User', { value: `group-${index}` }));
    const design = baseDesign({
      pool: {
        authenticatedRoleId: 'User',
        roleMappings: [
          { id: 'mapping', provider: USER_POOL_REF, type: 'Rules', ambiguousRoleResolution: 'Deny', rules },
        ],
      },
      roles: [roleWith('User', [readOwn])],
    });
    const [finding] = findingsOf(design, 'limit-exceeded');
    expect(finding).toMatchObject({
      severity: 'low',
      entity: { kind: 'identityPool' },
      location: { jsonPath: '$.identityPools[0].roleMappings[0].rules' },
    });
  });

  it('is silent within the limits', () => {
    const design = baseDesign({
      pool: { authenticatedRoleId: 'User' },
      roles: [roleWith('User', [readOwn], { inlinePolicies: [{ name: 'A', document: aPolicy([readOwn]) }] })],
    });
    expect(findingsOf(design, 'limit-exceeded')).toEqual([]);
  });
});
