// The pure plan (shared/export/plan): order of changes, readable diffs, the version limit, adopt
// and deletion flags, from hand-made observed states (no AWS at all).

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  desiredState,
  jsonDiff,
  MANAGED_TAG_KEY,
  planChanges,
  type ObservedPolicy,
  type ObservedRole,
  type ObservedState,
} from '../../../shared/export/plan';
import { formatPlanText } from '../../../shared/export/plan-format';
import { loadDesign } from '../../../shared/model/io';
import type { DesignDocument } from '../../../shared/model/types';

function photoSharing(): DesignDocument {
  const result = loadDesign(readFileSync('assets/examples/photo-sharing.cognito-design.json', 'utf8'));
  if (!result.ok) throw new Error('example does not load');
  return result.design;
}

/** The account exactly as the design wants it. */
function matchingAccount(design: DesignDocument): ObservedState {
  const desired = desiredState(design);
  const roles: Record<string, ObservedRole> = {};
  for (const role of desired.roles) {
    roles[role.RoleName] = {
      RoleName: role.RoleName,
      Path: role.Path,
      Arn: role.Arn,
      ...(role.Description ? { Description: role.Description } : {}),
      ...(role.AssumeRolePolicyDocument ? { AssumeRolePolicyDocument: role.AssumeRolePolicyDocument } : {}),
      MaxSessionDuration: role.MaxSessionDuration,
      InlinePolicies: role.InlinePolicies,
      AttachedPolicyArns: role.AttachedPolicyArns,
      ...(role.PermissionsBoundaryArn ? { PermissionsBoundaryArn: role.PermissionsBoundaryArn } : {}),
      Tags: role.Tags,
    };
  }
  const policies: Record<string, ObservedPolicy> = {};
  for (const policy of desired.policies) {
    policies[policy.Arn] = {
      Arn: policy.Arn,
      PolicyName: policy.PolicyName,
      Path: policy.Path,
      DefaultVersionId: 'v1',
      Document: policy.Document,
      Versions: [{ VersionId: 'v1', IsDefaultVersion: true }],
      Tags: { [MANAGED_TAG_KEY]: 'true' },
    };
  }
  return {
    accountId: design.account.accountId,
    region: design.account.region,
    roles,
    policies,
    identityPools: Object.fromEntries(
      desired.identityPools.map((pool) => [
        pool.designId,
        {
          IdentityPoolId: pool.IdentityPoolId,
          settings: pool.settings,
          Tags: { [MANAGED_TAG_KEY]: 'true' },
          Roles: pool.Roles,
          RoleMappings: pool.RoleMappings,
          PrincipalTags: pool.PrincipalTags,
          foundBy: 'id' as const,
        },
      ]),
    ),
  };
}

