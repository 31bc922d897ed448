// "Is role A more privileged than role B?" — answered with a witness: a request built from one of
// A's Allow statements that A's policies allow and B's deny, both evaluated by the IAM engine with
// the same session context. No witness means we found none, not that A ⊆ B; checks therefore only
// report when they have a witness, and say which request it is.

import { evaluateDecision } from '../iam';
import type { ContextValue, PolicyInput } from '../iam/types';
import { roleArn } from '../model/keys';
import type { Role } from '../model/types';
import type { ReviewContext } from './context';
import { scanStatements, type ScannedStatement } from './policy-scan';

export interface PrivilegeWitness {
  action: string;
  resource: string;
  context: Record<string, ContextValue>;
  /** Where the allowing statement of the broader role is. */
  policy: string;
  statementPath: string;
}

/** Session keys shared by both roles' sessions; values are placeholders that satisfy equality between roles. */
export interface ProbeSession {
  poolId: string;
  amr: string[];
  tags: Record<string, string>;
}

const probeIdentityId = 'us-east-1:00000000-0000-4000-8000-000000000000';

function sessionContext(
  context: ReviewContext,
  role: Role,
  session: ProbeSession,
): Record<string, ContextValue> {
  const arn = roleArn(context.design.account, role);
  const values: Record<string, ContextValue> = {
    'aws:PrincipalArn': arn,
    'aws:PrincipalAccount': context.design.account.accountId,
    'aws:PrincipalType': 'AssumedRole',
    'aws:userid': `AROAREVIEWPROBE:CognitoIdentityCredentials`,
    'cognito-identity.amazonaws.com:sub': probeIdentityId,
    'cognito-identity.amazonaws.com:aud': session.poolId,
    'cognito-identity.amazonaws.com:amr': session.amr,
  };
  for (const [key, value] of Object.entries(session.tags)) values[`aws:PrincipalTag/${key}`] = value;
  return values;
}

/** Replaces `${key}` / `${key, 'default'}` with session values, then wildcards with probe text. */
function concretize(text: string, values: Record<string, ContextValue>): string {
  const substituted = text.replace(/\$\{([^}]*)\}/g, (whole, inner: string) => {
    const [key = '', fallback] = inner.split(',').map((part) => part.trim());
    if (key === '*' || key === '?' || key === '$') return key;
    const match = Object.keys(values).find((candidate) => candidate.toLowerCase() === key.toLowerCase());
    const value = match ? values[match] : undefined;
    if (typeof value === 'string') return value;
    if (fallback) return fallback.replace(/^'|'$/g, '');
    return whole;
  });
  return substituted.replace(/\*/g, 'probe').replace(/\?/g, 'p');
}

const positiveOperator =
  /^(ForAnyValue:|ForAllValues:)?(StringEquals|StringLike|StringEqualsIgnoreCase|ArnEquals|ArnLike|Bool|NumericEquals|DateEquals|IpAddress|BinaryEquals)(IfExists)?$/;

/** Request keys that make the statement's own conditions hold, where we can guess them. */
function conditionContext(
  statement: ScannedStatement,
  session: Record<string, ContextValue>,
): Record<string, ContextValue> {
  const result: Record<string, ContextValue> = {};
  for (const condition of statement.conditions) {
    const match = positiveOperator.exec(condition.operator);
    const first = condition.values[0];
    if (!match || first === undefined) continue;
    if (Object.keys(session).some((key) => key.toLowerCase() === condition.key.toLowerCase())) continue;
    let value = concretize(first, session);
    if (match[2] === 'IpAddress') value = value.split('/')[0] ?? value;
    result[condition.key] = match[1] ? [value] : value;
  }
  return result;
}

function probesOf(
  statement: ScannedStatement,
  session: Record<string, ContextValue>,
): Array<{ action: string; resource: string; context: Record<string, ContextValue> }> {
  const actions =
    statement.actions.length > 0
      ? statement.actions.map((entry) => concretize(entry.value, session))
      : ['reviewprobe:ReviewProbe'];
  const resources =
    statement.resources.length > 0
      ? statement.resources.map((entry) => concretize(entry.value, session))
      : ['arn:aws:reviewprobe:::probe'];
  const context = conditionContext(statement, session);
  return actions.flatMap((action) =>
    resources.map((resource) => ({
      action: action.includes(':') ? action : `probe:${action}`,
      resource,
      context,
    })),
  );
}

interface RolePermissionInputs {
  identityPolicies: PolicyInput[];
  permissionsBoundary?: PolicyInput;
}

function permissionInputs(context: ReviewContext, role: Role): RolePermissionInputs {
  const policies = context.rolePolicies(role);
  const inputs: RolePermissionInputs = {
    identityPolicies: policies.identity.map((policy) => ({ name: policy.label, document: policy.document })),
  };
  if (policies.boundary)
    inputs.permissionsBoundary = { name: policies.boundary.label, document: policies.boundary.document };
  return inputs;
}

function allows(
  context: ReviewContext,
  role: Role,
  inputs: RolePermissionInputs,
  request: { action: string; resource: string; context: Record<string, ContextValue> },
): boolean {
  try {
    const decision = evaluateDecision({
      request: {
        principal: roleArn(context.design.account, role),
        action: request.action,
        resource: request.resource,
        context: request.context,
      },
      identityPolicies: inputs.identityPolicies,
      ...(inputs.permissionsBoundary ? { permissionsBoundary: inputs.permissionsBoundary } : {}),
    });
    return decision === 'Allowed';
  } catch {
    // A policy the engine cannot read grants nothing we could prove; the validator reports it.
    return false;
  }
}

/** A request `broader` may make and `narrower` may not, or undefined when none was found. */
export function broaderWitness(
  context: ReviewContext,
  broader: Role,
  narrower: Role,
  session: ProbeSession,
): PrivilegeWitness | undefined {
  if (broader.id === narrower.id) return undefined;
  const broaderInputs = permissionInputs(context, broader);
  const narrowerInputs = permissionInputs(context, narrower);
  const broaderSession = sessionContext(context, broader, session);
  const narrowerSession = sessionContext(context, narrower, session);
  const policies = context.rolePolicies(broader).identity;
  for (const policy of policies) {
    for (const statement of scanStatements(policy.document)) {
      if (statement.effect !== 'Allow') continue;
      for (const probe of probesOf(statement, broaderSession)) {
        const broaderRequest = { ...probe, context: { ...probe.context, ...broaderSession } };
        if (!allows(context, broader, broaderInputs, broaderRequest)) continue;
        const narrowerRequest = { ...probe, context: { ...probe.context, ...narrowerSession } };
        if (allows(context, narrower, narrowerInputs, narrowerRequest)) continue;
        return {
          action: probe.action,
          resource: probe.resource,
          context: probe.context,
          policy: policy.label,
          statementPath: statement.path,
        };
      }
    }
  }
  return undefined;
}

export function describeWitness(witness: PrivilegeWitness): string {
  return `${witness.action} on ${witness.resource} (allowed by ${witness.policy} ${witness.statementPath})`;
}
