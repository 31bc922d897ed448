// Principal-tag maps of an identity pool, one per identity provider. AWS keys these maps by the
// provider name of the `Logins` map; for a user pool that is the pool, not one of its app clients
// (shared/model/principal-tags.ts), while the design stores an entry per ProviderRef. So the
// inspector shows one map per provider name, and an edit writes the same map to every entry of
// that provider name, keeping the entries of a user pool's clients identical.
// https://docs.aws.amazon.com/cognitoidentity/latest/APIReference/API_SetPrincipalTagAttributeMap.html

import { sameProviderRef } from '../../../shared/model/keys';
import { principalTagMappingFor, principalTagProviderName } from '../../../shared/model/principal-tags';
import type {
  DesignDocument,
  IdentityPool,
  PrincipalTagMapping,
  ProviderRef,
} from '../../../shared/model/types';

/** The map of one identity provider, without the ProviderRef it is stored under. */
export type PrincipalTagMap = Pick<PrincipalTagMapping, 'useDefaults' | 'tags'>;

export interface PrincipalTagGroup {
  /** Stable React key: the provider name, or the dangling reference. */
  key: string;
  /** `Logins` key the map is stored under in AWS; undefined when the reference dangles. */
  providerName: string | undefined;
  /** Accepted login sources this map applies to (for a user pool: its accepted app clients). */
  refs: ProviderRef[];
  /** The map in force (principalTagMappingFor), if any. */
  mapping: PrincipalTagMapping | undefined;
  /** Indexes in `pool.principalTags` of every entry stored under this provider name. */
  indexes: number[];
  /** True when those entries differ (validation reports `principal-tag-conflict`). */
  conflicting: boolean;
}

function refKey(ref: ProviderRef): string {
  return ref.type === 'provider' ? `provider:${ref.providerId}` : `client:${ref.userPoolId}/${ref.clientId}`;
}

/** Whether `candidate` logs in through the same identity provider as `ref` (named `providerName`). */
function sameProvider(
  design: DesignDocument,
  candidate: ProviderRef,
  providerName: string | undefined,
  ref: ProviderRef,
): boolean {
  return providerName === undefined
    ? sameProviderRef(candidate, ref)
    : principalTagProviderName(design, candidate) === providerName;
}

/** The accepted login sources of `pool` grouped by the provider name their principal-tag map is keyed by. */
export function principalTagGroups(design: DesignDocument, pool: IdentityPool): PrincipalTagGroup[] {
  const groups: PrincipalTagGroup[] = [];
  for (const ref of pool.acceptedProviders) {
    const providerName = principalTagProviderName(design, ref);
    const existing =
      providerName === undefined ? undefined : groups.find((group) => group.providerName === providerName);
    if (existing) {
      existing.refs.push(ref);
      continue;
    }
    const applied =
      providerName === undefined ? undefined : principalTagMappingFor(design, pool, providerName);
    const danglingIndex = pool.principalTags.findIndex((entry) => sameProviderRef(entry.provider, ref));
    groups.push({
      key: providerName ?? refKey(ref),
      providerName,
      refs: [ref],
      mapping: applied?.mapping ?? pool.principalTags[danglingIndex],
      indexes: applied
        ? [applied.index, ...applied.sameProvider].sort((a, b) => a - b)
        : danglingIndex >= 0
          ? [danglingIndex]
          : [],
      conflicting: applied?.conflicting ?? false,
    });
  }
  return groups;
}

/**
 * Sets (or, with `next` undefined, removes) the principal-tag map of the identity provider `ref`
 * logs in through. Every entry stored under the same provider name gets the map, in place; each
 * accepted login source of that provider without an entry gets one appended, so the entries of a
 * user pool's clients stay identical.
 */
export function setPrincipalTagMap(
  design: DesignDocument,
  poolId: string,
  ref: ProviderRef,
  next: PrincipalTagMap | undefined,
): DesignDocument {
  const pool = design.identityPools.find((candidate) => candidate.id === poolId);
  if (!pool) return design;
  const providerName = principalTagProviderName(design, ref);
  const belongs = (candidate: ProviderRef): boolean => sameProvider(design, candidate, providerName, ref);
  let principalTags: PrincipalTagMapping[];
  if (next === undefined) {
    principalTags = pool.principalTags.filter((entry) => !belongs(entry.provider));
  } else {
    const entryFor = (provider: ProviderRef): PrincipalTagMapping => ({
      provider,
      useDefaults: next.useDefaults,
      tags: { ...next.tags },
    });
    principalTags = pool.principalTags.map((entry) =>
      belongs(entry.provider) ? entryFor(entry.provider) : entry,
    );
    for (const target of [ref, ...pool.acceptedProviders.filter(belongs)]) {
      if (!principalTags.some((entry) => sameProviderRef(entry.provider, target)))
        principalTags.push(entryFor(target));
    }
  }
  return {
    ...design,
    identityPools: design.identityPools.map((candidate) =>
      candidate.id === poolId ? { ...pool, principalTags } : candidate,
    ),
  };
}
