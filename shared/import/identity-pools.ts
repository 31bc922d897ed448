// Identity pools from `describe-identity-pool`, `get-identity-pool-roles` and
// `get-principal-tag-attribute-map` (Cognito identity API reference, see shapes.ts).

import { SOCIAL_PROVIDER_KEYS } from '../model/keys';
import type {
  IdentityPool,
  MappingRule,
  PrincipalTagMapping,
  Provider,
  ProviderKind,
  ProviderRef,
  RoleMapping,
} from '../model/types';
import type { ImportContext } from './context';
import { ensureRole, socialKindOfKey } from './iam-roles';
import type { DescribeIdentityPool, GetIdentityPoolRoles, PrincipalTagMap } from './shapes';
import { ensureClient, ensureUserPool } from './user-pools';
import { parseArn } from './values';

/** `cognito-idp.<region>.amazonaws.com/<poolId>` with an optional `:<clientId>`. */
const USER_POOL_KEY = /^cognito-idp\.[a-z0-9-]+\.amazonaws\.com(?:\.cn)?\/([^:/]+)(?::(.+))?$/;

export interface IdentityPoolDumps {
  pools: DescribeIdentityPool[];
  roles: GetIdentityPoolRoles[];
  tagMaps: PrincipalTagMap[];
}

export function importIdentityPools(context: ImportContext, dumps: IdentityPoolDumps): void {
  for (const source of dumps.pools) {
    if (context.identityPools.some((pool) => pool.poolId === source.IdentityPoolId)) {
      context.warn(`identity pool ${source.IdentityPoolId}: described twice; the first description is kept`);
      continue;
    }
    context.identityPools.push(identityPoolFromDescription(context, source));
  }
  for (const roles of dumps.roles) {
    let pool = context.identityPools.find((candidate) => candidate.poolId === roles.IdentityPoolId);
    if (!pool) {
      pool = stubIdentityPool(context, roles.IdentityPoolId);
      context.identityPools.push(pool);
    }
    applyRoles(context, pool, roles);
  }
  for (const tagMap of dumps.tagMaps) {
    let pool = context.identityPools.find((candidate) => candidate.poolId === tagMap.IdentityPoolId);
    if (!pool) {
      pool = stubIdentityPool(context, tagMap.IdentityPoolId);
      context.identityPools.push(pool);
    }
    applyPrincipalTags(context, pool, tagMap);
  }
  for (const pool of context.identityPools) {
    if (!dumps.roles.some((roles) => roles.IdentityPoolId === pool.poolId)) {
      context.missing(
        `identity pool ${pool.poolId}: no get-identity-pool-roles output; default roles and role mappings are unknown — run \`aws cognito-identity get-identity-pool-roles --identity-pool-id ${pool.poolId}\``,
      );
    }
  }
}

