// Role trust for identity pools: generating the trust policy of roles the design's pools use, and checking
// whether a role's trust policy lets Cognito assume it for a given identity (design.md §5.2 step 8).
// https://docs.aws.amazon.com/cognito/latest/developerguide/role-trust-and-permissions.html
// https://docs.aws.amazon.com/cognito/latest/developerguide/role-based-access-control.html

import { evaluate } from '../iam/index';
import type { ContextValue, EvaluationResult, PolicyDocument } from '../iam/types';
import { resolveProviderRef, roleArn } from '../model/keys';
import type { DesignDocument, IdentityPool, Role } from '../model/types';

export const COGNITO_FEDERATED_PRINCIPAL = 'cognito-identity.amazonaws.com';
export const ASSUME_ACTION = 'sts:AssumeRoleWithWebIdentity';
export const TAG_SESSION_ACTION = 'sts:TagSession';

export type RoleUseKind = 'authenticated' | 'unauthenticated';

export interface RoleUse {
  identityPoolId: string;
  /** AWS pool id, the `aud` of Cognito's tokens. */
  poolId: string;
  kind: RoleUseKind;
  /** How the pool reaches the role, e.g. `default authenticated role`, `rule rule-admins`, `group admins via Token mapping`. */
  via: string;
}

/** Does the pool map principal tags for any provider? Then sessions carry tags and need `sts:TagSession`. */
export function poolMapsPrincipalTags(pool: IdentityPool): boolean {
  return pool.principalTags.some((mapping) => mapping.useDefaults || Object.keys(mapping.tags).length > 0);
}

/** Every way the design's identity pools hand out `role`. */
export function roleUses(design: DesignDocument, role: Pick<Role, 'id'>): RoleUse[] {
  const uses: RoleUse[] = [];
  for (const pool of design.identityPools) {
    const add = (kind: RoleUseKind, via: string) =>
      uses.push({ identityPoolId: pool.id, poolId: pool.poolId, kind, via });
    if (pool.unauthenticatedRoleId === role.id) add('unauthenticated', 'default unauthenticated role');
    if (pool.authenticatedRoleId === role.id) add('authenticated', 'default authenticated role');
    for (const mapping of pool.roleMappings) {
      if (mapping.type === 'Rules') {
        for (const rule of mapping.rules)
          if (rule.roleId === role.id) add('authenticated', `rule ${rule.id}`);
        continue;
      }
      const resolved = resolveProviderRef(design, mapping.provider);
      const userPool = resolved?.userPool;
      if (!userPool) continue;
      for (const group of userPool.groups)
        if (group.roleId === role.id) add('authenticated', `group ${group.name} via Token mapping`);
      const trigger = userPool.preTokenGeneration;
      if (trigger?.iamRolesToOverride?.includes(role.id) || trigger?.preferredRole === role.id) {
        add('authenticated', 'pre token generation trigger via Token mapping');
      }
    }
  }
  return uses;
}

export interface GeneratedTrustPolicy {
  /** Undefined when no identity pool uses the role: there is nothing to trust. */
  document: PolicyDocument | undefined;
  uses: RoleUse[];
  /** Things a reviewer should know about the generated policy. */
  notes: string[];
}

function oneOrMany(values: string[]): string | string[] {
  return values.length === 1 ? (values[0] as string) : values;
}

/**
 * The trust policy for a role used by identity pools. One statement per kind of use: signed-in uses trust
 * `amr` `authenticated` for the pools that use the role that way, guest uses trust `unauthenticated` for
 * theirs. Keeping them apart (instead of one statement with both amr values and all pools) stops guests of a
 * pool that only maps signed-in users to the role from assuming it through the basic flow.
 */
export function generateTrustPolicy(design: DesignDocument, role: Pick<Role, 'id'>): GeneratedTrustPolicy {
  const uses = roleUses(design, role);
  const notes: string[] = [];
  if (uses.length === 0) {
    return {
      document: undefined,
      uses,
      notes: ['No identity pool uses this role, so the generated trust policy would trust nobody.'],
    };
  }
  const statements: Array<Record<string, unknown>> = [];
  for (const kind of ['authenticated', 'unauthenticated'] as const) {
    const poolIds = [...new Set(uses.filter((use) => use.kind === kind).map((use) => use.poolId))].sort();
    if (poolIds.length === 0) continue;
    const tags = design.identityPools.some(
      (pool) => poolIds.includes(pool.poolId) && poolMapsPrincipalTags(pool),
    );
    statements.push({
      Sid: kind === 'authenticated' ? 'CognitoAuthenticated' : 'CognitoUnauthenticated',
      Effect: 'Allow',
      Principal: { Federated: COGNITO_FEDERATED_PRINCIPAL },
      Action: tags ? [ASSUME_ACTION, TAG_SESSION_ACTION] : ASSUME_ACTION,
      Condition: {
        StringEquals: { 'cognito-identity.amazonaws.com:aud': oneOrMany(poolIds) },
        'ForAnyValue:StringLike': { 'cognito-identity.amazonaws.com:amr': kind },
      },
    });
  }
  if (statements.length === 2) {
    notes.push(
      'The role is used both for guests and for signed-in users: guests get everything signed-in users get. ' +
        'Prefer separate roles so that signing in is what unlocks the wider permissions.',
    );
  }
  return { document: { Version: '2012-10-17', Statement: statements }, uses, notes };
}

