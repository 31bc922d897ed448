// The account state a design asks for, in the shapes of the IAM and Cognito identity APIs.

import { trustPolicyOf } from '../cognito/trust';
import {
  managedPolicyArn,
  oidcProviderArn,
  resolveProviderRef,
  roleArn,
  userPoolProviderName,
} from '../model/keys';
import type { DesignDocument, IdentityPool } from '../model/types';
import {
  MANAGED_TAG_KEY,
  MANAGED_TAG_VALUE,
  type AwsRoleMapping,
  type DesiredIdentityPool,
  type DesiredState,
  type IdentityPoolSettings,
  type PrincipalTagMap,
} from './plan-types';

export function desiredState(design: DesignDocument): DesiredState {
  const { account } = design;
  return {
    accountId: account.accountId,
    region: account.region,
    policies: design.managedPolicies.map((policy) => ({
      PolicyName: policy.name,
      Path: policy.path,
      Arn: managedPolicyArn(account, policy),
      ...(policy.description ? { Description: policy.description } : {}),
      Document: policy.document,
    })),
    roles: design.roles.map((role) => ({
      RoleName: role.name,
      Path: role.path,
      Arn: roleArn(account, role),
      ...(role.description ? { Description: role.description } : {}),
      AssumeRolePolicyDocument: trustPolicyOf(design, role).document,
      MaxSessionDuration: role.maxSessionDuration,
      InlinePolicies: Object.fromEntries(role.inlinePolicies.map((policy) => [policy.name, policy.document])),
      AttachedPolicyArns: [...role.managedPolicyArns].sort(),
      ...(role.permissionsBoundaryArn ? { PermissionsBoundaryArn: role.permissionsBoundaryArn } : {}),
      Tags: { ...role.tags, [MANAGED_TAG_KEY]: MANAGED_TAG_VALUE },
    })),
    identityPools: design.identityPools.map((pool) => desiredIdentityPool(design, pool)),
  };
}

function desiredIdentityPool(design: DesignDocument, pool: IdentityPool): DesiredIdentityPool {
  const arnOfRole = (id: string | undefined) => {
    const role = design.roles.find((candidate) => candidate.id === id);
    return role ? roleArn(design.account, role) : undefined;
  };
  const roles: Record<string, string> = {};
  const authenticated = arnOfRole(pool.authenticatedRoleId);
  const unauthenticated = arnOfRole(pool.unauthenticatedRoleId);
  if (authenticated) roles.authenticated = authenticated;
  if (unauthenticated) roles.unauthenticated = unauthenticated;

  const roleMappings: Record<string, AwsRoleMapping> = {};
  for (const mapping of pool.roleMappings) {
    const key = resolveProviderRef(design, mapping.provider)?.mappingKey;
    if (!key) continue;
    roleMappings[key] =
      mapping.type === 'Token'
        ? { Type: 'Token', AmbiguousRoleResolution: mapping.ambiguousRoleResolution }
        : {
            Type: 'Rules',
            AmbiguousRoleResolution: mapping.ambiguousRoleResolution,
            RulesConfiguration: {
              Rules: mapping.rules.map((rule) => ({
                Claim: rule.claim,
                MatchType: rule.matchType,
                Value: rule.value,
                RoleARN: arnOfRole(rule.roleId) ?? rule.roleId,
              })),
            },
          };
  }

  // A user pool's principal-tag map is set per pool, not per app client (the import reads it the
  // same way): the first mapping naming a pool wins.
  const principalTags: Record<string, PrincipalTagMap> = {};
  for (const mapping of pool.principalTags) {
    const resolved = resolveProviderRef(design, mapping.provider);
    if (!resolved) continue;
    const name = resolved.userPool ? userPoolProviderName(resolved.userPool.poolId) : resolved.mappingKey;
    if (name in principalTags) continue;
    principalTags[name] = { UseDefaults: mapping.useDefaults, PrincipalTags: { ...mapping.tags } };
  }

  return {
    designId: pool.id,
    IdentityPoolId: pool.poolId,
    settings: poolSettings(design, pool),
    Roles: roles,
    RoleMappings: roleMappings,
    PrincipalTags: principalTags,
  };
}

function poolSettings(design: DesignDocument, pool: IdentityPool): IdentityPoolSettings {
  const settings: IdentityPoolSettings = {
    IdentityPoolName: pool.name,
    AllowUnauthenticatedIdentities: pool.allowUnauthenticated,
    AllowClassicFlow: pool.allowClassicFlow,
    SupportedLoginProviders: {},
    OpenIdConnectProviderARNs: [],
    CognitoIdentityProviders: [],
    SamlProviderARNs: [],
  };
  for (const ref of pool.acceptedProviders) {
    const resolved = resolveProviderRef(design, ref);
    if (resolved?.userPool && resolved.client) {
      settings.CognitoIdentityProviders.push({
        ProviderName: userPoolProviderName(resolved.userPool.poolId),
        ClientId: resolved.client.clientId,
        ServerSideTokenCheck: resolved.client.serverSideTokenCheck,
      });
      continue;
    }
    const provider = resolved?.provider;
    if (!provider) continue;
    if (provider.kind === 'oidc')
      settings.OpenIdConnectProviderARNs.push(oidcProviderArn(design.account, provider));
    else if (provider.kind === 'saml') settings.SamlProviderARNs.push(provider.providerKey);
    else if (provider.kind === 'developer') settings.DeveloperProviderName = provider.providerKey;
    else settings.SupportedLoginProviders[provider.providerKey] = provider.clientIds.join(',');
  }
  return normalizePoolSettings(settings);
}

/** Sorted lists and defaulted flags, so that settings read from AWS and from a design compare equal. */
export function normalizePoolSettings(settings: IdentityPoolSettings): IdentityPoolSettings {
  return {
    ...settings,
    OpenIdConnectProviderARNs: [...settings.OpenIdConnectProviderARNs].sort(),
    SamlProviderARNs: [...settings.SamlProviderARNs].sort(),
    CognitoIdentityProviders: settings.CognitoIdentityProviders.map((provider) => ({
      ProviderName: provider.ProviderName,
      ClientId: provider.ClientId,
      ServerSideTokenCheck: provider.ServerSideTokenCheck,
    })).sort((a, b) => `${a.ProviderName}:${a.ClientId}`.localeCompare(`${b.ProviderName}:${b.ClientId}`)),
  };
}