function identityPoolFromDescription(context: ImportContext, source: DescribeIdentityPool): IdentityPool {
  const pool = emptyIdentityPool(context, source.IdentityPoolId, source.IdentityPoolName);
  pool.allowUnauthenticated = source.AllowUnauthenticatedIdentities;
  if (source.AllowClassicFlow === undefined) {
    context.assume(
      `identity pool ${source.IdentityPoolId}: AllowClassicFlow absent, read as false (the API default)`,
    );
  }
  pool.allowClassicFlow = source.AllowClassicFlow ?? false;
  for (const login of source.CognitoIdentityProviders ?? []) {
    const match = USER_POOL_KEY.exec(login.ProviderName);
    if (!match?.[1]) {
      context.warn(
        `identity pool ${source.IdentityPoolId}: CognitoIdentityProviders entry '${login.ProviderName}' is not a user pool provider name; ignored`,
      );
      continue;
    }
    const userPool = ensureUserPool(context, match[1], `identity pool ${source.IdentityPoolId}`);
    const client = ensureClient(context, userPool, login.ClientId);
    client.serverSideTokenCheck = login.ServerSideTokenCheck ?? false;
    pool.acceptedProviders.push({ type: 'userPoolClient', userPoolId: userPool.id, clientId: client.id });
  }
  for (const [key, appIds] of Object.entries(source.SupportedLoginProviders ?? {})) {
    const kind = socialKindOfKey(key);
    if (!kind) {
      context.warn(
        `identity pool ${source.IdentityPoolId}: SupportedLoginProviders key '${key}' is not a known social provider; ignored`,
      );
      continue;
    }
    const provider = ensureProvider(context, key, kind);
    // Twitter's value is "consumerKey;consumerSecret": only the key is kept, secrets never enter a design.
    const ids = kind === 'twitter' ? [appIds.split(';')[0] ?? ''] : appIds.split(',');
    for (const id of ids.map((value) => value.trim()).filter(Boolean)) {
      if (!provider.clientIds.includes(id)) provider.clientIds.push(id);
    }
    pool.acceptedProviders.push({ type: 'provider', providerId: provider.id });
  }
  for (const arn of source.OpenIdConnectProviderARNs ?? []) {
    const parsed = parseArn(arn);
    if (!parsed?.resource.startsWith('oidc-provider/')) {
      context.warn(`identity pool ${source.IdentityPoolId}: '${arn}' is not an OIDC provider ARN; ignored`);
      continue;
    }
    const provider = ensureProvider(context, parsed.resource.slice('oidc-provider/'.length), 'oidc');
    context.missing(
      `OIDC provider ${provider.providerKey}: its client ids (audiences) are not in these outputs — run \`aws iam get-open-id-connect-provider --open-id-connect-provider-arn ${arn}\``,
    );
    pool.acceptedProviders.push({ type: 'provider', providerId: provider.id });
  }
  for (const arn of source.SamlProviderARNs ?? []) {
    const provider = ensureProvider(context, arn, 'saml');
    pool.acceptedProviders.push({ type: 'provider', providerId: provider.id });
  }
  if (source.DeveloperProviderName) {
    const provider = ensureProvider(context, source.DeveloperProviderName, 'developer');
    pool.acceptedProviders.push({ type: 'provider', providerId: provider.id });
  }
  if (source.IdentityPoolTags && Object.keys(source.IdentityPoolTags).length > 0) {
    context.warn(
      `identity pool ${source.IdentityPoolId}: IdentityPoolTags are not part of a design; not imported`,
    );
  }
  return pool;
}

function emptyIdentityPool(context: ImportContext, poolId: string, name: string): IdentityPool {
  return {
    id: context.ids.allocate('identitypool', name),
    poolId,
    name,
    allowUnauthenticated: false,
    allowClassicFlow: false,
    acceptedProviders: [],
    roleMappings: [],
    principalTags: [],
  };
}

function stubIdentityPool(context: ImportContext, poolId: string): IdentityPool {
  context.missing(
    `identity pool ${poolId}: no describe-identity-pool output; its name, accepted providers, guest access and basic flow are unknown (assumed: none accepted, guest access off, basic flow off) — ` +
      `run \`aws cognito-identity describe-identity-pool --identity-pool-id ${poolId}\``,
  );
  const name = poolId.replace(/[^\w\s+=,.@-]/g, '-');
  return emptyIdentityPool(context, poolId, name);
}

