// Condition operators, one table per family. Expected values come from the AWS IAM User Guide,
// "IAM JSON policy elements: Condition operators" and "Single-valued vs. multivalued context keys".
import { describe, expect, it } from 'vitest';
import type { ContextValue } from '../../../shared/iam';
import { conditionGrants } from './helpers';

interface Row {
  name: string;
  operator: string;
  key: string;
  policy: unknown;
  request: ContextValue | undefined;
  expected: boolean;
}

function run(rows: Row[]): void {
  it.each(rows)('$name', ({ operator, key, policy, request, expected }) => {
    const context: Record<string, ContextValue> = request === undefined ? {} : { [key]: request };
    expect(conditionGrants({ [operator]: { [key]: policy } }, context)).toBe(expected);
  });
}

describe('String operators', () => {
  const key = 'aws:PrincipalTag/team';
  run([
    { name: 'StringEquals equal', operator: 'StringEquals', key, policy: 'blue', request: 'blue', expected: true },
    { name: 'StringEquals is case-sensitive', operator: 'StringEquals', key, policy: 'blue', request: 'Blue', expected: false },
    { name: 'StringEquals values are ORed', operator: 'StringEquals', key, policy: ['red', 'blue'], request: 'blue', expected: true },
    { name: 'StringEquals absent key fails', operator: 'StringEquals', key, policy: 'blue', request: undefined, expected: false },
    { name: 'StringEqualsIfExists absent key matches', operator: 'StringEqualsIfExists', key, policy: 'blue', request: undefined, expected: true },
    { name: 'StringEqualsIfExists present key compares', operator: 'StringEqualsIfExists', key, policy: 'blue', request: 'red', expected: false },
    { name: 'StringEquals without a set operator fails on a multi-valued key', operator: 'StringEquals', key, policy: 'blue', request: ['blue', 'red'], expected: false },
    { name: 'StringNotEquals different', operator: 'StringNotEquals', key, policy: 'blue', request: 'red', expected: true },
    { name: 'StringNotEquals equal', operator: 'StringNotEquals', key, policy: 'blue', request: 'blue', expected: false },
    { name: 'StringNotEquals equal to any listed value fails', operator: 'StringNotEquals', key, policy: ['red', 'blue'], request: 'blue', expected: false },
    { name: 'StringNotEquals absent key matches', operator: 'StringNotEquals', key, policy: 'blue', request: undefined, expected: true },
    { name: 'StringNotEquals fails on a multi-valued key', operator: 'StringNotEquals', key, policy: 'x', request: ['a', 'b'], expected: false },
    { name: 'StringEqualsIgnoreCase folds case', operator: 'StringEqualsIgnoreCase', key, policy: 'BLUE', request: 'blue', expected: true },
    { name: 'StringNotEqualsIgnoreCase same letters fails', operator: 'StringNotEqualsIgnoreCase', key, policy: 'BLUE', request: 'blue', expected: false },
    { name: 'StringNotEqualsIgnoreCase different', operator: 'StringNotEqualsIgnoreCase', key, policy: 'BLUE', request: 'red', expected: true },
    { name: 'StringLike star spans slashes', operator: 'StringLike', key: 's3:prefix', policy: 'home/*', request: 'home/a/b', expected: true },
    { name: 'StringLike question mark is one character', operator: 'StringLike', key: 's3:prefix', policy: 'home/?', request: 'home/ab', expected: false },
    { name: 'StringLike question mark matches one', operator: 'StringLike', key: 's3:prefix', policy: 'home/?', request: 'home/a', expected: true },
    { name: 'StringLike is case-sensitive', operator: 'StringLike', key: 's3:prefix', policy: 'Home/*', request: 'home/a', expected: false },
    { name: 'StringEquals treats * literally', operator: 'StringEquals', key: 's3:prefix', policy: 'home/*', request: 'home/a', expected: false },
    { name: 'StringNotLike outside the pattern', operator: 'StringNotLike', key: 's3:prefix', policy: 'home/*', request: 'tmp/a', expected: true },
    { name: 'StringNotLike inside the pattern', operator: 'StringNotLike', key: 's3:prefix', policy: 'home/*', request: 'home/a', expected: false },
    { name: 'StringNotLike absent key matches', operator: 'StringNotLike', key: 's3:prefix', policy: 'home/*', request: undefined, expected: true },
  ]);
});

