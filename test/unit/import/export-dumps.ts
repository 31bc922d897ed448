// Test helper: renders a design as the JSON the AWS CLI would print for the commands the import
// reads, so tests can prove `import-aws` round-trips a design. Field names follow the API references
// cited in shared/import/shapes.ts.

import { trustPolicyOf } from '../../../shared/cognito';
import {
  managedPolicyArn,
  resolveProviderRef,
  roleArn,
  userPoolProviderName,
} from '../../../shared/model/keys';
import type { DesignDocument, IdentityPool, Role } from '../../../shared/model/types';

export interface DumpOptions {
  /** Encode policy documents as the raw API does (URL-encoded JSON text) instead of objects. */
  urlEncodePolicies?: boolean;
  /** Add a role unrelated to Cognito, as real accounts have. */
  withUnrelatedRole?: boolean;
}

export type Dumps = Record<string, unknown>;

export function exportDumps(design: DesignDocument, options: DumpOptions = {}): Dumps {
  const dumps: Dumps = {};
  const encode = (document: unknown) =>
    options.urlEncodePolicies ? encodeURIComponent(JSON.stringify(document)) : document;
  const arnOfRoleId = (id: string | undefined) => {
    const role = design.roles.find((candidate) => candidate.id === id);
    return role ? roleArn(design.account, role) : undefined;
  };

  for (const pool of design.identityPools) {
    const slug = pool.poolId.replace(/[^a-z0-9]+/gi, '-');
    dumps[`identity-pool-${slug}.json`] = describeIdentityPool(design, pool);
    const roles: Record<string, string> = {};
    const authenticated = arnOfRoleId(pool.authenticatedRoleId);
    const unauthenticated = arnOfRoleId(pool.unauthenticatedRoleId);
    if (authenticated) roles.authenticated = authenticated;
    if (unauthenticated) roles.unauthenticated = unauthenticated;
    const roleMappings: Record<string, unknown> = {};
    for (const mapping of pool.roleMappings) {
      const key = resolveProviderRef(design, mapping.provider)?.mappingKey;
      if (!key) continue;
      const entry: Record<string, unknown> = {
        Type: mapping.type,
        AmbiguousRoleResolution: mapping.ambiguousRoleResolution,
      };
      if (mapping.type === 'Rules') {
        entry.RulesConfiguration = {
          Rules: mapping.rules.map((rule) => ({
            Claim: rule.claim,
            MatchType: rule.matchType,
            Value: rule.value,
            RoleARN: arnOfRoleId(rule.roleId),
          })),
        };
      }
      roleMappings[key] = entry;
    }
    dumps[`roles-${slug}.json`] = { IdentityPoolId: pool.poolId, Roles: roles, RoleMappings: roleMappings };
    // User pools are keyed by the pool's provider name (no client id), as in the Terraform/Pulumi examples
    // (https://www.pulumi.com/registry/packages/aws/api-docs/cognito/identitypoolproviderprincipaltag):
    // the first mapping of a pool wins.
    const written = new Set<string>();
    pool.principalTags.forEach((mapping) => {
      const resolved = resolveProviderRef(design, mapping.provider);
      if (!resolved) return;
      const name = resolved.userPool ? userPoolProviderName(resolved.userPool.poolId) : resolved.mappingKey;
      if (written.has(name)) return;
      written.add(name);
      dumps[`tags-${slug}-${written.size}.json`] = {
        IdentityPoolId: pool.poolId,
        IdentityProviderName: name,
        UseDefaults: mapping.useDefaults,
        PrincipalTags: mapping.tags,
      };
    });
  }

  const roleDetails = design.roles.map((role) => roleDetail(design, role, encode));
  if (options.withUnrelatedRole) {
    roleDetails.push({
      Path: '/',
      RoleName: 'EC2role',
      RoleId: 'AROA1234567890EXAMPLE',
      Arn: `arn:${design.account.partition}:iam::${design.account.accountId}:role/EC2role`,
      CreateDate: '2014-07-30T17:09:20Z',
      AssumeRolePolicyDocument: encode({
        Version: '2012-10-17',
        Statement: [
          { Sid: '', Effect: 'Allow', Principal: { Service: 'ec2.amazonaws.com' }, Action: 'sts:AssumeRole' },
        ],
      }),
      InstanceProfileList: [],
      RolePolicyList: [],
      AttachedManagedPolicies: [],
      Tags: [],
    });
  }
  dumps['authorization-details.json'] = {
    UserDetailList: [],
    GroupDetailList: [],
    RoleDetailList: roleDetails,
    Policies: design.managedPolicies.map((policy) => ({
      PolicyName: policy.name,
      PolicyId: 'ANPA1234567890EXAMPLE',
      Arn: managedPolicyArn(design.account, policy),
      Path: policy.path,
      DefaultVersionId: 'v2',
      AttachmentCount: 1,
      PermissionsBoundaryUsageCount: 0,
      IsAttachable: true,
      ...(policy.description ? { Description: policy.description } : {}),
      CreateDate: '2024-01-01T00:00:00Z',
      UpdateDate: '2024-01-02T00:00:00Z',
      PolicyVersionList: [
        {
          Document: encode({ Version: '2012-10-17', Statement: [] }),
          VersionId: 'v1',
          IsDefaultVersion: false,
          CreateDate: '2024-01-01T00:00:00Z',
        },
        {
          Document: encode(policy.document),
          VersionId: 'v2',
          IsDefaultVersion: true,
          CreateDate: '2024-01-02T00:00:00Z',
        },
      ],
    })),
  };

  for (const userPool of design.userPools) {
    const region = userPool.poolId.split('_')[0];
    dumps[`user-pool-${userPool.poolId}.json`] = {
      UserPool: {
        Id: userPool.poolId,
        Name: userPool.name,
        Arn: `arn:${design.account.partition}:cognito-idp:${region}:${design.account.accountId}:userpool/${userPool.poolId}`,
        Policies: { PasswordPolicy: { MinimumLength: 8 } },
        LambdaConfig: {},
        SchemaAttributes: userPool.attributes.map((attribute) => ({
          Name: attribute.name,
          AttributeDataType: attribute.dataType,
          DeveloperOnlyAttribute: false,
          Mutable: attribute.mutable,
          Required: false,
        })),
        MfaConfiguration: 'OFF',
      },
    };
    dumps[`groups-${userPool.poolId}.json`] = {
      Groups: userPool.groups.map((group) => ({
        GroupName: group.name,
        UserPoolId: userPool.poolId,
        ...(group.description ? { Description: group.description } : {}),
        ...(group.roleId ? { RoleArn: arnOfRoleId(group.roleId) } : {}),
        ...(group.precedence !== undefined ? { Precedence: group.precedence } : {}),
        LastModifiedDate: '2024-01-01T00:00:00Z',
        CreationDate: '2024-01-01T00:00:00Z',
      })),
    };
    for (const client of userPool.clients) {
      dumps[`client-${client.clientId}.json`] = {
        UserPoolClient: {
          UserPoolId: userPool.poolId,
          ClientName: client.name,
          ClientId: client.clientId,
          RefreshTokenValidity: 30,
          ...(client.readAttributes.length > 0 ? { ReadAttributes: client.readAttributes } : {}),
          WriteAttributes: client.writeAttributes,
          ExplicitAuthFlows: ['ALLOW_REFRESH_TOKEN_AUTH', 'ALLOW_USER_SRP_AUTH'],
          SupportedIdentityProviders: [
            'COGNITO',
            ...design.providers
              .filter((provider) => userPool.federatedProviderIds.includes(provider.id))
              .map((provider) => provider.name),
          ],
        },
      };
    }
  }
  return dumps;
}