function ensureProvider(context: ImportContext, providerKey: string, kind: ProviderKind): Provider {
  const existing = context.providerByKey.get(providerKey);
  if (existing) return existing;
  const name =
    kind === 'saml'
      ? (parseArn(providerKey)?.resource.replace(/^saml-provider\//, '') ?? providerKey)
      : providerKey;
  const provider: Provider = {
    id: context.ids.allocate(
      'provider',
      kind === 'oidc' || kind === 'saml' || kind === 'developer' ? `${kind}-${name}` : kind,
    ),
    name: kind in SOCIAL_PROVIDER_KEYS ? displayName(kind) : name,
    kind,
    providerKey,
    clientIds: [],
  };
  context.providers.push(provider);
  context.providerByKey.set(providerKey, provider);
  return provider;
}

function displayName(kind: ProviderKind): string {
  const names: Partial<Record<ProviderKind, string>> = {
    google: 'Google',
    facebook: 'Facebook',
    amazon: 'Login with Amazon',
    apple: 'Sign in with Apple',
    twitter: 'Twitter',
  };
  return names[kind] ?? kind;
}

/** The design reference for a role-mapping or principal-tag key; user pool keys without a client return every accepted client. */
function refsForKey(context: ImportContext, pool: IdentityPool, key: string, purpose: string): ProviderRef[] {
  const match = USER_POOL_KEY.exec(key);
  if (match?.[1]) {
    const userPool = ensureUserPool(context, match[1], `${purpose} of identity pool ${pool.poolId}`);
    if (match[2]) {
      const client = ensureClient(context, userPool, match[2]);
      return [{ type: 'userPoolClient', userPoolId: userPool.id, clientId: client.id }];
    }
    const accepted = pool.acceptedProviders.filter(
      (ref): ref is Extract<ProviderRef, { type: 'userPoolClient' }> =>
        ref.type === 'userPoolClient' && ref.userPoolId === userPool.id,
    );
    if (accepted.length === 0)
      context.warn(
        `${purpose} '${key}' of identity pool ${pool.poolId}: the pool accepts no app client of ${match[1]}; ignored`,
      );
    return accepted;
  }
  let provider = context.providerByKey.get(key);
  if (!provider) {
    const social = socialKindOfKey(key);
    const kind: ProviderKind =
      social ?? (parseArn(key)?.resource.startsWith('saml-provider/') ? 'saml' : 'oidc');
    provider = ensureProvider(context, key, kind);
    context.warn(
      `${purpose} '${key}' of identity pool ${pool.poolId}: the pool does not accept this provider (imported as a ${kind} provider)`,
    );
  }
  return [{ type: 'provider', providerId: provider.id }];
}

function applyRoles(context: ImportContext, pool: IdentityPool, source: GetIdentityPoolRoles): void {
  for (const [slot, arn] of Object.entries(source.Roles ?? {})) {
    if (slot !== 'authenticated' && slot !== 'unauthenticated') {
      context.warn(
        `identity pool ${pool.poolId}: Roles key '${slot}' is not authenticated/unauthenticated; ignored`,
      );
      continue;
    }
    const role = ensureRole(context, arn, `identity pool ${pool.poolId} (${slot})`);
    if (!role) continue;
    if (slot === 'authenticated') pool.authenticatedRoleId = role.id;
    else pool.unauthenticatedRoleId = role.id;
  }
  for (const [key, mapping] of Object.entries(source.RoleMappings ?? {})) {
    const [ref] = refsForKey(context, pool, key, 'role mapping');
    if (!ref) continue;
    if (mapping.AmbiguousRoleResolution === undefined) {
      context.assume(
        `role mapping '${key}' of identity pool ${pool.poolId}: AmbiguousRoleResolution absent, set to Deny (the stricter choice)`,
      );
    }
    const rules: MappingRule[] = [];
    for (const rule of mapping.RulesConfiguration?.Rules ?? []) {
      const role = ensureRole(
        context,
        rule.RoleARN,
        `rule ${rule.Claim} ${rule.MatchType} '${rule.Value}' of ${key}`,
      );
      if (!role) continue;
      rules.push({
        id: context.ids.allocate('rule', `${rule.Claim}-${rule.Value}`),
        claim: rule.Claim,
        matchType: rule.MatchType,
        value: rule.Value,
        roleId: role.id,
      });
    }
    const roleMapping: RoleMapping = {
      id: context.ids.allocate('mapping', key.replace(/^cognito-idp\.[a-z0-9-]+\.amazonaws\.com\//, '')),
      provider: ref,
      type: mapping.Type,
      ambiguousRoleResolution: mapping.AmbiguousRoleResolution ?? 'Deny',
      rules,
    };
    pool.roleMappings.push(roleMapping);
  }
}

function applyPrincipalTags(context: ImportContext, pool: IdentityPool, source: PrincipalTagMap): void {
  const key = source.IdentityProviderName;
  const refs = refsForKey(context, pool, key, 'principal tag map');
  if (USER_POOL_KEY.exec(key) && !USER_POOL_KEY.exec(key)?.[2] && refs.length > 0) {
    context.assume(
      `principal tag map '${key}' of identity pool ${pool.poolId}: a user pool's map applies to every app client of that pool the identity pool accepts`,
    );
  }
  for (const ref of refs) {
    const mapping: PrincipalTagMapping = {
      provider: ref,
      useDefaults: source.UseDefaults ?? false,
      tags: { ...(source.PrincipalTags ?? {}) },
    };
    pool.principalTags.push(mapping);
  }
}