describe('Numeric operators', () => {
  const key = 's3:max-keys';
  run([
    { name: 'NumericEquals equal', operator: 'NumericEquals', key, policy: '10', request: '10', expected: true },
    { name: 'NumericEquals compares numbers, not text', operator: 'NumericEquals', key, policy: '10.0', request: '10', expected: true },
    { name: 'NumericEquals accepts a JSON number', operator: 'NumericEquals', key, policy: 10, request: '10', expected: true },
    { name: 'NumericEquals non-number request value', operator: 'NumericEquals', key, policy: '10', request: 'ten', expected: false },
    { name: 'NumericNotEquals different', operator: 'NumericNotEquals', key, policy: '10', request: '11', expected: true },
    { name: 'NumericNotEquals absent key matches', operator: 'NumericNotEquals', key, policy: '10', request: undefined, expected: true },
    { name: 'NumericLessThan below', operator: 'NumericLessThan', key, policy: '10', request: '9', expected: true },
    { name: 'NumericLessThan equal', operator: 'NumericLessThan', key, policy: '10', request: '10', expected: false },
    { name: 'NumericLessThanEquals equal', operator: 'NumericLessThanEquals', key, policy: '10', request: '10', expected: true },
    { name: 'NumericGreaterThan above', operator: 'NumericGreaterThan', key, policy: '10', request: '11', expected: true },
    { name: 'NumericGreaterThanEquals below', operator: 'NumericGreaterThanEquals', key, policy: '10', request: '9', expected: false },
    { name: 'NumericLessThan absent key fails', operator: 'NumericLessThan', key, policy: '10', request: undefined, expected: false },
    { name: 'NumericLessThanIfExists absent key matches', operator: 'NumericLessThanIfExists', key, policy: '10', request: undefined, expected: true },
  ]);
});

describe('Date operators', () => {
  const key = 'aws:CurrentTime';
  run([
    { name: 'DateGreaterThan later', operator: 'DateGreaterThan', key, policy: '2020-01-01T00:00:00Z', request: '2024-05-01T00:00:00Z', expected: true },
    { name: 'DateLessThan later', operator: 'DateLessThan', key, policy: '2020-01-01T00:00:00Z', request: '2024-05-01T00:00:00Z', expected: false },
    { name: 'DateEquals epoch seconds equals ISO', operator: 'DateEquals', key: 'aws:EpochTime', policy: '1577836800', request: '2020-01-01T00:00:00Z', expected: true },
    { name: 'DateLessThanEquals same instant, other zone', operator: 'DateLessThanEquals', key, policy: '2020-01-01T01:00:00+01:00', request: '2020-01-01T00:00:00Z', expected: true },
    { name: 'DateGreaterThanEquals date only', operator: 'DateGreaterThanEquals', key, policy: '2024-05-01', request: '2024-05-01T00:00:00Z', expected: true },
    { name: 'DateNotEquals absent key matches', operator: 'DateNotEquals', key, policy: '2020-01-01T00:00:00Z', request: undefined, expected: true },
    { name: 'DateGreaterThan unreadable request date', operator: 'DateGreaterThan', key, policy: '2020-01-01T00:00:00Z', request: 'yesterday', expected: false },
  ]);
});

describe('Bool and BinaryEquals', () => {
  const key = 'aws:SecureTransport';
  run([
    { name: 'Bool true', operator: 'Bool', key, policy: 'true', request: 'true', expected: true },
    { name: 'Bool JSON boolean', operator: 'Bool', key, policy: true, request: 'true', expected: true },
    { name: 'Bool mismatch', operator: 'Bool', key, policy: 'false', request: 'true', expected: false },
    { name: 'Bool absent key fails', operator: 'Bool', key, policy: 'false', request: undefined, expected: false },
    { name: 'BoolIfExists absent key matches', operator: 'BoolIfExists', key, policy: 'false', request: undefined, expected: true },
    { name: 'BinaryEquals same base64', operator: 'BinaryEquals', key: 'custom:blob', policy: 'QmluYXJ5VmFsdWU=', request: 'QmluYXJ5VmFsdWU=', expected: true },
    { name: 'BinaryEquals other', operator: 'BinaryEquals', key: 'custom:blob', policy: 'QmluYXJ5VmFsdWU=', request: 'T3RoZXI=', expected: false },
  ]);
});

