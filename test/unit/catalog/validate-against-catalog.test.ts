// Catalog warnings for policies, with the real catalog data. Which keys and resource types each
// action supports comes from the service authorization reference:
// https://docs.aws.amazon.com/service-authorization/latest/reference/list_amazons3.html
// https://docs.aws.amazon.com/service-authorization/latest/reference/list_amazondynamodb.html
import { describe, expect, it } from 'vitest';
import { validatePolicyAgainstCatalog } from '../../../shared/iam/catalog';
import { createIamDataCatalog } from '../../../src-main/services/catalog/iam-data-catalog';

const catalog = createIamDataCatalog();
const table = 'arn:aws:dynamodb:eu-west-1:123456789012:table/Photos';

function policy(...statements: object[]): object {
  return { Version: '2012-10-17', Statement: statements };
}

async function codes(document: unknown): Promise<Array<[string, string]>> {
  return (await validatePolicyAgainstCatalog(document, catalog)).map((issue) => [issue.code, issue.path]);
}

describe('validatePolicyAgainstCatalog: actions', () => {
  it('accepts known actions in any case, and wildcards that match something', async () => {
    const document = policy({
      Effect: 'Allow',
      Action: ['s3:GetObject', 'S3:putobject', 's3:Get*', 's3:*', '*'],
      Resource: '*',
    });
    expect(await codes(document)).toEqual([]);
  });

  it('warns on an unknown action with its JSON path', async () => {
    const document = policy({ Effect: 'Allow', Action: ['s3:GetObject', 's3:GetObjekt'], Resource: '*' });
    const issues = await validatePolicyAgainstCatalog(document, catalog);
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({
      severity: 'warning',
      code: 'unknown-action',
      path: '$.Statement[0].Action[1]',
    });
    expect(issues[0]?.message).toContain('s3:GetObjekt');
  });

  it('warns on an unknown service, also in NotAction and in a single-object Statement', async () => {
    const document = {
      Version: '2012-10-17',
      Statement: { Effect: 'Deny', NotAction: 'simplestorage:GetObject', Resource: '*' },
    };
    expect(await codes(document)).toEqual([['unknown-service', '$.Statement.NotAction']]);
  });

  it('warns when a wildcard matches no action of the service', async () => {
    const document = policy({ Effect: 'Allow', Action: 's3:Fly*', Resource: '*' });
    expect(await codes(document)).toEqual([['action-matches-nothing', '$.Statement[0].Action']]);
  });

  it('treats ? as exactly one character', async () => {
    expect(await codes(policy({ Effect: 'Allow', Action: 's3:?etObject', Resource: '*' }))).toEqual([]);
    expect(await codes(policy({ Effect: 'Allow', Action: 's3:?GetObject', Resource: '*' }))).toEqual([
      ['action-matches-nothing', '$.Statement[0].Action'],
    ]);
  });
});