function describeIdentityPool(design: DesignDocument, pool: IdentityPool): Record<string, unknown> {
  const cognitoProviders: unknown[] = [];
  const supported: Record<string, string> = {};
  const oidc: string[] = [];
  const saml: string[] = [];
  let developer: string | undefined;
  for (const ref of pool.acceptedProviders) {
    const resolved = resolveProviderRef(design, ref);
    if (!resolved) continue;
    if (resolved.userPool && resolved.client) {
      cognitoProviders.push({
        ProviderName: userPoolProviderName(resolved.userPool.poolId),
        ClientId: resolved.client.clientId,
        ServerSideTokenCheck: resolved.client.serverSideTokenCheck,
      });
      continue;
    }
    const provider = resolved.provider;
    if (!provider) continue;
    if (provider.kind === 'oidc')
      oidc.push(
        `arn:${design.account.partition}:iam::${design.account.accountId}:oidc-provider/${provider.providerKey}`,
      );
    else if (provider.kind === 'saml') saml.push(provider.providerKey);
    else if (provider.kind === 'developer') developer = provider.providerKey;
    else supported[provider.providerKey] = provider.clientIds.join(',');
  }
  return {
    IdentityPoolId: pool.poolId,
    IdentityPoolName: pool.name,
    AllowUnauthenticatedIdentities: pool.allowUnauthenticated,
    AllowClassicFlow: pool.allowClassicFlow,
    ...(Object.keys(supported).length > 0 ? { SupportedLoginProviders: supported } : {}),
    ...(developer ? { DeveloperProviderName: developer } : {}),
    ...(cognitoProviders.length > 0 ? { CognitoIdentityProviders: cognitoProviders } : {}),
    ...(oidc.length > 0 ? { OpenIdConnectProviderARNs: oidc } : {}),
    ...(saml.length > 0 ? { SamlProviderARNs: saml } : {}),
    IdentityPoolTags: {},
  };
}

function roleDetail(
  design: DesignDocument,
  role: Role,
  encode: (document: unknown) => unknown,
): Record<string, unknown> {
  const trust = trustPolicyOf(design, role).document;
  return {
    Path: role.path,
    RoleName: role.name,
    RoleId: 'AROA1234567890EXAMPLE',
    Arn: roleArn(design.account, role),
    CreateDate: '2024-01-01T00:00:00Z',
    ...(trust ? { AssumeRolePolicyDocument: encode(trust) } : {}),
    InstanceProfileList: [],
    RolePolicyList: role.inlinePolicies.map((policy) => ({
      PolicyName: policy.name,
      PolicyDocument: encode(policy.document),
    })),
    AttachedManagedPolicies: role.managedPolicyArns.map((arn) => ({
      PolicyName: arn.split('/').pop(),
      PolicyArn: arn,
    })),
    ...(role.permissionsBoundaryArn
      ? {
          PermissionsBoundary: {
            PermissionsBoundaryType: 'Policy',
            PermissionsBoundaryArn: role.permissionsBoundaryArn,
          },
        }
      : {}),
    Tags: Object.entries(role.tags).map(([Key, Value]) => ({ Key, Value })),
    RoleLastUsed: {},
  };
}
