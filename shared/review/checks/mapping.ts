// Role-mapping and principal-tag checks: what decides which role (and which tags) an identity gets.
// https://docs.aws.amazon.com/cognito/latest/developerguide/role-based-access-control.html
// https://docs.aws.amazon.com/cognito/latest/developerguide/attributes-for-access-control.html

import { resolveProviderRef, sameProviderRef } from '../../model/keys';
import { STANDARD_ATTRIBUTES } from '../../model/limits';
import { principalTagProviderName } from '../../model/principal-tags';
import type { IdentityPool, MappingRule, ProviderRef, Role, UserPool } from '../../model/types';
import type { ReviewContext } from '../context';
import { designLocation, identityPoolEntity, makeFinding, userPoolEntity } from '../findings';
import { broaderWitness, describeWitness } from '../privilege';
import { routeAmr } from '../reachability';
import type { DesignCheck, Finding } from '../types';

/** Why a user of this pool can set the claim to a value of their choosing, or undefined. */
function userChangeable(userPool: UserPool, claim: string): string | undefined {
  const writers = userPool.clients
    .filter((client) => client.writeAttributes.includes(claim))
    .map((client) => client.name);
  if (writers.length === 0) return undefined;
  if (claim === 'email' || claim === 'phone_number') {
    return `users can set "${claim}" through app client ${writers.join(', ')} and it is not verified until they confirm it; a rule or tag on "${claim}" does not check "${claim}_verified"`;
  }
  // A standard attribute the pool does not declare keeps its default, mutable; `sub` never changes.
  // https://docs.aws.amazon.com/cognito/latest/developerguide/user-pool-settings-attributes.html
  const attribute = userPool.attributes.find((candidate) => candidate.name === claim);
  const mutable = attribute ? attribute.mutable : STANDARD_ATTRIBUTES.has(claim) && claim !== 'sub';
  if (!mutable) return undefined;
  return `"${claim}" is a mutable attribute that app client ${writers.join(', ')} may write, so users can change it themselves (UpdateUserAttributes)`;
}

function userPoolOf(context: ReviewContext, ref: ProviderRef): UserPool | undefined {
  return resolveProviderRef(context.design, ref)?.userPool;
}

export const mutableClaim: DesignCheck = {
  id: 'mutable-claim',
  code: 'COG-MUTABLE-CLAIM',
  severity: 'high',
  title: 'Role rule or principal tag relies on a claim the user can change',
  description:
    'A role-mapping rule or a principal-tag mapping reads a claim that users can set themselves (a mutable attribute their app client may write, or an unverified email).',
  help: 'Base rules and tags on claims users cannot change: groups, immutable custom attributes, or attributes only administrators write.',
  needsCatalog: false,
  run(context) {
    const findings: Finding[] = [];
    context.design.identityPools.forEach((pool, poolIndex) => {
      pool.roleMappings.forEach((mapping, mappingIndex) => {
        const userPool = userPoolOf(context, mapping.provider);
        if (!userPool || mapping.type !== 'Rules') return;
        mapping.rules.forEach((rule, ruleIndex) => {
          const reason = userChangeable(userPool, rule.claim);
          if (!reason) return;
          findings.push(
            makeFinding(this, {
              entity: identityPoolEntity(pool),
              location: designLocation(
                `$.identityPools[${poolIndex}].roleMappings[${mappingIndex}].rules[${ruleIndex}].claim`,
              ),
              rationale: `Rule ${ruleIndex + 1} of ${pool.name} picks ${context.role(rule.roleId)?.name ?? rule.roleId} when ${rule.claim} ${rule.matchType} "${rule.value}"; ${reason}, and so choose their role.`,
              fix: `Remove "${rule.claim}" from the app clients' write attributes, make it immutable, or map on a claim users cannot change (such as cognito:groups).`,
            }),
          );
        });
      });
      pool.principalTags.forEach((tagMapping, tagIndex) => {
        const userPool = userPoolOf(context, tagMapping.provider);
        if (!userPool) return;
        for (const [tag, claim] of Object.entries(tagMapping.tags)) {
          const reason = userChangeable(userPool, claim);
          if (!reason) continue;
          findings.push(
            makeFinding(this, {
              entity: identityPoolEntity(pool),
              location: designLocation(
                `$.identityPools[${poolIndex}].principalTags[${tagIndex}].tags${/^[A-Za-z_$][\w$]*$/.test(tag) ? `.${tag}` : `[${JSON.stringify(tag)}]`}`,
              ),
              rationale: `Principal tag "${tag}" of ${pool.name} comes from "${claim}"; ${reason}, so any policy keyed on aws:PrincipalTag/${tag} can be steered by the user.`,
              fix: `Map "${tag}" from a claim users cannot change, or remove "${claim}" from the app clients' write attributes.`,
            }),
          );
        }
      });
    });
    return findings;
  },
};

function ruleMatches(rule: MappingRule, value: string): boolean {
  if (rule.matchType === 'Contains') return value.includes(rule.value);
  if (rule.matchType === 'StartsWith') return value.startsWith(rule.value);
  return false;
}

