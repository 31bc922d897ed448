// Token claims: derived from a user of a user pool (what Cognito would put in the ID token), typed by
// hand, or decoded from a pasted JWT (never verified: the simulator has no keys and needs none).

import { base64url, decodeJwt, decodeProtectedHeader } from 'jose';
import { findExcessiveNesting } from '../model/json-text';
import { roleArn, userPoolIssuer } from '../model/keys';
import type { AppClient, DesignDocument, UserPool, UserPoolGroup, UserPoolUser } from '../model/types';
import { DOCS } from './errors';
import type { Claims, TraceStep } from './types';

/** Largest pasted token accepted; real ID tokens are a few kilobytes. */
export const MAX_JWT_LENGTH = 64 * 1024;

/** Attributes that Cognito writes as JSON booleans in ID tokens. */
const BOOLEAN_ATTRIBUTES = new Set(['email_verified', 'phone_number_verified']);

/**
 * Claims a pre-token-generation trigger cannot add, override or suppress (Pre token generation Lambda
 * trigger page, "excluded claims"); group and role claims change only through the group override.
 */
const PROTECTED_CLAIMS = new Set([
  'acr',
  'amr',
  'aud',
  'at_hash',
  'auth_time',
  'azp',
  'cognito:username',
  'exp',
  'iat',
  'identities',
  'iss',
  'jti',
  'nbf',
  'nonce',
  'origin_jti',
  'sub',
  'token_use',
  'cognito:groups',
  'cognito:roles',
  'cognito:preferred_role',
]);

export interface DerivedToken {
  claims: Claims;
  steps: TraceStep[];
}

/** The preferred role among the user's groups (design ids), or why there is none. */
export interface PreferredRoleChoice {
  roleId?: string;
  reason: string;
  assumption: boolean;
}

/**
 * `cognito:preferred_role`: the role of the group with the lowest precedence; groups without precedence lose
 * to any group with one; a tie between different roles gives none; a single distinct role is always preferred.
 * https://docs.aws.amazon.com/cognito/latest/developerguide/cognito-user-pools-user-groups.html
 * https://docs.aws.amazon.com/cognito/latest/developerguide/role-based-access-control.html
 */
export function choosePreferredRole(groups: readonly UserPoolGroup[]): PreferredRoleChoice {
  // Assumption (undocumented): groups without a role take no part in choosing the preferred role.
  const withRole = groups.filter((group) => group.roleId !== undefined);
  const distinctRoles = new Set(withRole.map((group) => group.roleId));
  if (distinctRoles.size === 0) return { reason: 'no group of the user has a role', assumption: false };
  if (distinctRoles.size === 1) {
    const [only] = distinctRoles;
    return { roleId: only, reason: "all the user's group roles are the same role", assumption: false };
  }
  const ranked = withRole.filter((group) => group.precedence !== undefined);
  if (ranked.length === 0) {
    return {
      reason: 'several roles and no group has a precedence: no single role has the best precedence',
      assumption: false,
    };
  }
  const best = Math.min(...ranked.map((group) => group.precedence as number));
  const bestRoles = new Set(ranked.filter((group) => group.precedence === best).map((group) => group.roleId));
  if (bestRoles.size > 1) {
    return {
      reason: `groups with the same best precedence ${best} carry different roles: no preferred role`,
      assumption: false,
    };
  }
  const [winner] = bestRoles;
  return { roleId: winner, reason: `the group with the lowest precedence (${best}) wins`, assumption: false };
}

function readable(client: AppClient, attribute: string): boolean {
  return client.readAttributes.length === 0 || client.readAttributes.includes(attribute);
}

function attributeValue(name: string, value: string): unknown {
  if (BOOLEAN_ATTRIBUTES.has(name) && (value === 'true' || value === 'false')) return value === 'true';
  return value;
}

function roleArnOf(design: DesignDocument, roleId: string): string | undefined {
  const role = design.roles.find((candidate) => candidate.id === roleId);
  return role ? roleArn(design.account, role) : undefined;
}

