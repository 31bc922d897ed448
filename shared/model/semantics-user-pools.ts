// User-pool rules: app clients, groups, attributes, federated providers, the pre-token-generation
// declaration and sample users. Limits:
// https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_SchemaAttributeType.html
// (custom attribute names 1–20 characters after `custom:`).

import { LIMITS, STANDARD_ATTRIBUTES } from './limits';
import type { PathSegment } from './paths';
import type { DesignIndex, IssueList } from './semantics-issues';
import type { DesignDocument, UserPool } from './types';

export function checkUserPools(design: DesignDocument, index: DesignIndex, list: IssueList): void {
  const poolIds = new Map<string, number>();
  design.userPools.forEach((pool, poolIndex) => {
    const path: PathSegment[] = ['userPools', poolIndex];
    const firstPool = poolIds.get(pool.poolId);
    if (firstPool !== undefined)
      list.error(
        'duplicate-name',
        [...path, 'poolId'],
        `user pool id "${pool.poolId}" is already used by $.userPools[${firstPool}]`,
      );
    else poolIds.set(pool.poolId, poolIndex);

    const attributeNames = checkAttributes(pool, path, list);
    const knownAttribute = (name: string) => attributeNames.has(name) || STANDARD_ATTRIBUTES.has(name);

    const clientIds = new Map<string, number>();
    pool.clients.forEach((client, clientIndex) => {
      const clientPath: PathSegment[] = [...path, 'clients', clientIndex];
      const first = clientIds.get(client.clientId);
      if (first !== undefined)
        list.error(
          'duplicate-name',
          [...clientPath, 'clientId'],
          `app client id "${client.clientId}" is already used by client ${first} of this pool`,
        );
      else clientIds.set(client.clientId, clientIndex);
      for (const field of ['readAttributes', 'writeAttributes'] as const) {
        client[field].forEach((name, attributeIndex) => {
          if (!knownAttribute(name)) {
            list.warning(
              'unknown-attribute',
              [...clientPath, field, attributeIndex],
              `attribute "${name}" is not declared in this user pool`,
            );
          }
        });
      }
    });

    const groupNames = new Set<string>();
    pool.groups.forEach((group, groupIndex) => {
      const groupPath: PathSegment[] = [...path, 'groups', groupIndex];
      if (groupNames.has(group.name))
        list.error(
          'duplicate-name',
          [...groupPath, 'name'],
          `group "${group.name}" is defined twice in this user pool`,
        );
      groupNames.add(group.name);
      if (group.roleId !== undefined && !index.roleIds.has(group.roleId)) {
        list.error('dangling-reference', [...groupPath, 'roleId'], `no role has the id "${group.roleId}"`);
      }
    });

    pool.federatedProviderIds.forEach((providerId, providerIndex) => {
      const provider = index.providersById.get(providerId);
      const providerPath: PathSegment[] = [...path, 'federatedProviderIds', providerIndex];
      if (!provider) list.error('dangling-reference', providerPath, `no provider has the id "${providerId}"`);
      else if (provider.kind === 'developer')
        list.error(
          'invalid-reference',
          providerPath,
          'a developer provider cannot be federated into a user pool',
        );
    });

    const trigger = pool.preTokenGeneration;
    trigger?.iamRolesToOverride?.forEach((roleId, roleIndex) => {
      if (!index.roleIds.has(roleId))
        list.error(
          'dangling-reference',
          [...path, 'preTokenGeneration', 'iamRolesToOverride', roleIndex],
          `no role has the id "${roleId}"`,
        );
    });
    if (trigger?.preferredRole !== undefined && !index.roleIds.has(trigger.preferredRole)) {
      list.error(
        'dangling-reference',
        [...path, 'preTokenGeneration', 'preferredRole'],
        `no role has the id "${trigger.preferredRole}"`,
      );
    }

    checkUsers(pool, path, groupNames, knownAttribute, list);
  });
}

function checkAttributes(pool: UserPool, path: PathSegment[], list: IssueList): Set<string> {
  const names = new Set<string>();
  pool.attributes.forEach((attribute, attributeIndex) => {
    const attributePath: PathSegment[] = [...path, 'attributes', attributeIndex];
    if (names.has(attribute.name))
      list.error(
        'duplicate-name',
        [...attributePath, 'name'],
        `attribute "${attribute.name}" is declared twice`,
      );
    names.add(attribute.name);
    const prefixed = attribute.name.startsWith('custom:');
    if (attribute.custom && !prefixed) {
      list.error('schema', [...attributePath, 'name'], 'custom attribute names start with `custom:`');
    } else if (attribute.custom) {
      const bare = attribute.name.slice('custom:'.length);
      const range = LIMITS.customAttributeNameLength;
      if (bare.length < range.min || bare.length > range.max) {
        list.error(
          'limit',
          [...attributePath, 'name'],
          `a custom attribute name has ${range.min}–${range.max} characters after \`custom:\` (got ${bare.length})`,
        );
      }
    } else if (prefixed) {
      list.error(
        'schema',
        [...attributePath, 'custom'],
        'an attribute named `custom:…` must have `custom: true`',
      );
    } else if (!STANDARD_ATTRIBUTES.has(attribute.name)) {
      list.warning(
        'unknown-attribute',
        [...attributePath, 'name'],
        `"${attribute.name}" is not a standard attribute; custom attributes are named \`custom:<name>\``,
      );
    }
  });
  return names;
}

function checkUsers(
  pool: UserPool,
  path: PathSegment[],
  groupNames: ReadonlySet<string>,
  knownAttribute: (name: string) => boolean,
  list: IssueList,
): void {
  const usernames = new Set<string>();
  const subs = new Set<string>();
  pool.users.forEach((user, userIndex) => {
    const userPath: PathSegment[] = [...path, 'users', userIndex];
    if (usernames.has(user.username))
      list.error('duplicate-name', [...userPath, 'username'], `user "${user.username}" is defined twice`);
    usernames.add(user.username);
    if (subs.has(user.sub.toLowerCase()))
      list.error(
        'duplicate-name',
        [...userPath, 'sub'],
        `sub "${user.sub}" belongs to another user of this pool`,
      );
    subs.add(user.sub.toLowerCase());
    user.groups.forEach((group, groupIndex) => {
      if (!groupNames.has(group))
        list.error(
          'dangling-reference',
          [...userPath, 'groups', groupIndex],
          `the user pool has no group "${group}"`,
        );
    });
    for (const name of Object.keys(user.attributes)) {
      if (!knownAttribute(name))
        list.warning(
          'unknown-attribute',
          [...userPath, 'attributes', name],
          `attribute "${name}" is not declared in this user pool`,
        );
    }
  });
}
