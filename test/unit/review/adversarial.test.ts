// Designs built to look safe (or unsafe) to a shallow reading; each expectation follows from the
// AWS documentation cited next to it.

import { describe, expect, it } from 'vitest';
import { aProvider, aRule } from '../builders/design';
import { POOL_ID, USER_POOL_REF, baseDesign, findingsOf, roleWith } from './fixtures';

const readOwn = {
  Effect: 'Allow',
  Action: 's3:GetObject',
  Resource: 'arn:aws:s3:::bucket/${cognito-identity.amazonaws.com:sub}/*',
};

function trustWith(condition: Record<string, Record<string, unknown>>, extra: unknown[] = []) {
  return {
    mode: 'custom' as const,
    document: {
      Version: '2012-10-17',
      Statement: [
        {
          Effect: 'Allow',
          Principal: { Federated: 'cognito-identity.amazonaws.com' },
          Action: 'sts:AssumeRoleWithWebIdentity',
          Condition: condition,
        },
        ...extra,
      ],
    },
  };
}

function userRoleDesign(trustPolicy: ReturnType<typeof trustWith>) {
  return baseDesign({
    pool: { authenticatedRoleId: 'User' },
    roles: [roleWith('User', [readOwn], { trustPolicy })],
  });
}

const authenticatedAmr = {
  'ForAnyValue:StringLike': { 'cognito-identity.amazonaws.com:amr': 'authenticated' },
};

describe('trust-missing-aud against look-alike restrictions', () => {
  it('flags a StringLike aud whose wildcard accepts any identity pool', () => {
    for (const value of ['*', 'us-east-1:*']) {
      const design = userRoleDesign(
        trustWith({ StringLike: { 'cognito-identity.amazonaws.com:aud': value }, ...authenticatedAmr }),
      );
      expect(findingsOf(design, 'trust-missing-aud'), value).toHaveLength(1);
    }
  });

  it('accepts StringLike or ForAnyValue:StringEquals naming the pool id exactly', () => {
    for (const operator of ['StringLike', 'ForAnyValue:StringEquals']) {
      const design = userRoleDesign(
        trustWith({ [operator]: { 'cognito-identity.amazonaws.com:aud': POOL_ID }, ...authenticatedAmr }),
      );
      expect(findingsOf(design, 'trust-missing-aud'), operator).toEqual([]);
    }
  });

  it('flags an aud condition that only appears in a Deny statement testing equality', () => {
    const design = userRoleDesign(
      trustWith(authenticatedAmr, [
        {
          Effect: 'Deny',
          Principal: { Federated: 'cognito-identity.amazonaws.com' },
          Action: 'sts:AssumeRoleWithWebIdentity',
          Condition: { StringEquals: { 'cognito-identity.amazonaws.com:aud': POOL_ID } },
        },
      ]),
    );
    expect(findingsOf(design, 'trust-missing-aud')).toHaveLength(1);
  });

  it('accepts a Deny of every other identity pool (StringNotEquals aud)', () => {
    const design = userRoleDesign(
      trustWith(authenticatedAmr, [
        {
          Effect: 'Deny',
          Principal: { Federated: 'cognito-identity.amazonaws.com' },
          Action: 'sts:AssumeRoleWithWebIdentity',
          Condition: { StringNotEquals: { 'cognito-identity.amazonaws.com:aud': POOL_ID } },
        },
      ]),
    );
    expect(findingsOf(design, 'trust-missing-aud')).toEqual([]);
  });
});

describe('trust-missing-amr against amr conditions that still admit guests', () => {
  const aud = { StringEquals: { 'cognito-identity.amazonaws.com:aud': POOL_ID } };

  // A guest token's amr is ["unauthenticated"]:
  // https://docs.aws.amazon.com/cognito/latest/developerguide/role-trust-and-permissions.html
  it.each(['*', '*authenticated', 'unauthenticated'])('flags ForAnyValue:StringLike amr "%s"', (value) => {
    const design = userRoleDesign(
      trustWith({ ...aud, 'ForAnyValue:StringLike': { 'cognito-identity.amazonaws.com:amr': value } }),
    );
    expect(findingsOf(design, 'trust-missing-amr')).toHaveLength(1);
  });

  it('accepts amr restricted to "authenticated" or to a provider name', () => {
    for (const value of ['authenticated', 'cognito-idp.us-east-1.amazonaws.com/us-east-1_AbCdEf123']) {
      const design = userRoleDesign(
        trustWith({ ...aud, 'ForAnyValue:StringLike': { 'cognito-identity.amazonaws.com:amr': value } }),
      );
      expect(findingsOf(design, 'trust-missing-amr'), value).toEqual([]);
    }
    expect(
      findingsOf(
        userRoleDesign(
          trustWith({
            ...aud,
            'ForAnyValue:StringEquals': { 'cognito-identity.amazonaws.com:amr': 'authenticated' },
          }),
        ),
        'trust-missing-amr',
      ),
    ).toEqual([]);
  });

  it('flags StringLike and ForAllValues amr as operator mistakes, not ForAnyValue:StringEquals', () => {
    const operatorFindings = (operator: string) =>
      findingsOf(
        userRoleDesign(
          trustWith({ ...aud, [operator]: { 'cognito-identity.amazonaws.com:amr': 'authenticated' } }),
        ),
        'trust-amr-operator',
      );
    expect(operatorFindings('StringLike')).toHaveLength(1);
    expect(operatorFindings('ForAllValues:StringLike')).toHaveLength(1);
    expect(operatorFindings('ForAnyValue:StringEquals')).toEqual([]);
  });
});