/**
 * Values the claim is meant to take for other purposes: other rules' values on the same claim and,
 * for `cognito:groups`, the pool's group names. Sample users' values are not counted: a prefix rule
 * is usually written to match them.
 */
function knownValues(userPool: UserPool | undefined, claim: string, rules: MappingRule[]): string[] {
  const values = new Set<string>(rules.filter((rule) => rule.claim === claim).map((rule) => rule.value));
  if (userPool && claim === 'cognito:groups') for (const group of userPool.groups) values.add(group.name);
  return [...values];
}

export const ruleValueOverlap: DesignCheck = {
  id: 'rule-value-overlap',
  code: 'COG-RULE-OVERLAP',
  severity: 'medium',
  title: 'Contains / StartsWith rule also matches other values',
  description:
    'A Contains or StartsWith rule value is part of another value used in this design (another rule\'s value, a group name) (for example "admin" in "notadmin"), so those identities get the rule\'s role too.',
  help: 'Use Equals for exact values (group names, tenant ids), or pick values that are not part of any other value.',
  needsCatalog: false,
  run(context) {
    const findings: Finding[] = [];
    context.design.identityPools.forEach((pool, poolIndex) => {
      pool.roleMappings.forEach((mapping, mappingIndex) => {
        if (mapping.type !== 'Rules') return;
        const userPool = userPoolOf(context, mapping.provider);
        mapping.rules.forEach((rule, ruleIndex) => {
          if (rule.matchType !== 'Contains' && rule.matchType !== 'StartsWith') return;
          // A value an earlier Equals rule on the same claim catches never reaches this rule.
          const caughtEarlier = new Set(
            mapping.rules
              .slice(0, ruleIndex)
              .filter((earlier) => earlier.claim === rule.claim && earlier.matchType === 'Equals')
              .map((earlier) => earlier.value),
          );
          const others = knownValues(userPool, rule.claim, mapping.rules).filter(
            (value) => value !== rule.value && !caughtEarlier.has(value) && ruleMatches(rule, value),
          );
          if (others.length === 0) return;
          findings.push(
            makeFinding(this, {
              entity: identityPoolEntity(pool),
              location: designLocation(
                `$.identityPools[${poolIndex}].roleMappings[${mappingIndex}].rules[${ruleIndex}].value`,
              ),
              rationale: `Rule ${ruleIndex + 1} (${rule.claim} ${rule.matchType} "${rule.value}") also matches ${others.map((value) => `"${value}"`).join(', ')}, so those identities receive ${context.role(rule.roleId)?.name ?? rule.roleId} as well.`,
              fix: `Use Equals "${rule.value}" or a value that is not part of ${others.map((value) => `"${value}"`).join(', ')}.`,
            }),
          );
        });
      });
    });
    return findings;
  },
};

function candidateRoles(
  context: ReviewContext,
  pool: IdentityPool,
  ref: ProviderRef,
  rules: MappingRule[],
  type: 'Token' | 'Rules',
): Role[] {
  const ids =
    type === 'Rules'
      ? rules.map((rule) => rule.roleId)
      : (userPoolOf(context, ref)?.groups.flatMap((group) => (group.roleId ? [group.roleId] : [])) ?? []);
  return [...new Set(ids)]
    .filter((id) => id !== pool.authenticatedRoleId)
    .map((id) => context.role(id))
    .filter((role): role is Role => role !== undefined);
}

export const ambiguousDefaultBroader: DesignCheck = {
  id: 'ambiguous-default-broader',
  code: 'COG-AMBIGUOUS-BROADER',
  severity: 'high',
  title: 'Identities that match no rule get a broader default role',
  description:
    'AmbiguousRoleResolution is AuthenticatedRole and the default authenticated role allows something a mapped role does not: failing to match (removing a group, a claim) gains permissions.',
  help: 'Use AmbiguousRoleResolution Deny, or make the default authenticated role the least privileged of all.',
  needsCatalog: false,
  run(context) {
    const findings: Finding[] = [];
    context.design.identityPools.forEach((pool, poolIndex) => {
      const defaultRole = pool.authenticatedRoleId ? context.role(pool.authenticatedRoleId) : undefined;
      if (!defaultRole) return;
      pool.roleMappings.forEach((mapping, mappingIndex) => {
        if (mapping.ambiguousRoleResolution !== 'AuthenticatedRole') return;
        const route = context.routes.find(
          (candidate) =>
            candidate.pool.id === pool.id &&
            candidate.providerRef &&
            sameProviderRef(candidate.providerRef, mapping.provider),
        );
        const session = {
          poolId: pool.poolId,
          amr: route ? routeAmr(route) : ['authenticated'],
          tags: Object.fromEntries((route?.tagKeys ?? []).map((key) => [key, `probe-${key}`])),
        };
        for (const narrower of candidateRoles(context, pool, mapping.provider, mapping.rules, mapping.type)) {
          const witness = broaderWitness(context, defaultRole, narrower, session);
          if (!witness) continue;
          findings.push(
            makeFinding(this, {
              entity: identityPoolEntity(pool),
              location: designLocation(
                `$.identityPools[${poolIndex}].roleMappings[${mappingIndex}].ambiguousRoleResolution`,
              ),
              rationale: `An identity that matches no ${mapping.type === 'Rules' ? 'rule' : 'group role'} gets the default role ${defaultRole.name}, which allows ${describeWitness(witness)} — more than mapped role ${narrower.name}. A user who can shed the claim that maps them to ${narrower.name} gains that access.`,
              fix: `Set AmbiguousRoleResolution to Deny, or reduce ${defaultRole.name} to the least privileges any mapped identity has.`,
            }),
          );
        }
      });
    });
    return findings;
  },
};