describe('validatePolicyAgainstCatalog: condition keys', () => {
  it('accepts dynamodb:LeadingKeys for dynamodb:GetItem', async () => {
    const document = policy({
      Effect: 'Allow',
      Action: 'dynamodb:GetItem',
      Resource: table,
      Condition: {
        'ForAllValues:StringEquals': { 'dynamodb:LeadingKeys': ['${cognito-identity.amazonaws.com:sub}'] },
      },
    });
    expect(await codes(document)).toEqual([]);
  });

  it('warns on dynamodb:LeadingKeys for s3:GetObject, naming the key path', async () => {
    const document = policy({
      Effect: 'Allow',
      Action: 's3:GetObject',
      Resource: 'arn:aws:s3:::photos/*',
      Condition: { 'ForAllValues:StringEquals': { 'dynamodb:LeadingKeys': ['x'] } },
    });
    expect(await codes(document)).toEqual([
      [
        'condition-key-not-supported',
        '$.Statement[0].Condition["ForAllValues:StringEquals"]["dynamodb:LeadingKeys"]',
      ],
    ]);
  });

  it('allows global aws:* keys, Cognito identity keys and global keys of other prefixes everywhere', async () => {
    const document = policy({
      Effect: 'Allow',
      Action: 's3:GetObject',
      Resource: 'arn:aws:s3:::photos/*',
      Condition: {
        StringEquals: {
          'aws:PrincipalTag/team': 'a',
          'aws:SourceVpc': 'vpc-1',
          'cognito-identity.amazonaws.com:aud': 'eu-west-1:1',
          'lambda:SourceFunctionArn': 'arn:aws:lambda:eu-west-1:123456789012:function:f',
        },
        'ForAnyValue:StringLike': { 'cognito-identity.amazonaws.com:amr': 'authenticated' },
      },
    });
    expect(await codes(document)).toEqual([]);
  });

  it('matches key templates such as s3:ExistingObjectTag/<key> and aws:RequestTag/${TagKey}', async () => {
    const document = policy({
      Effect: 'Allow',
      Action: ['s3:GetObject', 'dynamodb:TagResource'],
      Resource: '*',
      Condition: { StringEquals: { 's3:ExistingObjectTag/owner': 'me' } },
    });
    // dynamodb:TagResource never carries an S3 object tag.
    expect(await codes(document)).toEqual([
      ['condition-key-not-supported', '$.Statement[0].Condition.StringEquals["s3:ExistingObjectTag/owner"]'],
    ]);
  });

  it('accepts a key if some action a wildcard stands for supports it', async () => {
    const document = policy({
      Effect: 'Allow',
      Action: 's3:List*',
      Resource: 'arn:aws:s3:::photos',
      Condition: { StringLike: { 's3:prefix': 'a/*' } },
    });
    expect(await codes(document)).toEqual([]);
  });

  it('accepts claims of any OIDC issuer on sts:AssumeRoleWithWebIdentity, but not elsewhere', async () => {
    const trust = policy({
      Effect: 'Allow',
      Action: 'sts:AssumeRoleWithWebIdentity',
      Resource: '*',
      Condition: { StringEquals: { 'login.example.com:sub': 'x', 'accounts.google.com:aud': 'y' } },
    });
    expect(await codes(trust)).toEqual([]);
    const elsewhere = policy({
      Effect: 'Allow',
      Action: 's3:GetObject',
      Resource: '*',
      Condition: { StringEquals: { 'login.example.com:sub': 'x' } },
    });
    expect(await codes(elsewhere)).toEqual([
      ['condition-key-not-supported', '$.Statement[0].Condition.StringEquals["login.example.com:sub"]'],
    ]);
  });
});

describe('validatePolicyAgainstCatalog: resources', () => {
  it('accepts resources that match a resource type, with wildcards and variables', async () => {
    const document = policy({
      Effect: 'Allow',
      Action: ['s3:GetObject', 's3:PutObject'],
      Resource: [
        'arn:aws:s3:::photos/${cognito-identity.amazonaws.com:sub}/*',
        'arn:aws:s3:::*',
        'arn:aws:s3:::photos/a?.jpg',
      ],
    });
    expect(await codes(document)).toEqual([]);
  });

  it('warns on a DynamoDB table given to an S3 action', async () => {
    const document = policy({
      Effect: 'Allow',
      Action: 's3:GetObject',
      Resource: ['arn:aws:s3:::photos/*', table],
    });
    expect(await codes(document)).toEqual([['resource-type-mismatch', '$.Statement[0].Resource[1]']]);
  });

  it('warns on s3:ListBucket granted on objects instead of the bucket', async () => {
    // ListBucket's resource type is the bucket (arn:aws:s3:::name); bucket names contain no "/".
    const document = policy({ Effect: 'Allow', Action: 's3:ListBucket', Resource: 'arn:aws:s3:::photos/*' });
    expect(await codes(document)).toEqual([['resource-type-mismatch', '$.Statement[0].Resource']]);
  });

  it('warns on an ARN for an action that only supports "*"', async () => {
    const document = policy({
      Effect: 'Allow',
      Action: 's3:ListAllMyBuckets',
      Resource: 'arn:aws:s3:::photos',
    });
    expect(await codes(document)).toEqual([['resource-type-mismatch', '$.Statement[0].Resource']]);
    expect(await codes(policy({ Effect: 'Allow', Action: 's3:ListAllMyBuckets', Resource: '*' }))).toEqual(
      [],
    );
  });

  it('accepts log group names with slashes', async () => {
    const document = policy({
      Effect: 'Allow',
      Action: 'logs:CreateLogStream',
      Resource: 'arn:aws:logs:eu-west-1:123456789012:log-group:/aws/lambda/f:*',
    });
    expect(await codes(document)).toEqual([]);
  });

  it('stays silent about resources when an action cannot be resolved', async () => {
    const document = policy({ Effect: 'Allow', Action: ['*', 's3:GetObject'], Resource: table });
    expect(await codes(document)).toEqual([]);
  });
});

describe('validatePolicyAgainstCatalog: malformed input', () => {
  it('skips what it cannot read instead of throwing', async () => {
    for (const document of [
      null,
      42,
      'text',
      [],
      {},
      { Statement: 7 },
      { Statement: [null, 'x', { Action: 5 }, { Action: [1, 's3:GetObject'], Condition: 'x' }] },
    ]) {
      await expect(validatePolicyAgainstCatalog(document, catalog)).resolves.toEqual([]);
    }
  });
});
