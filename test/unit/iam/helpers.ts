// Builders shared by the IAM engine tests.
import type { ContextValue, Decision, EvaluationInput, IamRequest } from '../../../shared/iam';
import { evaluate, evaluateDecision } from '../../../shared/iam';
import { expect, it } from 'vitest';

export const account = '123456789012';
export const roleArn = `arn:aws:iam::${account}:role/PhotoUsers`;
export const sessionArn = `arn:aws:sts::${account}:assumed-role/PhotoUsers/CognitoIdentityCredentials`;

export function aRequest(overrides: Partial<IamRequest> = {}): IamRequest {
  return {
    principal: sessionArn,
    action: 's3:GetObject',
    resource: 'arn:aws:s3:::photos/alice/cat.jpg',
    context: {},
    ...overrides,
  };
}

export function allowWith(
  statement: Record<string, unknown>,
  version = '2012-10-17',
): Record<string, unknown> {
  return { Version: version, Statement: [{ Effect: 'Allow', Action: '*', Resource: '*', ...statement }] };
}

/** Decides with both entry points and checks they agree. */
export function decide(input: EvaluationInput): Decision {
  const fast = evaluateDecision(input);
  const explained = evaluate(input).decision;
  if (fast !== explained) throw new Error(`evaluateDecision said ${fast} but evaluate said ${explained}`);
  return fast;
}

/** Whether a single Allow statement with this Condition grants a request carrying `context`. */
export function conditionGrants(
  condition: Record<string, unknown>,
  context: Record<string, ContextValue>,
): boolean {
  const decision = decide({
    request: aRequest({ context }),
    identityPolicies: [{ document: allowWith({ Condition: condition }) }],
  });
  return decision === 'Allowed';
}

export interface ConditionRow {
  name: string;
  operator: string;
  key: string;
  policy: unknown;
  request: ContextValue | undefined;
  expected: boolean;
}

/** One test per row: an Allow statement with `{operator: {key: policy}}` against a request carrying `request`. */
export function runConditionTable(rows: ConditionRow[]): void {
  it.each(rows)('$name', ({ operator, key, policy, request, expected }) => {
    const context: Record<string, ContextValue> = request === undefined ? {} : { [key]: request };
    expect(conditionGrants({ [operator]: { [key]: policy } }, context)).toBe(expected);
  });
}
