// What the checks need to know about a design, computed once per review: which roles each identity
// pool can hand out and to whom ("routes"), each role's policies with their locations in the file,
// and the trust policy Cognito would meet.

import {
  managedPolicyArn,
  resolveProviderRef,
  sameProviderRef,
  type ResolvedProviderRef,
} from '../model/keys';
import {
  awsManagedPolicyLabel,
  isAwsManagedPolicyArn,
  type AwsManagedPolicySource,
} from '../iam/aws-managed-policies';
import type { PolicyDocument } from '../iam/types';
import { principalTagMappingFor, principalTagProviderName } from '../model/principal-tags';
import type {
  DesignDocument,
  IdentityPool,
  ManagedPolicy,
  ProviderRef,
  Role,
  RoleMapping,
  UserPool,
} from '../model/types';
import type { AccessLevels } from './action-classes';
import { generatedTrustPolicy } from './trust-source';

/** One way an identity pool hands out roles: guests, or sign-ins through one accepted provider. */
export interface Route {
  pool: IdentityPool;
  poolIndex: number;
  guest: boolean;
  providerRef?: ProviderRef;
  provider?: ResolvedProviderRef;
  mapping?: RoleMapping;
  /** Roles the enhanced flow may return on this route (design ids). */
  roleIds: string[];
  /** Principal tag keys Cognito sets on this route's sessions (design.md §5.2 step 12). */
  tagKeys: string[];
}

export interface RolePolicy {
  /** `inline 'Name'`, `managed 'Name'`, `boundary 'Name'`, `AWS managed policy Name (v3)`. */
  label: string;
  kind: 'inline' | 'managed' | 'boundary' | 'awsManaged';
  document: PolicyDocument;
  /**
   * JSON path of the policy document inside the design file; for an AWS managed policy (whose
   * document is not in the file), the path of its ARN in the role's `managedPolicyArns`.
   */
  designPath: string;
  /** Set for AWS managed policies: open it read-only with `{ kind: 'awsManaged', arn }`. */
  awsManagedArn?: string;
}

export interface TrustSource {
  document: PolicyDocument | undefined;
  generated: boolean;
  /** JSON path of the document inside the design file (custom trust policies only). */
  designPath?: string;
}

export interface ReviewContext {
  design: DesignDocument;
  routes: Route[];
  roleIndex(roleId: string): number;
  role(roleId: string): Role | undefined;
  /** Identity policies (inline + customer managed kept in the design); the boundary separately. */
  rolePolicies(role: Role): { identity: RolePolicy[]; boundary?: RolePolicy; unknownManagedArns: string[] };
  trust(role: Role): TrustSource;
  /** Roles handed to guests / to signed-in identities by any route. */
  guestRoleIds: Set<string>;
  signedInRoleIds: Set<string>;
  routesToRole(roleId: string): Route[];
  /** Catalog access levels per action pattern, when the review was given a catalog. */
  accessLevels?: AccessLevels;
}

/** The inline policies of the role at `roleIndex` in the design file. */
export function inlineRolePolicies(role: Role, roleIndex: number): RolePolicy[] {
  return role.inlinePolicies.map((policy, index) => ({
    label: `inline '${policy.name}'`,
    kind: 'inline',
    document: policy.document,
    designPath: `$.roles[${roleIndex}].inlinePolicies[${index}].document`,
  }));
}

/** The customer managed policy at `index` in the design file, attached as `kind`. */
export function managedRolePolicy(
  policy: ManagedPolicy,
  index: number,
  kind: 'managed' | 'boundary',
): RolePolicy {
  return {
    label: `${kind} '${policy.name}'`,
    kind,
    document: policy.document,
    designPath: `$.managedPolicies[${index}].document`,
  };
}

function mappingFor(pool: IdentityPool, ref: ProviderRef): RoleMapping | undefined {
  return pool.roleMappings.find((mapping) => sameProviderRef(mapping.provider, ref));
}

/** Roles a user pool's groups carry (Token mapping), including a pre-token-generation override. */
function tokenRoleIds(userPool: UserPool | undefined): string[] {
  if (!userPool) return [];
  const ids = userPool.groups.flatMap((group) => (group.roleId ? [group.roleId] : []));
  const override = userPool.preTokenGeneration;
  if (override?.iamRolesToOverride) ids.push(...override.iamRolesToOverride);
  if (override?.preferredRole) ids.push(override.preferredRole);
  return ids;
}

function signedInRoleIds(
  pool: IdentityPool,
  ref: ProviderRef,
  provider: ResolvedProviderRef | undefined,
  mapping: RoleMapping | undefined,
): string[] {
  const ids: string[] = [];
  const defaultRole = pool.authenticatedRoleId ? [pool.authenticatedRoleId] : [];
  // Developer-authenticated identities always get the default authenticated role (design.md §5.2 step 3).
  if (!mapping || provider?.provider?.kind === 'developer') return defaultRole;
  if (mapping.type === 'Rules') ids.push(...mapping.rules.map((rule) => rule.roleId));
  else if (ref.type === 'userPoolClient') ids.push(...tokenRoleIds(provider?.userPool));
  if (mapping.ambiguousRoleResolution === 'AuthenticatedRole') ids.push(...defaultRole);
  return ids;
}

