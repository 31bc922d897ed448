// Which principal-tag map applies to a login. AWS keys these maps by identity provider name
// (SetPrincipalTagAttributeMap and GetPrincipalTagAttributeMap take `IdentityProviderName`); for a
// user pool that name is the pool, `cognito-idp.<region>.amazonaws.com/<poolId>`, not one of its app
// clients, and the console shows one tab per user pool. The design stores a map per ProviderRef,
// which for user pools names a client, so a map set on any client of a pool applies to logins
// through every client of that pool.
// https://docs.aws.amazon.com/cognito/latest/developerguide/using-afac-with-cognito-identity-pools.html
// https://docs.aws.amazon.com/cognitoidentity/latest/APIReference/API_SetPrincipalTagAttributeMap.html

import { resolveProviderRef, sameProviderRef } from './keys';
import type { DesignDocument, IdentityPool, PrincipalTagMapping, ProviderRef } from './types';

/**
 * Identity provider name the principal-tag map of `ref` is stored under: the `Logins` key
 * (user pools: the pool without a client id). Undefined when the reference dangles.
 */
export function principalTagProviderName(design: DesignDocument, ref: ProviderRef): string | undefined {
  return resolveProviderRef(design, ref)?.loginsKey;
}

/** Whether two mappings describe the same map (defaults switch and tag → claim entries). */
export function samePrincipalTagMap(a: PrincipalTagMapping, b: PrincipalTagMapping): boolean {
  const aEntries = Object.entries(a.tags);
  if (a.useDefaults !== b.useDefaults || aEntries.length !== Object.keys(b.tags).length) return false;
  return aEntries.every(([tag, claim]) => Object.hasOwn(b.tags, tag) && b.tags[tag] === claim);
}

export interface AppliedPrincipalTagMapping {
  mapping: PrincipalTagMapping;
  /** Index in `pool.principalTags`. */
  index: number;
  /** Indexes of other mappings stored under the same provider name. */
  sameProvider: number[];
  /** True when one of those differs from `mapping` (model validation reports it as an error). */
  conflicting: boolean;
}

/**
 * The map `pool` applies to logins through `providerName` (see `principalTagProviderName`).
 * Several entries can name clients of the same user pool; the one naming `preferred` wins, else
 * the first. They should be identical (validation rejects differing ones).
 */
export function principalTagMappingFor(
  design: DesignDocument,
  pool: IdentityPool,
  providerName: string,
  preferred?: ProviderRef,
): AppliedPrincipalTagMapping | undefined {
  const matching = pool.principalTags.flatMap((mapping, index) =>
    principalTagProviderName(design, mapping.provider) === providerName ? [{ mapping, index }] : [],
  );
  const chosen =
    (preferred && matching.find((entry) => sameProviderRef(entry.mapping.provider, preferred))) ??
    matching[0];
  if (!chosen) return undefined;
  const others = matching.filter((entry) => entry !== chosen);
  return {
    mapping: chosen.mapping,
    index: chosen.index,
    sameProvider: others.map((entry) => entry.index),
    conflicting: others.some((entry) => !samePrincipalTagMap(chosen.mapping, entry.mapping)),
  };
}
