// Pure edits for relations: applying a canvas connection and removing an edge.

import type { ConnectionEdit } from '../../../shared/model/graph-connections';
import type { GraphEdge } from '../../../shared/model/graph';
import { claimsForProvider } from '../../../shared/model/claims';
import { managedPolicyArn, sameProviderRef } from '../../../shared/model/keys';
import { allDesignIds } from '../../../shared/model/lookup';
import type {
  DesignDocument,
  IdentityPool,
  MappingRule,
  ProviderRef,
  Role,
} from '../../../shared/model/types';
import { uniqueId } from './ids';

function mapIdentityPool(
  design: DesignDocument,
  id: string,
  update: (pool: IdentityPool) => IdentityPool,
): DesignDocument {
  return {
    ...design,
    identityPools: design.identityPools.map((pool) => (pool.id === id ? update(pool) : pool)),
  };
}

function mapRole(design: DesignDocument, id: string, update: (role: Role) => Role): DesignDocument {
  return { ...design, roles: design.roles.map((role) => (role.id === id ? update(role) : role)) };
}

/**
 * A rule the user is expected to edit right away, on the first claim the mapping's provider issues
 * (`cognito:groups` for user pools, `hd` for Google, the first SAML attribute, …).
 */
export function newRule(design: DesignDocument, roleId: string, provider?: ProviderRef): MappingRule {
  const proposed = provider ? claimsForProvider(design, provider)?.proposed[0] : undefined;
  return {
    id: uniqueId('rule', allDesignIds(design)),
    claim: proposed ?? (provider ? 'sub' : 'cognito:groups'),
    matchType: 'Equals',
    value: 'group-name',
    roleId,
  };
}

/** Applies a connection the model allows (graph-connections.ts); returns the design and the id of a created rule, if any. */
export function applyConnection(
  design: DesignDocument,
  edit: ConnectionEdit,
): { design: DesignDocument; ruleId?: string } {
  switch (edit.type) {
    case 'federate':
      return {
        design: {
          ...design,
          userPools: design.userPools.map((pool) =>
            pool.id === edit.userPoolId
              ? { ...pool, federatedProviderIds: [...pool.federatedProviderIds, edit.providerId] }
              : pool,
          ),
        },
      };
    case 'accept':
      return {
        design: mapIdentityPool(design, edit.identityPoolId, (pool) => ({
          ...pool,
          acceptedProviders: [...pool.acceptedProviders, edit.provider],
        })),
      };
    case 'setDefaultRole':
      return {
        design: mapIdentityPool(design, edit.identityPoolId, (pool) =>
          edit.which === 'authenticated'
            ? { ...pool, authenticatedRoleId: edit.roleId }
            : { ...pool, unauthenticatedRoleId: edit.roleId },
        ),
      };
    case 'addRule':
      return addRuleEdit(design, edit.identityPoolId, edit.roleId, edit.mappingId, edit.newMappingFor);
    case 'setGroupRole':
      return {
        design: {
          ...design,
          userPools: design.userPools.map((pool) =>
            pool.id === edit.userPoolId
              ? {
                  ...pool,
                  groups: pool.groups.map((group) =>
                    group.name === edit.groupName ? { ...group, roleId: edit.roleId } : group,
                  ),
                }
              : pool,
          ),
        },
      };
    case 'attachPolicy': {
      const policy = design.managedPolicies.find((candidate) => candidate.id === edit.policyId);
      if (!policy) return { design };
      const arn = managedPolicyArn(design.account, policy);
      return {
        design: mapRole(design, edit.roleId, (role) => ({
          ...role,
          managedPolicyArns: [...role.managedPolicyArns, arn],
        })),
      };
    }
  }
}

