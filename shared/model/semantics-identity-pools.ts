// Identity-pool rules: accepted providers, role mappings and principal-tag maps (design.md §5.1).
// Limits: https://docs.aws.amazon.com/cognitoidentity/latest/APIReference/API_SetIdentityPoolRoles.html
// (RoleMappings ≤ 10 entries), https://docs.aws.amazon.com/cognitoidentity/latest/APIReference/API_RulesConfigurationType.html
// (Rules 1–400; the developer guide's quota is 25), and
// https://docs.aws.amazon.com/cognitoidentity/latest/APIReference/API_SetPrincipalTagAttributeMap.html
// (PrincipalTags ≤ 50 entries, keys 1–128, values 1–256).

import { impossibleClaims } from './claims';
import { userPoolClientKey, userPoolProviderName } from './keys';
import { LIMITS } from './limits';
import type { PathSegment } from './paths';
import { samePrincipalTagMap } from './principal-tags';
import type { DesignIndex, IssueList } from './semantics-issues';
import type { DesignDocument, IdentityPool, ProviderRef, RoleMapping } from './types';

const SOCIAL_KINDS = new Set(['google', 'facebook', 'amazon', 'apple', 'twitter']);

export function checkIdentityPools(design: DesignDocument, index: DesignIndex, list: IssueList): void {
  const poolIds = new Map<string, number>();
  design.identityPools.forEach((pool, poolIndex) => {
    const path: PathSegment[] = ['identityPools', poolIndex];
    const first = poolIds.get(pool.poolId);
    if (first !== undefined)
      list.error(
        'duplicate-name',
        [...path, 'poolId'],
        `identity pool id "${pool.poolId}" is already used by $.identityPools[${first}]`,
      );
    else poolIds.set(pool.poolId, poolIndex);

    for (const field of ['authenticatedRoleId', 'unauthenticatedRoleId'] as const) {
      const roleId = pool[field];
      if (roleId !== undefined && !index.roleIds.has(roleId))
        list.error('dangling-reference', [...path, field], `no role has the id "${roleId}"`);
    }
    checkAcceptedProviders(index, pool, path, list);
    checkRoleMappings(design, pool, index, path, list);
    checkPrincipalTags(index, pool, path, list);
  });
}

/** Resolves a reference and reports it when it dangles; returns the mapping key or undefined. */
function mappingKeyOf(
  index: DesignIndex,
  ref: ProviderRef,
  path: PathSegment[],
  list: IssueList,
): string | undefined {
  if (ref.type === 'provider') {
    const provider = index.providersById.get(ref.providerId);
    if (provider) return provider.providerKey;
    list.error('dangling-reference', [...path, 'providerId'], `no provider has the id "${ref.providerId}"`);
    return undefined;
  }
  const userPool = index.userPoolsById.get(ref.userPoolId);
  const client = index.clientsByPool.get(ref.userPoolId)?.get(ref.clientId);
  if (userPool && client) return userPoolClientKey(userPool.poolId, client.clientId);
  if (!userPool) {
    list.error('dangling-reference', [...path, 'userPoolId'], `no user pool has the id "${ref.userPoolId}"`);
  } else {
    list.error(
      'dangling-reference',
      [...path, 'clientId'],
      `user pool "${ref.userPoolId}" has no app client with the id "${ref.clientId}"`,
    );
  }
  return undefined;
}

function checkAcceptedProviders(
  index: DesignIndex,
  pool: IdentityPool,
  path: PathSegment[],
  list: IssueList,
): void {
  const seen = new Set<string>();
  let social = 0;
  let developer = 0;
  pool.acceptedProviders.forEach((ref, refIndex) => {
    const refPath: PathSegment[] = [...path, 'acceptedProviders', refIndex];
    const key = mappingKeyOf(index, ref, refPath, list);
    if (key === undefined) return;
    if (seen.has(key)) list.error('duplicate-name', refPath, `provider "${key}" is accepted twice`);
    seen.add(key);
    const provider = ref.type === 'provider' ? index.providersById.get(ref.providerId) : undefined;
    if (provider && SOCIAL_KINDS.has(provider.kind)) social += 1;
    if (provider?.kind === 'developer') {
      developer += 1;
      if (developer > 1)
        list.error('limit', refPath, 'an identity pool has a single developer provider name');
    }
  });
  if (social > LIMITS.socialProvidersPerPool) {
    list.error(
      'limit',
      [...path, 'acceptedProviders'],
      `at most ${LIMITS.socialProvidersPerPool} social login providers per identity pool (got ${social})`,
    );
  }
}

function checkRoleMappings(
  design: DesignDocument,
  pool: IdentityPool,
  index: DesignIndex,
  path: PathSegment[],
  list: IssueList,
): void {
  if (pool.roleMappings.length > LIMITS.roleMappingsPerPool) {
    list.error(
      'limit',
      [...path, 'roleMappings'],
      `role mappings are limited to ${LIMITS.roleMappingsPerPool} providers per identity pool (got ${pool.roleMappings.length})`,
    );
  }
  const seen = new Map<string, number>();
  pool.roleMappings.forEach((mapping, mappingIndex) => {
    const mappingPath: PathSegment[] = [...path, 'roleMappings', mappingIndex];
    const key = mappingKeyOf(index, mapping.provider, [...mappingPath, 'provider'], list);
    if (key !== undefined) {
      const first = seen.get(key);
      if (first !== undefined)
        list.error(
          'duplicate-name',
          [...mappingPath, 'provider'],
          `provider "${key}" already has a role mapping (roleMappings[${first}])`,
        );
      else seen.set(key, mappingIndex);
    }
    if (mapping.provider.type === 'provider') {
      const provider = index.providersById.get(mapping.provider.providerId);
      if (provider?.kind === 'developer') {
        list.warning(
          'invalid-reference',
          [...mappingPath, 'provider'],
          'developer-authenticated identities always get the default authenticated role; this mapping is never used',
        );
      }
    }
    checkRules(mapping, mappingPath, index, list);
    if (mapping.type === 'Rules') checkRuleClaims(design, mapping, mappingPath, list);
  });
}

