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

// Policies the evaluation and explanation tests share.
export const getObject = aRequest();
export const allowAll = { document: allowWith({}) };
export const allowGet = {
  document: allowWith({ Action: 's3:GetObject', Resource: 'arn:aws:s3:::photos/*' }),
};
export const denyGet = {
  document: { Version: '2012-10-17', Statement: { Effect: 'Deny', Action: 's3:GetObject', Resource: '*' } },
};
export const nothing = { document: { Version: '2012-10-17', Statement: [] } };

export function bucketPolicy(principal: unknown, effect = 'Allow'): { document: unknown } {
  return {
    document: {
      Version: '2012-10-17',
      Statement: [
        { Effect: effect, Principal: principal, Action: 's3:GetObject', Resource: 'arn:aws:s3:::photos/*' },
      ],
    },
  };
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
