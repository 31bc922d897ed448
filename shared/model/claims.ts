// Which token claims a login source issues, so that a new rule proposes a claim the provider can
// really send and a rule on a claim it cannot send is a warning (design.md §5.2 step 6: a rule on a
// missing claim never matches). Lists follow each provider's ID token documentation:
// user pools https://docs.aws.amazon.com/cognito/latest/developerguide/amazon-cognito-user-pools-using-the-id-token.html
// Google https://developers.google.com/identity/openid-connect/openid-connect#an-id-tokens-payload
// rules https://docs.aws.amazon.com/cognito/latest/developerguide/role-based-access-control.html

import { resolveProviderRef } from './keys';
import { STANDARD_ATTRIBUTES } from './limits';
import type { DesignDocument, ProviderRef } from './types';

export interface ProviderClaims {
  /** Claims to propose, most useful for role rules first. */
  proposed: string[];
  /**
   * True when the provider may issue claims beyond the list (an OIDC issuer's own claims, a SAML
   * IdP whose attributes the design does not list): then no claim is reported as impossible.
   */
  open: boolean;
  /** What the claims come from, for messages ("Google ID tokens"). */
  source: string;
}

const OIDC_STANDARD = [
  'sub',
  'iss',
  'aud',
  'email',
  'email_verified',
  'name',
  'given_name',
  'family_name',
  'locale',
  'picture',
];

const USER_POOL_TOKEN_CLAIMS = [
  'cognito:groups',
  'cognito:username',
  'cognito:roles',
  'cognito:preferred_role',
  'identities',
  'token_use',
  'auth_time',
  'iss',
  'aud',
  'event_id',
  'origin_jti',
];

const SOCIAL: Record<string, { source: string; claims: string[] }> = {
  google: {
    source: 'Google ID tokens',
    claims: [
      'hd',
      'email',
      'email_verified',
      'sub',
      'aud',
      'azp',
      'iss',
      'name',
      'given_name',
      'family_name',
      'locale',
      'picture',
    ],
  },
  apple: {
    source: 'Sign in with Apple ID tokens',
    claims: ['email', 'email_verified', 'is_private_email', 'sub', 'aud', 'iss', 'real_user_status'],
  },
  facebook: { source: 'Facebook logins', claims: ['id', 'email', 'name'] },
  amazon: { source: 'Login with Amazon', claims: ['user_id', 'email', 'name'] },
  twitter: { source: 'Twitter logins', claims: ['id', 'screen_name'] },
};

/** The claims a login from `ref` carries; undefined when the reference dangles. */
export function claimsForProvider(design: DesignDocument, ref: ProviderRef): ProviderClaims | undefined {
  const resolved = resolveProviderRef(design, ref);
  if (!resolved) return undefined;
  if (resolved.userPool) {
    const pool = resolved.userPool;
    const custom = pool.attributes.filter((attribute) => attribute.custom).map((attribute) => attribute.name);
    const standard = pool.attributes
      .filter((attribute) => !attribute.custom)
      .map((attribute) => attribute.name);
    const added = Object.keys(pool.preTokenGeneration?.addOrOverrideClaims ?? {});
    const everyStandard = [...STANDARD_ATTRIBUTES];
    const proposed = [
      'cognito:groups',
      ...custom,
      'email_verified',
      ...standard,
      ...added,
      ...everyStandard,
      ...USER_POOL_TOKEN_CLAIMS,
    ];
    return { proposed: [...new Set(proposed)], open: false, source: `ID tokens of user pool ${pool.name}` };
  }
  const provider = resolved.provider;
  if (!provider) return undefined;
  if (provider.kind === 'saml') {
    const attributes = provider.samlAttributes ?? [];
    return {
      proposed: attributes,
      open: attributes.length === 0,
      source: `the SAML assertions of ${provider.name}`,
    };
  }
  if (provider.kind === 'oidc')
    return { proposed: OIDC_STANDARD, open: true, source: `ID tokens of ${provider.name}` };
  if (provider.kind === 'developer')
    return { proposed: [], open: true, source: 'developer-authenticated logins' };
  const social = SOCIAL[provider.kind];
  return social ? { proposed: social.claims, open: false, source: social.source } : undefined;
}

/**
 * For logins from `ref`: why a claim cannot appear in them, or undefined when it can (or we cannot
 * tell). The provider is looked up once, for all the rules of a role mapping.
 */
export function impossibleClaims(
  design: DesignDocument,
  ref: ProviderRef,
): (claim: string) => string | undefined {
  const claims = claimsForProvider(design, ref);
  // An OIDC issuer may send any claim (a user pool registered as an OIDC provider sends
  // cognito:groups and custom:*), so only closed lists can rule a claim out.
  if (!claims || claims.open) return () => undefined;
  const proposed = new Set(claims.proposed);
  const userPool = resolveProviderRef(design, ref)?.userPool !== undefined;
  return (claim) => {
    if (proposed.has(claim)) return undefined;
    if (claim.startsWith('custom:') && userPool)
      return `${claim} is not a custom attribute of this user pool, so ${claims.source} never carry it and the rule never matches`;
    return `${claims.source} do not carry "${claim}", so the rule never matches`;
  };
}
