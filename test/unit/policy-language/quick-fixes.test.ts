// Each quick fix, applied to policy text, yields a policy that the engine evaluates as intended.

import { describe, expect, it } from 'vitest';
import { evaluateDecision, type ContextValue } from '../../../shared/iam';
import {
  addVersionFix,
  applyQuickFix,
  readOnlyActionsFix,
  scopeToIdentityFix,
  trustConditionsFix,
} from '../../../shared/policy-language/quick-fixes';
import { insertTemplateEdits, STATEMENT_TEMPLATES } from '../../../shared/policy-language/templates';
import { applyEdits } from 'jsonc-parser';
import { policyProblems } from '../../../shared/policy-language/design-problems';
import { createIamDataCatalog } from '../../../src-main/services/catalog/iam-data-catalog';

const catalog = createIamDataCatalog();
const PRINCIPAL = 'arn:aws:sts::111122223333:assumed-role/Users/CognitoIdentityCredentials';
const ALICE = 'us-east-1:aaaaaaaa-0000-4000-8000-000000000001';
const BOB = 'us-east-1:bbbbbbbb-0000-4000-8000-000000000002';
const POOL = 'us-east-1:6f1a2b3c-4d5e-4f60-8a71-92b3c4d5e6f7';

function decide(text: string, action: string, resource: string, context: Record<string, ContextValue> = {}) {
  return evaluateDecision({
    request: { principal: PRINCIPAL, action, resource, context },
    identityPolicies: [{ document: JSON.parse(text) }],
  });
}

const alice = { 'cognito-identity.amazonaws.com:sub': ALICE };

