// What an infrastructure-as-code export of a design creates and takes as input, independent of the
// output format (CloudFormation or Terraform). The writers (cloudformation.ts, terraform.ts) only
// spell this out.
//
// Created: identity pools, their role attachment (one per pool) and principal-tag maps, IAM roles,
// customer managed policies, and the IAM OIDC / SAML providers an identity pool accepts directly.
// Inputs: user pools and their app clients are never created (design.md §8: user pools are
// referenced), so their ids become parameters / variables defaulting to the design's values; a
// SAML provider's metadata document is an input too, since the design does not hold it.
// Ids and ARNs inside policy documents that name something the export creates become references,
// so a generated trust policy trusts the identity pool the template creates, not the id recorded
// in the design.

import { trustPolicyOf } from '../cognito/trust';
import { managedPolicyArn, roleArn } from '../model/keys';
import { findManagedPolicyByArn } from '../model/lookup';
import { principalTagProviderName } from '../model/principal-tags';
import type {
  AmbiguousRoleResolution,
  AppClient,
  DesignDocument,
  IdentityPool,
  ManagedPolicy,
  MatchType,
  Provider,
  ProviderRef,
  Role,
  UserPool,
} from '../model/types';
import { substituteJson, text, type IacRef, type IacText, type IacValue, type Replacement } from './iac-text';

export interface IacUserPool {
  userPool: UserPool;
  /** The app clients the exported identity pools name, in design order. */
  clients: AppClient[];
}

export interface IacRole {
  role: Role;
  trustPolicy: IacValue;
  inlinePolicies: Array<{ name: string; document: IacValue }>;
  /** Design policies as references, AWS managed (or foreign) ones as written. */
  managedPolicyArns: IacText[];
  permissionsBoundary?: IacText;
}

export interface IacRule {
  claim: string;
  matchType: MatchType;
  value: string;
  roleArn: IacText;
}

export interface IacRoleMapping {
  /** Design id of the mapping (CloudFormation needs a static map key; the provider goes in `IdentityProvider`). */
  id: string;
  identityProvider: IacText;
  type: 'Token' | 'Rules';
  ambiguousRoleResolution: AmbiguousRoleResolution;
  /** In the design's order: the first matching rule wins. */
  rules: IacRule[];
}

export interface IacPrincipalTags {
  identityProviderName: IacText;
  useDefaults: boolean;
  tags: Record<string, string>;
}

export interface IacIdentityPool {
  pool: IdentityPool;
  cognitoIdentityProviders: Array<{
    clientId: IacText;
    providerName: IacText;
    serverSideTokenCheck: boolean;
  }>;
  supportedLoginProviders: Array<{ key: string; appIds: string }>;
  openIdConnectProviderArns: IacText[];
  samlProviderArns: IacText[];
  developerProviderName?: string;
  authenticatedRole?: IacText;
  unauthenticatedRole?: IacText;
  roleMappings: IacRoleMapping[];
  principalTags: IacPrincipalTags[];
}

export interface IacModel {
  design: DesignDocument;
  userPools: IacUserPool[];
  oidcProviders: Provider[];
  samlProviders: Provider[];
  managedPolicies: Array<{ policy: ManagedPolicy; document: IacValue }>;
  roles: IacRole[];
  identityPools: IacIdentityPool[];
  /** What a person must know or finish before deploying (one sentence each). */
  notes: string[];
}

/** `cognito-idp.<region>.amazonaws.com/<poolId>` with the pool id and its region as references. */
export function userPoolProviderText(userPoolId: string): IacText {
  return text('cognito-idp.', { ref: 'userPoolRegion', userPoolId }, '.amazonaws.com/', {
    ref: 'userPoolId',
    userPoolId,
  });
}

/** The name of an IAM SAML provider from its ARN `arn:…:saml-provider/<name>`. */
export function samlProviderName(provider: Pick<Provider, 'providerKey' | 'name'>): string {
  const match = /:saml-provider\/(.+)$/.exec(provider.providerKey);
  return match?.[1] ?? provider.name;
}

