// The sessions the policy summary evaluates: two Cognito identities of the same role, alike in
// everything (pool, amr, principal tags, account) except their identity id, so that a resource the
// engine allows to one and denies to the other is scoped per identity. Context keys as the
// simulator's `buildSession` sets them (design.md §5.3).
// https://docs.aws.amazon.com/cognito/latest/developerguide/iam-roles.html
// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-keys.html

import { fakeRoleId } from '../cognito/fake-ids';
import { principalTagProviderName } from '../model/principal-tags';
import type { AccountContext, DesignDocument } from '../model/types';
import type { ContextValue } from '../iam/types';
import { buildReviewContext } from '../review';

export interface SummarySession {
  account: AccountContext;
  /** Assumed-role ARN of the sessions (the request's principal). */
  principal: string;
  /** Keys every session of the role carries besides the identity id: aud, amr, principal tags, …. */
  context: Record<string, ContextValue>;
  /** Two identity ids of the same pool (`region:GUID`). */
  identities: readonly [string, string];
}

const SESSION_NAME = 'CognitoIdentityCredentials';
const SAMPLE_POOL = '00000000-0000-4000-8000-000000000000';

function identityIds(region: string): readonly [string, string] {
  return [`${region}:aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa`, `${region}:bbbbbbbb-bbbb-4bbb-8bbb-bbbbbbbbbbbb`];
}

function sessionKeys(account: AccountContext, principal: string): Record<string, ContextValue> {
  const role = principal.replace(/:sts::(\d*):assumed-role\/([^/]+)\/.*$/, ':iam::$1:role/$2');
  return {
    // The same for every session of the role (Cognito always names the session the same way).
    'aws:userid': `${fakeRoleId(role)}:${SESSION_NAME}`,
    'aws:PrincipalAccount': account.accountId,
    'aws:PrincipalArn': role,
    'aws:PrincipalType': 'AssumedRole',
    // The SDKs sign every request over TLS to the design's region.
    'aws:SecureTransport': 'true',
    'aws:RequestedRegion': account.region,
  };
}

/** A signed-in identity of a pool the design does not name, for policies no role of the design uses. */
export function sampleSummarySession(account: AccountContext, roleName = 'Role'): SummarySession {
  const principal = `arn:${account.partition}:sts::${account.accountId}:assumed-role/${roleName}/${SESSION_NAME}`;
  return {
    account,
    principal,
    context: {
      ...sessionKeys(account, principal),
      'cognito-identity.amazonaws.com:aud': `${account.region}:${SAMPLE_POOL}`,
      'cognito-identity.amazonaws.com:amr': ['authenticated'],
    },
    identities: identityIds(account.region),
  };
}

/**
 * Sessions of the first of `roleIds` that a Cognito route reaches (a sign-in route before a guest
 * one): its pool as `aud`, its `amr`, and its principal tag keys with one placeholder value shared
 * by both identities, so resources keyed by a tag are not taken for per-identity ones.
 */
export function summarySessionFor(design: DesignDocument, roleIds: readonly string[]): SummarySession {
  const review = buildReviewContext(design);
  const roles = roleIds.flatMap((id) => design.roles.filter((role) => role.id === id));
  const routes = roles.flatMap((role) => review.routesToRole(role.id).map((route) => ({ role, route })));
  const chosen = routes.find(({ route }) => !route.guest) ?? routes[0];
  const role = chosen?.role ?? roles[0];
  const base = sampleSummarySession(design.account, role?.name);
  if (!chosen) return base;
  const { route } = chosen;
  const provider = route.providerRef ? principalTagProviderName(design, route.providerRef) : undefined;
  const context: Record<string, ContextValue> = {
    ...base.context,
    'cognito-identity.amazonaws.com:aud': route.pool.poolId,
    'cognito-identity.amazonaws.com:amr': route.guest
      ? ['unauthenticated']
      : ['authenticated', ...(provider ? [provider] : [])],
  };
  for (const key of route.tagKeys) context[`aws:PrincipalTag/${key}`] = `sample-${key}`;
  return { ...base, context };
}