describe('planChanges', () => {
  it('is empty when the account matches', () => {
    const design = photoSharing();
    expect(planChanges(design, matchingAccount(design)).changes).toEqual([]);
  });

  it('creates everything, identity pools first and identity-pool roles last, on an empty account', () => {
    const design = photoSharing();
    const empty: ObservedState = {
      accountId: '111122223333',
      region: 'us-east-1',
      roles: Object.fromEntries(design.roles.map((role) => [role.name, null])),
      policies: Object.fromEntries(desiredState(design).policies.map((policy) => [policy.Arn, null])),
      identityPools: { [design.identityPools[0]!.id]: null },
    };
    const plan = planChanges(design, empty);
    const types = plan.changes.map((change) => change.operation.type);
    expect(types[0]).toBe('CreateIdentityPool');
    expect(types.indexOf('CreatePolicy')).toBeLessThan(types.indexOf('CreateRole'));
    expect(types.lastIndexOf('AttachRolePolicy')).toBeLessThan(types.indexOf('SetIdentityPoolRoles'));
    expect(plan.changes.map((change) => change.step)).toEqual(types.map((_, index) => index + 1));
    expect(plan.changes.every((change) => !change.adopt && !change.deletion)).toBe(true);
  });

  it('shows a changed inline policy as a diff of the lines that differ', () => {
    const design = photoSharing();
    const account = matchingAccount(design);
    const guest = account.roles.PhotoSharingGuest!;
    const before = guest.InlinePolicies.PublicGalleryRead!;
    account.roles.PhotoSharingGuest = {
      ...guest,
      InlinePolicies: {
        PublicGalleryRead: { ...before, Statement: [] },
        Legacy: { Version: '2012-10-17', Statement: [] },
      },
    };
    const plan = planChanges(design, account);
    expect(plan.changes.map((change) => [change.summary, change.deletion])).toEqual([
      ['update inline policy PublicGalleryRead', false],
      ['delete inline policy Legacy (not in the design)', true],
    ]);
    const diff = plan.changes[0]!.diff.split('\n');
    expect(diff).toContain('-   "Statement": [],');
    expect(diff.filter((line) => line.startsWith('+ ')).length).toBeGreaterThan(1);
    expect(formatPlanText(plan)).toContain(
      '2. role /photo-sharing/PhotoSharingGuest: delete inline policy Legacy (not in the design) [DELETE]',
    );
  });

  it('marks every change to an untagged role as adopt, starting with tagging it', () => {
    const design = photoSharing();
    const account = matchingAccount(design);
    const admins = account.roles.PhotoSharingAdmins!;
    account.roles.PhotoSharingAdmins = { ...admins, Tags: { team: 'moderation' }, MaxSessionDuration: 7200 };
    const plan = planChanges(design, account);
    expect(plan.changes.map((change) => [change.operation.type, change.adopt])).toEqual([
      ['TagRole', true],
      ['UpdateRole', true],
    ]);
    expect(plan.changes[0]!.operation).toEqual({
      type: 'TagRole',
      RoleName: 'PhotoSharingAdmins',
      Tags: { app: 'photo-sharing', [MANAGED_TAG_KEY]: 'true' },
    });
  });

  it('notes a role whose path differs, since IAM cannot move it', () => {
    const design = photoSharing();
    const account = matchingAccount(design);
    account.roles.PhotoSharingViewers = { ...account.roles.PhotoSharingViewers!, Path: '/' };
    const plan = planChanges(design, account);
    expect(plan.changes).toEqual([]);
    expect(plan.notes).toEqual([
      "role /photo-sharing/PhotoSharingViewers: the account's role has the path /; IAM cannot change a role's path, so ARNs the design derives (arn:aws:iam::111122223333:role/photo-sharing/PhotoSharingViewers) do not name it — change the design's path or recreate the role",
    ]);
  });

  it('deletes the oldest non-default version when a policy has five', () => {
    const design = photoSharing();
    const account = matchingAccount(design);
    const arn = Object.keys(account.policies)[0]!;
    account.policies[arn] = {
      ...account.policies[arn]!,
      Document: { Version: '2012-10-17', Statement: [] },
      DefaultVersionId: 'v5',
      Versions: [
        { VersionId: 'v5', IsDefaultVersion: true, CreateDate: '2025-05-01T00:00:00.000Z' },
        { VersionId: 'v4', IsDefaultVersion: false, CreateDate: '2025-04-01T00:00:00.000Z' },
        { VersionId: 'v3', IsDefaultVersion: false, CreateDate: '2025-03-01T00:00:00.000Z' },
        { VersionId: 'v2', IsDefaultVersion: false, CreateDate: '2025-02-01T00:00:00.000Z' },
        { VersionId: 'v1', IsDefaultVersion: false, CreateDate: '2025-01-01T00:00:00.000Z' },
      ],
    };
    const [change] = planChanges(design, account).changes;
    expect(change?.operation).toMatchObject({
      type: 'CreatePolicyVersion',
      PolicyArn: arn,
      DeleteVersionId: 'v1',
    });
  });
});

describe('jsonDiff', () => {
  it('keeps three lines of context and cuts the rest', () => {
    const before = Object.fromEntries(
      Array.from({ length: 20 }, (_, index) => [`k${String(index).padStart(2, '0')}`, index]),
    );
    const after = { ...before, k10: 'ten' };
    expect(jsonDiff(before, after)).toBe(
      [
        '  …',
        '    "k07": 7,',
        '    "k08": 8,',
        '    "k09": 9,',
        '-   "k10": 10,',
        '+   "k10": "ten",',
        '    "k11": 11,',
        '    "k12": 12,',
        '    "k13": 13,',
        '  …',
      ].join('\n'),
    );
  });

  it('shows a new thing as added lines only', () => {
    expect(jsonDiff(undefined, { a: 1 })).toBe('+ {\n+   "a": 1\n+ }');
  });
});