export function buildIacModel(design: DesignDocument): IacModel {
  const notes: string[] = [];
  const userPools = usedUserPools(design);
  const usedProviders = usedProviderList(design);
  const oidcProviders = usedProviders.filter((provider) => provider.kind === 'oidc');
  const samlProviders = usedProviders.filter((provider) => provider.kind === 'saml');
  const replacements = documentReplacements(design, userPools, oidcProviders, samlProviders);

  const policyRef = (arn: string): IacText => {
    const policy = findManagedPolicyByArn(design, arn);
    return policy ? text({ ref: 'managedPolicyArn', policyId: policy.id }) : text(arn);
  };

  const roles: IacRole[] = [];
  const exportedRoleIds = new Set<string>();
  for (const role of design.roles) {
    const trust = trustPolicyOf(design, role);
    if (!trust.document) {
      notes.push(
        `Role '${role.name}' is not exported: its trust policy is generated and no identity pool uses it, so it would trust nobody.`,
      );
      continue;
    }
    exportedRoleIds.add(role.id);
    roles.push({
      role,
      trustPolicy: substituteJson(trust.document, replacements),
      inlinePolicies: role.inlinePolicies.map((policy) => ({
        name: policy.name,
        document: substituteJson(policy.document, replacements),
      })),
      managedPolicyArns: role.managedPolicyArns.map(policyRef),
      ...(role.permissionsBoundaryArn ? { permissionsBoundary: policyRef(role.permissionsBoundaryArn) } : {}),
    });
  }
  const roleRef = (roleId: string): IacText => text({ ref: 'roleArn', roleId });

  for (const userPool of design.userPools) {
    const groups = userPool.groups.filter((group) => group.roleId && exportedRoleIds.has(group.roleId));
    if (groups.length === 0) continue;
    notes.push(
      `User pool '${userPool.name}' is not created by the export: set the roles of its groups ${groups
        .map((group) => `'${group.name}'`)
        .join(', ')} to the ARNs of the exported roles (listed in the outputs).`,
    );
  }

  const identityPools = design.identityPools.map((pool) => identityPoolModel(design, pool, roleRef, notes));

  return {
    design,
    userPools,
    oidcProviders,
    samlProviders,
    managedPolicies: design.managedPolicies.map((policy) => ({
      policy,
      document: substituteJson(policy.document, replacements),
    })),
    roles,
    identityPools,
    notes,
  };
}

function providerRefs(pool: IdentityPool): ProviderRef[] {
  return [
    ...pool.acceptedProviders,
    ...pool.roleMappings.map((mapping) => mapping.provider),
    ...pool.principalTags.map((mapping) => mapping.provider),
  ];
}

function usedUserPools(design: DesignDocument): IacUserPool[] {
  const used = new Map<string, Set<string>>();
  for (const pool of design.identityPools) {
    for (const ref of providerRefs(pool)) {
      if (ref.type !== 'userPoolClient') continue;
      const clients = used.get(ref.userPoolId) ?? new Set<string>();
      clients.add(ref.clientId);
      used.set(ref.userPoolId, clients);
    }
  }
  return design.userPools
    .filter((userPool) => used.has(userPool.id))
    .map((userPool) => ({
      userPool,
      clients: userPool.clients.filter((client) => used.get(userPool.id)?.has(client.id)),
    }));
}

function usedProviderList(design: DesignDocument): Provider[] {
  const used = new Set<string>();
  for (const pool of design.identityPools) {
    for (const ref of providerRefs(pool)) if (ref.type === 'provider') used.add(ref.providerId);
  }
  return design.providers.filter((provider) => used.has(provider.id));
}

/** Literal ids and ARNs of things the export creates or takes as input, as they appear in documents. */
function documentReplacements(
  design: DesignDocument,
  userPools: IacUserPool[],
  oidcProviders: Provider[],
  samlProviders: Provider[],
): Replacement[] {
  const { account } = design;
  // Role and policy ARNs are spelled from partition, account and name rather than referenced: a
  // document may name its own role (or a role that attaches it), and a reference would be a cycle.
  const iamArn = (arn: string): Array<string | IacRef> => {
    const prefix = `arn:${account.partition}:iam::${account.accountId}:`;
    return ['arn:', { ref: 'partition' }, ':iam::', { ref: 'accountId' }, `:${arn.slice(prefix.length)}`];
  };
  return [
    ...design.identityPools.map((pool) => ({
      needle: pool.poolId,
      segments: [{ ref: 'identityPoolId' as const, identityPoolId: pool.id }],
    })),
    ...userPools.map(({ userPool }) => ({
      needle: userPool.poolId,
      segments: [{ ref: 'userPoolId' as const, userPoolId: userPool.id }],
    })),
    ...design.roles.map((role) => ({
      needle: roleArn(account, role),
      segments: iamArn(roleArn(account, role)),
    })),
    ...design.managedPolicies.map((policy) => ({
      needle: managedPolicyArn(account, policy),
      segments: iamArn(managedPolicyArn(account, policy)),
    })),
    ...samlProviders.map((provider) => ({
      needle: provider.providerKey,
      segments: [{ ref: 'samlProviderArn' as const, providerId: provider.id }],
    })),
    ...oidcProviders.map((provider) => ({
      needle: `arn:${account.partition}:iam::${account.accountId}:oidc-provider/${provider.providerKey}`,
      segments: [{ ref: 'oidcProviderArn' as const, providerId: provider.id }],
    })),
  ];
}

