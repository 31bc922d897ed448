// Designs that cannot work as drawn: a role that no identity pool using it can assume (Cognito then
// fails every sign-in routed to it with InvalidIdentityPoolConfigurationException), and roles that
// nothing uses. https://docs.aws.amazon.com/cognito/latest/developerguide/role-trust-and-permissions.html

import { checkTrust, type RoleUseKind } from '../../cognito/trust';
import { resolveProviderRef } from '../../model/keys';
import type { DesignDocument, IdentityPool, Role } from '../../model/types';
import { designLocation, identityPoolEntity, makeFinding, roleEntity } from '../findings';
import type { DesignCheck, Finding } from '../types';

/**
 * Which identity pools hand out each role and as what (one pass over the design; the same uses as
 * shared/cognito/trust's `roleUses`, which scans the whole design once per role).
 */
function roleUseIndex(design: DesignDocument): Map<string, Map<string, Set<RoleUseKind>>> {
  const index = new Map<string, Map<string, Set<RoleUseKind>>>();
  const add = (roleId: string | undefined, poolId: string, kind: RoleUseKind): void => {
    if (roleId === undefined) return;
    let pools = index.get(roleId);
    if (!pools) index.set(roleId, (pools = new Map()));
    let kinds = pools.get(poolId);
    if (!kinds) pools.set(poolId, (kinds = new Set()));
    kinds.add(kind);
  };
  for (const pool of design.identityPools) {
    add(pool.unauthenticatedRoleId, pool.id, 'unauthenticated');
    add(pool.authenticatedRoleId, pool.id, 'authenticated');
    for (const mapping of pool.roleMappings) {
      if (mapping.type === 'Rules') {
        for (const rule of mapping.rules) add(rule.roleId, pool.id, 'authenticated');
        continue;
      }
      const userPool = resolveProviderRef(design, mapping.provider)?.userPool;
      if (!userPool) continue;
      for (const group of userPool.groups) add(group.roleId, pool.id, 'authenticated');
      const trigger = userPool.preTokenGeneration;
      for (const roleId of trigger?.iamRolesToOverride ?? []) add(roleId, pool.id, 'authenticated');
      add(trigger?.preferredRole, pool.id, 'authenticated');
    }
  }
  return index;
}

/** Where in the design file a pool hands out the role: default roles and mapping rules. */
function pointers(pool: IdentityPool, poolIndex: number, roleId: string): { path: string; label: string }[] {
  const base = `$.identityPools[${poolIndex}]`;
  const found: { path: string; label: string }[] = [];
  if (pool.authenticatedRoleId === roleId)
    found.push({ path: `${base}.authenticatedRoleId`, label: 'default authenticated role' });
  if (pool.unauthenticatedRoleId === roleId)
    found.push({ path: `${base}.unauthenticatedRoleId`, label: 'default unauthenticated role' });
  pool.roleMappings.forEach((mapping, mappingIndex) => {
    if (mapping.type !== 'Rules') return;
    mapping.rules.forEach((rule, ruleIndex) => {
      if (rule.roleId === roleId)
        found.push({
          path: `${base}.roleMappings[${mappingIndex}].rules[${ruleIndex}]`,
          label: `rule #${ruleIndex + 1} (${rule.claim} ${rule.matchType} ${rule.value})`,
        });
    });
  });
  return found;
}

/** The amr Cognito sends for this pool: "authenticated" plus every provider it accepts (design.md §5.2 step 9). */
function signedInAmr(design: DesignDocument, pool: IdentityPool): string[] {
  const keys = pool.acceptedProviders.flatMap((ref) => {
    const resolved = resolveProviderRef(design, ref);
    return resolved ? [resolved.loginsKey] : [];
  });
  return ['authenticated', ...keys];
}

function poolCanAssume(design: DesignDocument, role: Role, pool: IdentityPool, guest: boolean): boolean {
  return checkTrust(design, role, {
    poolId: pool.poolId,
    amr: guest ? ['unauthenticated'] : signedInAmr(design, pool),
    identityId: `${pool.poolId.split(':')[0]}:00000000-0000-4000-8000-000000000000`,
    principalTags: {},
  }).allowed;
}

