// The plan: ordered changes that make an account match a design (design.md §8). Pure: the main
// process observes the account (src-main/services/aws) and executes the operations.
// Order: identity pools the account lacks are created first (their new ids go into the trust
// policies), then customer managed policies, then roles, then the identity pools' settings, roles
// and principal-tag maps — IAM before the identity-pool calls that name the roles.

import type { DesignDocument } from '../model/types';
import { desiredState, normalizePoolSettings } from './plan-desired';
import { jsonDiff, sameJson } from './plan-diff';
import { change, isManaged, type Draft } from './plan-change';
import { roleChanges } from './plan-roles';
import {
  MANAGED_TAG_KEY,
  MANAGED_TAG_VALUE,
  MAX_POLICY_VERSIONS,
  type DesiredIdentityPool,
  type DesiredPolicy,
  type ObservedIdentityPool,
  type ObservedPolicy,
  type ObservedState,
  type Plan,
} from './plan-types';

export type * from './plan-types';
export { MANAGED_TAG_KEY, MANAGED_TAG_VALUE, MAX_POLICY_VERSIONS } from './plan-types';
export { desiredState } from './plan-desired';
export { jsonDiff, canonicalJson } from './plan-diff';
export { isManaged } from './plan-change';

/** Placeholder for the id AWS will give a pool that does not exist yet (shown in trust policies). */
export function newPoolIdPlaceholder(name: string): string {
  return `<id AWS assigns to identity pool ${name}>`;
}

/**
 * The design with the pool ids the account really has: a pool found by name takes its AWS id, a
 * pool to be created takes a placeholder, so the trust policies in the plan name the right pools.
 */
export function withObservedPoolIds(design: DesignDocument, observed: ObservedState): DesignDocument {
  return {
    ...design,
    identityPools: design.identityPools.map((pool) => {
      const found = observed.identityPools[pool.id];
      if (found === undefined) return pool;
      if (found === null) return { ...pool, poolId: newPoolIdPlaceholder(pool.name) };
      return { ...pool, poolId: found.IdentityPoolId };
    }),
  };
}

export function planChanges(design: DesignDocument, observed: ObservedState): Plan {
  const desired = desiredState(withObservedPoolIds(design, observed));
  const notes: string[] = [];
  const drafts: Draft[] = [];
  for (const pool of desired.identityPools) {
    const designPoolId = design.identityPools.find((entry) => entry.id === pool.designId)?.poolId ?? '';
    drafts.push(...poolCreation(pool, observed.identityPools[pool.designId], designPoolId));
  }
  for (const policy of desired.policies) drafts.push(...policyChanges(policy, observed.policies[policy.Arn]));
  for (const role of desired.roles) drafts.push(...roleChanges(role, observed.roles[role.RoleName], notes));
  for (const pool of desired.identityPools)
    drafts.push(...poolChanges(pool, observed.identityPools[pool.designId]));
  return {
    accountId: observed.accountId,
    region: observed.region,
    changes: drafts.map((draft, index) => ({ step: index + 1, ...draft })),
    notes,
  };
}

function poolCreation(
  pool: DesiredIdentityPool,
  found: ObservedIdentityPool | null | undefined,
  designPoolId: string,
): Draft[] {
  const resource = `identity pool ${pool.settings.IdentityPoolName}`;
  if (found === null) {
    const tags = { [MANAGED_TAG_KEY]: MANAGED_TAG_VALUE };
    return [
      change(
        resource,
        `create identity pool (the design's id ${designPoolId} is replaced by the id AWS assigns)`,
        { type: 'CreateIdentityPool', designPoolId: pool.designId, settings: pool.settings, tags },
        jsonDiff(undefined, { ...pool.settings, IdentityPoolTags: tags }),
      ),
    ];
  }
  if (found?.foundBy === 'name') {
    return [
      change(
        resource,
        `record the pool's id ${found.IdentityPoolId} in the design (the design's id does not exist; the managed pool of the same name does)`,
        { type: 'RecordIdentityPoolId', designPoolId: pool.designId, IdentityPoolId: found.IdentityPoolId },
        '',
      ),
    ];
  }
  return [];
}

