// The AWS managed policy source: lookups by ARN, partitions, and an account's own copy first.
import { describe, expect, it } from 'vitest';
import {
  createAwsManagedPolicySource,
  layerAwsManagedPolicies,
  type AwsManagedPolicyData,
  type AwsManagedPolicySource,
} from '../../../shared/iam';

const readOnly = {
  Version: '2012-10-17',
  Statement: [{ Effect: 'Allow', Action: 's3:Get*', Resource: '*' }],
};
const lambdaRole = {
  Version: '2012-10-17',
  Statement: [{ Effect: 'Allow', Action: 'lambda:InvokeFunction', Resource: '*' }],
};

const data: AwsManagedPolicyData = {
  format: 'aws-managed-policies/1',
  source: 'test data',
  dataDate: '2026-08-26',
  policies: {
    AmazonS3ReadOnlyAccess: ['v3', readOnly],
    'service-role/AWSLambdaRole': ['v2', lambdaRole],
  },
};

describe('AWS managed policy source', () => {
  const source = createAwsManagedPolicySource(data);

  it('finds a policy by ARN, with or without a path, and gives its version', () => {
    expect(source.get('arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess')).toEqual({
      versionId: 'v3',
      document: readOnly,
    });
    expect(source.get('arn:aws:iam::aws:policy/service-role/AWSLambdaRole')?.versionId).toBe('v2');
    expect(source.dataDate).toBe('2026-08-26');
  });

  it('does not answer for other paths, customer policies, other partitions or prototype names', () => {
    expect(source.get('arn:aws:iam::aws:policy/AWSLambdaRole')).toBeUndefined();
    expect(source.get('arn:aws:iam::111122223333:policy/AmazonS3ReadOnlyAccess')).toBeUndefined();
    expect(source.get('arn:aws-cn:iam::aws:policy/AmazonS3ReadOnlyAccess')).toBeUndefined();
    expect(source.get('arn:aws:iam::aws:policy/__proto__')).toBeUndefined();
    expect(source.get('arn:aws:iam::aws:policy/constructor')).toBeUndefined();
  });

  it("puts an account's own copy in front of the shipped data", () => {
    const pulled = { Version: '2012-10-17', Statement: [{ Effect: 'Deny', Action: '*', Resource: '*' }] };
    const account: AwsManagedPolicySource = {
      dataDate: '2026-11-01',
      source: 'account 111122223333',
      get: (arn) =>
        arn.endsWith('/AmazonS3ReadOnlyAccess') ? { versionId: 'v2', document: pulled } : undefined,
    };
    const layered = layerAwsManagedPolicies(account, source);
    expect(layered?.get('arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess')).toEqual({
      versionId: 'v2',
      document: pulled,
    });
    expect(layered?.get('arn:aws:iam::aws:policy/service-role/AWSLambdaRole')?.versionId).toBe('v2');
    expect(layerAwsManagedPolicies(undefined, source)).toBe(source);
  });
});