describe('partitions that are not per identity', () => {
  // Cognito assumes every role with the session name CognitoIdentityCredentials, so aws:userid is
  // `<role id>:CognitoIdentityCredentials` for every identity of the role.
  it('does not accept ${aws:userid} as a per-identity partition for writes on "*"', () => {
    const design = baseDesign({
      pool: { authenticatedRoleId: 'User' },
      roles: [
        roleWith('User', [
          {
            Effect: 'Allow',
            Action: 'dynamodb:PutItem',
            Resource: '*',
            Condition: { 'ForAllValues:StringEquals': { 'dynamodb:LeadingKeys': ['${aws:userid}'] } },
          },
        ]),
      ],
    });
    expect(findingsOf(design, 'write-on-wildcard-resource')).toHaveLength(1);
  });
});

describe('mutable-claim on standard attributes', () => {
  // Standard attributes are mutable unless the pool was created with them immutable:
  // https://docs.aws.amazon.com/cognito/latest/developerguide/user-pool-settings-attributes.html
  it('flags a rule on a standard attribute the client writes even when the pool does not declare it', () => {
    const design = baseDesign(
      {
        pool: {
          authenticatedRoleId: 'User',
          roleMappings: [
            {
              id: 'mapping',
              provider: USER_POOL_REF,
              type: 'Rules',
              ambiguousRoleResolution: 'Deny',
              rules: [aRule('Admin', { claim: 'preferred_username', matchType: 'Equals', value: 'root' })],
            },
          ],
        },
        roles: [roleWith('User', [readOwn]), roleWith('Admin', [readOwn])],
      },
      (draft) => draft.userPools[0]!.clients[0]!.writeAttributes.push('preferred_username'),
    );
    expect(findingsOf(design, 'mutable-claim')).toHaveLength(1);
  });
});

describe('variable-not-in-session with default values and Deny statements', () => {
  // `${key, 'default'}` resolves to the default when the key is missing:
  // https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_variables.html#policy-vars-default-values
  it('does not report a variable that carries a default value', () => {
    const design = baseDesign({
      pool: { authenticatedRoleId: 'User' },
      roles: [
        roleWith('User', [
          {
            Effect: 'Allow',
            Action: 's3:GetObject',
            Resource: "arn:aws:s3:::bucket/${aws:PrincipalTag/team, 'shared'}/*",
          },
        ]),
      ],
    });
    expect(findingsOf(design, 'variable-not-in-session')).toEqual([]);
  });

  // An unresolved variable makes the statement not apply; for a Deny, identities without the tag
  // are then not denied: https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_variables.html
  function partlyTagged(statement: Record<string, unknown>) {
    return baseDesign(
      {
        pool: {
          authenticatedRoleId: 'User',
          acceptedProviders: [USER_POOL_REF, { type: 'provider', providerId: 'google' }],
          principalTags: [{ provider: USER_POOL_REF, useDefaults: false, tags: { tenant: 'custom:tenant' } }],
        },
        roles: [
          roleWith('User', [
            { Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::bucket/*' },
            statement,
          ]),
        ],
      },
      (draft) => draft.providers.push(aProvider('google', { id: 'google' })),
    );
  }

  it('rates a principal tag missing on some routes high in a Deny, low in an Allow', () => {
    const severities = (statement: Record<string, unknown>) =>
      findingsOf(partlyTagged(statement), 'variable-not-in-session').map((finding) => finding.severity);
    expect(
      severities({
        Effect: 'Deny',
        Action: 's3:GetObject',
        NotResource: 'arn:aws:s3:::bucket/${aws:PrincipalTag/tenant}/*',
      }),
    ).toEqual(['high']);
    expect(
      severities({
        Effect: 'Allow',
        Action: 's3:PutObject',
        Resource: 'arn:aws:s3:::bucket/${aws:PrincipalTag/tenant}/*',
      }),
    ).toEqual(['low']);
  });
});

describe('privilege-escalation and the statement resources', () => {
  function userDesign(statement: Record<string, unknown>) {
    return baseDesign({ pool: { authenticatedRoleId: 'User' }, roles: [roleWith('User', [statement])] });
  }

  // A statement applies only when the request's resource matches its Resource element; iam:PassRole's
  // resource is a role ARN: https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_resource.html
  it('does not claim that "Action": "*" on S3 objects grants iam:PassRole', () => {
    expect(
      findingsOf(
        userDesign({ Effect: 'Allow', Action: '*', Resource: 'arn:aws:s3:::bucket/*' }),
        'privilege-escalation',
      ),
    ).toEqual([]);
  });

  it('still flags "*" and NotAction on every resource or on IAM roles', () => {
    for (const statement of [
      { Effect: 'Allow', Action: '*', Resource: '*' },
      { Effect: 'Allow', NotAction: 's3:DeleteObject', Resource: '*' },
      { Effect: 'Allow', Action: 'iam:PassRole', Resource: 'arn:aws:iam::111122223333:role/*' },
      {
        Effect: 'Allow',
        Action: 'ssm:StartSession',
        Resource: 'arn:aws:ec2:us-east-1:111122223333:instance/*',
      },
      { Effect: 'Allow', Action: '*', NotResource: 'arn:aws:s3:::bucket/*' },
    ]) {
      expect(
        findingsOf(userDesign(statement), 'privilege-escalation'),
        JSON.stringify(statement),
      ).toHaveLength(1);
    }
  });
});
