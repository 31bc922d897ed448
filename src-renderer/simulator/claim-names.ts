// Claim names the claims editor proposes per provider type, and the claims a new login starts with.

import { providerKeyFromIssuer } from '../../shared/cognito';
import type { DesignDocument, ProviderKind } from '../../shared/model/types';
import type { ClaimRow } from './identity';

/**
 * Claim names each provider type issues, proposed by the claims editor. Google, Apple and OIDC follow OpenID
 * Connect ID tokens (Google adds `hd`, the Workspace domain); Facebook, Login with Amazon and Twitter logins are
 * access tokens whose user data Cognito reads from the provider (`id`, `user_id`); SAML attributes are named by
 * URI, `Role` carrying `role-ARN,provider-ARN` pairs.
 */
export const CLAIM_NAMES: Record<ProviderKind, string[]> = {
  google: [
    'iss',
    'aud',
    'azp',
    'sub',
    'email',
    'email_verified',
    'hd',
    'name',
    'given_name',
    'family_name',
    'locale',
  ],
  apple: ['iss', 'aud', 'sub', 'email', 'email_verified', 'is_private_email', 'real_user_status'],
  oidc: [
    'iss',
    'aud',
    'sub',
    'email',
    'email_verified',
    'name',
    'preferred_username',
    'groups',
    'acr',
    'amr',
  ],
  facebook: ['id', 'app_id', 'name', 'email'],
  amazon: ['user_id', 'aud', 'name', 'email', 'postal_code'],
  twitter: ['id', 'screen_name', 'name'],
  saml: [
    'https://aws.amazon.com/SAML/Attributes/Role',
    'https://aws.amazon.com/SAML/Attributes/RoleSessionName',
    'http://schemas.xmlsoap.org/ws/2005/05/identity/claims/nameidentifier',
    'http://schemas.xmlsoap.org/ws/2005/05/identity/claims/emailaddress',
    'http://schemas.xmlsoap.org/ws/2005/05/identity/claims/name',
    'http://schemas.xmlsoap.org/claims/Group',
  ],
  developer: [],
};

/** Starting claims for a provider: what its tokens always carry, so the login is accepted. */
export function starterClaims(design: DesignDocument, providerId: string): ClaimRow[] {
  const provider = design.providers.find((candidate) => candidate.id === providerId);
  if (!provider) return [];
  const audience = provider.clientIds[0] ?? '';
  switch (provider.kind) {
    case 'google':
    case 'apple':
    case 'oidc':
      return [
        { name: 'iss', value: `https://${providerKeyFromIssuer(provider.providerKey)}` },
        { name: 'aud', value: audience },
        { name: 'sub', value: 'user-1' },
      ];
    case 'facebook':
      return [
        { name: 'app_id', value: audience },
        { name: 'id', value: 'user-1' },
      ];
    case 'amazon':
      return [
        { name: 'aud', value: audience },
        { name: 'user_id', value: 'amzn1.account.user-1' },
      ];
    case 'twitter':
      return [{ name: 'id', value: 'user-1' }];
    case 'saml':
      return [
        { name: 'http://schemas.xmlsoap.org/ws/2005/05/identity/claims/nameidentifier', value: 'user-1' },
      ];
    case 'developer':
      return [];
  }
}
