// Turns the simulation's login (user-pool user, typed claims, pasted JWT, developer identity) into the
// provider key Cognito sees and the token claims it decides on.

import { userPoolClientKey, userPoolProviderName } from '../model/keys';
import type { AppClient, DesignDocument, IdentityPool, Provider, UserPool } from '../model/types';
import { DOCS, inputError } from './errors';
import { stableHash } from './fake-ids';
import { decodePastedJwt, deriveIdTokenClaims } from './token';
import type { Claims, SimulationError, SimulationInput, SimulationLogin, TraceStep } from './types';

export interface ResolvedLogin {
  kind: 'userPool' | 'provider' | 'developer';
  /** Key of the `Logins` map. */
  loginsKey: string;
  /** Key of role mappings and tag maps (user pools: with the client id from `aud`). */
  mappingKey: string;
  claims: Claims;
  /** The stable subject used to derive the identity id. */
  subject: string;
  userPool?: UserPool;
  client?: AppClient;
  provider?: Provider;
}

export type LoginResolution =
  | { ok: true; login: ResolvedLogin; steps: TraceStep[] }
  | { ok: false; error: SimulationError; steps: TraceStep[]; claims?: Claims };

const SAML_NAME_IDENTIFIER = 'http://schemas.xmlsoap.org/ws/2005/05/identity/claims/nameidentifier';

