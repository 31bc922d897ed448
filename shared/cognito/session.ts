// The session Cognito's credentials stand for: amr values, principal tags, the assumed-role session and the
// request context of design.md §5.3.

import type { ContextValue } from '../iam/types';
import { resolveProviderRef, roleArn } from '../model/keys';
import { principalTagMappingFor, type AppliedPrincipalTagMapping } from '../model/principal-tags';
import type { DesignDocument, IdentityPool, ProviderRef, Role } from '../model/types';
import { DOCS } from './errors';
import { fakeCredentials, fakeRoleId } from './fake-ids';
import type { ResolvedLogin } from './login';
import { claimValues } from './token';
import type { RoleSummary, SessionPolicy, SimulatedSession, TraceStep } from './types';

export const SESSION_NAME = 'CognitoIdentityCredentials';

export function roleSummary(design: DesignDocument, role: Role): RoleSummary {
  const arn = roleArn(design.account, role);
  return { id: role.id, name: role.name, arn, roleId: fakeRoleId(arn) };
}

/**
 * `amr` of Cognito's token (design.md §5.2 step 9). Guests: `unauthenticated`. Signed in: `authenticated`,
 * the provider key and, for user pools, `<provider>:CognitoSignIn:<sub>`.
 * **Assumption**: other providers add `<provider key>:<subject>` the same way; developer identities add only
 * the developer provider name.
 */
export function amrFor(login: ResolvedLogin | undefined): { amr: string[]; assumption: boolean } {
  if (!login) return { amr: ['unauthenticated'], assumption: false };
  if (login.kind === 'userPool') {
    return {
      amr: ['authenticated', login.loginsKey, `${login.loginsKey}:CognitoSignIn:${login.subject}`],
      assumption: false,
    };
  }
  if (login.kind === 'developer') return { amr: ['authenticated', login.loginsKey], assumption: true };
  return { amr: ['authenticated', login.loginsKey, `${login.loginsKey}:${login.subject}`], assumption: true };
}

const SAML_NAME_IDENTIFIER = 'http://schemas.xmlsoap.org/ws/2005/05/identity/claims/nameidentifier';
const SAML_NAME = 'http://schemas.xmlsoap.org/ws/2005/05/identity/claims/name';

interface DefaultTagMapping {
  tags: Record<string, string>;
  assumption: boolean;
  /** What the simulated defaults leave out of AWS's, and why. */
  note?: string;
}

/**
 * Default tag ← claim mapping per provider kind (design.md §5.2 step 12). Claims per provider:
 * https://docs.aws.amazon.com/cognito/latest/developerguide/provider-mappings.html — user pools, Google, Apple,
 * Facebook, Twitter and OIDC: aud and sub; Amazon: aud and user_id; SAML: nameidentifier and name.
 * The keys `username`/`client` are documented for user pools only (SetPrincipalTagAttributeMap: "default
 * (username and clientID) attribute mappings").
 */
function defaultTagMapping(login: ResolvedLogin): DefaultTagMapping {
  if (login.kind === 'userPool') return { tags: { username: 'sub', client: 'aud' }, assumption: false };
  // Assumption: AWS documents which claims the defaults use per provider, not the tag keys outside user pools.
  if (login.provider?.kind === 'amazon')
    return { tags: { username: 'user_id', client: 'aud' }, assumption: true };
  if (login.provider?.kind === 'saml' || /:saml-provider\//.test(login.loginsKey)) {
    return {
      tags: { username: SAML_NAME_IDENTIFIER },
      assumption: true,
      note:
        `AWS's SAML defaults also map the claim ${SAML_NAME} under a tag key it does not document; ` +
        'that tag is left out here, so the session may carry one more tag in AWS (assumption)',
    };
  }
  return { tags: { username: 'sub', client: 'aud' }, assumption: true };
}

/**
 * For user pools: which client's entry the map comes from, and that AWS keeps one map for the whole pool.
 * **Assumption** when entries of the pool disagree (validation rejects that): the entry of the login's
 * client wins, else the first.
 */
function mapSource(
  design: DesignDocument,
  login: ResolvedLogin,
  applied: AppliedPrincipalTagMapping,
): string {
  if (login.kind !== 'userPool') return '';
  const ref = applied.mapping.provider;
  const client =
    ref.type === 'userPoolClient'
      ? (resolveProviderRef(design, ref)?.client?.name ?? ref.clientId)
      : undefined;
  const shared = `; AWS keys principal-tag maps by user pool, not app client, so the map set on app client ${client ?? 'of this pool'} applies to logins through every client of the pool`;
  return applied.conflicting
    ? `${shared} (the pool's entries disagree, which AWS cannot store; assumption: this one is used)`
    : shared;
}