function policyChanges(policy: DesiredPolicy, found: ObservedPolicy | null | undefined): Draft[] {
  const resource = `managed policy ${policy.Path}${policy.PolicyName}`;
  if (found === undefined) return [];
  if (found === null) {
    const tags = { [MANAGED_TAG_KEY]: MANAGED_TAG_VALUE };
    return [
      change(
        resource,
        'create managed policy',
        {
          type: 'CreatePolicy',
          PolicyName: policy.PolicyName,
          Path: policy.Path,
          ...(policy.Description ? { Description: policy.Description } : {}),
          PolicyDocument: policy.Document,
          Tags: tags,
        },
        jsonDiff(undefined, policy.Document),
      ),
    ];
  }
  const adopt = !isManaged(found.Tags);
  const drafts: Draft[] = [];
  if (adopt) {
    drafts.push(
      change(
        resource,
        'adopt: tag the existing policy as managed by the studio',
        { type: 'TagPolicy', PolicyArn: found.Arn, Tags: { [MANAGED_TAG_KEY]: MANAGED_TAG_VALUE } },
        jsonDiff(found.Tags, { ...found.Tags, [MANAGED_TAG_KEY]: MANAGED_TAG_VALUE }),
        { adopt },
      ),
    );
  }
  if (!sameJson(found.Document, policy.Document)) {
    const deleteVersionId =
      found.Versions.length >= MAX_POLICY_VERSIONS ? oldestNonDefault(found) : undefined;
    drafts.push(
      change(
        resource,
        deleteVersionId
          ? `create a new default version (deleting the oldest non-default version ${deleteVersionId}: IAM keeps ${MAX_POLICY_VERSIONS})`
          : 'create a new default version',
        {
          type: 'CreatePolicyVersion',
          PolicyArn: found.Arn,
          PolicyDocument: policy.Document,
          ...(deleteVersionId ? { DeleteVersionId: deleteVersionId } : {}),
        },
        jsonDiff(found.Document, policy.Document),
        { adopt },
      ),
    );
  }
  return drafts;
}

function oldestNonDefault(policy: ObservedPolicy): string | undefined {
  const versionNumber = (id: string) => Number(/\d+/.exec(id)?.[0] ?? Number.MAX_SAFE_INTEGER);
  return policy.Versions.filter((version) => !version.IsDefaultVersion).sort(
    (a, b) =>
      (a.CreateDate ?? '').localeCompare(b.CreateDate ?? '') ||
      versionNumber(a.VersionId) - versionNumber(b.VersionId),
  )[0]?.VersionId;
}

function poolChanges(pool: DesiredIdentityPool, found: ObservedIdentityPool | null | undefined): Draft[] {
  if (found === undefined) return [];
  const resource = `identity pool ${pool.settings.IdentityPoolName}`;
  const current: ObservedIdentityPool = found ?? {
    IdentityPoolId: pool.IdentityPoolId,
    settings: pool.settings,
    Tags: { [MANAGED_TAG_KEY]: MANAGED_TAG_VALUE },
    Roles: {},
    RoleMappings: {},
    PrincipalTags: {},
    foundBy: 'id',
  };
  const adopt = found !== null && !isManaged(current.Tags);
  const drafts: Draft[] = [];
  const settings = normalizePoolSettings(current.settings);
  if (adopt || !sameJson(settings, pool.settings)) {
    const tags = { ...current.Tags, [MANAGED_TAG_KEY]: MANAGED_TAG_VALUE };
    drafts.push(
      change(
        resource,
        adopt
          ? 'adopt: tag the existing pool as managed and update its settings'
          : 'update identity pool settings',
        { type: 'UpdateIdentityPool', designPoolId: pool.designId, settings: pool.settings, tags },
        jsonDiff(
          { ...settings, IdentityPoolTags: current.Tags },
          { ...pool.settings, IdentityPoolTags: tags },
        ),
        { adopt },
      ),
    );
  }
  const before = { Roles: current.Roles, RoleMappings: current.RoleMappings };
  const after = { Roles: pool.Roles, RoleMappings: pool.RoleMappings };
  if (!sameJson(before, after)) {
    drafts.push(
      change(
        resource,
        'set identity pool roles and role mappings (the whole map is replaced)',
        { type: 'SetIdentityPoolRoles', designPoolId: pool.designId, ...after },
        jsonDiff(before, after),
        { adopt },
      ),
    );
  }
  for (const [name, map] of Object.entries(pool.PrincipalTags)) {
    const existing = current.PrincipalTags[name];
    if (sameJson(existing, map)) continue;
    drafts.push(
      change(
        resource,
        `set principal-tag map for ${name}`,
        {
          type: 'SetPrincipalTagAttributeMap',
          designPoolId: pool.designId,
          IdentityProviderName: name,
          UseDefaults: map.UseDefaults,
          PrincipalTags: map.PrincipalTags,
        },
        jsonDiff(existing, map),
        { adopt },
      ),
    );
  }
  return drafts;
}
