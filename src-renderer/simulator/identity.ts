// The simulator's identity form, and how it becomes a simulation input or a persona (and back).
// Pure functions: the panel, persona commands and unit tests share them.

import {
  decodePastedJwt,
  providerKeyFromIssuer,
  stableHash,
  type Claims,
  type SimulationInput,
} from '../../shared/cognito';
import type { DesignDocument, Persona, UserPoolUser } from '../../shared/model/types';
import { upsertUser, type PersonaDraft, type PersonaUser } from '../state/edits/personas';

export type IdentityKind = 'guest' | 'userPool' | 'claims' | 'saml' | 'jwt' | 'developer';

export const IDENTITY_KINDS: { kind: IdentityKind; label: string }[] = [
  { kind: 'guest', label: 'Guest (no login)' },
  { kind: 'userPool', label: 'User-pool user' },
  { kind: 'claims', label: 'OIDC / social token claims' },
  { kind: 'saml', label: 'SAML attributes' },
  { kind: 'jwt', label: 'Pasted JWT' },
  { kind: 'developer', label: 'Developer-authenticated user' },
];

/** One claim (or SAML attribute): its value is text; `true`/`false` and JSON arrays are read as such. */
export interface ClaimRow {
  name: string;
  value: string;
}

export interface IdentityForm {
  identityPoolId: string;
  kind: IdentityKind;
  userPoolId: string;
  clientId: string;
  username: string;
  /** Groups and attributes for this simulation; null = the sample user's own. */
  groups: string[] | null;
  attributes: ClaimRow[] | null;
  /** Provider of typed claims, SAML attributes, a developer login, or a pasted JWT ('' = from its `iss`). */
  providerId: string;
  claims: ClaimRow[];
  jwt: string;
  developerUser: string;
  flow: 'enhanced' | 'basic';
  customRoleArn: string;
  identityId: string;
  /** The clock in UTC (`2026-01-15T10:00`); '' = the current time. */
  now: string;
}

export function emptyForm(design: DesignDocument): IdentityForm {
  return {
    identityPoolId: design.identityPools[0]?.id ?? '',
    kind: 'guest',
    userPoolId: '',
    clientId: '',
    username: '',
    groups: null,
    attributes: null,
    providerId: '',
    claims: [],
    jwt: '',
    developerUser: '',
    flow: 'enhanced',
    customRoleArn: '',
    identityId: '',
    now: '',
  };
}

function claimValue(text: string): unknown {
  if (text === 'true' || text === 'false') return text === 'true';
  if (text.trim().startsWith('[')) {
    try {
      const parsed: unknown = JSON.parse(text);
      if (Array.isArray(parsed)) return parsed;
    } catch {
      // Not a JSON array: the value is the text itself.
    }
  }
  return text;
}

function claimText(value: unknown): string {
  return typeof value === 'string' ? value : JSON.stringify(value);
}

/** Claims of the rows; names must be unique. */
export function claimsOf(rows: readonly ClaimRow[]): { claims: Claims } | { error: string } {
  const claims = new Map<string, unknown>();
  for (const row of rows) {
    const name = row.name.trim();
    if (name === '') continue;
    if (claims.has(name)) return { error: `The claim "${name}" is given twice.` };
    claims.set(name, claimValue(row.value));
  }
  return { claims: Object.fromEntries(claims) };
}

export function rowsOf(claims: Record<string, unknown>): ClaimRow[] {
  return Object.entries(claims).map(([name, value]) => ({ name, value: claimText(value) }));
}

function sampleUser(design: DesignDocument, form: IdentityForm): UserPoolUser | undefined {
  return design.userPools
    .find((pool) => pool.id === form.userPoolId)
    ?.users.find((user) => user.username === form.username);
}