export interface PrincipalTagResult {
  tags: Record<string, string>;
  step: TraceStep | undefined;
}

/**
 * Principal tags the pool maps for this login (attributes for access control). AWS keys the map by
 * identity provider name, which for a user pool is the pool (`cognito-idp.<region>.amazonaws.com/<poolId>`),
 * so a map the design sets on any app client of the pool applies to a login through every client of it
 * (DOCS.usingAttributesForAccessControl).
 */
export function principalTagsFor(
  design: DesignDocument,
  pool: IdentityPool,
  login: ResolvedLogin | undefined,
): PrincipalTagResult {
  if (!login || login.kind === 'developer') return { tags: {}, step: undefined };
  const preferred: ProviderRef | undefined =
    login.userPool && login.client
      ? { type: 'userPoolClient', userPoolId: login.userPool.id, clientId: login.client.id }
      : undefined;
  const applied = principalTagMappingFor(design, pool, login.loginsKey, preferred);
  if (!applied) return { tags: {}, step: undefined };
  const mapping = applied.mapping;
  const defaults: DefaultTagMapping = mapping.useDefaults
    ? defaultTagMapping(login)
    : { tags: {}, assumption: false };
  const wanted: Record<string, string> = { ...defaults.tags, ...mapping.tags };
  const tags: Record<string, string> = {};
  const skipped: string[] = [];
  let multiValued = false;
  for (const [tag, claim] of Object.entries(wanted)) {
    const values = claimValues(login.claims, claim);
    // Assumption: a claim with several values (an array) cannot become one tag value, so it is left out.
    multiValued ||= Array.isArray(login.claims[claim]);
    if (values === undefined || Array.isArray(login.claims[claim]) || values.length !== 1)
      skipped.push(`${tag} ← ${claim}`);
    else tags[tag] = values[0] as string;
  }
  return {
    tags,
    step: {
      id: 'principal-tags',
      title: 'Principal tags',
      detail:
        `The pool maps tags for ${login.loginsKey}${mapping.useDefaults ? ' (default mapping on)' : ''}` +
        mapSource(design, login, applied) +
        ': ' +
        (Object.keys(tags).length > 0
          ? Object.entries(tags)
              .map(([key, value]) => `${key}=${value}`)
              .join(', ')
          : 'no tag') +
        (skipped.length > 0 ? `. Not set (claim missing or multi-valued): ${skipped.join(', ')}.` : '.') +
        (defaults.note ? ` ${defaults.note}.` : ''),
      outcome: 'info',
      assumption: defaults.assumption || multiValued || applied.conflicting ? true : undefined,
      source:
        login.kind === 'userPool'
          ? DOCS.usingAttributesForAccessControl
          : mapping.useDefaults
            ? DOCS.providerMappings
            : DOCS.attributesForAccessControl,
      data: { tags, skipped },
    },
  };
}

export interface SessionParameters {
  poolId: string;
  identityId: string;
  amr: string[];
  principalTags: Record<string, string>;
  sessionPolicies: SessionPolicy[];
  now: Date;
}

/** The assumed-role session for `role` (design.md §5.2 step 10) with its request context (§5.3). */
export function buildSession(
  design: DesignDocument,
  role: Role,
  parameters: SessionParameters,
): SimulatedSession {
  const summary = roleSummary(design, role);
  const assumedRoleArn = `arn:${design.account.partition}:sts::${design.account.accountId}:assumed-role/${role.name}/${SESSION_NAME}`;
  const userId = `${summary.roleId}:${SESSION_NAME}`;
  const context: Record<string, ContextValue> = {
    'cognito-identity.amazonaws.com:sub': parameters.identityId,
    'cognito-identity.amazonaws.com:aud': parameters.poolId,
    'cognito-identity.amazonaws.com:amr': [...parameters.amr],
    'aws:userid': userId,
    'aws:PrincipalArn': summary.arn,
    'aws:PrincipalAccount': design.account.accountId,
    'aws:PrincipalType': 'AssumedRole',
  };
  for (const [key, value] of Object.entries(parameters.principalTags))
    context[`aws:PrincipalTag/${key}`] = value;
  return {
    role: summary,
    sessionName: SESSION_NAME,
    assumedRoleArn,
    userId,
    credentials: fakeCredentials(`${summary.arn}\n${parameters.identityId}`, parameters.now),
    principalTags: { ...parameters.principalTags },
    sessionPolicies: parameters.sessionPolicies,
    context,
  };
}