describe('IP address operators', () => {
  const key = 'aws:SourceIp';
  run([
    { name: 'IpAddress in IPv4 CIDR', operator: 'IpAddress', key, policy: '203.0.113.0/24', request: '203.0.113.9', expected: true },
    { name: 'IpAddress outside IPv4 CIDR', operator: 'IpAddress', key, policy: '203.0.113.0/24', request: '198.51.100.1', expected: false },
    { name: 'IpAddress single address', operator: 'IpAddress', key, policy: '203.0.113.9', request: '203.0.113.9', expected: true },
    { name: 'IpAddress in IPv6 CIDR (hex case ignored)', operator: 'IpAddress', key, policy: '2001:DB8:1234:5678::/64', request: '2001:db8:1234:5678::1', expected: true },
    { name: 'IpAddress outside IPv6 CIDR', operator: 'IpAddress', key, policy: '2001:DB8:1234:5678::/64', request: '2001:db8:1234:5679::1', expected: false },
    { name: 'IpAddress IPv4 range never holds an IPv6 caller', operator: 'IpAddress', key, policy: '0.0.0.0/0', request: '2001:db8::1', expected: false },
    { name: 'IpAddress /0 holds every IPv4 caller', operator: 'IpAddress', key, policy: '0.0.0.0/0', request: '192.0.2.1', expected: true },
    { name: 'NotIpAddress outside', operator: 'NotIpAddress', key, policy: '203.0.113.0/24', request: '198.51.100.1', expected: true },
    { name: 'NotIpAddress inside', operator: 'NotIpAddress', key, policy: '203.0.113.0/24', request: '203.0.113.9', expected: false },
    { name: 'NotIpAddress absent key matches', operator: 'NotIpAddress', key, policy: '203.0.113.0/24', request: undefined, expected: true },
    { name: 'IpAddress absent key fails', operator: 'IpAddress', key, policy: '203.0.113.0/24', request: undefined, expected: false },
  ]);
});

describe('ARN operators', () => {
  const key = 'aws:SourceArn';
  run([
    { name: 'ArnLike wildcard in resource part', operator: 'ArnLike', key, policy: 'arn:aws:s3:::bucket-*', request: 'arn:aws:s3:::bucket-a', expected: true },
    { name: 'ArnEquals exact', operator: 'ArnEquals', key, policy: 'arn:aws:sns:us-east-1:123456789012:topic', request: 'arn:aws:sns:us-east-1:123456789012:topic', expected: true },
    { name: 'ArnEquals other region', operator: 'ArnEquals', key, policy: 'arn:aws:sns:us-east-1:123456789012:topic', request: 'arn:aws:sns:eu-west-1:123456789012:topic', expected: false },
    { name: 'ArnEquals is case-sensitive', operator: 'ArnEquals', key, policy: 'arn:aws:sns:us-east-1:123456789012:Topic', request: 'arn:aws:sns:us-east-1:123456789012:topic', expected: false },
    { name: 'ArnLike star spans slashes in the resource part', operator: 'ArnLike', key: 'aws:PrincipalArn', policy: 'arn:aws:iam::123456789012:role/*', request: 'arn:aws:iam::123456789012:role/path/x', expected: true },
    { name: 'ArnLike compares the six parts separately', operator: 'ArnLike', key, policy: 'arn:aws:*:123456789012:x', request: 'arn:aws:s3:us-east-1:123456789012:x', expected: false },
    { name: 'ArnLike request value that is not an ARN', operator: 'ArnLike', key, policy: 'arn:aws:s3:::*', request: 'bucket', expected: false },
    { name: 'ArnNotLike other', operator: 'ArnNotLike', key, policy: 'arn:aws:s3:::bucket-*', request: 'arn:aws:s3:::other', expected: true },
    { name: 'ArnNotEquals absent key matches', operator: 'ArnNotEquals', key, policy: 'arn:aws:s3:::bucket', request: undefined, expected: true },
  ]);
});

describe('Null', () => {
  const key = 'aws:TokenIssueTime';
  run([
    { name: 'Null true, key absent', operator: 'Null', key, policy: 'true', request: undefined, expected: true },
    { name: 'Null true, key present', operator: 'Null', key, policy: 'true', request: '2024-01-01T00:00:00Z', expected: false },
    { name: 'Null false, key present', operator: 'Null', key, policy: 'false', request: '2024-01-01T00:00:00Z', expected: true },
    { name: 'Null false, key absent', operator: 'Null', key, policy: 'false', request: undefined, expected: false },
  ]);
});

