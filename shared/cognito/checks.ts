// Checks Cognito makes on a signed-in login before choosing a role (design.md §5.2 step 2): the provider
// (for user pools, the pool and the app client in `aud`) must be accepted, and the token must fit.

import { resolveProviderRef } from '../model/keys';
import type { DesignDocument, IdentityPool } from '../model/types';
import { DOCS, MESSAGES, notAuthorized } from './errors';
import type { ResolvedLogin } from './login';
import type { SimulationError, TraceStep } from './types';

/** Is the login's provider one the pool accepts; for OIDC-style providers, is `aud` a registered client? */
export function checkAcceptedProvider(
  design: DesignDocument,
  pool: IdentityPool,
  login: ResolvedLogin,
  steps: TraceStep[],
): SimulationError | undefined {
  const acceptedKeys = pool.acceptedProviders.flatMap((ref) => {
    const resolved = resolveProviderRef(design, ref);
    return resolved ? [resolved.mappingKey] : [];
  });
  const accepted = acceptedKeys.includes(login.mappingKey);
  const what =
    login.kind === 'userPool'
      ? `user pool ${login.loginsKey} with app client ${login.client?.clientId ?? String(login.claims.aud ?? '(no aud)')}`
      : login.loginsKey;
  steps.push({
    id: 'provider-accepted',
    title: 'Accepted provider',
    detail: accepted
      ? `The pool accepts ${what}.`
      : `The pool does not accept ${what}${login.kind === 'userPool' ? ' (user pools must match both the pool and the app client in aud)' : ''}. Accepted: ${acceptedKeys.join(', ') || 'none'}.`,
    outcome: accepted ? 'pass' : 'fail',
    source: DOCS.authenticationFlow,
    data: { accepted: acceptedKeys },
  });
  if (!accepted) return notAuthorized(MESSAGES.unsupportedProvider);
  const provider = login.provider;
  const audiences = Array.isArray(login.claims.aud)
    ? login.claims.aud.map(String)
    : typeof login.claims.aud === 'string'
      ? [login.claims.aud]
      : [];
  if (
    provider &&
    ['oidc', 'google', 'apple'].includes(provider.kind) &&
    provider.clientIds.length > 0 &&
    audiences.length > 0
  ) {
    const match = audiences.some((audience) => provider.clientIds.includes(audience));
    steps.push({
      id: 'token-audience',
      title: 'Token audience',
      detail: match
        ? `aud ${audiences.join(', ')} is a registered client id of ${provider.name}.`
        : `aud ${audiences.join(', ')} is none of ${provider.name}'s client ids (${provider.clientIds.join(', ')}): the token is refused (message wording is our assumption).`,
      outcome: match ? 'pass' : 'fail',
      assumption: match ? undefined : true,
      source: DOCS.authenticationFlow,
    });
    if (!match) return notAuthorized('Invalid login token. Incorrect token audience.');
  }
  return undefined;
}

/** Token type, expiry and server-side token check: what Cognito verifies about the token itself. */
export function checkToken(login: ResolvedLogin, now: Date, steps: TraceStep[]): SimulationError | undefined {
  if (login.kind === 'userPool' && login.claims.token_use === 'access') {
    steps.push({
      id: 'token-use',
      title: 'Token type',
      detail:
        'This is an access token; identity pools take user-pool ID tokens (wording of the error is our assumption).',
      outcome: 'fail',
      assumption: true,
      source: DOCS.authenticationFlow,
    });
    return notAuthorized('Invalid login token. Not a valid OpenId Connect identity token.');
  }
  const expiry = login.claims.exp;
  if (typeof expiry === 'number' && expiry * 1000 < now.getTime()) {
    steps.push({
      id: 'token-expiry',
      title: 'Token expired',
      detail: `exp ${new Date(expiry * 1000).toISOString()} is before ${now.toISOString()}: Cognito would refuse this token (NotAuthorizedException). The simulation goes on to show what a fresh token would get.`,
      outcome: 'info',
    });
  }
  if (login.client?.serverSideTokenCheck) {
    steps.push({
      id: 'server-side-token-check',
      title: 'Server-side token check',
      detail: `App client ${login.client.name} has ServerSideTokenCheck on: Cognito would also ask the user pool whether the user is still signed in.`,
      outcome: 'info',
    });
  }
  return undefined;
}
