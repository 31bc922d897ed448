import { describe, expect, it } from 'vitest';
import { completePolicy } from '../../../shared/policy-language/completion';
import type { PolicyLanguageContext } from '../../../shared/policy-language/context';
import { sessionVariables } from '../../../shared/policy-language/session-variables';
import { loadDesign } from '../../../shared/model/io';
import { createIamDataCatalog } from '../../../src-main/services/catalog/iam-data-catalog';
import { readFileSync } from 'node:fs';

const catalog = createIamDataCatalog();

function context(overrides: Partial<PolicyLanguageContext> = {}): PolicyLanguageContext {
  return {
    kind: 'identity',
    catalog,
    account: { accountId: '111122223333', partition: 'aws', region: 'eu-west-1' },
    variables: [],
    identityPoolIds: ['eu-west-1:11111111-2222-3333-4444-555555555555'],
    providerNames: ['accounts.google.com'],
    guestOnly: false,
    ...overrides,
  };
}

/** Completes at the `|` in `template`. */
async function complete(template: string, options?: Partial<PolicyLanguageContext>) {
  const offset = template.indexOf('|');
  const text = template.slice(0, offset) + template.slice(offset + 1);
  const result = await completePolicy(text, offset, context(options));
  return { ...result, text, labels: result.items.map((item) => item.label) };
}

describe('policy completion', () => {
  it('offers top-level keys and statement keys, Principal only where the policy type allows it', async () => {
    expect((await complete('{ "|" }')).labels).toEqual(['Version', 'Id', 'Statement']);
    const identity = await complete('{ "Statement": [ { "|" } ] }');
    expect(identity.labels).toContain('Effect');
    expect(identity.labels).toContain('Resource');
    expect(identity.labels).not.toContain('Principal');
    const trust = await complete('{ "Statement": [ { "|" } ] }', { kind: 'trust' });
    expect(trust.labels).toContain('Principal');
    expect(trust.labels).not.toContain('Resource');
  });

  it('offers Allow and Deny for Effect, replacing the whole string', async () => {
    const result = await complete('{ "Statement": [ { "Effect": "Al|" } ] }');
    expect(result.labels).toEqual(['Allow', 'Deny']);
    expect(result.text.slice(result.replaceStart, result.replaceEnd)).toBe('"Al"');
  });

  it('offers service prefixes, then the service actions with access level, and wildcard counts', async () => {
    const services = await complete('{ "Statement": [ { "Action": [ "s|" ] } ] }');
    expect(services.labels).toContain('s3:');
    expect(services.labels).toContain('dynamodb:');
    const actions = await complete('{ "Statement": [ { "Action": [ "s3:Get|" ] } ] }');
    const getObject = actions.items.find((item) => item.label === 's3:GetObject');
    expect(getObject?.detail).toBe('Read');
    expect(getObject?.documentation).toMatch(/object/i);
    const all = actions.items.find((item) => item.label === 's3:*');
    const count = (await catalog.listActions('s3')).length;
    expect(all?.detail).toBe(`all ${count} actions`);
    expect(actions.items.find((item) => item.label === 's3:Get*')?.detail).toMatch(/^\d+ actions$/);
  });

  it('offers ARN templates of the statement actions with the design account filled in', async () => {
    const result = await complete('{ "Statement": [ { "Action": "s3:GetObject", "Resource": "|" } ] }');
    const object = result.items.find((item) => item.detail === 'resource type object');
    expect(object?.insertText).toBe('"arn:aws:s3:::${1:BucketName}/${2:ObjectName}"');
    const table = await complete('{ "Statement": [ { "Action": "dynamodb:GetItem", "Resource": "|" } ] }');
    expect(table.items.map((item) => item.insertText)).toContain(
      '"arn:aws:dynamodb:eu-west-1:111122223333:table/${1:TableName}"',
    );
  });

  it('offers condition operators with IfExists and set prefixes, and keys of the statement actions', async () => {
    const operators = await complete(
      '{ "Statement": [ { "Action": "s3:ListBucket", "Condition": { "|" } } ] }',
    );
    expect(operators.labels).toEqual(
      expect.arrayContaining([
        'StringEquals',
        'StringLikeIfExists',
        'ForAnyValue:StringLike',
        'ForAllValues:StringEquals',
      ]),
    );
    const keys = await complete(
      '{ "Statement": [ { "Action": "s3:ListBucket", "Condition": { "StringLike": { "|" } } } ] }',
    );
    expect(keys.labels).toContain('s3:prefix');
    expect(keys.labels).toContain('aws:SecureTransport');
    expect(keys.labels.indexOf('s3:prefix')).toBeLessThan(keys.labels.length);
    const trust = await complete('{ "Statement": [ { "Condition": { "StringEquals": { "|" } } } ] }', {
      kind: 'trust',
    });
    expect(trust.labels).toContain('cognito-identity.amazonaws.com:aud');
  });

  it('offers enumerable condition values: pool ids for aud, amr values, booleans', async () => {
    const aud = await complete(
      '{ "Statement": [ { "Condition": { "StringEquals": { "cognito-identity.amazonaws.com:aud": "|" } } } ] }',
      { kind: 'trust' },
    );
    expect(aud.labels).toEqual(['eu-west-1:11111111-2222-3333-4444-555555555555']);
    const amr = await complete(
      '{ "Statement": [ { "Condition": { "ForAnyValue:StringLike": { "cognito-identity.amazonaws.com:amr": "|" } } } ] }',
    );
    expect(amr.labels).toEqual(['authenticated', 'unauthenticated', 'accounts.google.com']);
    const secure = await complete(
      '{ "Statement": [ { "Condition": { "Bool": { "aws:SecureTransport": "|" } } } ] }',
    );
    expect(secure.labels).toEqual(['true', 'false']);
  });
});