describe('quick fixes', () => {
  it('adding Version makes a policy variable resolve instead of being literal text', () => {
    const text = JSON.stringify(
      {
        Statement: [
          {
            Effect: 'Allow',
            Action: 's3:GetObject',
            Resource: 'arn:aws:s3:::media/${cognito-identity.amazonaws.com:sub}/*',
          },
        ],
      },
      null,
      2,
    );
    expect(decide(text, 's3:GetObject', `arn:aws:s3:::media/${ALICE}/a.jpg`, alice)).toBe('ImplicitlyDenied');
    const fixed = applyQuickFix(text, addVersionFix(text));
    expect(JSON.parse(fixed).Version).toBe('2012-10-17');
    expect(decide(fixed, 's3:GetObject', `arn:aws:s3:::media/${ALICE}/a.jpg`, alice)).toBe('Allowed');
  });

  it('scoping an S3 statement to the identity lets each identity reach only its own prefix', () => {
    const text = JSON.stringify(
      {
        Version: '2012-10-17',
        Statement: [{ Effect: 'Allow', Action: ['s3:PutObject'], Resource: 'arn:aws:s3:::media/*' }],
      },
      null,
      2,
    );
    const fix = scopeToIdentityFix(text, 0);
    expect(fix).toBeDefined();
    const fixed = applyQuickFix(text, fix!);
    expect(decide(fixed, 's3:PutObject', `arn:aws:s3:::media/${ALICE}/a.jpg`, alice)).toBe('Allowed');
    expect(decide(fixed, 's3:PutObject', `arn:aws:s3:::media/${BOB}/a.jpg`, alice)).toBe('ImplicitlyDenied');
    expect(scopeToIdentityFix(fixed, 0)).toBeUndefined();
  });

  it('scoping a DynamoDB statement keys the items by the identity id', () => {
    const table = 'arn:aws:dynamodb:us-east-1:111122223333:table/Notes';
    const text = JSON.stringify({
      Version: '2012-10-17',
      Statement: [{ Effect: 'Allow', Action: 'dynamodb:GetItem', Resource: table }],
    });
    const fixed = applyQuickFix(text, scopeToIdentityFix(text, 0)!);
    expect(decide(fixed, 'dynamodb:GetItem', table, { ...alice, 'dynamodb:LeadingKeys': [ALICE] })).toBe(
      'Allowed',
    );
    expect(decide(fixed, 'dynamodb:GetItem', table, { ...alice, 'dynamodb:LeadingKeys': [BOB] })).toBe(
      'ImplicitlyDenied',
    );
  });

  it('adding aud and amr to a trust policy admits only signed-in identities of the design pools', () => {
    const text = JSON.stringify(
      {
        Version: '2012-10-17',
        Statement: [
          {
            Effect: 'Allow',
            Principal: { Federated: 'cognito-identity.amazonaws.com' },
            Action: 'sts:AssumeRoleWithWebIdentity',
          },
        ],
      },
      null,
      2,
    );
    const fixed = applyQuickFix(text, trustConditionsFix(text, 0, [POOL], 'authenticated'));
    const assume = (aud: string, amr: string[]) =>
      evaluateDecision({
        request: {
          principal: 'cognito-identity.amazonaws.com',
          action: 'sts:AssumeRoleWithWebIdentity',
          resource: 'arn:aws:iam::111122223333:role/Users',
          context: { 'cognito-identity.amazonaws.com:aud': aud, 'cognito-identity.amazonaws.com:amr': amr },
        },
        identityPolicies: [],
        resourcePolicy: { document: JSON.parse(fixed) },
        trustPolicyMode: true,
      });
    expect(assume(POOL, ['authenticated', 'accounts.google.com'])).toBe('Allowed');
    expect(assume(POOL, ['unauthenticated'])).toBe('ImplicitlyDenied');
    expect(assume('us-east-1:00000000-0000-4000-8000-000000000000', ['authenticated'])).toBe(
      'ImplicitlyDenied',
    );
  });

  it("replacing a guest role's write actions keeps only read-only ones", async () => {
    const text = JSON.stringify({
      Version: '2012-10-17',
      Statement: [{ Effect: 'Allow', Action: ['s3:*'], Resource: 'arn:aws:s3:::public/*' }],
    });
    const fix = await readOnlyActionsFix(text, 0, catalog);
    const fixed = applyQuickFix(text, fix!);
    expect(decide(fixed, 's3:GetObject', 'arn:aws:s3:::public/a.jpg')).toBe('Allowed');
    expect(decide(fixed, 's3:PutObject', 'arn:aws:s3:::public/a.jpg')).toBe('ImplicitlyDenied');
    expect(decide(fixed, 's3:DeleteObject', 'arn:aws:s3:::public/a.jpg')).toBe('ImplicitlyDenied');
    expect(await readOnlyActionsFix(fixed, 0, catalog)).toBeUndefined();
  });
});

describe('statement templates', () => {
  it('each template appends a statement that the validation accepts', async () => {
    const account = { accountId: '111122223333', partition: 'aws' as const, region: 'us-east-1' };
    const start = '{\n  "Version": "2012-10-17",\n  "Statement": []\n}';
    for (const template of STATEMENT_TEMPLATES) {
      const text = applyEdits(start, insertTemplateEdits(start, template, account));
      const problems = await policyProblems(text, 'identity', catalog);
      expect(
        problems.filter((problem) => problem.severity === 'error'),
        template.id,
      ).toEqual([]);
      expect(JSON.parse(text).Statement).toHaveLength(1);
    }
  });

  it('the per-identity S3 template allows the identity its own prefix only', () => {
    const account = { accountId: '111122223333', partition: 'aws' as const, region: 'us-east-1' };
    const template = STATEMENT_TEMPLATES.find((entry) => entry.id === 's3-identity-prefix')!;
    const text = applyEdits('', insertTemplateEdits('', template, account));
    expect(decide(text, 's3:GetObject', `arn:aws:s3:::BUCKET/${ALICE}/x`, alice)).toBe('Allowed');
    expect(decide(text, 's3:GetObject', `arn:aws:s3:::BUCKET/${BOB}/x`, alice)).toBe('ImplicitlyDenied');
  });
});