export const trustUnsatisfiable: DesignCheck = {
  id: 'trust-unsatisfiable',
  code: 'COG-TRUST-UNSATISFIABLE',
  severity: 'high',
  title: 'No identity pool that uses the role can assume it',
  description:
    "The role's trust policy refuses sts:AssumeRoleWithWebIdentity for every identity pool of the design that hands the role out (e.g. a customized trust policy without a statement, or one naming another pool).",
  help: 'Let the trust policy allow cognito-identity.amazonaws.com with the aud of the pools that use the role, or switch it back to the generated trust policy.',
  needsCatalog: false,
  run(context) {
    const design = context.design;
    const findings: Finding[] = [];
    const uses = roleUseIndex(design);
    const poolIndexes = new Map(
      design.identityPools.map((pool, poolIndex) => [pool.id, { pool, poolIndex }]),
    );
    for (const role of design.roles) {
      // A generated trust policy is built from exactly these uses, so it admits them.
      if (role.trustPolicy.mode !== 'custom') continue;
      const pools = uses.get(role.id);
      if (!pools) continue;
      const failing = [...pools]
        .filter(([poolId, kinds]) => {
          const pool = poolIndexes.get(poolId)?.pool;
          return (
            pool && [...kinds].some((kind) => !poolCanAssume(design, role, pool, kind === 'unauthenticated'))
          );
        })
        .flatMap(([poolId]) => {
          const entry = poolIndexes.get(poolId);
          return entry ? [entry] : [];
        })
        .sort((a, b) => a.poolIndex - b.poolIndex);
      if (failing.length === 0) continue;
      const names = failing.map(({ pool }) => pool.name).join(', ');
      findings.push(
        makeFinding(this, {
          entity: roleEntity(role),
          rationale: `${names} ${failing.length === 1 ? 'hands' : 'hand'} out ${role.name}, but its ${role.trustPolicy.mode === 'custom' ? 'customized ' : ''}trust policy does not let Cognito assume it for ${failing.length === 1 ? 'that pool' : 'those pools'}: every identity routed to it fails with InvalidIdentityPoolConfigurationException.`,
          fix: `Allow sts:AssumeRoleWithWebIdentity for cognito-identity.amazonaws.com with aud ${failing.map(({ pool }) => pool.poolId).join(', ')} in ${role.name}'s trust policy, or use the generated trust policy.`,
        }),
      );
      for (const { pool, poolIndex } of failing) {
        for (const pointer of pointers(pool, poolIndex, role.id)) {
          findings.push(
            makeFinding(this, {
              entity: identityPoolEntity(pool),
              location: designLocation(pointer.path),
              rationale: `The ${pointer.label} of ${pool.name} is ${role.name}, whose trust policy refuses this pool: identities that get it receive InvalidIdentityPoolConfigurationException instead of credentials.`,
              fix: `Fix ${role.name}'s trust policy, or point the ${pointer.label} at a role the pool can assume.`,
            }),
          );
        }
      }
    }
    return findings;
  },
};

function usedByUserPool(design: DesignDocument, roleId: string): boolean {
  return design.userPools.some(
    (pool) =>
      pool.groups.some((group) => group.roleId === roleId) ||
      pool.preTokenGeneration?.preferredRole === roleId ||
      (pool.preTokenGeneration?.iamRolesToOverride ?? []).includes(roleId),
  );
}

export const roleUnused: DesignCheck = {
  id: 'role-unused',
  code: 'COG-ROLE-UNUSED',
  severity: 'info',
  title: 'Role is used by nothing in the design',
  description: 'No identity pool (default role, rule) and no user-pool group or trigger refers to the role.',
  help: 'Connect the role to an identity pool, a rule or a group, or delete it.',
  needsCatalog: false,
  run(context) {
    const design = context.design;
    const uses = roleUseIndex(design);
    return design.roles
      .filter((role) => !uses.has(role.id) && !usedByUserPool(design, role.id))
      .map((role) =>
        makeFinding(this, {
          entity: roleEntity(role),
          rationale: `Nothing in the design hands out ${role.name}: no identity pool, rule or group refers to it, so no identity of this design can receive it.`,
          fix: `Connect ${role.name} to an identity pool or a rule, or delete it if it is left over.`,
        }),
      );
  },
};

export const integrityChecks: DesignCheck[] = [trustUnsatisfiable, roleUnused];
