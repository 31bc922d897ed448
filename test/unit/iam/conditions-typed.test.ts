// Date, Bool, Binary, IP address, ARN and Null condition operators. Expected values come from the AWS
// IAM User Guide, "IAM JSON policy elements: Condition operators".
import { describe } from 'vitest';
import { runConditionTable as run } from './helpers';

describe('Date operators', () => {
  const key = 'aws:CurrentTime';
  run([
    {
      name: 'DateGreaterThan later',
      operator: 'DateGreaterThan',
      key,
      policy: '2020-01-01T00:00:00Z',
      request: '2024-05-01T00:00:00Z',
      expected: true,
    },
    {
      name: 'DateLessThan later',
      operator: 'DateLessThan',
      key,
      policy: '2020-01-01T00:00:00Z',
      request: '2024-05-01T00:00:00Z',
      expected: false,
    },
    {
      name: 'DateEquals epoch seconds equals ISO',
      operator: 'DateEquals',
      key: 'aws:EpochTime',
      policy: '1577836800',
      request: '2020-01-01T00:00:00Z',
      expected: true,
    },
    {
      name: 'DateLessThanEquals same instant, other zone',
      operator: 'DateLessThanEquals',
      key,
      policy: '2020-01-01T01:00:00+01:00',
      request: '2020-01-01T00:00:00Z',
      expected: true,
    },
    {
      name: 'DateGreaterThanEquals date only',
      operator: 'DateGreaterThanEquals',
      key,
      policy: '2024-05-01',
      request: '2024-05-01T00:00:00Z',
      expected: true,
    },
    {
      name: 'DateNotEquals absent key matches',
      operator: 'DateNotEquals',
      key,
      policy: '2020-01-01T00:00:00Z',
      request: undefined,
      expected: true,
    },
    {
      name: 'DateGreaterThan unreadable request date',
      operator: 'DateGreaterThan',
      key,
      policy: '2020-01-01T00:00:00Z',
      request: 'yesterday',
      expected: false,
    },
  ]);
});

describe('Bool and BinaryEquals', () => {
  const key = 'aws:SecureTransport';
  run([
    { name: 'Bool true', operator: 'Bool', key, policy: 'true', request: 'true', expected: true },
    { name: 'Bool JSON boolean', operator: 'Bool', key, policy: true, request: 'true', expected: true },
    { name: 'Bool mismatch', operator: 'Bool', key, policy: 'false', request: 'true', expected: false },
    {
      name: 'Bool absent key fails',
      operator: 'Bool',
      key,
      policy: 'false',
      request: undefined,
      expected: false,
    },
    {
      name: 'BoolIfExists absent key matches',
      operator: 'BoolIfExists',
      key,
      policy: 'false',
      request: undefined,
      expected: true,
    },
    {
      name: 'BinaryEquals same base64',
      operator: 'BinaryEquals',
      key: 'custom:blob',
      policy: 'QmluYXJ5VmFsdWU=',
      request: 'QmluYXJ5VmFsdWU=',
      expected: true,
    },
    {
      name: 'BinaryEquals other',
      operator: 'BinaryEquals',
      key: 'custom:blob',
      policy: 'QmluYXJ5VmFsdWU=',
      request: 'T3RoZXI=',
      expected: false,
    },
  ]);
});