/** A rule on a claim the provider never issues can never match (design.md §5.2 step 6). */
function checkRuleClaims(
  design: DesignDocument,
  mapping: RoleMapping,
  path: PathSegment[],
  list: IssueList,
): void {
  const impossible = impossibleClaims(design, mapping.provider);
  mapping.rules.forEach((rule, ruleIndex) => {
    const why = impossible(rule.claim);
    if (why) list.warning('unknown-claim', [...path, 'rules', ruleIndex, 'claim'], why);
  });
}

function checkRules(mapping: RoleMapping, path: PathSegment[], index: DesignIndex, list: IssueList): void {
  const count = mapping.rules.length;
  if (mapping.type === 'Rules') {
    if (count === 0) list.error('limit', [...path, 'rules'], 'a Rules mapping needs at least one rule');
    else if (count > LIMITS.rulesPerMappingMax)
      list.error(
        'limit',
        [...path, 'rules'],
        `at most ${LIMITS.rulesPerMappingMax} rules per role mapping (got ${count})`,
      );
    else if (count > LIMITS.rulesPerMappingQuota)
      list.warning(
        'limit',
        [...path, 'rules'],
        `more than ${LIMITS.rulesPerMappingQuota} rules exceeds the documented quota (got ${count})`,
      );
  } else if (count > 0) {
    list.warning('schema', [...path, 'rules'], 'rules are ignored for a Token mapping');
  }
  mapping.rules.forEach((rule, ruleIndex) => {
    if (!index.roleIds.has(rule.roleId))
      list.error(
        'dangling-reference',
        [...path, 'rules', ruleIndex, 'roleId'],
        `no role has the id "${rule.roleId}"`,
      );
  });
}

/**
 * AWS keys principal-tag maps by identity provider name, which for a user pool is the pool
 * (`cognito-idp.<region>.amazonaws.com/<poolId>`), not the app client: mappings on two clients of one
 * pool are one map and must agree. See principal-tags.ts for the sources.
 */
function checkPrincipalTags(
  index: DesignIndex,
  pool: IdentityPool,
  path: PathSegment[],
  list: IssueList,
): void {
  const seen = new Map<string, number>();
  const byProviderName = new Map<string, number>();
  pool.principalTags.forEach((mapping, mappingIndex) => {
    const mappingPath: PathSegment[] = [...path, 'principalTags', mappingIndex];
    const key = mappingKeyOf(index, mapping.provider, [...mappingPath, 'provider'], list);
    if (key !== undefined) {
      const sameRef = seen.get(key);
      const providerName = tagProviderName(index, mapping.provider) ?? key;
      const sameProvider = byProviderName.get(providerName);
      if (sameRef !== undefined) {
        list.error(
          'duplicate-name',
          [...mappingPath, 'provider'],
          `provider "${key}" already has a principal-tag map (principalTags[${sameRef}])`,
        );
      } else if (sameProvider !== undefined) {
        checkSharedTagMap(pool, sameProvider, mappingIndex, providerName, mappingPath, list);
      }
      if (sameRef === undefined) seen.set(key, mappingIndex);
      if (sameProvider === undefined) byProviderName.set(providerName, mappingIndex);
    }
    const entries = Object.entries(mapping.tags);
    if (entries.length > LIMITS.principalTagsPerProvider) {
      list.error(
        'limit',
        [...mappingPath, 'tags'],
        `at most ${LIMITS.principalTagsPerProvider} principal tags per provider (got ${entries.length})`,
      );
    }
    for (const [tag, claim] of entries) {
      const tagPath: PathSegment[] = [...mappingPath, 'tags', tag];
      const keyRange = LIMITS.principalTagKeyLength;
      const claimRange = LIMITS.principalTagClaimLength;
      if (tag.length < keyRange.min || tag.length > keyRange.max)
        list.error('limit', tagPath, `tag keys have ${keyRange.min}–${keyRange.max} characters`);
      if (claim.length < claimRange.min || claim.length > claimRange.max)
        list.error('limit', tagPath, `claim names have ${claimRange.min}–${claimRange.max} characters`);
    }
  });
}

/** The provider name a principal-tag map is stored under: the user pool for app clients. */
function tagProviderName(index: DesignIndex, ref: ProviderRef): string | undefined {
  if (ref.type === 'provider') return index.providersById.get(ref.providerId)?.providerKey;
  const userPool = index.userPoolsById.get(ref.userPoolId);
  return userPool ? userPoolProviderName(userPool.poolId) : undefined;
}

/**
 * A second mapping for another app client of a user pool that already has one. Identical copies
 * are fine (they describe the one map AWS stores); different ones cannot be exported.
 */
function checkSharedTagMap(
  pool: IdentityPool,
  firstIndex: number,
  mappingIndex: number,
  providerName: string,
  mappingPath: PathSegment[],
  list: IssueList,
): void {
  const first = pool.principalTags[firstIndex];
  const mapping = pool.principalTags[mappingIndex];
  if (!first || !mapping || samePrincipalTagMap(first, mapping)) return;
  list.error(
    'principal-tag-conflict',
    [...mappingPath, 'provider'],
    `principalTags[${firstIndex}] maps tags for another app client of this user pool differently (defaults or tags); AWS keys the principal-tag map by the user pool (${providerName}), not by app client, so one map applies to every client of that pool: make the mappings identical`,
  );
}
