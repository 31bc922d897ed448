// User pools, app clients and groups from `aws cognito-idp describe-user-pool`, `list-groups` and
// `describe-user-pool-client`. Custom attributes keep their `custom:` prefix as DescribeUserPool
// prints them. Users are not part of these outputs, so imported designs have no sample users.

import type { AppClient, AttributeDataType, UserPool, UserPoolAttribute } from '../model/types';
import type { ImportContext } from './context';
import { ensureRole } from './iam-roles';
import type { DescribeUserPool, DescribeUserPoolClient, ListGroups } from './shapes';

export interface UserPoolDumps {
  pools: DescribeUserPool[];
  clients: DescribeUserPoolClient[];
  groups: ListGroups[];
}

/** Adds every user pool the dumps describe, with their clients and groups. */
export function importUserPools(context: ImportContext, dumps: UserPoolDumps): void {
  for (const dump of dumps.pools) {
    const source = dump.UserPool;
    if (context.userPoolByPoolId.has(source.Id)) {
      context.warn(`user pool ${source.Id}: described twice; the first description is kept`);
      continue;
    }
    const attributes: UserPoolAttribute[] = (source.SchemaAttributes ?? []).map((attribute) => ({
      name: attribute.Name,
      custom: attribute.Name.startsWith('custom:'),
      mutable: attribute.Mutable ?? true,
      dataType: (attribute.AttributeDataType ?? 'String') as AttributeDataType,
    }));
    const userPool: UserPool = {
      id: context.ids.allocate('userpool', source.Name ?? source.Id),
      poolId: source.Id,
      name: source.Name ?? source.Id,
      clients: [],
      groups: [],
      attributes,
      federatedProviderIds: [],
      users: [],
    };
    context.userPools.push(userPool);
    context.userPoolByPoolId.set(source.Id, userPool);
    if (source.LambdaConfig && 'PreTokenGeneration' in source.LambdaConfig) {
      context.warn(
        `user pool ${source.Id}: has a pre-token-generation Lambda trigger; its effect on claims is unknown — declare it in the design (user pool → pre token generation)`,
      );
    }
  }
  for (const dump of dumps.clients) {
    const source = dump.UserPoolClient;
    const userPool = ensureUserPool(context, source.UserPoolId, `app client ${source.ClientId}`);
    const existing = context.findClient(userPool, source.ClientId);
    const client = existing ?? addClient(context, userPool, source.ClientId, source.ClientName);
    client.name = source.ClientName ?? client.name;
    client.readAttributes = [...(source.ReadAttributes ?? [])];
    client.writeAttributes = [...(source.WriteAttributes ?? [])];
    const federated = (source.SupportedIdentityProviders ?? []).filter((name) => name !== 'COGNITO');
    if (federated.length > 0) {
      context.missing(
        `identity providers federated into user pool ${source.UserPoolId} (${federated.join(', ')}, used by app client ${client.name}): not part of these outputs, not imported — ` +
          `see \`aws cognito-idp describe-identity-provider --user-pool-id ${source.UserPoolId} --provider-name <name>\``,
      );
    }
  }
  for (const dump of dumps.groups) {
    for (const source of dump.Groups) {
      const userPool = ensureUserPool(context, source.UserPoolId, `group ${source.GroupName}`);
      if (userPool.groups.some((group) => group.name === source.GroupName)) continue;
      const group: UserPool['groups'][number] = { name: source.GroupName };
      if (source.Precedence !== undefined) group.precedence = source.Precedence;
      if (source.Description) group.description = source.Description;
      if (source.RoleArn) {
        const role = ensureRole(context, source.RoleArn, `group ${source.GroupName} of ${source.UserPoolId}`);
        if (role) group.roleId = role.id;
      }
      userPool.groups.push(group);
    }
  }
}

/** The user pool with this AWS id, created as a stub (and reported) when no dump describes it. */
export function ensureUserPool(context: ImportContext, poolId: string, usedBy: string): UserPool {
  const existing = context.userPoolByPoolId.get(poolId);
  if (existing) return existing;
  context.missing(
    `user pool ${poolId} (used by ${usedBy}): no describe-user-pool output; its attributes (mutability) are unknown — run \`aws cognito-idp describe-user-pool --user-pool-id ${poolId}\``,
  );
  const userPool: UserPool = {
    id: context.ids.allocate('userpool', poolId),
    poolId,
    name: poolId,
    clients: [],
    groups: [],
    attributes: [],
    federatedProviderIds: [],
    users: [],
  };
  context.userPools.push(userPool);
  context.userPoolByPoolId.set(poolId, userPool);
  return userPool;
}

/** The app client with this AWS client id, created as a stub (and reported) when no dump describes it. */
export function ensureClient(context: ImportContext, userPool: UserPool, clientId: string): AppClient {
  const existing = context.findClient(userPool, clientId);
  if (existing) return existing;
  context.missing(
    `app client ${clientId} of ${userPool.poolId}: no describe-user-pool-client output; its read/write attributes are unknown (assumed: reads all, writes none) — ` +
      `run \`aws cognito-idp describe-user-pool-client --user-pool-id ${userPool.poolId} --client-id ${clientId}\``,
  );
  return addClient(context, userPool, clientId, undefined);
}

function addClient(
  context: ImportContext,
  userPool: UserPool,
  clientId: string,
  name: string | undefined,
): AppClient {
  const client: AppClient = {
    id: context.ids.allocate('client', name ?? clientId),
    clientId,
    name: name ?? clientId,
    readAttributes: [],
    writeAttributes: [],
    serverSideTokenCheck: false,
  };
  userPool.clients.push(client);
  return client;
}
