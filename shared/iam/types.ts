// Public types of the IAM policy engine (design.md §6). Implementation: shared/iam/*.ts.

/** A policy document as JSON (not yet validated). */
export interface PolicyDocument {
  Version?: string;
  Id?: string;
  Statement: unknown;
  [key: string]: unknown;
}

/**
 * Request context values: a string is a single-valued key, an array a multi-valued key (even with one
 * entry). Keys are matched case-insensitively.
 */
export type ContextValue = string | string[];

export interface IamRequest {
  /** Principal ARN (e.g. an assumed-role ARN) or, for trust policies, `cognito-identity.amazonaws.com`. */
  principal: string;
  /** `service:Action`. */
  action: string;
  /** Resource ARN (or `*`). */
  resource: string;
  /** Account that owns the resource; defaults to the principal's account. */
  resourceAccount?: string;
  context: Record<string, ContextValue>;
}

export type Decision = 'Allowed' | 'ExplicitlyDenied' | 'ImplicitlyDenied';

export type PolicyKind = 'identity' | 'session' | 'permissionsBoundary' | 'resource' | 'trust';

/** A policy given to the evaluator: raw JSON or pre-compiled with `compilePolicy` (faster for matrices). */
export interface PolicyInput {
  /** Shown in explanations, e.g. `role/Admins inline 'S3Access'`. */
  name?: string;
  document: PolicyDocument | unknown;
}

export interface EvaluationInput {
  request: IamRequest;
  identityPolicies: Array<PolicyInput | CompiledPolicy>;
  /** Session policies act as one set: an allow in any of them counts. Absent or empty = no session policies. */
  sessionPolicies?: Array<PolicyInput | CompiledPolicy>;
  permissionsBoundary?: PolicyInput | CompiledPolicy;
  resourcePolicy?: PolicyInput | CompiledPolicy;
  /**
   * Evaluate the resource policy as a role trust policy (AssumeRole* / TagSession):
   * the trust policy alone must allow; identity policies are not required.
   */
  trustPolicyMode?: boolean;
}

/** Opaque compiled policy (see compile.ts). */
export interface CompiledPolicy {
  readonly compiled: true;
  readonly name: string;
  readonly version: string | undefined;
  readonly statements: readonly unknown[];
}

export type ConditionOutcome = {
  /** e.g. `ForAnyValue:StringLike`. */
  operator: string;
  key: string;
  /** Values from the policy after variable substitution. */
  policyValues: string[];
  /** Request values, or undefined if the key is absent. */
  requestValues: string[] | undefined;
  matched: boolean;
  /** Human explanation, e.g. "key absent: …IfExists treats it as a match". */
  reason: string;
};

export interface StatementExplanation {
  policyName: string;
  policyKind: PolicyKind;
  /** Index in the Statement array (0 when Statement is an object). */
  index: number;
  sid?: string;
  effect: 'Allow' | 'Deny';
  /** JSON path of the statement inside its policy, e.g. `$.Statement[2]`. */
  path: string;
  actionMatched: boolean;
  resourceMatched: boolean;
  principalMatched?: boolean;
  conditionsMatched: boolean;
  conditions: ConditionOutcome[];
  /** Whole-statement verdict: applies to the request. */
  applies: boolean;
  /** Variables that could not be resolved (the statement then does not match). */
  unresolvedVariables: string[];
  reason: string;
}

export interface PolicyTypeResult {
  kind: PolicyKind;
  /** Present = policies of this type were supplied. */
  present: boolean;
  decision: 'Allow' | 'ExplicitDeny' | 'NoMatch';
}

export interface EvaluationResult {
  decision: Decision;
  /** The statements that decided (the matching Deny, or the matching Allows). */
  decidingStatements: StatementExplanation[];
  /** Every statement considered, for a full explanation. */
  statements: StatementExplanation[];
  policyTypes: PolicyTypeResult[];
  /** One-sentence summary for people. */
  summary: string;
  /**
   * Policies or statements that could not be used at all (not JSON, no Statement, no Effect, …), e.g.
   * `policy "Admins": the policy has no Statement object or array`. Absent when there are none.
   */
  problems?: string[];
}

export interface PolicyIssue {
  severity: 'error' | 'warning';
  /** JSON path inside the policy, e.g. `$.Statement[0].Condition.StringEquals`. */
  path: string;
  message: string;
  /** Stable code, e.g. `unknown-operator`, `missing-effect`, `variable-without-version`. */
  code: string;
  /** 1-based line in the policy text, when the policy was given as text. */
  line?: number;
  /** 1-based column in the policy text, when the policy was given as text. */
  column?: number;
}
