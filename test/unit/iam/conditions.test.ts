// Set operators on multi-valued keys and the structure of Condition blocks. Expected values come from the
// AWS IAM User Guide, "Condition operators" and "Single-valued vs. multivalued context keys".
import { describe, expect, it } from 'vitest';
import { conditionGrants, runConditionTable as run } from './helpers';

describe('set operators on multi-valued keys', () => {
  const amr = 'cognito-identity.amazonaws.com:amr';
  run([
    {
      name: 'ForAnyValue: one value matches',
      operator: 'ForAnyValue:StringLike',
      key: amr,
      policy: 'authenticated',
      request: ['authenticated', 'graph.facebook.com'],
      expected: true,
    },
    {
      name: 'ForAnyValue: none matches',
      operator: 'ForAnyValue:StringLike',
      key: amr,
      policy: 'authenticated',
      request: ['unauthenticated'],
      expected: false,
    },
    {
      name: 'ForAnyValue: absent key fails',
      operator: 'ForAnyValue:StringLike',
      key: amr,
      policy: 'authenticated',
      request: undefined,
      expected: false,
    },
    {
      name: 'ForAnyValue: empty list fails',
      operator: 'ForAnyValue:StringEquals',
      key: amr,
      policy: 'authenticated',
      request: [],
      expected: false,
    },
    {
      name: 'ForAnyValue: single-valued request',
      operator: 'ForAnyValue:StringEquals',
      key: amr,
      policy: 'authenticated',
      request: 'authenticated',
      expected: true,
    },
    {
      name: 'ForAnyValue with a negated operator: some value differs',
      operator: 'ForAnyValue:StringNotEquals',
      key: 'aws:TagKeys',
      policy: 'a',
      request: ['a', 'b'],
      expected: true,
    },
    {
      name: 'ForAnyValue …IfExists: absent key matches',
      operator: 'ForAnyValue:StringEqualsIfExists',
      key: amr,
      policy: 'authenticated',
      request: undefined,
      expected: true,
    },
    {
      name: 'ForAllValues: every value listed',
      operator: 'ForAllValues:StringEquals',
      key: 'aws:TagKeys',
      policy: ['a', 'b', 'c'],
      request: ['a', 'b'],
      expected: true,
    },
    {
      name: 'ForAllValues: one value not listed',
      operator: 'ForAllValues:StringEquals',
      key: 'aws:TagKeys',
      policy: ['a', 'b', 'c'],
      request: ['a', 'd'],
      expected: false,
    },
    {
      name: 'ForAllValues: absent key matches',
      operator: 'ForAllValues:StringEquals',
      key: 'aws:TagKeys',
      policy: ['a'],
      request: undefined,
      expected: true,
    },
    {
      name: 'ForAllValues: empty list matches',
      operator: 'ForAllValues:StringEquals',
      key: 'aws:TagKeys',
      policy: ['a'],
      request: [],
      expected: true,
    },
    {
      name: 'ForAllValues with a negated operator: no value is forbidden',
      operator: 'ForAllValues:StringNotEquals',
      key: 'aws:TagKeys',
      policy: 'secret',
      request: ['a', 'b'],
      expected: true,
    },
    {
      name: 'ForAllValues with a negated operator: one value is forbidden',
      operator: 'ForAllValues:StringNotEquals',
      key: 'aws:TagKeys',
      policy: 'secret',
      request: ['a', 'secret'],
      expected: false,
    },
    {
      name: 'single-valued operator on multi-valued amr fails',
      operator: 'StringEquals',
      key: amr,
      policy: 'authenticated',
      request: ['authenticated', 'accounts.google.com'],
      expected: false,
    },
  ]);
});

describe('condition structure', () => {
  it('matches condition keys case-insensitively', () => {
    expect(
      conditionGrants(
        { StringEquals: { 'AWS:PrincipalTag/Team': 'blue' } },
        { 'aws:principaltag/team': 'blue' },
      ),
    ).toBe(true);
  });

  it('ANDs keys within an operator', () => {
    const condition = {
      StringEquals: { 'aws:PrincipalTag/team': 'blue', 'aws:PrincipalTag/level': 'admin' },
    };
    expect(
      conditionGrants(condition, { 'aws:PrincipalTag/team': 'blue', 'aws:PrincipalTag/level': 'admin' }),
    ).toBe(true);
    expect(
      conditionGrants(condition, { 'aws:PrincipalTag/team': 'blue', 'aws:PrincipalTag/level': 'user' }),
    ).toBe(false);
  });

  it('ANDs operator blocks', () => {
    const condition = {
      StringEquals: { 'aws:PrincipalTag/team': 'blue' },
      Bool: { 'aws:SecureTransport': 'true' },
    };
    expect(
      conditionGrants(condition, { 'aws:PrincipalTag/team': 'blue', 'aws:SecureTransport': 'true' }),
    ).toBe(true);
    expect(
      conditionGrants(condition, { 'aws:PrincipalTag/team': 'blue', 'aws:SecureTransport': 'false' }),
    ).toBe(false);
  });

  it('never matches an unknown operator', () => {
    expect(conditionGrants({ StringEqualz: { 'aws:username': 'alice' } }, { 'aws:username': 'alice' })).toBe(
      false,
    );
  });

  it('assumption: a request value that is not an ARN satisfies no Arn operator, negated ones included', () => {
    const context = { 'aws:SourceArn': '2001:db8:ffff::10' };
    expect(
      conditionGrants({ ArnNotLike: { 'aws:SourceArn': 'arn:aws:*:eu-west-1:123456789012:*' } }, context),
    ).toBe(false);
    expect(
      conditionGrants({ ArnLike: { 'aws:SourceArn': 'arn:aws:*:eu-west-1:123456789012:*' } }, context),
    ).toBe(false);
  });

  it('assumption: an empty context value is substituted into a variable as an empty string', () => {
    const condition = { StringEquals: { 'aws:PrincipalTag/team': '${aws:PrincipalTag/team}' } };
    expect(conditionGrants(condition, { 'aws:PrincipalTag/team': '' })).toBe(true);
  });

  it('reads operator names case-insensitively', () => {
    expect(conditionGrants({ stringequals: { 'aws:username': 'alice' } }, { 'aws:username': 'alice' })).toBe(
      true,
    );
  });
});
