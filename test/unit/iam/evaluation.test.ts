// Policy evaluation logic: explicit deny, identity policies, session policies, permissions boundaries and
// same-account / cross-account resource policies, per the AWS IAM User Guide "Policy evaluation logic".
import { describe, expect, it } from 'vitest';
import {
  account,
  allowAll,
  allowGet,
  allowWith,
  aRequest,
  bucketPolicy,
  decide,
  denyGet,
  getObject,
  nothing,
  roleArn,
  sessionArn,
} from './helpers';

describe('identity-based policies', () => {
  it('allows what an Allow statement grants', () => {
    expect(decide({ request: getObject, identityPolicies: [allowGet] })).toBe('Allowed');
  });

  it('denies implicitly when nothing allows', () => {
    expect(decide({ request: getObject, identityPolicies: [nothing] })).toBe('ImplicitlyDenied');
    expect(decide({ request: getObject, identityPolicies: [] })).toBe('ImplicitlyDenied');
  });

  it('lets an explicit Deny win over an Allow in another policy', () => {
    expect(decide({ request: getObject, identityPolicies: [allowAll, denyGet] })).toBe('ExplicitlyDenied');
  });

  it.each([
    ['S3:GETOBJECT', true],
    ['s3:Get*', true],
    ['s3:Get?bject', true],
    ['s3:*', true],
    ['*', true],
    ['s3:Put*', false],
    ['ec2:*', false],
    ['s3', false],
  ])('matches Action %s case-insensitively with wildcards: %s', (action, expected) => {
    const decision = decide({
      request: getObject,
      identityPolicies: [{ document: allowWith({ Action: action }) }],
    });
    expect(decision === 'Allowed').toBe(expected);
  });

  it('grants everything except the NotAction list', () => {
    const policy = { document: allowWith({ Action: undefined, NotAction: ['iam:*', 's3:Put*'] }) };
    expect(decide({ request: getObject, identityPolicies: [policy] })).toBe('Allowed');
    expect(decide({ request: aRequest({ action: 'iam:CreateUser' }), identityPolicies: [policy] })).toBe(
      'ImplicitlyDenied',
    );
    expect(decide({ request: aRequest({ action: 's3:PutObject' }), identityPolicies: [policy] })).toBe(
      'ImplicitlyDenied',
    );
  });

  it.each([
    ['arn:aws:s3:::photos/*', 'arn:aws:s3:::photos/alice/2024/cat.jpg', true],
    ['arn:aws:s3:::Photos/*', 'arn:aws:s3:::photos/alice/cat.jpg', false],
    ['arn:aws:s3:::photos/alice/???.jpg', 'arn:aws:s3:::photos/alice/cat.jpg', true],
    [
      'arn:aws:dynamodb:*:123456789012:table/Photos',
      'arn:aws:dynamodb:us-east-1:123456789012:table/Photos',
      true,
    ],
    [
      'arn:aws:dynamodb:*:123456789012:table/Photos',
      'arn:aws:dynamodb:us-east-1:999999999999:table/Photos',
      false,
    ],
    [
      'arn:aws:dynamodb:us-east-1:123456789012:table/Photos/*',
      'arn:aws:dynamodb:us-east-1:123456789012:table/Photos/index/byDate',
      true,
    ],
    ['arn:aws:s3:*', 'arn:aws:s3:::photos/alice/cat.jpg', true],
  ])('Resource %s covers %s: %s', (pattern, resource, expected) => {
    const decision = decide({
      request: aRequest({ resource }),
      identityPolicies: [{ document: allowWith({ Resource: pattern }) }],
    });
    expect(decision === 'Allowed').toBe(expected);
  });

  it('denies everything outside a NotResource list', () => {
    const guard = {
      document: {
        Version: '2012-10-17',
        Statement: { Effect: 'Deny', Action: 's3:*', NotResource: 'arn:aws:s3:::photos/*' },
      },
    };
    expect(decide({ request: getObject, identityPolicies: [allowAll, guard] })).toBe('Allowed');
    expect(
      decide({
        request: aRequest({ resource: 'arn:aws:s3:::secrets/key' }),
        identityPolicies: [allowAll, guard],
      }),
    ).toBe('ExplicitlyDenied');
  });

  it('answers from the current content of a document edited in place', () => {
    const document = {
      Version: '2012-10-17',
      Statement: [{ Effect: 'Allow', Action: 's3:GetObject', Resource: '*' }],
    };
    expect(decide({ request: getObject, identityPolicies: [{ document }] })).toBe('Allowed');
    (document.Statement[0] as { Effect: string }).Effect = 'Deny';
    expect(decide({ request: getObject, identityPolicies: [{ document }] })).toBe('ExplicitlyDenied');
  });

  it('accepts a compiled policy and a JSON text policy alike', async () => {
    const { compilePolicy } = await import('../../../shared/iam');
    expect(decide({ request: getObject, identityPolicies: [compilePolicy(allowGet, 'identity')] })).toBe(
      'Allowed',
    );
    expect(
      decide({ request: getObject, identityPolicies: [{ document: JSON.stringify(allowGet.document) }] }),
    ).toBe('Allowed');
  });
});