describe('policy variables in completion', () => {
  const design = (() => {
    const loaded = loadDesign(readFileSync('assets/examples/photo-sharing.cognito-design.json', 'utf8'));
    if (!loaded.ok) throw new Error('example does not load');
    return loaded.design;
  })();

  it('offers the Cognito variables after ${ in a Resource for a role identity pools reach, amr only in conditions', async () => {
    const reachable = design.identityPools[0]?.authenticatedRoleId as string;
    const variables = sessionVariables(design, [reachable]);
    const inResource = await complete(
      '{ "Version": "2012-10-17", "Statement": [ { "Resource": "arn:aws:s3:::b/${|" } ] }',
      { variables },
    );
    expect(inResource.labels).toContain('${cognito-identity.amazonaws.com:sub}');
    expect(inResource.labels).toContain('${cognito-identity.amazonaws.com:aud}');
    expect(inResource.labels).not.toContain('${cognito-identity.amazonaws.com:amr}');
    expect(inResource.text.slice(inResource.replaceStart, inResource.replaceEnd)).toBe('${');
    const sub = inResource.items.find((item) => item.label === '${cognito-identity.amazonaws.com:sub}');
    expect(sub?.documentation).toMatch(/Sample persona: `[a-z]+-[a-z]+-\d:[0-9a-f-]{36}`/);
    const inCondition = await complete(
      '{ "Statement": [ { "Condition": { "StringLike": { "s3:prefix": "${|}" } } } ] }',
      { variables },
    );
    const amr = inCondition.items.find((item) => item.label === '${cognito-identity.amazonaws.com:amr}');
    expect(amr?.detail).toBe('conditions only, multivalued');
    expect(inCondition.text.slice(inCondition.replaceStart, inCondition.replaceEnd)).toBe('${}');
  });

  it('offers no Cognito variables for a role no identity pool reaches', async () => {
    const names = sessionVariables(design, ['no-such-role']).map((variable) => variable.name);
    expect(names).not.toContain('cognito-identity.amazonaws.com:sub');
    expect(names).toContain('aws:userid');
  });
});
