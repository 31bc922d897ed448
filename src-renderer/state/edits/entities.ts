// Pure edits that add, update and remove whole entities, keeping references consistent.

import { SOCIAL_PROVIDER_KEYS, managedPolicyArn } from '../../../shared/model/keys';
import { allDesignIds, createEmptyRole } from '../../../shared/model/lookup';
import type {
  DesignDocument,
  IdentityPool,
  ManagedPolicy,
  Point,
  Provider,
  ProviderKind,
  ProviderRef,
  Role,
  UserPool,
} from '../../../shared/model/types';
import type { EntityKind } from '../types';
import { newAppClientId, newIdentityPoolId, newUserPoolId, uniqueId, uniqueName } from './ids';

export type NewEntity =
  | { kind: 'provider'; providerKind: ProviderKind }
  | { kind: 'userPool' }
  | { kind: 'identityPool' }
  | { kind: 'role' }
  | { kind: 'managedPolicy' };

const PROVIDER_NAMES: Record<ProviderKind, string> = {
  google: 'Google',
  facebook: 'Facebook',
  amazon: 'Login with Amazon',
  apple: 'Sign in with Apple',
  twitter: 'Twitter',
  oidc: 'OIDC provider',
  saml: 'SAML provider',
  developer: 'Developer provider',
};

function defaultProviderKey(design: DesignDocument, kind: ProviderKind, suffix: string): string {
  switch (kind) {
    case 'oidc':
      return `idp${suffix}.example.com`;
    case 'saml':
      return `arn:${design.account.partition}:iam::${design.account.accountId}:saml-provider/SamlProvider${suffix}`;
    case 'developer':
      return `login.example${suffix}.app`;
    default:
      return SOCIAL_PROVIDER_KEYS[kind];
  }
}

/** Adds a new entity with sensible defaults at `position`; returns the design and the new id. */
export function addEntity(
  design: DesignDocument,
  entity: NewEntity,
  position: Point,
): { design: DesignDocument; id: string } {
  const taken = allDesignIds(design);
  const region = design.account.region;
  const withPosition = (next: DesignDocument, id: string): { design: DesignDocument; id: string } => ({
    design: { ...next, layout: { ...next.layout, positions: { ...next.layout.positions, [id]: position } } },
    id,
  });
  switch (entity.kind) {
    case 'provider': {
      const id = uniqueId(`provider-${entity.providerKind}`, taken);
      const sameKind = design.providers.filter((provider) => provider.kind === entity.providerKind).length;
      const suffix = sameKind === 0 ? '' : String(sameKind + 1);
      const provider: Provider = {
        id,
        name: uniqueName(
          PROVIDER_NAMES[entity.providerKind],
          design.providers.map((existing) => existing.name),
        ),
        kind: entity.providerKind,
        providerKey: defaultProviderKey(design, entity.providerKind, suffix),
        clientIds: [],
        ...(entity.providerKind === 'saml' ? { samlAttributes: [] } : {}),
      };
      return withPosition({ ...design, providers: [...design.providers, provider] }, id);
    }
    case 'userPool': {
      const id = uniqueId('userpool', taken);
      const pool: UserPool = {
        id,
        poolId: newUserPoolId(region),
        name: uniqueName(
          'user-pool',
          design.userPools.map((existing) => existing.name),
        ),
        clients: [
          {
            id: uniqueId('client', taken),
            clientId: newAppClientId(),
            name: 'web-app',
            readAttributes: [],
            writeAttributes: [],
            serverSideTokenCheck: false,
          },
        ],
        groups: [],
        attributes: [
          { name: 'sub', custom: false, mutable: false, dataType: 'String' },
          { name: 'email', custom: false, mutable: true, dataType: 'String' },
          { name: 'email_verified', custom: false, mutable: true, dataType: 'Boolean' },
        ],
        federatedProviderIds: [],
        users: [],
      };
      return withPosition({ ...design, userPools: [...design.userPools, pool] }, id);
    }
    case 'identityPool': {
      const id = uniqueId('identitypool', taken);
      const pool: IdentityPool = {
        id,
        poolId: newIdentityPoolId(region),
        name: uniqueName(
          'identity pool',
          design.identityPools.map((existing) => existing.name),
        ),
        allowUnauthenticated: false,
        allowClassicFlow: false,
        acceptedProviders: [],
        roleMappings: [],
        principalTags: [],
      };
      return withPosition({ ...design, identityPools: [...design.identityPools, pool] }, id);
    }
    case 'role': {
      const id = uniqueId('role', taken);
      const role = createEmptyRole(
        id,
        uniqueName(
          'NewRole',
          design.roles.map((existing) => existing.name),
        ),
      );
      return withPosition({ ...design, roles: [...design.roles, role] }, id);
    }
    case 'managedPolicy': {
      const id = uniqueId('policy', taken);
      const policy: ManagedPolicy = {
        id,
        name: uniqueName(
          'NewPolicy',
          design.managedPolicies.map((existing) => existing.name),
        ),
        path: '/',
        document: { Version: '2012-10-17', Statement: [] },
      };
      return withPosition({ ...design, managedPolicies: [...design.managedPolicies, policy] }, id);
    }
  }
}