describe('session policies', () => {
  it('limit the identity-based policies to their intersection', () => {
    expect(decide({ request: getObject, identityPolicies: [allowAll], sessionPolicies: [allowGet] })).toBe(
      'Allowed',
    );
    const put = aRequest({ action: 's3:PutObject' });
    expect(decide({ request: put, identityPolicies: [allowAll], sessionPolicies: [allowGet] })).toBe(
      'ImplicitlyDenied',
    );
  });

  it('act as one set: an allow in any of them counts', () => {
    expect(
      decide({ request: getObject, identityPolicies: [allowAll], sessionPolicies: [nothing, allowGet] }),
    ).toBe('Allowed');
  });

  it('cannot grant what the identity-based policies do not', () => {
    expect(decide({ request: getObject, identityPolicies: [nothing], sessionPolicies: [allowAll] })).toBe(
      'ImplicitlyDenied',
    );
  });

  it('deny explicitly with a Deny statement', () => {
    expect(
      decide({ request: getObject, identityPolicies: [allowAll], sessionPolicies: [allowAll, denyGet] }),
    ).toBe('ExplicitlyDenied');
  });

  it('do not limit anything when the list is empty', () => {
    expect(decide({ request: getObject, identityPolicies: [allowGet], sessionPolicies: [] })).toBe('Allowed');
  });
});

describe('permissions boundary', () => {
  it('must allow too', () => {
    expect(decide({ request: getObject, identityPolicies: [allowAll], permissionsBoundary: allowGet })).toBe(
      'Allowed',
    );
    expect(decide({ request: getObject, identityPolicies: [allowAll], permissionsBoundary: nothing })).toBe(
      'ImplicitlyDenied',
    );
  });

  it('grants nothing by itself', () => {
    expect(decide({ request: getObject, identityPolicies: [nothing], permissionsBoundary: allowAll })).toBe(
      'ImplicitlyDenied',
    );
  });

  it('denies explicitly with a Deny statement', () => {
    expect(decide({ request: getObject, identityPolicies: [allowAll], permissionsBoundary: denyGet })).toBe(
      'ExplicitlyDenied',
    );
  });
});

describe('resource-based policies in the same account', () => {
  it('allow a role session they name even without an identity-based allow', () => {
    expect(
      decide({ request: getObject, identityPolicies: [], resourcePolicy: bucketPolicy({ AWS: sessionArn }) }),
    ).toBe('Allowed');
  });

  it('naming the session, are not limited by the permissions boundary or session policies', () => {
    const input = {
      request: getObject,
      identityPolicies: [],
      resourcePolicy: bucketPolicy({ AWS: sessionArn }),
    };
    expect(decide({ ...input, permissionsBoundary: nothing })).toBe('Allowed');
    expect(decide({ ...input, sessionPolicies: [nothing] })).toBe('Allowed');
  });

  it('naming the role ARN, allow its sessions within the permissions boundary and session policies', () => {
    const input = {
      request: getObject,
      identityPolicies: [],
      resourcePolicy: bucketPolicy({ AWS: roleArn }),
    };
    expect(decide(input)).toBe('Allowed');
    expect(decide({ ...input, permissionsBoundary: nothing })).toBe('ImplicitlyDenied');
    expect(decide({ ...input, permissionsBoundary: allowGet })).toBe('Allowed');
    expect(decide({ ...input, sessionPolicies: [nothing] })).toBe('ImplicitlyDenied');
  });

  it('naming only the account, delegate to the identity-based policies', () => {
    const resourcePolicy = bucketPolicy({ AWS: `arn:aws:iam::${account}:root` });
    expect(decide({ request: getObject, identityPolicies: [], resourcePolicy })).toBe('ImplicitlyDenied');
    expect(decide({ request: getObject, identityPolicies: [allowGet], resourcePolicy })).toBe('Allowed');
  });

  it('deny explicitly, whoever else allows', () => {
    expect(
      decide({ request: getObject, identityPolicies: [allowAll], resourcePolicy: bucketPolicy('*', 'Deny') }),
    ).toBe('ExplicitlyDenied');
  });

  it('do not apply to principals they do not name', () => {
    const other = bucketPolicy({ AWS: 'arn:aws:iam::123456789012:role/Other' });
    expect(decide({ request: getObject, identityPolicies: [], resourcePolicy: other })).toBe(
      'ImplicitlyDenied',
    );
  });
});

describe('cross-account requests', () => {
  const crossAccount = aRequest({ resourceAccount: '999999999999' });

  it('need both the identity-based policy and the resource-based policy', () => {
    expect(decide({ request: crossAccount, identityPolicies: [allowGet] })).toBe('ImplicitlyDenied');
    expect(
      decide({
        request: crossAccount,
        identityPolicies: [],
        resourcePolicy: bucketPolicy({ AWS: sessionArn }),
      }),
    ).toBe('ImplicitlyDenied');
    expect(
      decide({
        request: crossAccount,
        identityPolicies: [allowGet],
        resourcePolicy: bucketPolicy({ AWS: account }),
      }),
    ).toBe('Allowed');
  });
});

describe('NotPrincipal with Deny', () => {
  const guard = (notPrincipal: unknown): { document: unknown } => ({
    document: {
      Version: '2012-10-17',
      Statement: [{ Effect: 'Deny', NotPrincipal: notPrincipal, Action: 's3:*', Resource: '*' }],
    },
  });

  it('exempts a role session only when its account, role and session are all listed', () => {
    const all = guard({ AWS: [`arn:aws:iam::${account}:root`, roleArn, sessionArn] });
    expect(decide({ request: getObject, identityPolicies: [allowAll], resourcePolicy: all })).toBe('Allowed');
    const roleOnly = guard({ AWS: roleArn });
    expect(decide({ request: getObject, identityPolicies: [allowAll], resourcePolicy: roleOnly })).toBe(
      'ExplicitlyDenied',
    );
  });

  it('always denies a caller that has a permissions boundary', () => {
    const all = guard({ AWS: [`arn:aws:iam::${account}:root`, roleArn, sessionArn] });
    expect(
      decide({
        request: getObject,
        identityPolicies: [allowAll],
        permissionsBoundary: allowAll,
        resourcePolicy: all,
      }),
    ).toBe('ExplicitlyDenied');
  });
});
