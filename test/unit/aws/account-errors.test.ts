// Failures the emulator cannot produce, with the SDK clients mocked (aws-sdk-client-mock): access
// denied on one item during a pull, AWS refusals as one line naming the resource, IAM's eventual
// consistency retried, and credentials never leaking into a message.

import {
  CognitoIdentityClient,
  DescribeIdentityPoolCommand,
  GetIdentityPoolRolesCommand,
  ResourceNotFoundException,
} from '@aws-sdk/client-cognito-identity';
import { CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider';
import {
  AttachRolePolicyCommand,
  GetPolicyCommand,
  GetRoleCommand,
  IAMClient,
  LimitExceededException,
  MalformedPolicyDocumentException,
  NoSuchEntityException,
  PutRolePolicyCommand,
} from '@aws-sdk/client-iam';
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { mockClient } from 'aws-sdk-client-mock';
import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { MANAGED_TAG_KEY } from '../../../shared/export/plan';
import { loadDesign } from '../../../shared/model/io';
import type { DesignDocument } from '../../../shared/model/types';
import {
  applyDesign,
  connect,
  describeAwsError,
  pullIdentityPools,
  scrubSecrets,
  type AwsConnection,
} from '../../../src-main/services/aws';

const SECRET = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYSECRETKEY';
const POOL_ID = 'us-east-1:6f1a2b3c-4d5e-4f60-8a71-92b3c4d5e6f7';
const iam = mockClient(IAMClient);
const identity = mockClient(CognitoIdentityClient);
const userPools = mockClient(CognitoIdentityProviderClient);
const sts = mockClient(STSClient);
let connection: AwsConnection;

function photoSharing(): DesignDocument {
  const result = loadDesign(readFileSync('assets/examples/photo-sharing.cognito-design.json', 'utf8'));
  if (!result.ok) throw new Error('example does not load');
  return result.design;
}

const meta = { $metadata: {} };
const notFound = () => new NoSuchEntityException({ message: 'The role cannot be found.', ...meta });
const accessDenied = (action: string) =>
  Object.assign(
    new Error(`User: arn:aws:iam::111122223333:user/dev is not authorized to perform: ${action}`),
    {
      name: 'AccessDenied',
    },
  );

beforeEach(() => {
  vi.stubEnv('AWS_ACCESS_KEY_ID', 'AKIAIOSFODNN7SECRETID');
  vi.stubEnv('AWS_SECRET_ACCESS_KEY', SECRET);
  vi.stubEnv('AWS_CONFIG_FILE', '/nonexistent/aws-config');
  vi.stubEnv('AWS_SHARED_CREDENTIALS_FILE', '/nonexistent/aws-credentials');
  vi.stubEnv('AWS_PROFILE', '');
  sts.reset();
  sts.on(GetCallerIdentityCommand).resolves({ Account: '111122223333' });
  iam.reset();
  identity.reset();
  userPools.reset();
  iam.onAnyCommand().resolves({});
  identity.onAnyCommand().resolves({});
  userPools.onAnyCommand().resolves({});
  connection = connect({ region: 'us-east-1', endpointUrl: 'http://127.0.0.1:9' });
});

afterEach(() => {
  vi.unstubAllEnvs();
  vi.unstubAllGlobals();
});

describe('pull', () => {
  it('reports an access denied on one role for that role and pulls the rest', async () => {
    identity.on(DescribeIdentityPoolCommand).resolves({
      IdentityPoolId: POOL_ID,
      IdentityPoolName: 'Photos',
      AllowUnauthenticatedIdentities: true,
    });
    identity.on(GetIdentityPoolRolesCommand).resolves({
      IdentityPoolId: POOL_ID,
      Roles: {
        authenticated: 'arn:aws:iam::111122223333:role/Signed',
        unauthenticated: 'arn:aws:iam::111122223333:role/Guest',
      },
    });
    const trust = {
      Version: '2012-10-17',
      Statement: [
        {
          Effect: 'Allow',
          Principal: { Federated: 'cognito-identity.amazonaws.com' },
          Action: 'sts:AssumeRoleWithWebIdentity',
        },
      ],
    };
    iam.on(GetRoleCommand, { RoleName: 'Guest' }).rejects(accessDenied('iam:GetRole'));
    iam.on(GetRoleCommand, { RoleName: 'Signed' }).resolves({
      Role: {
        RoleName: 'Signed',
        Path: '/',
        Arn: 'arn:aws:iam::111122223333:role/Signed',
        RoleId: 'AROAEXAMPLE',
        CreateDate: new Date(),
        AssumeRolePolicyDocument: encodeURIComponent(JSON.stringify(trust)),
      },
    });
    const pulled = await pullIdentityPools(connection, [POOL_ID]);
    if (!('design' in pulled)) throw new Error(pulled.problems.join('\n'));
    expect(pulled.problems).toEqual([
      'role Guest: access denied for iam:GetRole (AccessDenied) — the credentials lack this permission: ' +
        'User: arn:aws:iam::111122223333:user/dev is not authorized to perform: iam:GetRole',
    ]);
    // The unreadable role stays referenced by the pool, as a stub the import report names.
    expect(pulled.design.roles.map((role) => role.name)).toEqual(['Signed', 'Guest']);
    expect(pulled.design.roles[1]?.inlinePolicies).toEqual([]);
    expect(
      pulled.report.missing.some((line) =>
        line.startsWith('role Guest (arn:aws:iam::111122223333:role/Guest'),
      ),
    ).toBe(true);
    expect(pulled.design.identityPools[0]?.poolId).toBe(POOL_ID);
  });
});

describe('apply', () => {
  beforeEach(() => {
    iam.on(GetRoleCommand).rejects(notFound());
    iam.on(GetPolicyCommand).rejects(notFound());
    identity.on(DescribeIdentityPoolCommand).resolves({
      IdentityPoolId: POOL_ID,
      IdentityPoolName: 'PhotoSharingIdentities',
      AllowUnauthenticatedIdentities: true,
      IdentityPoolTags: { [MANAGED_TAG_KEY]: 'true' },
    });
  });

  it('turns MalformedPolicyDocument into one line naming the role, without the secret key', async () => {
    iam.on(PutRolePolicyCommand).rejects(
      new MalformedPolicyDocumentException({
        message: `Syntax errors in policy (signed with ${SECRET})`,
        ...meta,
      }),
    );
    const result = await applyDesign(connection, photoSharing(), {
      allowDelete: false,
      adopt: false,
      retryDelaysMs: [],
    });
    expect(result.ok).toBe(false);
    expect(result.failure).toBe(
      'role /photo-sharing/PhotoSharingGuest: AWS refused the policy document (MalformedPolicyDocument): Syntax errors in policy (signed with [redacted])',
    );
    expect(JSON.stringify(result)).not.toContain(SECRET);
    expect(result.steps.filter((step) => step.status === 'applied').length).toBeGreaterThan(0);
    expect(result.steps.at(-1)?.status).toBe('not-applied');
  });

  it('turns LimitExceeded into one line naming the role', async () => {
    iam
      .on(AttachRolePolicyCommand)
      .rejects(
        new LimitExceededException({ message: 'Cannot exceed quota for PoliciesPerRole: 10', ...meta }),
      );
    const result = await applyDesign(connection, photoSharing(), {
      allowDelete: false,
      adopt: false,
      retryDelaysMs: [],
    });
    expect(result.failure).toBe(
      'role /photo-sharing/PhotoSharingAuthenticated: an AWS quota was reached (LimitExceeded): Cannot exceed quota for PoliciesPerRole: 10',
    );
  });

  it('waits out IAM eventual consistency with bounded retries', async () => {
    iam.on(AttachRolePolicyCommand).rejectsOnce(notFound()).rejectsOnce(notFound()).resolves({});
    const result = await applyDesign(connection, photoSharing(), {
      allowDelete: false,
      adopt: false,
      retryDelaysMs: [1, 1],
    });
    expect(result.ok).toBe(true);

    iam.on(AttachRolePolicyCommand).rejects(notFound());
    const gaveUp = await applyDesign(connection, photoSharing(), {
      allowDelete: false,
      adopt: false,
      retryDelaysMs: [1, 1],
    });
    expect(gaveUp.failure).toMatch(
      /^role \/photo-sharing\/PhotoSharingAuthenticated: iam:AttachRolePolicy failed \(NoSuchEntity\)/,
    );
    // One first attempt and two retries, for the one step that failed.
    const attempts = iam.commandCalls(AttachRolePolicyCommand).length;
    expect(attempts).toBeGreaterThanOrEqual(3);
  });

  it('turns an access denial on a Cognito call into one line naming the pool', async () => {
    identity.on(GetIdentityPoolRolesCommand).rejects(accessDenied('cognito-identity:GetIdentityPoolRoles'));
    await expect(
      applyDesign(connection, photoSharing(), { allowDelete: false, adopt: false, retryDelaysMs: [] }),
    ).rejects.toThrow(
      /^identity pool PhotoSharingIdentities: access denied for cognito-identity:GetIdentityPoolRoles \(AccessDenied\)/,
    );
  });

  it('does not mistake a missing pool for an access error', async () => {
    identity
      .on(DescribeIdentityPoolCommand)
      .rejects(new ResourceNotFoundException({ message: 'no pool', ...meta }));
    const result = await applyDesign(connection, photoSharing(), {
      allowDelete: false,
      adopt: false,
      retryDelaysMs: [],
    });
    expect(result.failure).toMatch(/CreateIdentityPool answered without a pool id/);
  });
});

describe('secrets in messages', () => {
  it('removes the environment credentials and key-shaped strings', () => {
    const text = scrubSecrets(`failed with AKIAIOSFODNN7SECRETID / ${SECRET} and token ASIAEXAMPLEEXAMPLE12`);
    expect(text).toBe('failed with [redacted] / [redacted] and token [redacted]');
  });

  it('never lets a credential_process error quote the secret', () => {
    const error = Object.assign(new Error(`credential_process printed {"SecretAccessKey":"${SECRET}"}`), {
      name: 'CredentialsProviderError',
    });
    const line = describeAwsError(error, 'role Admin', 'iam:GetRole');
    expect(line).not.toContain(SECRET);
    expect(line).toMatch(/^no usable AWS credentials \(iam:GetRole for role Admin\)/);
  });
});
