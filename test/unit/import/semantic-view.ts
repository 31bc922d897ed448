// Test helper: the AWS-visible meaning of a design, keyed by AWS identifiers instead of design ids,
// so two designs built independently (by hand, and by import) can be compared.

import { trustPolicyOf } from '../../../shared/cognito';
import { managedPolicyArn, resolveProviderRef, roleArn } from '../../../shared/model/keys';
import type { DesignDocument, ProviderRef } from '../../../shared/model/types';

function byKey<T>(items: T[], key: (item: T) => string): T[] {
  return [...items].sort((a, b) => key(a).localeCompare(key(b)));
}

export function semanticView(design: DesignDocument) {
  const arnOf = (id: string | undefined) => {
    const role = design.roles.find((candidate) => candidate.id === id);
    return role ? roleArn(design.account, role) : undefined;
  };
  const keyOf = (ref: ProviderRef) => resolveProviderRef(design, ref)?.mappingKey ?? 'dangling';
  return {
    account: design.account,
    providers: byKey(
      design.providers.map((provider) => ({
        key: provider.providerKey,
        kind: provider.kind,
        clientIds:
          provider.kind === 'oidc' || provider.kind === 'saml' || provider.kind === 'developer'
            ? []
            : [...provider.clientIds].sort(),
      })),
      (provider) => provider.key,
    ),
    userPools: byKey(
      design.userPools.map((pool) => ({
        poolId: pool.poolId,
        name: pool.name,
        attributes: byKey(
          pool.attributes.map((attribute) => ({ ...attribute })),
          (attribute) => attribute.name,
        ),
        clients: byKey(
          pool.clients.map((client) => ({
            clientId: client.clientId,
            name: client.name,
            readAttributes: [...client.readAttributes].sort(),
            writeAttributes: [...client.writeAttributes].sort(),
            serverSideTokenCheck: client.serverSideTokenCheck,
          })),
          (client) => client.clientId,
        ),
        groups: byKey(
          pool.groups.map((group) => ({
            name: group.name,
            precedence: group.precedence,
            roleArn: arnOf(group.roleId),
            description: group.description,
          })),
          (group) => group.name,
        ),
      })),
      (pool) => pool.poolId,
    ),
    identityPools: byKey(
      design.identityPools.map((pool) => ({
        poolId: pool.poolId,
        name: pool.name,
        allowUnauthenticated: pool.allowUnauthenticated,
        allowClassicFlow: pool.allowClassicFlow,
        accepted: pool.acceptedProviders.map(keyOf).sort(),
        authenticatedRole: arnOf(pool.authenticatedRoleId),
        unauthenticatedRole: arnOf(pool.unauthenticatedRoleId),
        roleMappings: byKey(
          pool.roleMappings.map((mapping) => ({
            key: keyOf(mapping.provider),
            type: mapping.type,
            ambiguousRoleResolution: mapping.ambiguousRoleResolution,
            rules:
              mapping.type === 'Rules'
                ? mapping.rules.map((rule) => ({
                    claim: rule.claim,
                    matchType: rule.matchType,
                    value: rule.value,
                    role: arnOf(rule.roleId),
                  }))
                : [],
          })),
          (mapping) => mapping.key,
        ),
        principalTags: byKey(
          pool.principalTags.map((mapping) => ({
            key: keyOf(mapping.provider),
            useDefaults: mapping.useDefaults,
            tags: mapping.tags,
          })),
          (mapping) => mapping.key,
        ),
      })),
      (pool) => pool.poolId,
    ),
    roles: byKey(
      design.roles.map((role) => ({
        arn: roleArn(design.account, role),
        trustPolicy: trustPolicyOf(design, role).document,
        inlinePolicies: byKey(role.inlinePolicies, (policy) => policy.name),
        managedPolicyArns: [...role.managedPolicyArns].sort(),
        permissionsBoundaryArn: role.permissionsBoundaryArn,
        tags: role.tags,
      })),
      (role) => role.arn,
    ),
    managedPolicies: byKey(
      design.managedPolicies.map((policy) => ({
        arn: managedPolicyArn(design.account, policy),
        description: policy.description,
        document: policy.document,
      })),
      (policy) => policy.arn,
    ),
  };
}
