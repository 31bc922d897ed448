// Reading identity pools: settings and tags, roles and role mappings, principal-tag maps.

import {
  DescribeIdentityPoolCommand,
  GetIdentityPoolRolesCommand,
  GetPrincipalTagAttributeMapCommand,
  paginateListIdentityPools,
  type CognitoIdentityClient,
  type DescribeIdentityPoolCommandOutput,
} from '@aws-sdk/client-cognito-identity';
import type { AwsRoleMapping, IdentityPoolSettings, PrincipalTagMap } from '../../../shared/export/plan';
import { isNotFound } from './errors';

export type PoolDescription = DescribeIdentityPoolCommandOutput;

export async function describePool(
  client: CognitoIdentityClient,
  poolId: string,
): Promise<PoolDescription | null> {
  try {
    return await client.send(new DescribeIdentityPoolCommand({ IdentityPoolId: poolId }));
  } catch (error) {
    if (isNotFound(error)) return null;
    throw error;
  }
}

/** Ids of the region's pools with this name (names are not unique in Cognito). */
export async function poolIdsNamed(client: CognitoIdentityClient, name: string): Promise<string[]> {
  const ids: string[] = [];
  for await (const page of paginateListIdentityPools({ client }, { MaxResults: 60 })) {
    for (const pool of page.IdentityPools ?? []) {
      if (pool.IdentityPoolName === name && pool.IdentityPoolId) ids.push(pool.IdentityPoolId);
    }
  }
  return ids;
}

export async function listPools(client: CognitoIdentityClient): Promise<Array<{ id: string; name: string }>> {
  const pools: Array<{ id: string; name: string }> = [];
  for await (const page of paginateListIdentityPools({ client }, { MaxResults: 60 })) {
    for (const pool of page.IdentityPools ?? []) {
      if (pool.IdentityPoolId) pools.push({ id: pool.IdentityPoolId, name: pool.IdentityPoolName ?? '' });
    }
  }
  return pools;
}

/** Settings as UpdateIdentityPool takes them; empty values AWS leaves out read as empty. */
export function settingsOf(pool: PoolDescription): IdentityPoolSettings {
  return {
    IdentityPoolName: pool.IdentityPoolName ?? '',
    AllowUnauthenticatedIdentities: pool.AllowUnauthenticatedIdentities === true,
    AllowClassicFlow: pool.AllowClassicFlow === true,
    SupportedLoginProviders: { ...(pool.SupportedLoginProviders ?? {}) },
    ...(pool.DeveloperProviderName ? { DeveloperProviderName: pool.DeveloperProviderName } : {}),
    OpenIdConnectProviderARNs: [...(pool.OpenIdConnectProviderARNs ?? [])],
    CognitoIdentityProviders: (pool.CognitoIdentityProviders ?? []).map((provider) => ({
      ProviderName: provider.ProviderName ?? '',
      ClientId: provider.ClientId ?? '',
      ServerSideTokenCheck: provider.ServerSideTokenCheck === true,
    })),
    SamlProviderARNs: [...(pool.SamlProviderARNs ?? [])],
  };
}

export async function readPoolRoles(
  client: CognitoIdentityClient,
  poolId: string,
): Promise<{ Roles: Record<string, string>; RoleMappings: Record<string, AwsRoleMapping> }> {
  const answer = await client.send(new GetIdentityPoolRolesCommand({ IdentityPoolId: poolId }));
  const mappings: Record<string, AwsRoleMapping> = {};
  for (const [key, mapping] of Object.entries(answer.RoleMappings ?? {})) {
    const type = mapping.Type === 'Rules' ? 'Rules' : 'Token';
    mappings[key] = {
      Type: type,
      ...(mapping.AmbiguousRoleResolution
        ? { AmbiguousRoleResolution: mapping.AmbiguousRoleResolution }
        : {}),
      ...(type === 'Rules'
        ? {
            RulesConfiguration: {
              Rules: (mapping.RulesConfiguration?.Rules ?? []).map((rule) => ({
                Claim: rule.Claim ?? '',
                MatchType: rule.MatchType ?? 'Equals',
                Value: rule.Value ?? '',
                RoleARN: rule.RoleARN ?? '',
              })),
            },
          }
        : {}),
    };
  }
  return { Roles: { ...(answer.Roles ?? {}) }, RoleMappings: mappings };
}

/** The map for one provider; undefined when the pool has none for it. */
export async function readPrincipalTagMap(
  client: CognitoIdentityClient,
  poolId: string,
  providerName: string,
): Promise<PrincipalTagMap | undefined> {
  try {
    const answer = await client.send(
      new GetPrincipalTagAttributeMapCommand({ IdentityPoolId: poolId, IdentityProviderName: providerName }),
    );
    if (answer.UseDefaults === undefined && answer.PrincipalTags === undefined) return undefined;
    return { UseDefaults: answer.UseDefaults === true, PrincipalTags: { ...(answer.PrincipalTags ?? {}) } };
  } catch (error) {
    if (isNotFound(error)) return undefined;
    throw error;
  }
}