/** The role-mapping / principal-tag name of a login source, with references where the export has them. */
function providerNameText(
  design: DesignDocument,
  ref: ProviderRef,
  withClient: boolean,
): IacText | undefined {
  if (ref.type === 'userPoolClient') {
    const base = userPoolProviderText(ref.userPoolId);
    if (!withClient) return base;
    return text(...base.segments, ':', {
      ref: 'userPoolClientId',
      userPoolId: ref.userPoolId,
      clientId: ref.clientId,
    });
  }
  const provider = design.providers.find((candidate) => candidate.id === ref.providerId);
  if (!provider) return undefined;
  if (provider.kind === 'saml') return text({ ref: 'samlProviderArn', providerId: provider.id });
  return text(provider.providerKey);
}

function identityPoolModel(
  design: DesignDocument,
  pool: IdentityPool,
  roleRef: (roleId: string) => IacText,
  notes: string[],
): IacIdentityPool {
  const model: IacIdentityPool = {
    pool,
    cognitoIdentityProviders: [],
    supportedLoginProviders: [],
    openIdConnectProviderArns: [],
    samlProviderArns: [],
    roleMappings: [],
    principalTags: [],
  };
  const developers: string[] = [];
  for (const ref of pool.acceptedProviders) {
    if (ref.type === 'userPoolClient') {
      const client = design.userPools
        .find((userPool) => userPool.id === ref.userPoolId)
        ?.clients.find((candidate) => candidate.id === ref.clientId);
      model.cognitoIdentityProviders.push({
        clientId: text({ ref: 'userPoolClientId', userPoolId: ref.userPoolId, clientId: ref.clientId }),
        providerName: userPoolProviderText(ref.userPoolId),
        serverSideTokenCheck: client?.serverSideTokenCheck ?? false,
      });
      continue;
    }
    const provider = design.providers.find((candidate) => candidate.id === ref.providerId);
    if (!provider) continue;
    if (provider.kind === 'oidc')
      model.openIdConnectProviderArns.push(text({ ref: 'oidcProviderArn', providerId: provider.id }));
    else if (provider.kind === 'saml')
      model.samlProviderArns.push(text({ ref: 'samlProviderArn', providerId: provider.id }));
    else if (provider.kind === 'developer') developers.push(provider.providerKey);
    else {
      // Several app ids of one social provider are one comma-separated value, as AWS returns them
      // (shared/import reads them back the same way).
      model.supportedLoginProviders.push({ key: provider.providerKey, appIds: provider.clientIds.join(',') });
      if (provider.kind === 'twitter') {
        notes.push(
          `Identity pool '${pool.name}': Twitter expects '<consumer key>;<consumer secret>' and the design holds only the key; add the secret before deploying.`,
        );
      }
    }
  }
  if (developers.length > 0) model.developerProviderName = developers[0];
  if (developers.length > 1) {
    notes.push(
      `Identity pool '${pool.name}': an identity pool has one developer provider name; exported '${developers[0]}', not ${developers
        .slice(1)
        .map((name) => `'${name}'`)
        .join(', ')}.`,
    );
  }
  if (pool.authenticatedRoleId) model.authenticatedRole = roleRef(pool.authenticatedRoleId);
  if (pool.unauthenticatedRoleId) model.unauthenticatedRole = roleRef(pool.unauthenticatedRoleId);
  for (const mapping of pool.roleMappings) {
    const identityProvider = providerNameText(design, mapping.provider, true);
    if (!identityProvider) continue;
    model.roleMappings.push({
      id: mapping.id,
      identityProvider,
      type: mapping.type,
      ambiguousRoleResolution: mapping.ambiguousRoleResolution,
      rules:
        mapping.type === 'Rules'
          ? mapping.rules.map((rule) => ({
              claim: rule.claim,
              matchType: rule.matchType,
              value: rule.value,
              roleArn: roleRef(rule.roleId),
            }))
          : [],
    });
  }
  // AWS keeps one principal-tag map per provider name (for user pools: per pool, not per client);
  // validation guarantees that entries naming clients of one pool agree (shared/model/principal-tags.ts).
  const seen = new Set<string>();
  for (const mapping of pool.principalTags) {
    const name = principalTagProviderName(design, mapping.provider);
    const identityProviderName = providerNameText(design, mapping.provider, false);
    if (name === undefined || !identityProviderName || seen.has(name)) continue;
    seen.add(name);
    model.principalTags.push({
      identityProviderName,
      useDefaults: mapping.useDefaults,
      tags: { ...mapping.tags },
    });
  }
  return model;
}