describe('set operators on multi-valued keys', () => {
  const amr = 'cognito-identity.amazonaws.com:amr';
  run([
    { name: 'ForAnyValue: one value matches', operator: 'ForAnyValue:StringLike', key: amr, policy: 'authenticated', request: ['authenticated', 'graph.facebook.com'], expected: true },
    { name: 'ForAnyValue: none matches', operator: 'ForAnyValue:StringLike', key: amr, policy: 'authenticated', request: ['unauthenticated'], expected: false },
    { name: 'ForAnyValue: absent key fails', operator: 'ForAnyValue:StringLike', key: amr, policy: 'authenticated', request: undefined, expected: false },
    { name: 'ForAnyValue: empty list fails', operator: 'ForAnyValue:StringEquals', key: amr, policy: 'authenticated', request: [], expected: false },
    { name: 'ForAnyValue: single-valued request', operator: 'ForAnyValue:StringEquals', key: amr, policy: 'authenticated', request: 'authenticated', expected: true },
    { name: 'ForAnyValue with a negated operator: some value differs', operator: 'ForAnyValue:StringNotEquals', key: 'aws:TagKeys', policy: 'a', request: ['a', 'b'], expected: true },
    { name: 'ForAnyValue …IfExists: absent key matches', operator: 'ForAnyValue:StringEqualsIfExists', key: amr, policy: 'authenticated', request: undefined, expected: true },
    { name: 'ForAllValues: every value listed', operator: 'ForAllValues:StringEquals', key: 'aws:TagKeys', policy: ['a', 'b', 'c'], request: ['a', 'b'], expected: true },
    { name: 'ForAllValues: one value not listed', operator: 'ForAllValues:StringEquals', key: 'aws:TagKeys', policy: ['a', 'b', 'c'], request: ['a', 'd'], expected: false },
    { name: 'ForAllValues: absent key matches', operator: 'ForAllValues:StringEquals', key: 'aws:TagKeys', policy: ['a'], request: undefined, expected: true },
    { name: 'ForAllValues: empty list matches', operator: 'ForAllValues:StringEquals', key: 'aws:TagKeys', policy: ['a'], request: [], expected: true },
    { name: 'ForAllValues with a negated operator: no value is forbidden', operator: 'ForAllValues:StringNotEquals', key: 'aws:TagKeys', policy: 'secret', request: ['a', 'b'], expected: true },
    { name: 'ForAllValues with a negated operator: one value is forbidden', operator: 'ForAllValues:StringNotEquals', key: 'aws:TagKeys', policy: 'secret', request: ['a', 'secret'], expected: false },
    { name: 'single-valued operator on multi-valued amr fails', operator: 'StringEquals', key: amr, policy: 'authenticated', request: ['authenticated', 'accounts.google.com'], expected: false },
  ]);
});

describe('condition structure', () => {
  it('matches condition keys case-insensitively', () => {
    expect(conditionGrants({ StringEquals: { 'AWS:PrincipalTag/Team': 'blue' } }, { 'aws:principaltag/team': 'blue' })).toBe(true);
  });

  it('ANDs keys within an operator', () => {
    const condition = { StringEquals: { 'aws:PrincipalTag/team': 'blue', 'aws:PrincipalTag/level': 'admin' } };
    expect(conditionGrants(condition, { 'aws:PrincipalTag/team': 'blue', 'aws:PrincipalTag/level': 'admin' })).toBe(true);
    expect(conditionGrants(condition, { 'aws:PrincipalTag/team': 'blue', 'aws:PrincipalTag/level': 'user' })).toBe(false);
  });

  it('ANDs operator blocks', () => {
    const condition = { StringEquals: { 'aws:PrincipalTag/team': 'blue' }, Bool: { 'aws:SecureTransport': 'true' } };
    expect(conditionGrants(condition, { 'aws:PrincipalTag/team': 'blue', 'aws:SecureTransport': 'true' })).toBe(true);
    expect(conditionGrants(condition, { 'aws:PrincipalTag/team': 'blue', 'aws:SecureTransport': 'false' })).toBe(false);
  });

  it('never matches an unknown operator', () => {
    expect(conditionGrants({ StringEqualz: { 'aws:username': 'alice' } }, { 'aws:username': 'alice' })).toBe(false);
  });

  it('assumption: a request value that is not an ARN satisfies no Arn operator, negated ones included', () => {
    const context = { 'aws:SourceArn': '2001:db8:ffff::10' };
    expect(conditionGrants({ ArnNotLike: { 'aws:SourceArn': 'arn:aws:*:eu-west-1:123456789012:*' } }, context)).toBe(false);
    expect(conditionGrants({ ArnLike: { 'aws:SourceArn': 'arn:aws:*:eu-west-1:123456789012:*' } }, context)).toBe(false);
  });

  it('assumption: an empty context value is substituted into a variable as an empty string', () => {
    const condition = { StringEquals: { 'aws:PrincipalTag/team': '${aws:PrincipalTag/team}' } };
    expect(conditionGrants(condition, { 'aws:PrincipalTag/team': '' })).toBe(true);
  });

  it('reads operator names case-insensitively', () => {
    expect(conditionGrants({ stringequals: { 'aws:username': 'alice' } }, { 'aws:username': 'alice' })).toBe(true);
  });
});
