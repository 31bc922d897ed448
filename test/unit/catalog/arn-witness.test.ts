import { describe, expect, it } from 'vitest';
import { arnFormatWitness } from '../../../shared/iam/catalog-patterns';

const OBJECT = 'arn:${Partition}:s3:::${BucketName}/${ObjectName}';
const BUCKET = 'arn:${Partition}:s3:::${BucketName}';
const IDENTITY_POOL = 'arn:${Partition}:cognito-sync:${Region}:${Account}:identitypool/${IdentityPoolId}';

describe('an ARN both a Resource entry and an ARN format match', () => {
  it('fills wildcards and placeholders with the shortest text', () => {
    expect(arnFormatWitness('arn:aws:s3:::photos/private/us-east-1:abc/*', OBJECT)).toBe(
      'arn:aws:s3:::photos/private/us-east-1:abc/',
    );
    expect(arnFormatWitness('arn:aws:s3:::photos', BUCKET)).toBe('arn:aws:s3:::photos');
    expect(arnFormatWitness('*', BUCKET)).toBe('arn:a:s3:::a');
  });

  it('has none when the formats cannot meet', () => {
    expect(arnFormatWitness('arn:aws:s3:::photos/*', BUCKET)).toBeUndefined();
    expect(arnFormatWitness('arn:aws:dynamodb:*:*:table/T', BUCKET)).toBeUndefined();
  });

  it('strict placeholders hold no slash (identity pool ids, not paths)', () => {
    const datasets = 'arn:aws:cognito-sync:us-east-1:1:identitypool/us-east-1:p/identity/us-east-1:i/*';
    expect(arnFormatWitness(datasets, IDENTITY_POOL, true)).toBeUndefined();
    expect(arnFormatWitness(datasets, IDENTITY_POOL)).toBe(
      'arn:aws:cognito-sync:us-east-1:1:identitypool/us-east-1:p/identity/us-east-1:i/',
    );
    expect(arnFormatWitness('arn:aws:s3:::photos/a/b', OBJECT, true)).toBeUndefined();
  });
});