/** The user the form describes when groups or attributes differ from the sample user's (or it is new). */
export function editedUser(
  design: DesignDocument,
  form: IdentityForm,
): PersonaUser | { error: string } | undefined {
  if (form.kind !== 'userPool') return undefined;
  const existing = sampleUser(design, form);
  if (existing && form.groups === null && form.attributes === null) return undefined;
  const username = form.username.trim();
  if (username === '') return { error: 'Give the user a username.' };
  const attributes = claimsOf(form.attributes ?? rowsOf(existing?.attributes ?? {}));
  if ('error' in attributes) return { error: attributes.error.replace('claim', 'attribute') };
  const user: UserPoolUser = {
    username,
    // A new user needs a sub; derive a stable UUID-shaped one from the pool and username.
    sub: existing?.sub ?? uuidFrom(`${form.userPoolId}/${username}`),
    groups: form.groups ?? existing?.groups ?? [],
    attributes: Object.fromEntries(
      Object.entries(attributes.claims).map(([name, value]) => [name, claimText(value)]),
    ),
  };
  return { userPoolId: form.userPoolId, user };
}

function uuidFrom(text: string): string {
  const hex = stableHash(text);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-8${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

function providerKeyOf(design: DesignDocument, providerId: string): string | undefined {
  return design.providers.find((provider) => provider.id === providerId)?.providerKey;
}

/**
 * The simulation input of the form, and the design to run it on (with the edited sample user, which only
 * exists for this simulation until it is saved as a persona).
 */
export function simulationInputOf(
  design: DesignDocument,
  form: IdentityForm,
): { design: DesignDocument; input: SimulationInput } | { error: string } {
  const common: Omit<SimulationInput, 'login'> = { identityPool: form.identityPoolId, flow: form.flow };
  if (form.customRoleArn.trim() !== '') common.customRoleArn = form.customRoleArn.trim();
  if (form.identityId.trim() !== '') common.identityId = form.identityId.trim();
  if (form.now.trim() !== '') {
    const now = new Date(/[zZ]|[+-]\d\d:\d\d$/.test(form.now) ? form.now : `${form.now}Z`);
    if (Number.isNaN(now.getTime())) return { error: `The clock "${form.now}" is not a date and time.` };
    common.now = now;
  }
  if (form.identityPoolId === '') return { error: 'The design has no identity pool to simulate.' };
  switch (form.kind) {
    case 'guest':
      return { design, input: { ...common, login: { type: 'guest' } } };
    case 'userPool': {
      if (form.userPoolId === '') return { error: 'Choose a user pool.' };
      const edited = editedUser(design, form);
      if (edited && 'error' in edited) return edited;
      const simulated = edited ? upsertUser(design, edited) : design;
      return {
        design: simulated,
        input: {
          ...common,
          login: {
            type: 'userPoolUser',
            username: form.username.trim(),
            userPoolId: form.userPoolId,
            clientId: form.clientId || undefined,
          },
        },
      };
    }
    case 'claims':
    case 'saml': {
      const claims = claimsOf(form.claims);
      if ('error' in claims) return claims;
      const provider = providerKeyOf(design, form.providerId);
      return {
        design,
        input: {
          ...common,
          ...(provider ? { provider } : {}),
          login: { type: 'claims', claims: claims.claims },
        },
      };
    }
    case 'jwt': {
      const provider = providerKeyOf(design, form.providerId);
      return {
        design,
        input: {
          ...common,
          ...(provider ? { provider } : {}),
          login: { type: 'jwt', token: form.jwt.trim() },
        },
      };
    }
    case 'developer': {
      const provider = providerKeyOf(design, form.providerId);
      return {
        design,
        input: {
          ...common,
          ...(provider ? { provider } : {}),
          login: { type: 'developer', userIdentifier: form.developerUser.trim() },
        },
      };
    }
  }
}

/** The persona the form describes (to save), with the sample user to add when it was edited. */
export function personaDraftOf(
  design: DesignDocument,
  form: IdentityForm,
  name: string,
  id?: string,
): { draft: PersonaDraft; user?: PersonaUser } | { error: string } {
  const draft = (login: Persona['login']): PersonaDraft => ({
    ...(id === undefined ? {} : { id }),
    name,
    identityPoolId: form.identityPoolId,
    login,
    ...(form.customRoleArn.trim() ? { customRoleArn: form.customRoleArn.trim() } : {}),
    ...(form.identityId.trim() ? { identityId: form.identityId.trim() } : {}),
  });
  if (form.identityPoolId === '') return { error: 'Choose an identity pool first.' };
  switch (form.kind) {
    case 'guest':
      return { draft: draft({ type: 'guest' }) };
    case 'userPool': {
      const pool = design.userPools.find((candidate) => candidate.id === form.userPoolId);
      if (!pool) return { error: 'Choose a user pool.' };
      const clientId = form.clientId || pool.clients[0]?.id;
      if (!clientId) return { error: `User pool ${pool.name} has no app client.` };
      const edited = editedUser(design, form);
      if (edited && 'error' in edited) return edited;
      if (!edited && !sampleUser(design, form)) return { error: 'Choose a user of the user pool.' };
      const login = {
        type: 'userPool' as const,
        userPoolId: pool.id,
        clientId,
        username: form.username.trim(),
      };
      return edited ? { draft: draft(login), user: edited } : { draft: draft(login) };
    }
    case 'claims':
    case 'saml': {
      if (!design.providers.some((provider) => provider.id === form.providerId))
        return { error: 'Choose the provider of the claims.' };
      const claims = claimsOf(form.claims);
      if ('error' in claims) return claims;
      return { draft: draft({ type: 'provider', providerId: form.providerId, claims: claims.claims }) };
    }
    case 'developer': {
      if (
        !design.providers.some((provider) => provider.id === form.providerId && provider.kind === 'developer')
      )
        return { error: 'Choose the developer provider.' };
      return {
        draft: draft({
          type: 'provider',
          providerId: form.providerId,
          claims: { userIdentifier: form.developerUser.trim() },
        }),
      };
    }
    case 'jwt': {
      const decoded = decodePastedJwt(form.jwt);
      if (!decoded.ok) return { error: decoded.message };
      const issuer = typeof decoded.claims.iss === 'string' ? providerKeyFromIssuer(decoded.claims.iss) : '';
      const provider =
        design.providers.find((candidate) => candidate.id === form.providerId) ??
        design.providers.find((candidate) => providerKeyFromIssuer(candidate.providerKey) === issuer);
      if (!provider)
        return {
          error:
            'The token is not from a provider of the design; a persona keeps the claims of a provider (for a user-pool token, save the user instead).',
        };
      return { draft: draft({ type: 'provider', providerId: provider.id, claims: decoded.claims }) };
    }
  }
}

/** The form that shows a persona (flow and clock are kept from the current form). */
export function formFromPersona(
  design: DesignDocument,
  persona: Persona,
  current: IdentityForm,
): IdentityForm {
  const base: IdentityForm = {
    ...emptyForm(design),
    flow: current.flow,
    now: current.now,
    identityPoolId: persona.identityPoolId,
    customRoleArn: persona.customRoleArn ?? '',
    identityId: persona.identityId ?? '',
  };
  const login = persona.login;
  if (login.type === 'guest') return base;
  if (login.type === 'userPool')
    return {
      ...base,
      kind: 'userPool',
      userPoolId: login.userPoolId,
      clientId: login.clientId,
      username: login.username,
    };
  const provider = design.providers.find((candidate) => candidate.id === login.providerId);
  if (provider?.kind === 'developer') {
    const identifier = login.claims.userIdentifier ?? login.claims.sub ?? persona.id;
    return { ...base, kind: 'developer', providerId: login.providerId, developerUser: String(identifier) };
  }
  return {
    ...base,
    kind: provider?.kind === 'saml' ? 'saml' : 'claims',
    providerId: login.providerId,
    claims: rowsOf(login.claims),
  };
}
