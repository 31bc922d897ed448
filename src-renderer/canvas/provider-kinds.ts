// How each provider kind is named to people: node captions on the canvas and the Kind field of
// the inspector. The key order is the order of the Kind options.

import type { ProviderKind } from '../../shared/model/types';

export const PROVIDER_KIND_LABELS: Readonly<Record<ProviderKind, string>> = {
  google: 'Google',
  facebook: 'Facebook',
  amazon: 'Login with Amazon',
  apple: 'Sign in with Apple',
  twitter: 'Twitter',
  oidc: 'OpenID Connect',
  saml: 'SAML 2.0',
  developer: 'Developer provider',
};

/** The kinds with their labels, in the order of `PROVIDER_KIND_LABELS`. */
export const PROVIDER_KIND_OPTIONS: readonly { value: ProviderKind; label: string }[] = (
  Object.keys(PROVIDER_KIND_LABELS) as ProviderKind[]
).map((value) => ({ value, label: PROVIDER_KIND_LABELS[value] }));