function addRuleEdit(
  design: DesignDocument,
  identityPoolId: string,
  roleId: string,
  mappingId: string | undefined,
  newMappingFor: ProviderRef | undefined,
): { design: DesignDocument; ruleId?: string } {
  const existing = design.identityPools
    .find((pool) => pool.id === identityPoolId)
    ?.roleMappings.find((mapping) => mapping.id === mappingId);
  const rule = newRule(design, roleId, existing?.provider ?? newMappingFor);
  if (mappingId) {
    const next = mapIdentityPool(design, identityPoolId, (pool) => ({
      ...pool,
      roleMappings: pool.roleMappings.map((mapping) =>
        mapping.id === mappingId ? { ...mapping, rules: [...mapping.rules, rule] } : mapping,
      ),
    }));
    return { design: next, ruleId: rule.id };
  }
  if (!newMappingFor) return { design };
  const taken = allDesignIds(design);
  taken.add(rule.id);
  const mapping = {
    id: uniqueId('mapping', taken),
    provider: newMappingFor,
    type: 'Rules' as const,
    ambiguousRoleResolution: 'AuthenticatedRole' as const,
    rules: [rule],
  };
  return {
    design: mapIdentityPool(design, identityPoolId, (pool) => ({
      ...pool,
      roleMappings: [...pool.roleMappings, mapping],
    })),
    ruleId: rule.id,
  };
}

/** Removes the relations the given edges stand for; the entities stay. */
export function removeRelations(design: DesignDocument, edges: readonly GraphEdge[]): DesignDocument {
  let next = design;
  for (const edge of edges) next = removeRelation(next, edge);
  return next;
}

function removeRelation(design: DesignDocument, edge: GraphEdge): DesignDocument {
  switch (edge.kind) {
    case 'federation':
      return {
        ...design,
        userPools: design.userPools.map((pool) =>
          pool.id === edge.target
            ? { ...pool, federatedProviderIds: pool.federatedProviderIds.filter((id) => id !== edge.source) }
            : pool,
        ),
      };
    case 'acceptance': {
      const ref: ProviderRef = edge.sourceHandle.startsWith('client:')
        ? {
            type: 'userPoolClient',
            userPoolId: edge.source,
            clientId: edge.sourceHandle.slice('client:'.length),
          }
        : { type: 'provider', providerId: edge.source };
      return mapIdentityPool(design, edge.target, (pool) => ({
        ...pool,
        acceptedProviders: pool.acceptedProviders.filter((accepted) => !sameProviderRef(accepted, ref)),
      }));
    }
    case 'authenticatedRole':
      return mapIdentityPool(design, edge.source, ({ authenticatedRoleId: _removed, ...pool }) => pool);
    case 'guestRole':
      return mapIdentityPool(design, edge.source, ({ unauthenticatedRoleId: _removed, ...pool }) => pool);
    case 'ruleRole': {
      const where = edge.rule;
      if (!where) return design;
      return mapIdentityPool(design, where.identityPoolId, (pool) => ({
        ...pool,
        roleMappings: pool.roleMappings.map((mapping) =>
          mapping.id === where.mappingId
            ? { ...mapping, rules: mapping.rules.filter((rule) => rule.id !== where.ruleId) }
            : mapping,
        ),
      }));
    }
    case 'groupRole': {
      const groupName = edge.sourceHandle.slice('group:'.length);
      return {
        ...design,
        userPools: design.userPools.map((pool) =>
          pool.id === edge.source
            ? {
                ...pool,
                groups: pool.groups.map((group) => {
                  if (group.name !== groupName) return group;
                  const { roleId: _removed, ...rest } = group;
                  return rest;
                }),
              }
            : pool,
        ),
      };
    }
    case 'managedPolicy':
    case 'permissionsBoundary': {
      const policy = design.managedPolicies.find((candidate) => candidate.id === edge.target);
      if (!policy) return design;
      const arn = managedPolicyArn(design.account, policy);
      return mapRole(design, edge.source, (role) => {
        if (edge.kind === 'managedPolicy')
          return {
            ...role,
            managedPolicyArns: role.managedPolicyArns.filter((candidate) => candidate !== arn),
          };
        const { permissionsBoundaryArn: _removed, ...rest } = role;
        return rest;
      });
    }
  }
}
