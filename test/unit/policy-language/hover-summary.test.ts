import { describe, expect, it } from 'vitest';
import { hoverPolicy } from '../../../shared/policy-language/hover';
import type { PolicyLanguageContext } from '../../../shared/policy-language/context';
import { rangeOfJsonPath } from '../../../shared/policy-language/json-position';
import { summarisePolicy } from '../../../shared/policy-language/summary';
import { createIamDataCatalog } from '../../../src-main/services/catalog/iam-data-catalog';

const catalog = createIamDataCatalog();
const context: PolicyLanguageContext = {
  kind: 'identity',
  catalog,
  account: { accountId: '111122223333', partition: 'aws', region: 'us-east-1' },
  variables: [
    {
      name: 'cognito-identity.amazonaws.com:sub',
      conditionsOnly: false,
      multivalued: false,
      description: 'The identity id.',
      sample: 'us-east-1:aaaaaaaa-0000-4000-8000-000000000001',
    },
  ],
  identityPoolIds: [],
  providerNames: [],
  guestOnly: false,
};

async function hoverAt(template: string) {
  const offset = template.indexOf('|');
  return hoverPolicy(template.slice(0, offset) + template.slice(offset + 1), offset, context);
}

describe('hover', () => {
  it('describes an action with its access level, resource types and condition keys', async () => {
    const hover = await hoverAt('{ "Statement": [ { "Action": "s3:Get|Object" } ] }');
    expect(hover?.markdown).toMatch(/^\*\*s3:GetObject\*\* — Read/);
    expect(hover?.markdown).toContain('Resource types: `accesspointobject`, `object`');
    expect(hover?.markdown).toContain('`s3:ExistingObjectTag/<key>`');
  });

  it('describes a condition key with its type', async () => {
    const hover = await hoverAt(
      '{ "Statement": [ { "Condition": { "Bool": { "aws:Secure|Transport": "true" } } } ] }',
    );
    expect(hover?.markdown).toMatch(/aws:SecureTransport\*\* — Bool/);
  });

  it('describes a policy variable with the sample value, its default, and variables Cognito never sets', async () => {
    const sub = await hoverAt(
      '{ "Statement": [ { "Resource": "arn:aws:s3:::b/${cognito-identity.amazonaws.com:s|ub, \'none\'}/*" } ] }',
    );
    expect(sub?.markdown).toContain('Sample persona: `us-east-1:aaaaaaaa-0000-4000-8000-000000000001`');
    expect(sub?.markdown).toContain("default 'none'");
    const facebook = await hoverAt(
      '{ "Statement": [ { "Resource": "arn:aws:s3:::b/${graph.facebook.com:i|d}/*" } ] }',
    );
    expect(facebook?.markdown).toContain('does not exist in a Cognito identity pool session');
    const escape = await hoverAt('{ "Statement": [ { "Resource": "arn:aws:s3:::b/${|*}" } ] }');
    expect(escape?.markdown).toContain('a literal `*`');
  });
});

describe('ranges of JSON paths', () => {
  it('underlines the member of a path, or the opening brace of a statement', () => {
    const text = '{\n  "Statement": [\n    { "Effect": "Alow" }\n  ]\n}';
    const effect = rangeOfJsonPath(text, '$.Statement[0].Effect')!;
    expect(text.slice(effect.start, effect.end)).toBe('"Effect": "Alow"');
    const statement = rangeOfJsonPath(text, '$.Statement[0]')!;
    expect(text.slice(statement.start, statement.end)).toBe('{');
  });
});

describe('policy summary', () => {
  it('grades access levels per service from the catalog and sees per-identity scoping', async () => {
    const summary = await summarisePolicy(
      {
        Version: '2012-10-17',
        Statement: [
          {
            Effect: 'Allow',
            Action: ['s3:GetObject', 's3:PutObject'],
            Resource: 'arn:aws:s3:::b/${cognito-identity.amazonaws.com:sub}/*',
          },
          { Effect: 'Allow', Action: 'dynamodb:*', Resource: '*' },
          { Effect: 'Deny', Action: 'iam:*', Resource: '*' },
        ],
      },
      catalog,
    );
    expect(summary.map((entry) => entry.service)).toEqual(['dynamodb', 's3']);
    const s3 = summary.find((entry) => entry.service === 's3')!;
    expect(s3.levels).toMatchObject({ Read: 'Limited', Write: 'Limited', List: 'None', Tagging: 'None' });
    expect(s3.perIdentity).toBe(true);
    const dynamodb = summary.find((entry) => entry.service === 'dynamodb')!;
    expect(dynamodb.levels).toMatchObject({ Read: 'Full', Write: 'Full', List: 'Full' });
    expect(dynamodb.perIdentity).toBe(false);
  });
});
