// Building findings: stable ids, entities, locations inside policies.

import type { IdentityPool, ManagedPolicy, Provider, Role, UserPool } from '../model/types';
import type { RolePolicy, TrustSource } from './context';
import type { Finding, FindingEntity, FindingLocation, ReviewCheck, Severity } from './types';

export function roleEntity(role: Role): FindingEntity {
  return { kind: 'role', id: role.id, name: role.name };
}

export function identityPoolEntity(pool: IdentityPool): FindingEntity {
  return { kind: 'identityPool', id: pool.id, name: pool.name };
}

export function userPoolEntity(pool: UserPool): FindingEntity {
  return { kind: 'userPool', id: pool.id, name: pool.name };
}

export function providerEntity(provider: Provider): FindingEntity {
  return { kind: 'provider', id: provider.id, name: provider.name };
}

export function managedPolicyEntity(policy: ManagedPolicy): FindingEntity {
  return { kind: 'managedPolicy', id: policy.id, name: policy.name };
}

/**
 * A spot inside a role policy: `jsonPath` inside the policy, `designPath` inside the file (for an
 * AWS managed policy, whose text is not in the file, the place of its ARN).
 */
export function policyLocation(policy: RolePolicy, jsonPath: string): FindingLocation {
  if (policy.kind === 'awsManaged') return { policy: policy.label, jsonPath, designPath: policy.designPath };
  return { policy: policy.label, jsonPath, designPath: policy.designPath + jsonPath.slice(1) };
}

/** A spot inside a trust policy; generated trust policies are not in the file, so they have no designPath. */
export function trustLocation(trust: TrustSource, jsonPath: string): FindingLocation {
  const location: FindingLocation = { policy: trust.generated ? 'trust (generated)' : 'trust', jsonPath };
  if (trust.designPath) location.designPath = trust.designPath + jsonPath.slice(1);
  return location;
}

/** A spot in the design file outside any policy. */
export function designLocation(designPath: string): FindingLocation {
  return { jsonPath: designPath, designPath };
}

export interface FindingParts {
  entity: FindingEntity;
  location?: FindingLocation;
  rationale: string;
  fix: string;
  /** Defaults to the check's severity. */
  severity?: Severity;
  /** Defaults to the check's title. */
  title?: string;
}

/** Id: `<code>:<entity kind>/<entity id>`, plus `@<policy><json path>` when located. */
export function findingId(
  code: string,
  entity: FindingEntity,
  location: FindingLocation | undefined,
): string {
  const base = `${code}:${entity.kind}/${entity.id}`;
  if (!location) return base;
  if (location.policy) return `${base}@${location.policy}${location.jsonPath ?? ''}`;
  return location.jsonPath ? `${base}@${location.jsonPath}` : base;
}

export function makeFinding(
  check: Pick<ReviewCheck, 'id' | 'code' | 'severity' | 'title'>,
  parts: FindingParts,
): Finding {
  const finding: Finding = {
    id: findingId(check.code, parts.entity, parts.location),
    checkId: check.id,
    severity: parts.severity ?? check.severity,
    title: parts.title ?? check.title,
    entity: parts.entity,
    rationale: parts.rationale,
    fix: parts.fix,
  };
  if (parts.location) finding.location = parts.location;
  return finding;
}
