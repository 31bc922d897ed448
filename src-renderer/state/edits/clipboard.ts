// Copy and paste of entities. Pasted entities get fresh ids (and fresh names where AWS requires
// uniqueness); references between pasted entities follow the copies, references to entities
// outside the selection stay as they were.

import { allDesignIds } from '../../../shared/model/lookup';
import type { DesignDocument, ProviderRef } from '../../../shared/model/types';
import type { ClipboardContent } from '../types';
import { newAppClientId, newIdentityPoolId, newUserPoolId, uniqueId, uniqueName } from './ids';

export function copyEntities(design: DesignDocument, ids: readonly string[]): ClipboardContent | null {
  const wanted = new Set(ids);
  const content: ClipboardContent = {
    providers: design.providers.filter((entity) => wanted.has(entity.id)),
    userPools: design.userPools.filter((entity) => wanted.has(entity.id)),
    identityPools: design.identityPools.filter((entity) => wanted.has(entity.id)),
    roles: design.roles.filter((entity) => wanted.has(entity.id)),
    managedPolicies: design.managedPolicies.filter((entity) => wanted.has(entity.id)),
    positions: Object.fromEntries(Object.entries(design.layout.positions).filter(([id]) => wanted.has(id))),
  };
  const count =
    content.providers.length +
    content.userPools.length +
    content.identityPools.length +
    content.roles.length +
    content.managedPolicies.length;
  return count === 0 ? null : content;
}

const PASTE_OFFSET = 40;

/** Pastes the clipboard; returns the design and the ids of the pasted entities (to select them). */
export function pasteEntities(
  design: DesignDocument,
  content: ClipboardContent,
): { design: DesignDocument; ids: string[] } {
  const taken = allDesignIds(design);
  const idMap = new Map<string, string>();
  const fresh = (oldId: string, prefix: string): string => {
    const id = uniqueId(prefix, taken);
    idMap.set(oldId, id);
    return id;
  };
  const follow = (id: string): string => idMap.get(id) ?? id;
  const region = design.account.region;

  const providers = content.providers.map((provider) => ({
    ...provider,
    id: fresh(provider.id, `provider-${provider.kind}`),
    name: uniqueName(
      `${provider.name} copy`,
      design.providers.map((existing) => existing.name),
    ),
  }));
  const roleNames = design.roles.map((role) => role.name);
  const roles = content.roles.map((role) => {
    const name = uniqueName(`${role.name}Copy`, roleNames);
    roleNames.push(name);
    return { ...role, id: fresh(role.id, 'role'), name };
  });
  const policyNames = design.managedPolicies.map((policy) => policy.name);
  const managedPolicies = content.managedPolicies.map((policy) => {
    const name = uniqueName(`${policy.name}Copy`, policyNames);
    policyNames.push(name);
    return { ...policy, id: fresh(policy.id, 'policy'), name };
  });
  const clientIdMaps = new Map<string, Map<string, string>>();
  const userPools = content.userPools.map((pool) => {
    const clientMap = new Map<string, string>();
    const id = fresh(pool.id, 'userpool');
    clientIdMaps.set(pool.id, clientMap);
    return {
      ...pool,
      id,
      poolId: newUserPoolId(region),
      name: `${pool.name}-copy`,
      clients: pool.clients.map((client) => {
        const clientId = uniqueId('client', taken);
        clientMap.set(client.id, clientId);
        return { ...client, id: clientId, clientId: newAppClientId() };
      }),
      groups: pool.groups.map((group) => (group.roleId ? { ...group, roleId: follow(group.roleId) } : group)),
      federatedProviderIds: pool.federatedProviderIds.map(follow),
    };
  });
  const followRef = (ref: ProviderRef): ProviderRef =>
    ref.type === 'provider'
      ? { type: 'provider', providerId: follow(ref.providerId) }
      : {
          type: 'userPoolClient',
          userPoolId: follow(ref.userPoolId),
          clientId: clientIdMaps.get(ref.userPoolId)?.get(ref.clientId) ?? ref.clientId,
        };
  const identityPools = content.identityPools.map((pool) => ({
    ...pool,
    id: fresh(pool.id, 'identitypool'),
    poolId: newIdentityPoolId(region),
    name: uniqueName(
      `${pool.name} copy`,
      design.identityPools.map((existing) => existing.name),
    ),
    acceptedProviders: pool.acceptedProviders.map(followRef),
    ...(pool.authenticatedRoleId ? { authenticatedRoleId: follow(pool.authenticatedRoleId) } : {}),
    ...(pool.unauthenticatedRoleId ? { unauthenticatedRoleId: follow(pool.unauthenticatedRoleId) } : {}),
    roleMappings: pool.roleMappings.map((mapping) => ({
      ...mapping,
      id: uniqueId('mapping', taken),
      provider: followRef(mapping.provider),
      rules: mapping.rules.map((rule) => ({
        ...rule,
        id: uniqueId('rule', taken),
        roleId: follow(rule.roleId),
      })),
    })),
    principalTags: pool.principalTags.map((tags) => ({ ...tags, provider: followRef(tags.provider) })),
  }));

  const positions = { ...design.layout.positions };
  for (const [oldId, point] of Object.entries(content.positions)) {
    const newId = idMap.get(oldId);
    if (newId) positions[newId] = { x: point.x + PASTE_OFFSET, y: point.y + PASTE_OFFSET };
  }
  return {
    design: {
      ...design,
      providers: [...design.providers, ...providers],
      userPools: [...design.userPools, ...userPools],
      identityPools: [...design.identityPools, ...identityPools],
      roles: [...design.roles, ...roles],
      managedPolicies: [...design.managedPolicies, ...managedPolicies],
      layout: { ...design.layout, positions },
    },
    ids: [...idMap.values()],
  };
}
