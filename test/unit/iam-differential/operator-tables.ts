// Hand-written tricky cases per condition operator. Each expected outcome is reasoned from the AWS
// documentation cited on its family, not taken from either engine:
// - operators: https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html
//   ("If the key that you specify in a policy condition is not present in the request context, the
//   values do not match and the condition is false. If the policy condition requires that the key is
//   not matched, such as StringNotLike or ArnNotLike, and the right key is not present, the
//   condition is true. This logic applies to all condition operators except ...IfExists and Null.")
// - several values: https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_multi-value-conditions.html
//   (values OR; negated operators with several values NOR)
// - set operators: https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-single-vs-multi-valued-context-keys.html
//   (ForAllValues: every request value matches some policy value, true when the key is absent;
//   ForAnyValue: at least one request value matches)
// - variables: https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_variables.html
import type { ContextValue } from '../../../shared/iam';

export interface OperatorCase {
  name: string;
  condition: Record<string, Record<string, string | string[]>>;
  context: Record<string, ContextValue>;
  /** Whether the Condition block holds. */
  matches: boolean;
  version?: string;
}

const ROLE = 'arn:aws:iam::123456789012:role/PhotoUsers';

export const OPERATOR_TABLES: Record<string, OperatorCase[]> = {
  String: [
    {
      name: 'StringEquals is case-sensitive',
      condition: { StringEquals: { 'aws:PrincipalTag/team': 'red' } },
      context: { 'aws:PrincipalTag/team': 'Red' },
      matches: false,
    },
    {
      name: 'StringEquals takes * literally',
      condition: { StringEquals: { 'aws:PrincipalTag/team': 'r*' } },
      context: { 'aws:PrincipalTag/team': 'red' },
      matches: false,
    },
    {
      name: 'StringEquals values are ORed',
      condition: { StringEquals: { 'aws:PrincipalTag/team': ['blue', 'red'] } },
      context: { 'aws:PrincipalTag/team': 'red' },
      matches: true,
    },
    {
      name: 'StringEquals with the key absent is false',
      condition: { StringEquals: { 'aws:PrincipalTag/team': 'red' } },
      context: {},
      matches: false,
    },
    {
      name: 'StringNotEquals with the key absent is true',
      condition: { StringNotEquals: { 'aws:PrincipalTag/team': 'red' } },
      context: {},
      matches: true,
    },
    {
      name: 'StringNotEquals values are NORed',
      condition: { StringNotEquals: { 'aws:PrincipalTag/team': ['blue', 'red'] } },
      context: { 'aws:PrincipalTag/team': 'red' },
      matches: false,
    },
    {
      name: 'StringEqualsIgnoreCase ignores case',
      condition: { StringEqualsIgnoreCase: { 'aws:PrincipalTag/team': 'RED' } },
      context: { 'aws:PrincipalTag/team': 'red' },
      matches: true,
    },
    {
      name: 'StringNotEqualsIgnoreCase ignores case',
      condition: { StringNotEqualsIgnoreCase: { 'aws:PrincipalTag/team': 'RED' } },
      context: { 'aws:PrincipalTag/team': 'red' },
      matches: false,
    },
    {
      name: 'StringLike * spans any text',
      condition: { StringLike: { 's3:prefix': 'home/*' } },
      context: { 's3:prefix': 'home/alice/photos/' },
      matches: true,
    },
    {
      name: 'StringLike ? is exactly one character',
      condition: { StringLike: { 'aws:PrincipalTag/team': '?ed' } },
      context: { 'aws:PrincipalTag/team': 'ed' },
      matches: false,
    },
    {
      name: 'StringLike is case-sensitive',
      condition: { StringLike: { 'aws:PrincipalTag/team': 'R*' } },
      context: { 'aws:PrincipalTag/team': 'red' },
      matches: false,
    },
    {
      name: 'StringLike * matches the empty value',
      condition: { StringLike: { 's3:prefix': '*' } },
      context: { 's3:prefix': '' },
      matches: true,
    },
    {
      name: 'StringNotLike with the key absent is true',
      condition: { StringNotLike: { 's3:prefix': 'home/*' } },
      context: {},
      matches: true,
    },
    {
      name: 'StringEqualsIfExists with the key absent is true',
      condition: { StringEqualsIfExists: { 'aws:PrincipalTag/team': 'red' } },
      context: {},
      matches: true,
    },
    {
      name: 'StringEqualsIfExists with the key present compares',
      condition: { StringEqualsIfExists: { 'aws:PrincipalTag/team': 'red' } },
      context: { 'aws:PrincipalTag/team': 'blue' },
      matches: false,
    },
    {
      name: 'keys are matched case-insensitively',
      condition: { StringEquals: { 'AWS:principaltag/team': 'red' } },
      context: { 'aws:PrincipalTag/team': 'red' },
      matches: true,
    },
  ],
  Numeric: [
    {
      name: 'NumericLessThan compares numbers, not text',
      condition: { NumericLessThan: { 'aws:MultiFactorAuthAge': '100' } },
      context: { 'aws:MultiFactorAuthAge': '30' },
      matches: true,
    },
    {
      name: 'NumericEquals accepts decimals',
      condition: { NumericEquals: { 'aws:MultiFactorAuthAge': '30.0' } },
      context: { 'aws:MultiFactorAuthAge': '30' },
      matches: true,
    },
    {
      name: 'NumericGreaterThanEquals on the boundary',
      condition: { NumericGreaterThanEquals: { 'aws:MultiFactorAuthAge': '3600' } },
      context: { 'aws:MultiFactorAuthAge': '3600' },
      matches: true,
    },
    {
      name: 'NumericGreaterThan on the boundary',
      condition: { NumericGreaterThan: { 'aws:MultiFactorAuthAge': '3600' } },
      context: { 'aws:MultiFactorAuthAge': '3600' },
      matches: false,
    },
    {
      name: 'NumericLessThanEquals with a negative policy value',
      condition: { NumericLessThanEquals: { 'aws:MultiFactorAuthAge': '-1' } },
      context: { 'aws:MultiFactorAuthAge': '0' },
      matches: false,
    },
    {
      name: 'NumericNotEquals with the key absent is true',
      condition: { NumericNotEquals: { 'aws:MultiFactorAuthAge': '0' } },
      context: {},
      matches: true,
    },
    {
      name: 'NumericLessThan with the key absent is false',
      condition: { NumericLessThan: { 'aws:MultiFactorAuthAge': '3600' } },
      context: {},
      matches: false,
    },
    {
      name: 'NumericLessThanIfExists with the key absent is true',
      condition: { NumericLessThanIfExists: { 'aws:MultiFactorAuthAge': '3600' } },
      context: {},
      matches: true,
    },
    {
      name: 'NumericEquals on a request value that is not a number is false',
      condition: { NumericEquals: { 'aws:MultiFactorAuthAge': '30' } },
      context: { 'aws:MultiFactorAuthAge': 'thirty' },
      matches: false,
    },
  ],
  Date: [
    {
      name: 'DateLessThan compares instants',
      condition: { DateLessThan: { 'aws:CurrentTime': '2025-01-01T00:00:00Z' } },
      context: { 'aws:CurrentTime': '2024-06-01T12:00:00Z' },
      matches: true,
    },
    {
      name: 'DateGreaterThan on the same instant is false',
      condition: { DateGreaterThan: { 'aws:CurrentTime': '2024-06-01T12:00:00Z' } },
      context: { 'aws:CurrentTime': '2024-06-01T12:00:00Z' },
      matches: false,
    },
    {
      name: 'DateEquals across ISO forms of one instant',
      condition: { DateEquals: { 'aws:CurrentTime': '2024-06-01T12:00:00.000Z' } },
      context: { 'aws:CurrentTime': '2024-06-01T12:00:00Z' },
      matches: true,
    },
    {
      name: 'DateEquals with an epoch-seconds policy value',
      condition: { DateEquals: { 'aws:CurrentTime': '1717243200' } },
      context: { 'aws:CurrentTime': '2024-06-01T12:00:00Z' },
      matches: true,
    },
    {
      name: 'DateGreaterThanEquals on the boundary',
      condition: { DateGreaterThanEquals: { 'aws:CurrentTime': '2024-06-01T12:00:00Z' } },
      context: { 'aws:CurrentTime': '2024-06-01T12:00:00Z' },
      matches: true,
    },
    {
      name: 'DateNotEquals with the key absent is true',
      condition: { DateNotEquals: { 'aws:CurrentTime': '2024-06-01T12:00:00Z' } },
      context: {},
      matches: true,
    },
    {
      name: 'DateLessThanEquals with the key absent is false',
      condition: { DateLessThanEquals: { 'aws:CurrentTime': '2030-01-01T00:00:00Z' } },
      context: {},
      matches: false,
    },
  ],
  Bool: [
    {
      name: 'Bool true against true',
      condition: { Bool: { 'aws:SecureTransport': 'true' } },
      context: { 'aws:SecureTransport': 'true' },
      matches: true,
    },
    {
      name: 'Bool false against true',
      condition: { Bool: { 'aws:SecureTransport': 'false' } },
      context: { 'aws:SecureTransport': 'true' },
      matches: false,
    },
    {
      name: 'Bool with the key absent is false (the classic deny-insecure pitfall)',
      condition: { Bool: { 'aws:SecureTransport': 'false' } },
      context: {},
      matches: false,
    },
    {
      name: 'BoolIfExists with the key absent is true',
      condition: { BoolIfExists: { 'aws:SecureTransport': 'false' } },
      context: {},
      matches: true,
    },
  ],
  Binary: [
    {
      name: 'BinaryEquals compares the base-64 text',
      condition: { BinaryEquals: { 'aws:PrincipalTag/cert': 'QUJD' } },
      context: { 'aws:PrincipalTag/cert': 'QUJD' },
      matches: true,
    },
    {
      name: 'BinaryEquals on other bytes',
      condition: { BinaryEquals: { 'aws:PrincipalTag/cert': 'QUJE' } },
      context: { 'aws:PrincipalTag/cert': 'QUJD' },
      matches: false,
    },
    {
      name: 'BinaryEquals with the key absent is false',
      condition: { BinaryEquals: { 'aws:PrincipalTag/cert': 'QUJD' } },
      context: {},
      matches: false,
    },
  ],
  Ip: [
    {
      name: 'IpAddress inside an IPv4 range',
      condition: { IpAddress: { 'aws:SourceIp': '203.0.113.0/24' } },
      context: { 'aws:SourceIp': '203.0.113.7' },
      matches: true,
    },
    {
      name: 'IpAddress outside an IPv4 range',
      condition: { IpAddress: { 'aws:SourceIp': '198.51.100.0/25' } },
      context: { 'aws:SourceIp': '198.51.100.200' },
      matches: false,
    },
    {
      name: 'IpAddress with a single address',
      condition: { IpAddress: { 'aws:SourceIp': '203.0.113.7' } },
      context: { 'aws:SourceIp': '203.0.113.7' },
      matches: true,
    },
    {
      name: 'IpAddress inside an IPv6 range',
      condition: { IpAddress: { 'aws:SourceIp': '2001:db8::/32' } },
      context: { 'aws:SourceIp': '2001:db8:ffff::10' },
      matches: true,
    },
    {
      name: 'IpAddress: an IPv6 address is not in an IPv4 range',
      condition: { IpAddress: { 'aws:SourceIp': '0.0.0.0/0' } },
      context: { 'aws:SourceIp': '2001:db8::1' },
      matches: false,
    },
    {
      name: 'NotIpAddress outside the range',
      condition: { NotIpAddress: { 'aws:SourceIp': '10.0.0.0/8' } },
      context: { 'aws:SourceIp': '203.0.113.7' },
      matches: true,
    },
    {
      name: 'NotIpAddress with the key absent is true',
      condition: { NotIpAddress: { 'aws:SourceIp': '10.0.0.0/8' } },
      context: {},
      matches: true,
    },
    {
      name: 'IpAddress with the key absent is false',
      condition: { IpAddress: { 'aws:SourceIp': '0.0.0.0/0' } },
      context: {},
      matches: false,
    },
  ],
  Arn: [
    {
      name: 'ArnEquals on the same ARN',
      condition: { ArnEquals: { 'aws:PrincipalArn': ROLE } },
      context: { 'aws:PrincipalArn': ROLE },
      matches: true,
    },
    {
      name: 'ArnLike with a wildcard account',
      condition: { ArnLike: { 'aws:PrincipalArn': 'arn:aws:iam::*:role/PhotoUsers' } },
      context: { 'aws:PrincipalArn': ROLE },
      matches: true,
    },
    {
      name: 'ArnEquals also honours wildcards (each ARN part is compared)',
      condition: { ArnEquals: { 'aws:PrincipalArn': 'arn:aws:iam::123456789012:role/*' } },
      context: { 'aws:PrincipalArn': ROLE },
      matches: true,
    },
    {
      name: 'ArnLike is case-sensitive',
      condition: { ArnLike: { 'aws:PrincipalArn': 'arn:aws:iam::123456789012:role/photousers' } },
      context: { 'aws:PrincipalArn': ROLE },
      matches: false,
    },
    {
      name: 'ArnLike: a wildcard region does not match an empty region of another service',
      condition: { ArnLike: { 'aws:SourceArn': 'arn:aws:sns:*:*:topic' } },
      context: { 'aws:SourceArn': 'arn:aws:s3:::photos' },
      matches: false,
    },
    {
      name: 'ArnNotLike with the key absent is true',
      condition: { ArnNotLike: { 'aws:SourceArn': 'arn:aws:sns:*:*:topic' } },
      context: {},
      matches: true,
    },
    {
      name: 'ArnNotEquals on a different ARN',
      condition: { ArnNotEquals: { 'aws:PrincipalArn': 'arn:aws:iam::123456789012:role/Other' } },
      context: { 'aws:PrincipalArn': ROLE },
      matches: true,
    },
  ],
  Null: [
    {
      name: 'Null true with the key absent',
      condition: { Null: { 'aws:PrincipalTag/team': 'true' } },
      context: {},
      matches: true,
    },
    {
      name: 'Null true with the key present',
      condition: { Null: { 'aws:PrincipalTag/team': 'true' } },
      context: { 'aws:PrincipalTag/team': 'red' },
      matches: false,
    },
    {
      name: 'Null false with the key present',
      condition: { Null: { 'aws:PrincipalTag/team': 'false' } },
      context: { 'aws:PrincipalTag/team': 'red' },
      matches: true,
    },
    {
      name: 'Null false with the key absent',
      condition: { Null: { 'aws:PrincipalTag/team': 'false' } },
      context: {},
      matches: false,
    },
  ],
  Sets: [
    {
      name: 'ForAnyValue: one request value matches',
      condition: { 'ForAnyValue:StringLike': { 'cognito-identity.amazonaws.com:amr': 'authenticated' } },
      context: { 'cognito-identity.amazonaws.com:amr': ['authenticated', 'graph.facebook.com'] },
      matches: true,
    },
    {
      name: 'ForAnyValue with the key absent is false',
      condition: { 'ForAnyValue:StringLike': { 'cognito-identity.amazonaws.com:amr': 'authenticated' } },
      context: {},
      matches: false,
    },
    {
      name: 'ForAllValues: every request value must match a policy value',
      condition: { 'ForAllValues:StringEquals': { 'aws:TagKeys': ['team', 'owner'] } },
      context: { 'aws:TagKeys': ['team', 'Project'] },
      matches: false,
    },
    {
      name: 'ForAllValues: a subset matches',
      condition: { 'ForAllValues:StringEquals': { 'aws:TagKeys': ['team', 'owner'] } },
      context: { 'aws:TagKeys': ['team'] },
      matches: true,
    },
    {
      name: 'ForAllValues with the key absent is true',
      condition: { 'ForAllValues:StringEquals': { 'aws:TagKeys': ['team'] } },
      context: {},
      matches: true,
    },
    {
      name: 'ForAllValues with an empty request set is true',
      condition: { 'ForAllValues:StringEquals': { 'aws:TagKeys': ['team'] } },
      context: { 'aws:TagKeys': [] },
      matches: true,
    },
    {
      name: 'ForAnyValue with an empty request set is false',
      condition: { 'ForAnyValue:StringEquals': { 'aws:TagKeys': ['team'] } },
      context: { 'aws:TagKeys': [] },
      matches: false,
    },
    {
      name: 'ForAnyValue:StringNotEquals: some value differs',
      condition: { 'ForAnyValue:StringNotEquals': { 'aws:TagKeys': 'team' } },
      context: { 'aws:TagKeys': ['team', 'owner'] },
      matches: true,
    },
    {
      name: 'ForAllValues:StringNotLike: every value avoids the pattern',
      condition: { 'ForAllValues:StringNotLike': { 'aws:TagKeys': 'key1*' } },
      context: { 'aws:TagKeys': ['key1a', 'other'] },
      matches: false,
    },
    {
      name: 'ForAllValues on a single-valued key treats it as a set of one',
      condition: { 'ForAllValues:StringEquals': { 'aws:PrincipalTag/team': ['red', 'blue'] } },
      context: { 'aws:PrincipalTag/team': 'red' },
      matches: true,
    },
    {
      name: 'dynamodb:LeadingKeys limited to the identity id',
      condition: {
        'ForAllValues:StringEquals': { 'dynamodb:LeadingKeys': '${cognito-identity.amazonaws.com:sub}' },
      },
      context: {
        'dynamodb:LeadingKeys': ['eu-west-1:1'],
        'cognito-identity.amazonaws.com:sub': 'eu-west-1:1',
      },
      matches: true,
    },
    {
      name: 'dynamodb:LeadingKeys with another identity id',
      condition: {
        'ForAllValues:StringEquals': { 'dynamodb:LeadingKeys': '${cognito-identity.amazonaws.com:sub}' },
      },
      context: {
        'dynamodb:LeadingKeys': ['eu-west-1:1', 'eu-west-1:2'],
        'cognito-identity.amazonaws.com:sub': 'eu-west-1:1',
      },
      matches: false,
    },
  ],
  Variables: [
    {
      name: 'a variable in a condition value is replaced',
      condition: { StringEquals: { 's3:prefix': 'home/${aws:PrincipalTag/team}/' } },
      context: { 's3:prefix': 'home/red/', 'aws:PrincipalTag/team': 'red' },
      matches: true,
    },
    {
      name: 'a variable with no value makes the condition false',
      condition: { StringLike: { 's3:prefix': 'home/${aws:PrincipalTag/team}/*' } },
      context: { 's3:prefix': 'home/red/' },
      matches: false,
    },
    {
      name: 'a default value stands in for a missing key',
      condition: { StringEquals: { 's3:prefix': "home/${aws:PrincipalTag/team, 'none'}/" } },
      context: { 's3:prefix': 'home/none/' },
      matches: true,
    },
    {
      name: 'the default is not used when the key has a value',
      condition: { StringEquals: { 's3:prefix': "home/${aws:PrincipalTag/team, 'none'}/" } },
      context: { 's3:prefix': 'home/none/', 'aws:PrincipalTag/team': 'red' },
      matches: false,
    },
    {
      name: '${*} is a literal asterisk, even in StringLike',
      condition: { StringLike: { 's3:prefix': 'a${*}' } },
      context: { 's3:prefix': 'abc' },
      matches: false,
    },
    {
      name: '${*} matches a literal asterisk',
      condition: { StringLike: { 's3:prefix': 'a${*}' } },
      context: { 's3:prefix': 'a*' },
      matches: true,
    },
    {
      name: 'without Version 2012-10-17 a variable is literal text',
      condition: { StringEquals: { 's3:prefix': '${aws:PrincipalTag/team}' } },
      context: { 's3:prefix': '${aws:PrincipalTag/team}', 'aws:PrincipalTag/team': 'red' },
      matches: true,
      version: '2008-10-17',
    },
  ],
};