/** The ID-token claims Cognito would issue to `user` signing in through `client` (design.md §5, issue item 2). */
export function deriveIdTokenClaims(
  design: DesignDocument,
  pool: UserPool,
  user: UserPoolUser,
  client: AppClient,
  now: Date = new Date(),
): DerivedToken {
  const steps: TraceStep[] = [];
  const epoch = Math.floor(now.getTime() / 1000);
  const claims: Claims = {
    sub: user.sub,
    aud: client.clientId,
    iss: userPoolIssuer(pool.poolId),
    token_use: 'id',
    'cognito:username': user.username,
    auth_time: epoch,
    iat: epoch,
    exp: epoch + 3600,
  };

  const groups = user.groups
    .map((name) => pool.groups.find((group) => group.name === name))
    .filter((group): group is UserPoolGroup => group !== undefined);
  const unknownGroups = user.groups.filter((name) => !pool.groups.some((group) => group.name === name));
  if (groups.length > 0) claims['cognito:groups'] = groups.map((group) => group.name);
  const roleArns = [
    ...new Set(groups.flatMap((group) => (group.roleId ? [roleArnOf(design, group.roleId)] : []))),
  ].filter((arn): arn is string => arn !== undefined);
  if (roleArns.length > 0) claims['cognito:roles'] = roleArns;
  const preferred = choosePreferredRole(groups);
  const preferredArn = preferred.roleId ? roleArnOf(design, preferred.roleId) : undefined;
  if (preferredArn) claims['cognito:preferred_role'] = preferredArn;
  steps.push({
    id: 'token-groups',
    title: 'Groups and roles in the ID token',
    detail:
      groups.length === 0
        ? 'The user belongs to no group: no cognito:groups, cognito:roles or cognito:preferred_role claim.'
        : `cognito:groups = [${groups.map((group) => `${group.name} (precedence ${group.precedence ?? 'none'})`).join(', ')}]; ` +
          `cognito:preferred_role: ${preferredArn ?? 'not set'} — ${preferred.reason}.`,
    outcome: 'info',
    assumption: preferred.assumption || groups.some((group) => group.roleId === undefined) ? true : undefined,
    source: DOCS.userGroups,
    data: {
      groups: groups.map((group) => group.name),
      roles: roleArns,
      preferredRole: preferredArn,
      unknownGroups,
    },
  });

  const hidden: string[] = [];
  for (const [name, value] of Object.entries(user.attributes)) {
    if (name === 'sub') continue;
    if (!readable(client, name)) {
      hidden.push(name);
      continue;
    }
    claims[name] = attributeValue(name, value);
  }
  if (hidden.length > 0) {
    steps.push({
      id: 'token-attributes',
      title: 'Attributes the app client may not read',
      detail: `Left out of the token because app client ${client.name} may not read them: ${hidden.join(', ')}.`,
      outcome: 'info',
      source: DOCS.idToken,
      data: { hidden },
    });
  }

  const trigger = pool.preTokenGeneration;
  if (trigger) applyPreTokenGeneration(design, claims, trigger, steps);
  return { claims, steps };
}

function applyPreTokenGeneration(
  design: DesignDocument,
  claims: Claims,
  trigger: NonNullable<UserPool['preTokenGeneration']>,
  steps: TraceStep[],
): void {
  const ignored: string[] = [];
  for (const [name, value] of Object.entries(trigger.addOrOverrideClaims ?? {})) {
    if (PROTECTED_CLAIMS.has(name)) ignored.push(name);
    else claims[name] = value;
  }
  for (const name of trigger.suppressClaims ?? []) {
    if (PROTECTED_CLAIMS.has(name)) ignored.push(name);
    else delete claims[name];
  }
  if (trigger.groupsToOverride) claims['cognito:groups'] = [...trigger.groupsToOverride];
  if (trigger.iamRolesToOverride) {
    claims['cognito:roles'] = trigger.iamRolesToOverride.map((roleId) => roleArnOf(design, roleId) ?? roleId);
  }
  if (trigger.preferredRole)
    claims['cognito:preferred_role'] = roleArnOf(design, trigger.preferredRole) ?? trigger.preferredRole;
  steps.push({
    id: 'token-pre-token-generation',
    title: 'Pre token generation trigger',
    detail:
      'Applied the declared trigger: added/overrode ' +
      `${Object.keys(trigger.addOrOverrideClaims ?? {}).join(', ') || 'nothing'}, suppressed ${(trigger.suppressClaims ?? []).join(', ') || 'nothing'}` +
      `${trigger.groupsToOverride ? ', replaced cognito:groups' : ''}${trigger.iamRolesToOverride ? ', replaced cognito:roles' : ''}` +
      `${trigger.preferredRole ? ', replaced cognito:preferred_role' : ''}.` +
      (ignored.length > 0
        ? ` Ignored changes to claims the trigger may not touch: ${ignored.join(', ')}.`
        : '') +
      // Assumption: overriding groups alone leaves cognito:roles and cognito:preferred_role as the real groups gave them.
      (trigger.groupsToOverride && !trigger.iamRolesToOverride
        ? ' cognito:roles keeps the roles of the real groups (assumption).'
        : ''),
    outcome: 'info',
    assumption:
      trigger.groupsToOverride !== undefined && trigger.iamRolesToOverride === undefined ? true : undefined,
    source: DOCS.preTokenGeneration,
    data: { ignored },
  });
}

