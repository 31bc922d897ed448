// Pull, plan and apply end to end against the AWS emulator (moto_server): the photo-sharing example
// is applied to an empty account, a second plan is empty, a second apply changes nothing, a pull of
// what was applied validates, and a failure half-way is reported and repaired by a re-run.

import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { loadDesign } from '../../../shared/model/io';
import { serializeDesign } from '../../../shared/model/serialize';
import type { DesignDocument } from '../../../shared/model/types';
import { CognitoIdentityClient, CreateIdentityPoolCommand } from '@aws-sdk/client-cognito-identity';
import {
  CreateOpenIDConnectProviderCommand,
  IAMClient,
  CreateRoleCommand,
  ListPolicyVersionsCommand,
  CreatePolicyVersionCommand,
} from '@aws-sdk/client-iam';
import {
  applyDesign,
  connect,
  disconnect,
  planDesign,
  planFingerprint,
  pullIdentityPools,
  type AwsConnection,
} from '../../../src-main/services/aws';
import {
  CognitoIdentityProviderClient,
  CreateGroupCommand,
  CreateUserPoolClientCommand,
  CreateUserPoolCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { emulatorEnvironment, startMoto, type Moto } from './moto';

function example(name: string): DesignDocument {
  const result = loadDesign(readFileSync(`assets/examples/${name}.cognito-design.json`, 'utf8'));
  if (!result.ok) throw new Error(`example ${name} does not load`);
  return result.design;
}

/** The example with its user pool created in the emulator (user pools are referenced, never created by apply). */
async function withEmulatedUserPool(design: DesignDocument): Promise<DesignDocument> {
  const client = new CognitoIdentityProviderClient({ region: 'us-east-1', endpoint: moto.endpoint });
  try {
    const source = design.userPools[0]!;
    const created = await client.send(new CreateUserPoolCommand({ PoolName: source.name }));
    const userPoolId = created.UserPool!.Id!;
    const clientIds: Record<string, string> = {};
    for (const appClient of source.clients) {
      const answer = await client.send(
        new CreateUserPoolClientCommand({
          UserPoolId: userPoolId,
          ClientName: appClient.name,
          WriteAttributes: appClient.writeAttributes,
        }),
      );
      clientIds[appClient.id] = answer.UserPoolClient!.ClientId!;
    }
    for (const group of source.groups) {
      const role = design.roles.find((candidate) => candidate.id === group.roleId)!;
      await client.send(
        new CreateGroupCommand({
          UserPoolId: userPoolId,
          GroupName: group.name,
          ...(group.precedence !== undefined ? { Precedence: group.precedence } : {}),
          ...(group.description ? { Description: group.description } : {}),
          RoleArn: `arn:aws:iam::${design.account.accountId}:role${role.path}${role.name}`,
        }),
      );
    }
    return {
      ...design,
      userPools: [
        {
          ...source,
          poolId: userPoolId,
          clients: source.clients.map((appClient) => ({ ...appClient, clientId: clientIds[appClient.id]! })),
        },
      ],
    };
  } finally {
    client.destroy();
  }
}

const fast = { retryDelaysMs: [10, 10] };

let moto: Moto;
let connection: AwsConnection;

beforeAll(async () => {
  moto = await startMoto();
}, 60_000);

afterAll(async () => {
  await moto?.stop();
});

beforeEach(async () => {
  for (const [key, value] of Object.entries(emulatorEnvironment())) vi.stubEnv(key, value);
  vi.stubEnv('AWS_PROFILE', '');
  await moto.reset();
  connection = connect({ region: 'us-east-1', endpointUrl: moto.endpoint });
  return () => {
    disconnect(connection);
    vi.unstubAllEnvs();
  };
});

describe('apply against moto_server', () => {
  it('creates the photo-sharing roles, policies and pool; a second plan is empty; a pull validates', async () => {
    const source = example('photo-sharing');
    const design = await withEmulatedUserPool({
      ...source,
      roles: source.roles.map((role) =>
        role.name === 'PhotoSharingAdmins'
          ? { ...role, maxSessionDuration: 7200, description: 'Moderators' }
          : role,
      ),
    });
    const first = await planDesign(connection, design);
    const kinds = first.changes.map((change) => change.operation.type);
    expect(kinds.filter((kind) => kind === 'CreateRole')).toHaveLength(design.roles.length);
    expect(kinds.filter((kind) => kind === 'CreatePolicy')).toHaveLength(design.managedPolicies.length);
    expect(kinds[0]).toBe('CreateIdentityPool');
    expect(kinds.at(-1)).toBe('SetIdentityPoolRoles');
    expect(first.changes.some((change) => change.adopt)).toBe(false);

    let written: DesignDocument | undefined;
    const result = await applyDesign(connection, design, {
      allowDelete: false,
      adopt: false,
      ...fast,
      onDesignChanged: async (updated) => {
        written = updated;
      },
    });
    expect(result.failure).toBeUndefined();
    expect(result.ok).toBe(true);
    expect(result.steps.every((step) => step.status === 'applied')).toBe(true);
    // The pool AWS created has a new id, recorded in the design before any IAM change.
    const newPoolId = result.design.identityPools[0]!.poolId;
    expect(newPoolId).not.toBe(design.identityPools[0]!.poolId);
    expect(newPoolId).toMatch(/^us-east-1:[0-9a-f-]{36}$/);
    expect(written?.identityPools[0]!.poolId).toBe(newPoolId);

    const second = await planDesign(connection, result.design);
    expect(second.changes).toEqual([]);

    const again = await applyDesign(connection, result.design, { allowDelete: false, adopt: false, ...fast });
    expect(again.steps).toEqual([]);
    expect(again.designChanged).toBe(false);

    const pulled = await pullIdentityPools(connection, [newPoolId]);
    if (!('design' in pulled)) throw new Error(pulled.problems.join('\n'));
    expect(pulled.problems).toEqual([]);
    const reloaded = loadDesign(serializeDesign(pulled.design));
    expect(reloaded.ok).toBe(true);
    const pulledRoles = pulled.design.roles.map((role) => role.name).sort();
    expect(pulledRoles).toEqual(design.roles.map((role) => role.name).sort());
    const admins = pulled.design.roles.find((role) => role.name === 'PhotoSharingAdmins')!;
    expect([admins.maxSessionDuration, admins.description]).toEqual([7200, 'Moderators']);
    expect(admins.permissionsBoundaryArn).toBe(
      design.roles.find((role) => role.name === 'PhotoSharingAdmins')!.permissionsBoundaryArn,
    );
    expect(pulled.design.managedPolicies.map((policy) => policy.name).sort()).toEqual([
      'PhotoSharingBoundary',
      'PhotoSharingPerUserStorage',
    ]);
    expect(pulled.design.userPools[0]!.groups.map((group) => [group.name, group.precedence])).toEqual([
      ['admins', 1],
      ['editors', 2],
      ['viewers', 3],
    ]);
    const pool = pulled.design.identityPools[0]!;
    expect(pool.poolId).toBe(newPoolId);
    expect(pool.roleMappings.map((mapping) => mapping.type)).toEqual(['Token', 'Token']);
    // The pulled design plans as nothing to do against the same account.
    const replan = await planDesign(connection, pulled.design);
    expect(replan.changes.filter((change) => !change.deletion)).toEqual([]);
  });

  it('reports an item it cannot read and goes on', async () => {
    const design = example('photo-sharing');
    const applied = await applyDesign(connection, design, { allowDelete: false, adopt: false, ...fast });
    expect(applied.ok).toBe(true);
    const poolId = applied.design.identityPools[0]!.poolId;
    const pulled = await pullIdentityPools(connection, [
      poolId,
      'us-east-1:00000000-0000-4000-8000-000000000000',
    ]);
    if (!('design' in pulled)) throw new Error(pulled.problems.join('\n'));
    // The example's user pool does not exist in this account: each read of it is reported, and the
    // identity pool and its roles are still pulled.
    expect(pulled.problems).toEqual([
      'identity pool us-east-1:00000000-0000-4000-8000-000000000000: no such identity pool in us-east-1',
      'user pool us-east-1_Ph0t0Sh4r: cognito-idp:DescribeUserPool failed (ResourceNotFound): User pool us-east-1_Ph0t0Sh4r does not exist.',
      'user pool us-east-1_Ph0t0Sh4r: cognito-idp:ListGroups failed (ResourceNotFound): User pool us-east-1_Ph0t0Sh4r does not exist.',
      'user pool us-east-1_Ph0t0Sh4r: cognito-idp:ListUserPoolClients failed (ResourceNotFound): User pool us-east-1_Ph0t0Sh4r does not exist.',
    ]);
    expect(pulled.design.identityPools.map((pool) => pool.poolId)).toEqual([poolId]);
    expect(pulled.design.roles.map((role) => role.name).sort()).toEqual([
      'PhotoSharingAuthenticated',
      'PhotoSharingGuest',
    ]);
  });

  for (const name of ['analytics-sdk', 'b2b-saas']) {
    it(`${name}: the design rewritten with the new pool id plans empty on a fresh connection (apply twice is a no-op)`, async () => {
      const design = example(name);
      const applied = await applyDesign(connection, design, { allowDelete: false, adopt: false, ...fast });
      expect(applied.failure).toBeUndefined();
      const kinds = new Set(applied.steps.map((step) => step.summary.split(' ')[0]));
      expect(kinds.size).toBeGreaterThan(1);
      const reopened = loadDesign(serializeDesign(applied.design));
      if (!reopened.ok) throw new Error('rewritten design does not load');
      const fresh = connect({ region: 'us-east-1', endpointUrl: moto.endpoint });
      try {
        expect((await planDesign(fresh, reopened.design)).changes).toEqual([]);
        const again = await applyDesign(fresh, reopened.design, {
          allowDelete: false,
          adopt: false,
          ...fast,
        });
        expect(again.steps).toEqual([]);
      } finally {
        disconnect(fresh);
      }
    });
  }

  it('reads the client ids of OIDC providers and reports a SAML provider that does not exist', async () => {
    const iam = new IAMClient({ region: 'us-east-1', endpoint: moto.endpoint });
    const oidc = await iam.send(
      new CreateOpenIDConnectProviderCommand({
        Url: 'https://login.example.com',
        ClientIDList: ['field-app', 'field-admin'],
        ThumbprintList: ['9e99a48a9960b14926bb7f3b02e22da2b0ab7280'],
      }),
    );
    iam.destroy();
    const identity = new CognitoIdentityClient({ region: 'us-east-1', endpoint: moto.endpoint });
    const created = await identity.send(
      new CreateIdentityPoolCommand({
        IdentityPoolName: 'FieldApp',
        AllowUnauthenticatedIdentities: false,
        OpenIdConnectProviderARNs: [oidc.OpenIDConnectProviderArn!],
        SamlProviderARNs: ['arn:aws:iam::111122223333:saml-provider/Gone'],
      }),
    );
    identity.destroy();
    const pulled = await pullIdentityPools(connection, [created.IdentityPoolId!]);
    if (!('design' in pulled)) throw new Error(pulled.problems.join('\n'));
    const provider = pulled.design.providers.find((entry) => entry.kind === 'oidc');
    expect(provider?.providerKey).toBe('login.example.com');
    expect(provider?.clientIds).toEqual(['field-app', 'field-admin']);
    expect(pulled.report.missing.some((line) => line.startsWith('OIDC provider'))).toBe(false);
    expect(pulled.problems).toEqual([
      expect.stringMatching(
        /^SAML provider arn:aws:iam::111122223333:saml-provider\/Gone: iam:GetSAMLProvider failed \(NoSuchEntity\)/,
      ),
    ]);
  });

  it('sets the principal-tag maps and rule mappings of the b2b example', async () => {
    const applied = await applyDesign(connection, example('b2b-saas'), {
      allowDelete: false,
      adopt: false,
      ...fast,
    });
    const summaries = applied.steps.map((step) => step.summary);
    expect(
      summaries.filter((summary) => summary.startsWith('set principal-tag map for cognito-idp.')),
    ).not.toEqual([]);
    const pulled = await pullIdentityPools(connection, [applied.design.identityPools[0]!.poolId]);
    if (!('design' in pulled)) throw new Error(pulled.problems.join('\n'));
    const pool = pulled.design.identityPools[0]!;
    expect(pool.roleMappings.map((mapping) => mapping.type).sort()).toEqual(['Rules', 'Token']);
    expect(pool.principalTags.length).toBeGreaterThan(0);
  });

  it('stops at the first failure with what was and was not applied; a re-run after the fix converges', async () => {
    const design = example('photo-sharing');
    const broken: DesignDocument = {
      ...design,
      roles: design.roles.map((role) =>
        role.name === 'PhotoSharingEditors'
          ? {
              ...role,
              managedPolicyArns: [...role.managedPolicyArns, 'arn:aws:iam::aws:policy/NoSuchPolicyAnywhere'],
            }
          : role,
      ),
    };
    const failed = await applyDesign(connection, broken, { allowDelete: false, adopt: false, ...fast });
    expect(failed.ok).toBe(false);
    expect(failed.failure).toMatch(
      /^role \/photo-sharing\/PhotoSharingEditors: iam:AttachRolePolicy failed \(NoSuchEntity\)/,
    );
    expect(failed.failure?.split('\n')).toHaveLength(1);
    const failedStep = failed.steps.find((step) => step.status === 'failed');
    expect(failedStep?.summary).toBe('attach managed policy arn:aws:iam::aws:policy/NoSuchPolicyAnywhere');
    const applied = failed.steps.filter((step) => step.status === 'applied');
    const notApplied = failed.steps.filter((step) => step.status === 'not-applied');
    expect(applied.length).toBeGreaterThan(0);
    expect(notApplied.length).toBeGreaterThan(0);
    expect(notApplied.at(-1)?.summary).toMatch(/^set identity pool roles/);

    // The fixed design (the example itself) with the pool id recorded by the failed run.
    const fixed = { ...design, identityPools: failed.design.identityPools };
    const remaining = await planDesign(connection, fixed);
    expect(remaining.changes.length).toBeLessThan(notApplied.length + 1);
    expect(remaining.changes.some((change) => change.operation.type === 'CreateRole')).toBe(true);
    const repaired = await applyDesign(connection, fixed, { allowDelete: false, adopt: false, ...fast });
    expect(repaired.ok).toBe(true);
    expect((await planDesign(connection, repaired.design)).changes).toEqual([]);
  });

  it('asks before adopting an untagged role and never deletes without permission', async () => {
    const design = example('photo-sharing');
    const iam = new IAMClient({ region: 'us-east-1', endpoint: moto.endpoint });
    await iam.send(
      new CreateRoleCommand({
        RoleName: 'PhotoSharingGuest',
        Path: '/photo-sharing/',
        AssumeRolePolicyDocument: JSON.stringify({ Version: '2012-10-17', Statement: [] }),
      }),
    );
    iam.destroy();
    const plan = await planDesign(connection, design);
    const adopted = plan.changes.filter((change) => change.adopt);
    expect(adopted.map((change) => change.summary)).toContain(
      'adopt: tag the existing role as managed by the studio',
    );
    await expect(
      applyDesign(connection, design, { allowDelete: false, adopt: false, ...fast }),
    ).rejects.toThrow(
      /not applied: role \/photo-sharing\/PhotoSharingGuest already exist\(s\) without the studio's tag; confirm adopting them \(--adopt\)/,
    );
    // Nothing was changed by the refusal.
    expect((await planDesign(connection, design)).changes).toEqual(plan.changes);

    const adoptedRun = await applyDesign(connection, design, { allowDelete: false, adopt: true, ...fast });
    expect(adoptedRun.ok).toBe(true);
    // An inline policy the design no longer has is a deletion: skipped without permission, applied with it.
    const trimmed: DesignDocument = {
      ...adoptedRun.design,
      roles: adoptedRun.design.roles.map((role) =>
        role.name === 'PhotoSharingGuest' ? { ...role, inlinePolicies: [] } : role,
      ),
    };
    const deletion = await planDesign(connection, trimmed);
    expect(deletion.changes.map((change) => [change.summary, change.deletion])).toEqual([
      ['delete inline policy PublicGalleryRead (not in the design)', true],
    ]);
    const skipped = await applyDesign(connection, trimmed, { allowDelete: false, adopt: false, ...fast });
    expect(skipped.steps.map((step) => step.status)).toEqual(['skipped']);
    expect((await planDesign(connection, trimmed)).changes).toHaveLength(1);
    const deleted = await applyDesign(connection, trimmed, { allowDelete: true, adopt: false, ...fast });
    expect(deleted.steps.map((step) => step.status)).toEqual(['applied']);
    expect((await planDesign(connection, trimmed)).changes).toEqual([]);
  });

  it('deletes the oldest non-default policy version at the five-version limit', async () => {
    const design = example('photo-sharing');
    const applied = await applyDesign(connection, design, { allowDelete: false, adopt: false, ...fast });
    expect(applied.ok).toBe(true);
    const policy = applied.design.managedPolicies.find(
      (entry) => entry.name === 'PhotoSharingPerUserStorage',
    )!;
    const arn = 'arn:aws:iam::111122223333:policy/photo-sharing/PhotoSharingPerUserStorage';
    const iam = new IAMClient({ region: 'us-east-1', endpoint: moto.endpoint });
    for (let index = 0; index < 4; index++) {
      await iam.send(
        new CreatePolicyVersionCommand({
          PolicyArn: arn,
          PolicyDocument: JSON.stringify({ ...policy.document, Id: `old-${index}` }),
          SetAsDefault: false,
        }),
      );
    }
    const changed: DesignDocument = {
      ...applied.design,
      managedPolicies: applied.design.managedPolicies.map((entry) =>
        entry.id === policy.id ? { ...entry, document: { ...entry.document, Id: 'new' } } : entry,
      ),
    };
    const plan = await planDesign(connection, changed);
    expect(plan.changes).toHaveLength(1);
    expect(plan.changes[0]!.operation).toMatchObject({ type: 'CreatePolicyVersion', DeleteVersionId: 'v2' });
    const result = await applyDesign(connection, changed, { allowDelete: false, adopt: false, ...fast });
    expect(result.ok).toBe(true);
    const versions = (await iam.send(new ListPolicyVersionsCommand({ PolicyArn: arn }))).Versions ?? [];
    iam.destroy();
    expect(versions).toHaveLength(5);
    expect(versions.map((version) => version.VersionId)).not.toContain('v2');
    expect(versions.find((version) => version.IsDefaultVersion)?.VersionId).toBe('v6');
    expect((await planDesign(connection, changed)).changes).toEqual([]);
  });
});

describe('the confirmed plan', () => {
  it('is refused when the account changed after it was shown', async () => {
    const design = example('photo-sharing');
    const shown = await planDesign(connection, design);
    const iam = new IAMClient({ region: 'us-east-1', endpoint: moto.endpoint });
    await iam.send(
      new CreateRoleCommand({
        RoleName: 'PhotoSharingEditors',
        Path: '/photo-sharing/',
        AssumeRolePolicyDocument: JSON.stringify({ Version: '2012-10-17', Statement: [] }),
      }),
    );
    iam.destroy();
    await expect(
      applyDesign(connection, design, {
        allowDelete: false,
        adopt: true,
        confirmedFingerprint: planFingerprint(shown),
        ...fast,
      }),
    ).rejects.toThrow('the account or the design changed since the plan was shown; plan again');
  });
});

describe('the account check', () => {
  it('refuses a design for another account before reading or changing anything', async () => {
    const design = example('photo-sharing');
    const other = { ...design, account: { ...design.account, accountId: '999988887777' } };
    await expect(planDesign(connection, other)).rejects.toThrow(
      'the design is for account 999988887777 but the credentials belong to account 111122223333',
    );
  });
});