export const mappingProviderNotAccepted: DesignCheck = {
  id: 'mapping-provider-not-accepted',
  code: 'COG-MAPPING-NOT-ACCEPTED',
  severity: 'low',
  title: 'Role or tag mapping for a provider the pool does not accept',
  description:
    "A role mapping or principal-tag mapping names a provider that is not among the identity pool's accepted providers; it never applies.",
  help: "Add the provider to the pool's accepted providers, or delete the mapping.",
  needsCatalog: false,
  run(context) {
    const findings: Finding[] = [];
    context.design.identityPools.forEach((pool, poolIndex) => {
      const accepted = (ref: ProviderRef) =>
        pool.acceptedProviders.some((candidate) => sameProviderRef(candidate, ref));
      // A principal-tag map belongs to the provider name (the whole user pool), so it takes effect when any client of the pool is accepted.
      const acceptedNames = new Set(
        pool.acceptedProviders.map((ref) => principalTagProviderName(context.design, ref)),
      );
      const entries = [
        ...pool.roleMappings.map((mapping, index) => ({
          ref: mapping.provider,
          path: `$.identityPools[${poolIndex}].roleMappings[${index}].provider`,
          what: 'Role mapping',
          applies: accepted(mapping.provider),
        })),
        ...pool.principalTags.map((mapping, index) => {
          const providerName = principalTagProviderName(context.design, mapping.provider);
          return {
            ref: mapping.provider,
            path: `$.identityPools[${poolIndex}].principalTags[${index}].provider`,
            what: 'Principal-tag mapping',
            applies: providerName !== undefined && acceptedNames.has(providerName),
          };
        }),
      ];
      for (const entry of entries) {
        if (entry.applies) continue;
        const key = resolveProviderRef(context.design, entry.ref)?.mappingKey ?? JSON.stringify(entry.ref);
        findings.push(
          makeFinding(this, {
            entity: identityPoolEntity(pool),
            location: designLocation(entry.path),
            rationale: `${entry.what} for ${key} in ${pool.name}, but the pool does not accept that provider: Cognito rejects its tokens, so the mapping never takes effect and may hide a missing or mistyped provider.`,
            fix: `Accept ${key} in ${pool.name} or remove the mapping.`,
          }),
        );
      }
    });
    return findings;
  },
};

export const groupPrecedenceTie: DesignCheck = {
  id: 'group-precedence-tie',
  code: 'COG-GROUP-PRECEDENCE-TIE',
  severity: 'medium',
  title: 'Groups with equal precedence carry different roles',
  description:
    'Two groups of a user pool have the same precedence and different roles: members of both get no cognito:preferred_role, so Token mapping falls back to AmbiguousRoleResolution.',
  help: 'Give every group that carries a role a distinct precedence.',
  needsCatalog: false,
  run(context) {
    const findings: Finding[] = [];
    context.design.userPools.forEach((userPool, userPoolIndex) => {
      const tokenMapped = context.design.identityPools.some((pool) =>
        pool.roleMappings.some(
          (mapping) =>
            mapping.type === 'Token' &&
            mapping.provider.type === 'userPoolClient' &&
            mapping.provider.userPoolId === userPool.id,
        ),
      );
      userPool.groups.forEach((group, index) => {
        const clash = userPool.groups.find(
          (other, otherIndex) =>
            otherIndex < index &&
            other.precedence !== undefined &&
            other.precedence === group.precedence &&
            other.roleId &&
            group.roleId &&
            other.roleId !== group.roleId,
        );
        if (!clash) return;
        findings.push(
          makeFinding(this, {
            entity: userPoolEntity(userPool),
            location: designLocation(`$.userPools[${userPoolIndex}].groups[${index}].precedence`),
            severity: tokenMapped ? 'medium' : 'low',
            rationale: `Groups "${clash.name}" and "${group.name}" both have precedence ${group.precedence} with different roles; a member of both gets no cognito:preferred_role${tokenMapped ? ', and Token mapping then applies AmbiguousRoleResolution' : ''}.`,
            fix: `Give "${group.name}" a precedence different from "${clash.name}".`,
          }),
        );
      });
    });
    return findings;
  },
};

export const mappingChecks: DesignCheck[] = [
  mutableClaim,
  ruleValueOverlap,
  ambiguousDefaultBroader,
  mappingProviderNotAccepted,
  groupPrecedenceTie,
];
