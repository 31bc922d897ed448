// Derived AWS identifiers: provider keys, ARNs. One place, so the simulator, review, export and
// the canvas always agree on how a design entity is named in AWS.

import type {
  AccountContext,
  AppClient,
  DesignDocument,
  ManagedPolicy,
  Provider,
  ProviderRef,
  Role,
  UserPool,
} from './types';

/** Region of a user pool id `<region>_<id>`. */
export function userPoolRegion(poolId: string): string {
  const index = poolId.indexOf('_');
  return index > 0 ? poolId.slice(0, index) : poolId;
}

/** Issuer host of a user pool: the `Logins` key and amr entry, `cognito-idp.<region>.amazonaws.com/<poolId>`. */
export function userPoolProviderName(poolId: string): string {
  return `cognito-idp.${userPoolRegion(poolId)}.amazonaws.com/${poolId}`;
}

/** Role-mapping key of a user pool app client: `cognito-idp.<region>.amazonaws.com/<poolId>:<clientId>`. */
export function userPoolClientKey(poolId: string, clientId: string): string {
  return `${userPoolProviderName(poolId)}:${clientId}`;
}

/** `iss` claim of a user pool's tokens. */
export function userPoolIssuer(poolId: string): string {
  return `https://${userPoolProviderName(poolId)}`;
}

export function roleArn(account: AccountContext, role: Pick<Role, 'name' | 'path'>): string {
  return `arn:${account.partition}:iam::${account.accountId}:role${normalizePath(role.path)}${role.name}`;
}

export function managedPolicyArn(
  account: AccountContext,
  policy: Pick<ManagedPolicy, 'name' | 'path'>,
): string {
  return `arn:${account.partition}:iam::${account.accountId}:policy${normalizePath(policy.path)}${policy.name}`;
}

/** OIDC provider ARN as listed in an identity pool's `OpenIdConnectProviderARNs`. */
export function oidcProviderArn(account: AccountContext, provider: Pick<Provider, 'providerKey'>): string {
  return `arn:${account.partition}:iam::${account.accountId}:oidc-provider/${provider.providerKey}`;
}

function normalizePath(path: string | undefined): string {
  if (!path || path === '/') return '/';
  const withLeading = path.startsWith('/') ? path : `/${path}`;
  return withLeading.endsWith('/') ? withLeading : `${withLeading}/`;
}

export interface ResolvedProviderRef {
  /** Key of the role mapping / principal tag map for this login source. */
  mappingKey: string;
  /** Key of the `Logins` map (user pools: without the client id). */
  loginsKey: string;
  userPool?: UserPool;
  client?: AppClient;
  provider?: Provider;
}

/** Resolves a ProviderRef against the design; undefined when it dangles. */
export function resolveProviderRef(
  design: DesignDocument,
  ref: ProviderRef,
): ResolvedProviderRef | undefined {
  if (ref.type === 'userPoolClient') {
    const userPool = design.userPools.find((pool) => pool.id === ref.userPoolId);
    const client = userPool?.clients.find((candidate) => candidate.id === ref.clientId);
    if (!userPool || !client) return undefined;
    return {
      mappingKey: userPoolClientKey(userPool.poolId, client.clientId),
      loginsKey: userPoolProviderName(userPool.poolId),
      userPool,
      client,
    };
  }
  const provider = design.providers.find((candidate) => candidate.id === ref.providerId);
  if (!provider) return undefined;
  return { mappingKey: provider.providerKey, loginsKey: provider.providerKey, provider };
}

export function sameProviderRef(a: ProviderRef, b: ProviderRef): boolean {
  if (a.type === 'userPoolClient' && b.type === 'userPoolClient') {
    return a.userPoolId === b.userPoolId && a.clientId === b.clientId;
  }
  if (a.type === 'provider' && b.type === 'provider') return a.providerId === b.providerId;
  return false;
}

/** Well-known provider keys of the social providers (design.md §4). */
export const SOCIAL_PROVIDER_KEYS: Record<'google' | 'facebook' | 'amazon' | 'apple' | 'twitter', string> = {
  google: 'accounts.google.com',
  facebook: 'graph.facebook.com',
  amazon: 'www.amazon.com',
  apple: 'appleid.apple.com',
  twitter: 'api.twitter.com',
};
