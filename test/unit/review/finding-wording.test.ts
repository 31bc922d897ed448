// Findings say what is true: an empty Rules mapping is not a "limit exceeded", a read is not
// called write access, and one policy's statements make one finding, not one per statement.

import { describe, expect, it } from 'vitest';
import { aRule } from '../builders/design';
import { limitTitle } from '../../../shared/review/checks/limits';
import { USER_POOL_REF, baseDesign, findingsOf, roleWith } from './fixtures';

const readOwn = {
  Effect: 'Allow',
  Action: 's3:GetObject',
  Resource: 'arn:aws:s3:::bucket/${cognito-identity.amazonaws.com:sub}/*',
};

function rulesDesign(ruleCount: number) {
  const rules = Array.from({ length: ruleCount }, (_, index) => aRule('User', { value: `group-${index}` }));
  return baseDesign({
    pool: {
      authenticatedRoleId: 'User',
      roleMappings: [
        { id: 'mapping', provider: USER_POOL_REF, type: 'Rules', ambiguousRoleResolution: 'Deny', rules },
      ],
    },
    roles: [roleWith('User', [readOwn])],
  });
}

function guestDesign(statements: unknown[]) {
  return baseDesign({
    pool: { allowUnauthenticated: true, unauthenticatedRoleId: 'Guest' },
    roles: [roleWith('Guest', statements)],
  });
}

describe('limit findings', () => {
  it('calls a Rules mapping without rules what it is, not a limit exceeded', () => {
    const [finding] = findingsOf(rulesDesign(0), 'limit-exceeded');
    expect(finding?.title).toBe('Rules role mapping without rules');
    expect(finding?.title).not.toMatch(/exceeded/i);
    expect(finding?.fix).toMatch(/Add at least one rule/);
  });

  it('calls more rules than the quota a limit exceeded', () => {
    expect(findingsOf(rulesDesign(26), 'limit-exceeded').map((finding) => finding.title)).toEqual([
      'Amazon Cognito limit exceeded',
    ]);
  });

  it('names IAM limits as IAM and length ranges as lengths', () => {
    expect(limitTitle('$.roles[0].tags', 'a role has at most 50 tags (got 51)')).toBe('IAM limit exceeded');
    expect(limitTitle('$.identityPools[0].principalTags[0]', 'tag keys have 1–128 characters')).toBe(
      'Value outside the Amazon Cognito length limits',
    );
  });
});

describe('guest access findings', () => {
  it('does not call read actions write or data-plane access', () => {
    const [finding] = findingsOf(
      guestDesign([{ Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::bucket/public/*' }]),
      'guest-write-access',
    );
    expect(finding?.title).toBe('Guest role grants data reads');
    expect(`${finding?.title} ${finding?.rationale} ${finding?.fix}`).not.toMatch(/write|data-plane/i);
    expect(finding?.rationale).toContain('data reads (s3:GetObject)');
  });

  it('says write access for writes, and both when a policy grants both', () => {
    const write = {
      Effect: 'Allow',
      Action: 'dynamodb:PutItem',
      Resource: 'arn:aws:dynamodb:us-east-1:111122223333:table/T',
    };
    const read = { Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::bucket/public/*' };
    expect(findingsOf(guestDesign([write]), 'guest-write-access').map((finding) => finding.title)).toEqual([
      'Guest role grants write access',
    ]);
    expect(
      findingsOf(guestDesign([read, write]), 'guest-write-access').map((finding) => finding.title),
    ).toEqual(['Guest role grants write access and data reads']);
  });

  it('lists the statements of one policy in one finding, not once per statement', () => {
    const statements = ['kinesis:PutRecord', 'firehose:PutRecord', 'dynamodb:PutItem', 'sqs:SendMessage'].map(
      (action) => ({ Effect: 'Allow', Action: action, Resource: '*' }),
    );
    const findings = findingsOf(guestDesign(statements), 'guest-write-access');
    expect(findings).toHaveLength(1);
    expect(findings[0]?.location?.jsonPath).toBe('$.Statement[0]');
    for (const [index, statement] of statements.entries()) {
      expect(findings[0]?.rationale).toContain(
        `write access (${statement.Action}) on * [$.Statement[${index}]]`,
      );
    }
  });
});
