// The policy summary, on policies whose answers follow by hand from the AWS documentation:
// access levels per action from the Service Authorization Reference
// (https://docs.aws.amazon.com/service-authorization/latest/reference/reference_policies_actions-resources-contextkeys.html),
// evaluation logic (explicit Deny wins, NotAction/NotResource match everything but the listed entries)
// from https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic.html,
// policy variables from https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_variables.html.

import { describe, expect, it } from 'vitest';
import { summarisePolicy, type ServiceSummary } from '../../../shared/policy-language/summary';
import { summarySessionFor } from '../../../shared/policy-language/summary-session';
import { createIamDataCatalog } from '../../../src-main/services/catalog/iam-data-catalog';
import { aDesign, aPolicy, aProvider, anIdentityPool, aRole } from '../builders/design';

const catalog = createIamDataCatalog();
const SUB = '${cognito-identity.amazonaws.com:sub}';

async function summary(statements: unknown[], session?: Parameters<typeof summarySessionFor>) {
  return summarisePolicy(aPolicy(statements), catalog, {
    session: session ? summarySessionFor(...session) : undefined,
  });
}

function row(rows: ServiceSummary[], service: string): ServiceSummary {
  const found = rows.find((entry) => entry.service === service);
  if (!found) throw new Error(`no row for ${service} in ${rows.map((entry) => entry.service).join(', ')}`);
  return found;
}