/** `https://issuer.example.com/` → `issuer.example.com`: the form Cognito uses as provider key. */
export function providerKeyFromIssuer(issuer: string): string {
  return issuer
    .trim()
    .replace(/^https?:\/\//i, '')
    .replace(/\/+$/, '');
}

function isPlainObject(value: unknown): value is Claims {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function resolveUserPoolUser(
  design: DesignDocument,
  identityPool: IdentityPool,
  login: Extract<SimulationLogin, { type: 'userPoolUser' }>,
  now: Date,
): LoginResolution {
  const candidates = login.userPoolId
    ? design.userPools.filter((pool) => pool.id === login.userPoolId || pool.poolId === login.userPoolId)
    : design.userPools.filter((pool) => pool.users.some((user) => user.username === login.username));
  if (candidates.length === 0) {
    const where = login.userPoolId ? `user pool ${login.userPoolId}` : 'any user pool of the design';
    return { ok: false, steps: [], error: inputError(`There is no user "${login.username}" in ${where}.`) };
  }
  if (candidates.length > 1) {
    return {
      ok: false,
      steps: [],
      error: inputError(`User "${login.username}" exists in several user pools; say which one.`),
    };
  }
  const pool = candidates[0] as UserPool;
  const user = pool.users.find((candidate) => candidate.username === login.username);
  if (!user)
    return {
      ok: false,
      steps: [],
      error: inputError(`User pool ${pool.name} has no user "${login.username}".`),
    };
  const acceptedClientIds = identityPool.acceptedProviders.flatMap((ref) =>
    ref.type === 'userPoolClient' && ref.userPoolId === pool.id ? [ref.clientId] : [],
  );
  const client = login.clientId
    ? pool.clients.find(
        (candidate) => candidate.id === login.clientId || candidate.clientId === login.clientId,
      )
    : (pool.clients.find((candidate) => acceptedClientIds.includes(candidate.id)) ?? pool.clients[0]);
  if (!client) {
    const message = login.clientId
      ? `User pool ${pool.name} has no app client ${login.clientId}.`
      : `User pool ${pool.name} has no app client.`;
    return { ok: false, steps: [], error: inputError(message) };
  }
  const derived = deriveIdTokenClaims(design, pool, user, client, now);
  const steps: TraceStep[] = [
    {
      id: 'token',
      title: 'ID token of the user',
      detail: `Derived the ID token user pool ${pool.name} would issue to ${user.username} through app client ${client.name} (${client.clientId}).`,
      outcome: 'info',
      source: DOCS.idToken,
      data: { claims: derived.claims },
    },
    ...derived.steps,
  ];
  return {
    ok: true,
    steps,
    login: {
      kind: 'userPool',
      loginsKey: userPoolProviderName(pool.poolId),
      mappingKey: userPoolClientKey(pool.poolId, client.clientId),
      claims: derived.claims,
      subject: user.sub,
      userPool: pool,
      client,
    },
  };
}

function subjectOf(claims: Claims): string {
  for (const name of ['sub', SAML_NAME_IDENTIFIER, 'user_id', 'id']) {
    const value = claims[name];
    if (typeof value === 'string' && value.length > 0) return value;
  }
  return `claims:${stableHash(JSON.stringify(claims))}`;
}

function resolveTokenLogin(
  design: DesignDocument,
  input: SimulationInput,
  claims: Claims,
  steps: TraceStep[],
): LoginResolution {
  const issuer = typeof claims.iss === 'string' ? claims.iss : undefined;
  let key = input.provider?.trim() || (issuer ? providerKeyFromIssuer(issuer) : undefined);
  // A user-pool role-mapping key (`…/<poolId>:<clientId>`) given as provider: the Logins key has no client id.
  const withClient = key ? /^(cognito-idp\.[^/]+\/[^:]+):(.+)$/.exec(key) : null;
  if (withClient) {
    key = withClient[1] as string;
    steps.push({
      id: 'provider-key-client',
      title: 'Client id in the provider key',
      detail: `Dropped ":${withClient[2]}" from the provider key: the Logins key names the user pool only, the app client comes from the token's aud.`,
      outcome: 'info',
    });
  }
  if (!key) {
    return {
      ok: false,
      steps,
      claims,
      error: inputError(
        'The token has no "iss" claim: say which provider it comes from (the key of the Logins map, e.g. accounts.google.com).',
      ),
    };
  }
  steps.push({
    id: 'provider-key',
    title: 'Provider key',
    detail: input.provider
      ? `Login key given: ${key}.`
      : `Login key taken from the token's iss claim: ${key}.`,
    outcome: 'info',
    data: { loginsKey: key },
  });
  const subject = subjectOf(claims);
  const audience = typeof claims.aud === 'string' ? claims.aud : undefined;
  const userPool = design.userPools.find((pool) => userPoolProviderName(pool.poolId) === key);
  if (userPool || key.startsWith('cognito-idp.')) {
    const client = userPool?.clients.find((candidate) => candidate.clientId === audience);
    return {
      ok: true,
      steps,
      login: {
        kind: 'userPool',
        loginsKey: key,
        mappingKey: audience ? `${key}:${audience}` : key,
        claims,
        subject,
        userPool,
        client,
      },
    };
  }
  const provider = design.providers.find(
    (candidate) => providerKeyFromIssuer(candidate.providerKey) === providerKeyFromIssuer(key),
  );
  if (provider?.kind === 'developer') {
    return {
      ok: false,
      steps,
      claims,
      error: inputError(
        `${key} is a developer provider: simulate it as a developer login with a user identifier.`,
      ),
    };
  }
  return {
    ok: true,
    steps,
    login: {
      kind: 'provider',
      loginsKey: provider?.providerKey ?? key,
      mappingKey: provider?.providerKey ?? key,
      claims,
      subject,
      provider,
    },
  };
}

function resolveDeveloper(
  design: DesignDocument,
  identityPool: IdentityPool,
  input: SimulationInput,
  userIdentifier: string,
): LoginResolution {
  const developers = design.providers.filter((provider) => provider.kind === 'developer');
  const accepted = developers.filter((provider) =>
    identityPool.acceptedProviders.some((ref) => ref.type === 'provider' && ref.providerId === provider.id),
  );
  const provider = input.provider
    ? developers.find(
        (candidate) => candidate.providerKey === input.provider || candidate.id === input.provider,
      )
    : accepted.length === 1
      ? accepted[0]
      : undefined;
  const key = provider?.providerKey ?? input.provider;
  if (!key) {
    return {
      ok: false,
      steps: [],
      error: inputError('Say which developer provider name the login uses (the key of the Logins map).'),
    };
  }
  if (userIdentifier.length === 0)
    return { ok: false, steps: [], error: inputError('The developer user identifier is empty.') };
  return {
    ok: true,
    steps: [],
    login: {
      kind: 'developer',
      loginsKey: key,
      mappingKey: key,
      claims: {},
      subject: userIdentifier,
      provider,
    },
  };
}

/** Resolves a signed-in login (not guests). Never throws. */
export function resolveLogin(
  design: DesignDocument,
  identityPool: IdentityPool,
  input: SimulationInput,
  now: Date,
): LoginResolution {
  const login = input.login;
  switch (login.type) {
    case 'guest':
      return { ok: false, steps: [], error: inputError('A guest has no login to resolve.') };
    case 'userPoolUser':
      return resolveUserPoolUser(design, identityPool, login, now);
    case 'developer':
      return resolveDeveloper(
        design,
        identityPool,
        input,
        typeof login.userIdentifier === 'string' ? login.userIdentifier : '',
      );
    case 'claims': {
      if (!isPlainObject(login.claims))
        return {
          ok: false,
          steps: [],
          error: inputError('Claims must be a JSON object of claim name to value.'),
        };
      const steps: TraceStep[] = [
        {
          id: 'token',
          title: 'Token claims',
          detail: 'Claims given directly (not a token, nothing to verify).',
          outcome: 'info',
          data: { claims: login.claims },
        },
      ];
      return resolveTokenLogin(design, input, { ...login.claims }, steps);
    }
    case 'jwt': {
      const decoded = decodePastedJwt(login.token);
      if (!decoded.ok) return { ok: false, steps: [], error: inputError(`Pasted token: ${decoded.message}`) };
      const steps: TraceStep[] = [
        {
          id: 'token',
          title: 'Pasted token (UNVERIFIED)',
          detail:
            'Decoded the pasted JWT WITHOUT verifying its signature, expiry or issuer: Cognito would verify all three. ' +
            `Header alg ${String(decoded.header.alg ?? 'none')}, kid ${String(decoded.header.kid ?? 'none')}.`,
          outcome: 'info',
          data: { header: decoded.header, claims: decoded.claims, verified: false },
        },
      ];
      return resolveTokenLogin(design, input, decoded.claims, steps);
    }
  }
  return { ok: false, steps: [], error: inputError('Unknown login type.') };
}