/** Tag keys of the map that applies to logins through `ref`: for user pools, the pool's map, whichever client names it. */
function tagKeys(design: DesignDocument, pool: IdentityPool, ref: ProviderRef): string[] {
  const providerName = principalTagProviderName(design, ref);
  const mapping =
    providerName === undefined ? undefined : principalTagMappingFor(design, pool, providerName, ref)?.mapping;
  if (!mapping) return [];
  const keys = Object.keys(mapping.tags);
  // Defaults: `username` ← sub and `client` ← aud (design.md §5.2 step 12).
  if (mapping.useDefaults) keys.push('username', 'client');
  return keys;
}

function buildRoutes(design: DesignDocument): Route[] {
  const routes: Route[] = [];
  design.identityPools.forEach((pool, poolIndex) => {
    if (pool.allowUnauthenticated) {
      routes.push({
        pool,
        poolIndex,
        guest: true,
        roleIds: pool.unauthenticatedRoleId ? [pool.unauthenticatedRoleId] : [],
        tagKeys: [],
      });
    }
    for (const ref of pool.acceptedProviders) {
      const provider = resolveProviderRef(design, ref);
      const mapping = mappingFor(pool, ref);
      routes.push({
        pool,
        poolIndex,
        guest: false,
        providerRef: ref,
        provider,
        mapping,
        roleIds: [...new Set(signedInRoleIds(pool, ref, provider, mapping))],
        tagKeys: tagKeys(design, pool, ref),
      });
    }
  });
  return routes;
}

export interface ReviewContextOptions {
  /** AWS managed policy documents, so attached AWS managed policies are reviewed too. */
  awsManagedPolicies?: AwsManagedPolicySource;
}

export function buildReviewContext(
  design: DesignDocument,
  options: ReviewContextOptions = {},
): ReviewContext {
  const routes = buildRoutes(design);
  const roleIndexById = new Map(design.roles.map((role, index) => [role.id, index]));
  const managedByArn = new Map(
    design.managedPolicies.map((policy, index) => [
      managedPolicyArn(design.account, policy),
      { policy, index },
    ]),
  );
  const guestRoleIds = new Set(routes.filter((route) => route.guest).flatMap((route) => route.roleIds));
  const signedIn = new Set(routes.filter((route) => !route.guest).flatMap((route) => route.roleIds));
  const trustCache = new Map<string, TrustSource>();

  function roleIndex(roleId: string): number {
    return roleIndexById.get(roleId) ?? -1;
  }

  function rolePolicies(role: Role): ReturnType<ReviewContext['rolePolicies']> {
    const identity = inlineRolePolicies(role, roleIndex(role.id));
    const unknownManagedArns: string[] = [];
    role.managedPolicyArns.forEach((arn, arnIndex) => {
      const managed = managedByArn.get(arn);
      const aws = !managed && isAwsManagedPolicyArn(arn) ? options.awsManagedPolicies?.get(arn) : undefined;
      if (managed) identity.push(managedRolePolicy(managed.policy, managed.index, 'managed'));
      else if (aws)
        identity.push({
          label: awsManagedPolicyLabel(arn, aws),
          kind: 'awsManaged',
          document: aws.document,
          designPath: `$.roles[${roleIndex(role.id)}].managedPolicyArns[${arnIndex}]`,
          awsManagedArn: arn,
        });
      else unknownManagedArns.push(arn);
    });
    const boundaryPolicy = role.permissionsBoundaryArn
      ? managedByArn.get(role.permissionsBoundaryArn)
      : undefined;
    const boundary = boundaryPolicy
      ? managedRolePolicy(boundaryPolicy.policy, boundaryPolicy.index, 'boundary')
      : undefined;
    return { identity, boundary, unknownManagedArns };
  }

  function trust(role: Role): TrustSource {
    const cached = trustCache.get(role.id);
    if (cached) return cached;
    const source: TrustSource =
      role.trustPolicy.mode === 'custom'
        ? {
            document: role.trustPolicy.document,
            generated: false,
            designPath: `$.roles[${roleIndex(role.id)}].trustPolicy.document`,
          }
        : { document: generatedTrustPolicy(design, role), generated: true };
    trustCache.set(role.id, source);
    return source;
  }

  return {
    design,
    routes,
    roleIndex,
    role: (roleId) => design.roles.find((role) => role.id === roleId),
    rolePolicies,
    trust,
    guestRoleIds,
    signedInRoleIds: signedIn,
    routesToRole: (roleId) => routes.filter((route) => route.roleIds.includes(roleId)),
  };
}