/** The trust policy in force for `role`: the hand-written one, or the generated one. */
export function trustPolicyOf(
  design: DesignDocument,
  role: Role,
): { document: PolicyDocument | undefined; generated: boolean } {
  if (role.trustPolicy.mode === 'custom') return { document: role.trustPolicy.document, generated: false };
  return { document: generateTrustPolicy(design, role).document, generated: true };
}

export interface TrustRequest {
  /** AWS identity pool id: `cognito-identity.amazonaws.com:aud`. */
  poolId: string;
  amr: string[];
  identityId: string;
  /** Tags the session would carry; non-empty means `sts:TagSession` must be allowed too. */
  principalTags: Record<string, string>;
}

export interface TrustCheck {
  allowed: boolean;
  generated: boolean;
  assume: EvaluationResult | undefined;
  /** Present when the session carries tags. */
  tagSession: EvaluationResult | undefined;
  reason: string;
}

/** Evaluates the role's trust policy as Cognito's `AssumeRoleWithWebIdentity` (and `TagSession`) would meet it. */
export function checkTrust(design: DesignDocument, role: Role, request: TrustRequest): TrustCheck {
  const { document, generated } = trustPolicyOf(design, role);
  const arn = roleArn(design.account, role);
  if (!document) {
    return {
      allowed: false,
      generated,
      assume: undefined,
      tagSession: undefined,
      reason: 'the role has no trust policy: no identity pool uses it',
    };
  }
  const context: Record<string, ContextValue> = {
    'cognito-identity.amazonaws.com:aud': request.poolId,
    'cognito-identity.amazonaws.com:amr': [...request.amr],
    'cognito-identity.amazonaws.com:sub': request.identityId,
  };
  const policy = { name: `role/${role.name} trust policy${generated ? ' (generated)' : ''}`, document };
  const base = {
    principal: COGNITO_FEDERATED_PRINCIPAL,
    resource: arn,
    resourceAccount: design.account.accountId,
  };
  const assume = evaluate({
    request: { ...base, action: ASSUME_ACTION, context },
    identityPolicies: [],
    resourcePolicy: policy,
    trustPolicyMode: true,
  });
  const tagKeys = Object.keys(request.principalTags);
  let tagSession: EvaluationResult | undefined;
  if (tagKeys.length > 0) {
    const tagContext: Record<string, ContextValue> = { ...context, 'aws:TagKeys': tagKeys };
    for (const [key, value] of Object.entries(request.principalTags))
      tagContext[`aws:RequestTag/${key}`] = value;
    tagSession = evaluate({
      request: { ...base, action: TAG_SESSION_ACTION, context: tagContext },
      identityPolicies: [],
      resourcePolicy: policy,
      trustPolicyMode: true,
    });
  }
  const assumeAllowed = assume.decision === 'Allowed';
  const tagAllowed = tagSession === undefined || tagSession.decision === 'Allowed';
  const reason = !assumeAllowed
    ? `${ASSUME_ACTION}: ${assume.decision} — ${assume.summary}`
    : !tagAllowed
      ? `${TAG_SESSION_ACTION} (needed because the session carries principal tags): ${tagSession?.decision} — ${tagSession?.summary}`
      : `${ASSUME_ACTION}${tagSession ? ` and ${TAG_SESSION_ACTION}` : ''} allowed by ${policy.name}`;
  return { allowed: assumeAllowed && tagAllowed, generated, assume, tagSession, reason };
}

/**
 * JSON path of the trust statement that stopped Cognito, for opening it in the editor: the explicit Deny that
 * applied, else the first statement whose action and principal matched but whose conditions did not, else the
 * first statement. Undefined when the check passed or the role has no trust policy.
 */
export function failedTrustStatementPath(trust: TrustCheck): string | undefined {
  if (trust.allowed) return undefined;
  const evaluation = trust.assume?.decision === 'Allowed' ? trust.tagSession : trust.assume;
  if (!evaluation) return undefined;
  const deny = evaluation.decidingStatements.find((statement) => statement.effect === 'Deny');
  if (deny) return deny.path;
  const nearMiss = evaluation.statements.find(
    (statement) =>
      statement.effect === 'Allow' &&
      statement.actionMatched &&
      statement.principalMatched !== false &&
      !statement.applies,
  );
  return (nearMiss ?? evaluation.statements[0])?.path;
}