type EntityOfKind = {
  provider: Provider;
  userPool: UserPool;
  identityPool: IdentityPool;
  role: Role;
  managedPolicy: ManagedPolicy;
};

/** Replaces fields of one entity. Unknown ids leave the design unchanged. */
export function updateEntity<K extends EntityKind>(
  design: DesignDocument,
  kind: K,
  id: string,
  patch: Partial<EntityOfKind[K]>,
): DesignDocument {
  const apply = <T extends { id: string }>(list: T[]): T[] =>
    list.map((item) => (item.id === id ? { ...item, ...patch } : item));
  switch (kind) {
    case 'provider':
      return { ...design, providers: apply(design.providers) };
    case 'userPool':
      return { ...design, userPools: apply(design.userPools) };
    case 'identityPool':
      return { ...design, identityPools: apply(design.identityPools) };
    case 'role':
      return { ...design, roles: apply(design.roles) };
    case 'managedPolicy':
      return renamePolicyArns(design, id, { ...design, managedPolicies: apply(design.managedPolicies) });
  }
  return design;
}

// Roles reference customer managed policies by ARN; renaming a policy must follow through.
function renamePolicyArns(before: DesignDocument, policyId: string, after: DesignDocument): DesignDocument {
  const oldPolicy = before.managedPolicies.find((policy) => policy.id === policyId);
  const newPolicy = after.managedPolicies.find((policy) => policy.id === policyId);
  if (!oldPolicy || !newPolicy) return after;
  const oldArn = managedPolicyArn(before.account, oldPolicy);
  const newArn = managedPolicyArn(after.account, newPolicy);
  if (oldArn === newArn) return after;
  return {
    ...after,
    roles: after.roles.map((role) => ({
      ...role,
      managedPolicyArns: role.managedPolicyArns.map((arn) => (arn === oldArn ? newArn : arn)),
      ...(role.permissionsBoundaryArn === oldArn ? { permissionsBoundaryArn: newArn } : {}),
    })),
  };
}

function refTouches(ref: ProviderRef, removed: Set<string>): boolean {
  return ref.type === 'provider' ? removed.has(ref.providerId) : removed.has(ref.userPoolId);
}

/** Removes entities and every reference to them (acceptance, mappings, rules, default roles, groups, policy ARNs, personas, layout). */
export function removeEntities(design: DesignDocument, ids: readonly string[]): DesignDocument {
  const removed = new Set(ids);
  if (removed.size === 0) return design;
  const removedPolicyArns = new Set(
    design.managedPolicies
      .filter((policy) => removed.has(policy.id))
      .map((policy) => managedPolicyArn(design.account, policy)),
  );
  const positions = { ...design.layout.positions };
  for (const id of removed) delete positions[id];
  return {
    ...design,
    providers: design.providers.filter((provider) => !removed.has(provider.id)),
    userPools: design.userPools
      .filter((pool) => !removed.has(pool.id))
      .map((pool) => ({
        ...pool,
        federatedProviderIds: pool.federatedProviderIds.filter((providerId) => !removed.has(providerId)),
        groups: pool.groups.map((group) => {
          if (!group.roleId || !removed.has(group.roleId)) return group;
          const { roleId: _dropped, ...rest } = group;
          return rest;
        }),
      })),
    identityPools: design.identityPools
      .filter((pool) => !removed.has(pool.id))
      .map((pool) => {
        const next: IdentityPool = {
          ...pool,
          acceptedProviders: pool.acceptedProviders.filter((ref) => !refTouches(ref, removed)),
          roleMappings: pool.roleMappings
            .filter((mapping) => !refTouches(mapping.provider, removed))
            .map((mapping) => ({
              ...mapping,
              rules: mapping.rules.filter((rule) => !removed.has(rule.roleId)),
            })),
          principalTags: pool.principalTags.filter((tags) => !refTouches(tags.provider, removed)),
        };
        if (next.authenticatedRoleId && removed.has(next.authenticatedRoleId))
          delete next.authenticatedRoleId;
        if (next.unauthenticatedRoleId && removed.has(next.unauthenticatedRoleId))
          delete next.unauthenticatedRoleId;
        return next;
      }),
    roles: design.roles
      .filter((role) => !removed.has(role.id))
      .map((role) => {
        if (removedPolicyArns.size === 0) return role;
        const next: Role = {
          ...role,
          managedPolicyArns: role.managedPolicyArns.filter((arn) => !removedPolicyArns.has(arn)),
        };
        if (next.permissionsBoundaryArn && removedPolicyArns.has(next.permissionsBoundaryArn))
          delete next.permissionsBoundaryArn;
        return next;
      }),
    managedPolicies: design.managedPolicies.filter((policy) => !removed.has(policy.id)),
    personas: design.personas.filter((persona) => {
      if (removed.has(persona.identityPoolId)) return false;
      const login = persona.login;
      if (login.type === 'userPool') return !removed.has(login.userPoolId);
      if (login.type === 'provider') return !removed.has(login.providerId);
      return true;
    }),
    layout: { ...design.layout, positions },
  };
}