describe('IP address operators', () => {
  const key = 'aws:SourceIp';
  run([
    {
      name: 'IpAddress in IPv4 CIDR',
      operator: 'IpAddress',
      key,
      policy: '203.0.113.0/24',
      request: '203.0.113.9',
      expected: true,
    },
    {
      name: 'IpAddress outside IPv4 CIDR',
      operator: 'IpAddress',
      key,
      policy: '203.0.113.0/24',
      request: '198.51.100.1',
      expected: false,
    },
    {
      name: 'IpAddress single address',
      operator: 'IpAddress',
      key,
      policy: '203.0.113.9',
      request: '203.0.113.9',
      expected: true,
    },
    {
      name: 'IpAddress in IPv6 CIDR (hex case ignored)',
      operator: 'IpAddress',
      key,
      policy: '2001:DB8:1234:5678::/64',
      request: '2001:db8:1234:5678::1',
      expected: true,
    },
    {
      name: 'IpAddress outside IPv6 CIDR',
      operator: 'IpAddress',
      key,
      policy: '2001:DB8:1234:5678::/64',
      request: '2001:db8:1234:5679::1',
      expected: false,
    },
    {
      name: 'IpAddress IPv4 range never holds an IPv6 caller',
      operator: 'IpAddress',
      key,
      policy: '0.0.0.0/0',
      request: '2001:db8::1',
      expected: false,
    },
    {
      name: 'IpAddress /0 holds every IPv4 caller',
      operator: 'IpAddress',
      key,
      policy: '0.0.0.0/0',
      request: '192.0.2.1',
      expected: true,
    },
    {
      name: 'NotIpAddress outside',
      operator: 'NotIpAddress',
      key,
      policy: '203.0.113.0/24',
      request: '198.51.100.1',
      expected: true,
    },
    {
      name: 'NotIpAddress inside',
      operator: 'NotIpAddress',
      key,
      policy: '203.0.113.0/24',
      request: '203.0.113.9',
      expected: false,
    },
    {
      name: 'NotIpAddress absent key matches',
      operator: 'NotIpAddress',
      key,
      policy: '203.0.113.0/24',
      request: undefined,
      expected: true,
    },
    {
      name: 'IpAddress absent key fails',
      operator: 'IpAddress',
      key,
      policy: '203.0.113.0/24',
      request: undefined,
      expected: false,
    },
  ]);
});

describe('ARN operators', () => {
  const key = 'aws:SourceArn';
  run([
    {
      name: 'ArnLike wildcard in resource part',
      operator: 'ArnLike',
      key,
      policy: 'arn:aws:s3:::bucket-*',
      request: 'arn:aws:s3:::bucket-a',
      expected: true,
    },
    {
      name: 'ArnEquals exact',
      operator: 'ArnEquals',
      key,
      policy: 'arn:aws:sns:us-east-1:123456789012:topic',
      request: 'arn:aws:sns:us-east-1:123456789012:topic',
      expected: true,
    },
    {
      name: 'ArnEquals other region',
      operator: 'ArnEquals',
      key,
      policy: 'arn:aws:sns:us-east-1:123456789012:topic',
      request: 'arn:aws:sns:eu-west-1:123456789012:topic',
      expected: false,
    },
    {
      name: 'ArnEquals is case-sensitive',
      operator: 'ArnEquals',
      key,
      policy: 'arn:aws:sns:us-east-1:123456789012:Topic',
      request: 'arn:aws:sns:us-east-1:123456789012:topic',
      expected: false,
    },
    {
      name: 'ArnLike star spans slashes in the resource part',
      operator: 'ArnLike',
      key: 'aws:PrincipalArn',
      policy: 'arn:aws:iam::123456789012:role/*',
      request: 'arn:aws:iam::123456789012:role/path/x',
      expected: true,
    },
    {
      name: 'ArnLike compares the six parts separately',
      operator: 'ArnLike',
      key,
      policy: 'arn:aws:*:123456789012:x',
      request: 'arn:aws:s3:us-east-1:123456789012:x',
      expected: false,
    },
    {
      name: 'ArnLike request value that is not an ARN',
      operator: 'ArnLike',
      key,
      policy: 'arn:aws:s3:::*',
      request: 'bucket',
      expected: false,
    },
    {
      name: 'ArnNotLike other',
      operator: 'ArnNotLike',
      key,
      policy: 'arn:aws:s3:::bucket-*',
      request: 'arn:aws:s3:::other',
      expected: true,
    },
    {
      name: 'ArnNotEquals absent key matches',
      operator: 'ArnNotEquals',
      key,
      policy: 'arn:aws:s3:::bucket',
      request: undefined,
      expected: true,
    },
  ]);
});

describe('Null', () => {
  const key = 'aws:TokenIssueTime';
  run([
    {
      name: 'Null true, key absent',
      operator: 'Null',
      key,
      policy: 'true',
      request: undefined,
      expected: true,
    },
    {
      name: 'Null true, key present',
      operator: 'Null',
      key,
      policy: 'true',
      request: '2024-01-01T00:00:00Z',
      expected: false,
    },
    {
      name: 'Null false, key present',
      operator: 'Null',
      key,
      policy: 'false',
      request: '2024-01-01T00:00:00Z',
      expected: true,
    },
    {
      name: 'Null false, key absent',
      operator: 'Null',
      key,
      policy: 'false',
      request: undefined,
      expected: false,
    },
  ]);
});