export type DecodedJwt =
  { ok: true; header: Record<string, unknown>; claims: Claims } | { ok: false; message: string };

/**
 * Decodes a pasted JWT without verifying it. Never throws: malformed, oversized or hostile input gets a message.
 * Accepts an optional `Bearer ` prefix and surrounding white space.
 */
export function decodePastedJwt(text: unknown): DecodedJwt {
  if (typeof text !== 'string')
    return { ok: false, message: 'The token must be text (a JWT: three base64url parts separated by dots).' };
  if (text.length > MAX_JWT_LENGTH) {
    return {
      ok: false,
      message: `The token is ${text.length} characters long; tokens over ${MAX_JWT_LENGTH} characters are refused.`,
    };
  }
  const token = text.trim().replace(/^Bearer\s+/i, '');
  if (token.length === 0) return { ok: false, message: 'The token is empty.' };
  const parts = token.split('.');
  if (parts.length === 5)
    return {
      ok: false,
      message: 'This is an encrypted token (JWE, five parts); paste a signed ID token (three parts).',
    };
  if (parts.length !== 3)
    return { ok: false, message: `A JWT has three parts separated by dots; this one has ${parts.length}.` };
  const badPart = parts.slice(0, 2).findIndex((part) => !/^[A-Za-z0-9_-]+={0,2}$/.test(part));
  if (badPart >= 0)
    return {
      ok: false,
      message: `The token's ${badPart === 0 ? 'header' : 'payload'} is not base64url text.`,
    };
  const nestedPart = parts.slice(0, 2).findIndex((part) => tooDeep(part));
  if (nestedPart >= 0)
    return {
      ok: false,
      message: `The token's ${nestedPart === 0 ? 'header' : 'payload'} nests objects or arrays more than ${MAX_CLAIM_NESTING} levels deep; ID tokens never do.`,
    };
  let header: Record<string, unknown>;
  try {
    header = decodeProtectedHeader(token) as Record<string, unknown>;
  } catch (error) {
    return { ok: false, message: `The token's header cannot be decoded: ${describe(error)}.` };
  }
  try {
    const claims = decodeJwt(token) as Claims;
    return { ok: true, header, claims: { ...claims } };
  } catch (error) {
    return { ok: false, message: `The token's payload cannot be decoded: ${describe(error)}.` };
  }
}

/** Claims nest a level or two; deeper structures are hostile and would exhaust the stack later on. */
const MAX_CLAIM_NESTING = 32;

function tooDeep(part: string): boolean {
  let text: string;
  try {
    text = new TextDecoder().decode(base64url.decode(part));
  } catch {
    return false; // not decodable: jose reports it below
  }
  return findExcessiveNesting(text, MAX_CLAIM_NESTING) >= 0;
}

function describe(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.replace(/\.$/, '');
}

/** Values of a claim as a list of strings: arrays element-wise, scalars as their JSON text; undefined when absent. */
export function claimValues(claims: Claims, name: string): string[] | undefined {
  if (!Object.prototype.hasOwnProperty.call(claims, name)) return undefined;
  const value = claims[name];
  if (value === undefined || value === null) return undefined;
  if (Array.isArray(value))
    return value.filter((item) => item !== null && typeof item !== 'object').map(String);
  if (typeof value === 'object') return undefined;
  return [String(value)];
}

/** `cognito:roles` may arrive as a JSON array or, as the guide describes it, a comma-separated string. */
export function claimRoleList(claims: Claims, name: string): string[] {
  const values = claimValues(claims, name) ?? [];
  return values
    .flatMap((value) => value.split(','))
    .map((value) => value.trim())
    .filter((value) => value.length > 0);
}