describe('scoped per identity', () => {
  it('an S3 prefix holding the identity id is scoped; Resource "*" is not', async () => {
    const scoped = await summary([
      {
        Effect: 'Allow',
        Action: ['s3:GetObject', 's3:PutObject'],
        Resource: `arn:aws:s3:::app-data/private/${SUB}/*`,
      },
    ]);
    expect(row(scoped, 's3')).toMatchObject({
      perIdentity: true,
      levels: { Read: 'Limited', Write: 'Limited', List: 'None', Tagging: 'None' },
    });

    const everywhere = await summary([{ Effect: 'Allow', Action: 's3:GetObject', Resource: '*' }]);
    expect(row(everywhere, 's3').perIdentity).toBe(false);
  });

  it('a Deny on everything outside the own prefix scopes a bucket-wide Allow', async () => {
    // The Deny's NotResource matches every object but the identity's own: A may read app-data/<A>/…,
    // B is denied it (explicit Deny), and nothing else of the bucket is allowed to anyone.
    const rows = await summary([
      { Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::app-data/*' },
      { Effect: 'Deny', Action: 's3:*', NotResource: `arn:aws:s3:::app-data/${SUB}/*` },
    ]);
    expect(row(rows, 's3')).toMatchObject({ perIdentity: true, levels: { Read: 'Limited' } });
  });

  it('one statement on a shared prefix makes the service not scoped', async () => {
    const rows = await summary([
      { Effect: 'Allow', Action: 's3:GetObject', Resource: `arn:aws:s3:::app-data/private/${SUB}/*` },
      { Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::app-data/public/*' },
    ]);
    expect(row(rows, 's3').perIdentity).toBe(false);
  });

  it('the identity id in a condition that restricts nothing does not scope the resource', async () => {
    // The key compared with its own value matches for every identity.
    const rows = await summary([
      {
        Effect: 'Allow',
        Action: 's3:GetObject',
        Resource: 'arn:aws:s3:::app-data/*',
        Condition: { StringEquals: { 'cognito-identity.amazonaws.com:sub': SUB } },
      },
    ]);
    expect(row(rows, 's3')).toMatchObject({ perIdentity: false, levels: { Read: 'Limited' } });
  });

  it('DynamoDB items keyed by the identity (dynamodb:LeadingKeys) are scoped, the bare table is not', async () => {
    // https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/specifying-conditions.html
    const table = 'arn:aws:dynamodb:us-east-1:111122223333:table/Notes';
    const keyed = await summary([
      {
        Effect: 'Allow',
        Action: ['dynamodb:GetItem', 'dynamodb:PutItem', 'dynamodb:Query'],
        Resource: table,
        Condition: { 'ForAllValues:StringEquals': { 'dynamodb:LeadingKeys': [SUB] } },
      },
    ]);
    expect(row(keyed, 'dynamodb')).toMatchObject({
      perIdentity: true,
      levels: { Read: 'Limited', Write: 'Limited' },
    });
    const bare = await summary([
      { Effect: 'Allow', Action: ['dynamodb:GetItem', 'dynamodb:Query'], Resource: table },
    ]);
    expect(row(bare, 'dynamodb').perIdentity).toBe(false);
  });

  it('a PartiQL SELECT may name no key: ForAllValues alone lets it through, a Null check does not', async () => {
    // ForAllValues is true when the request has no value for the key
    // (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-single-vs-multi-valued-context-keys.html).
    const table = 'arn:aws:dynamodb:us-east-1:111122223333:table/Notes';
    const forAll = { 'ForAllValues:StringEquals': { 'dynamodb:LeadingKeys': [SUB] } };
    const open = await summary([
      { Effect: 'Allow', Action: 'dynamodb:PartiQLSelect', Resource: table, Condition: forAll },
    ]);
    expect(row(open, 'dynamodb').perIdentity).toBe(false);
    const required = await summary([
      {
        Effect: 'Allow',
        Action: 'dynamodb:PartiQLSelect',
        Resource: table,
        Condition: { ...forAll, Null: { 'dynamodb:LeadingKeys': 'false' } },
      },
    ]);
    expect(row(required, 'dynamodb').perIdentity).toBe(true);
  });

  it('ListBucket is scoped by an s3:prefix condition on the identity id, not without it', async () => {
    // https://docs.aws.amazon.com/AmazonS3/latest/userguide/walkthrough1.html
    const withPrefix = await summary([
      {
        Effect: 'Allow',
        Action: 's3:ListBucket',
        Resource: 'arn:aws:s3:::app-data',
        Condition: { StringLike: { 's3:prefix': [`private/${SUB}/*`] } },
      },
    ]);
    expect(row(withPrefix, 's3')).toMatchObject({ perIdentity: true, levels: { List: 'Limited' } });
    const whole = await summary([
      { Effect: 'Allow', Action: 's3:ListBucket', Resource: 'arn:aws:s3:::app-data' },
    ]);
    expect(row(whole, 's3').perIdentity).toBe(false);
  });

  it('a cognito-sync identity prefix grants its datasets, not the identity pool', async () => {
    // ARN formats (Service Authorization Reference, Amazon Cognito Sync): identitypool
    // `…:identitypool/${IdentityPoolId}`, dataset `…:identitypool/${IdentityPoolId}/identity/${IdentityId}/dataset/${DatasetName}`.
    // `…/identity/<sub>/*` matches dataset ARNs only: BulkPublish (Write, identitypool) and
    // DescribeIdentityPoolUsage (Read, identitypool) stay denied; ListDatasets (the only List action) is allowed.
    const rows = await summary([
      {
        Effect: 'Allow',
        Action: 'cognito-sync:*',
        Resource: `arn:aws:cognito-sync:us-east-1:111122223333:identitypool/\${cognito-identity.amazonaws.com:aud}/identity/${SUB}/*`,
      },
    ]);
    expect(row(rows, 'cognito-sync')).toMatchObject({
      perIdentity: true,
      levels: { List: 'Full', Read: 'Limited', Write: 'Limited' },
    });
  });

  it('a resource keyed by a principal tag is not per identity (two people may share the tag)', async () => {
    const design = aDesign()
      .withProvider('google')
      .with((draft) => {
        const role = aRole({ id: 'role-signed-in' });
        draft.roles.push(role);
        draft.identityPools.push(
          anIdentityPool({
            authenticatedRoleId: role.id,
            acceptedProviders: [{ type: 'provider', providerId: draft.providers[0]!.id }],
            principalTags: [
              {
                provider: { type: 'provider', providerId: draft.providers[0]!.id },
                useDefaults: false,
                tags: { team: 'hd' },
              },
            ],
          }),
        );
      })
      .build();
    const rows = await summary(
      [
        {
          Effect: 'Allow',
          Action: 's3:GetObject',
          Resource: 'arn:aws:s3:::app-data/${aws:PrincipalTag/team}/*',
        },
      ],
      [design, ['role-signed-in']],
    );
    expect(row(rows, 's3')).toMatchObject({ perIdentity: false, levels: { Read: 'Limited' } });
  });
});

describe('access levels as the engine decides them', () => {
  it('a Deny carves writes out of sqs:*', async () => {
    // SendMessage, DeleteMessage, DeleteQueue are Write; CreateQueue (Write) stays allowed; no Read,
    // Tagging or Permissions management action of SQS starts with Send or Delete. SQS has no List
    // action at all (the reference files ListQueues under Read).
    const rows = await summary([
      { Effect: 'Allow', Action: 'sqs:*', Resource: '*' },
      { Effect: 'Deny', Action: ['sqs:Send*', 'sqs:Delete*'], Resource: '*' },
    ]);
    expect(row(rows, 'sqs').levels).toEqual({
      List: 'None',
      Read: 'Full',
      Write: 'Limited',
      'Permissions management': 'Full',
      Tagging: 'Full',
    });
  });

  it('a Deny of the whole service leaves it out', async () => {
    const rows = await summary([
      { Effect: 'Allow', Action: 'sqs:ReceiveMessage', Resource: '*' },
      { Effect: 'Deny', Action: 'sqs:*', Resource: '*' },
    ]);
    expect(rows).toEqual([]);
  });

  it('NotAction grants every service but IAM', async () => {
    const rows = await summary([{ Effect: 'Allow', NotAction: 'iam:*', Resource: '*' }]);
    expect(rows.map((entry) => entry.service)).toEqual(['iam', 'every other service']);
    expect(Object.values(row(rows, 'iam').levels)).toEqual(['None', 'None', 'None', 'None', 'None']);
    expect(row(rows, 'every other service')).toMatchObject({
      perIdentity: false,
      levels: {
        List: 'Full',
        Read: 'Full',
        Write: 'Full',
        'Permissions management': 'Full',
        Tagging: 'Full',
      },
    });
  });

  it('Action "*" with a Deny on a named service: that service is shown apart', async () => {
    const rows = await summary([
      { Effect: 'Allow', Action: '*', Resource: '*' },
      { Effect: 'Deny', Action: 'iam:Create*', Resource: '*' },
    ]);
    expect(rows.map((entry) => entry.service)).toEqual(['iam', 'every other service']);
    // iam:CreateRole is Write, iam:CreatePolicy Permissions management; iam:GetRole (Read) stays.
    expect(row(rows, 'iam').levels).toMatchObject({
      Read: 'Full',
      Write: 'Limited',
      'Permissions management': 'Limited',
    });
  });

  it('a Deny with a service wildcard is evaluated against every service of the catalog', async () => {
    // ec2:DeleteTags is Tagging, s3:DeleteObject Write; s3:GetObject (Read) matches no Delete*.
    const rows = await summary([
      { Effect: 'Allow', Action: '*', Resource: '*' },
      { Effect: 'Deny', Action: '*:Delete*', Resource: '*' },
    ]);
    expect(rows.map((entry) => entry.service)).toEqual(['every service']);
    expect(row(rows, 'every service').levels).toMatchObject({ Write: 'Limited', Tagging: 'Limited' });
  }, 60_000);

  it('NotResource allows the action on other resources', async () => {
    const rows = await summary([
      { Effect: 'Allow', Action: 's3:GetObject', NotResource: 'arn:aws:s3:::secrets/*' },
    ]);
    expect(row(rows, 's3')).toMatchObject({ perIdentity: false, levels: { Read: 'Limited' } });
  });

  it('conditions on the identity pool are evaluated with the pool that reaches the role', async () => {
    const pool = anIdentityPool({ authenticatedRoleId: 'role-app' });
    const design = aDesign()
      .with((draft) => {
        const provider = aProvider('google');
        draft.providers.push(provider);
        draft.roles.push(aRole({ id: 'role-app' }));
        draft.identityPools.push({
          ...pool,
          acceptedProviders: [{ type: 'provider', providerId: provider.id }],
        });
      })
      .build();
    const statement = (poolId: string) => ({
      Effect: 'Allow',
      Action: 's3:GetObject',
      Resource: '*',
      Condition: { StringEquals: { 'cognito-identity.amazonaws.com:aud': poolId } },
    });
    const own = await summary([statement(pool.poolId)], [design, ['role-app']]);
    expect(row(own, 's3').levels.Read).toBe('Limited');
    const other = await summary(
      [statement('us-east-1:00000000-1111-4000-8000-000000000000')],
      [design, ['role-app']],
    );
    expect(other).toEqual([]);
  });
});

describe('the sessions of the role', () => {
  it('a guest role is evaluated with amr "unauthenticated"', async () => {
    // https://docs.aws.amazon.com/cognito/latest/developerguide/iam-roles.html (amr of guest identities)
    const design = aDesign()
      .with((draft) => {
        draft.roles.push(aRole({ id: 'role-guest' }));
        draft.identityPools.push(
          anIdentityPool({ allowUnauthenticated: true, unauthenticatedRoleId: 'role-guest' }),
        );
      })
      .build();
    const statement = (amr: string) => ({
      Effect: 'Allow',
      Action: 's3:GetObject',
      Resource: 'arn:aws:s3:::public/*',
      Condition: { 'ForAnyValue:StringLike': { 'cognito-identity.amazonaws.com:amr': amr } },
    });
    expect(await summary([statement('authenticated')], [design, ['role-guest']])).toEqual([]);
    const guest = await summary([statement('unauthenticated')], [design, ['role-guest']]);
    expect(row(guest, 's3').levels.Read).toBe('Limited');
  });
});

describe('malformed documents', () => {
  it('grants nothing for documents the engine cannot use, without throwing', async () => {
    for (const document of [
      undefined,
      null,
      'text',
      42,
      [],
      {},
      { Statement: 5 },
      { Statement: [null, 'x'] },
    ]) {
      expect(await summarisePolicy(document, catalog), JSON.stringify(document)).toEqual([]);
    }
    // A statement without Effect never applies (IAM rejects it); one with an unknown action names no service.
    expect(
      await summarisePolicy(
        { Version: '2012-10-17', Statement: [{ Action: 's3:GetObject', Resource: '*' }] },
        catalog,
      ),
    ).toEqual([]);
    expect(
      await summarisePolicy(
        {
          Version: '2012-10-17',
          Statement: [{ Effect: 'Allow', Action: 'nosuchservice:Do', Resource: '*' }],
        },
        catalog,
      ),
    ).toEqual([]);
  });
});
