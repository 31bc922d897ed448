// Request evaluation: `evaluateDecision` (fast, no explanation objects) and `evaluate` (full explanation).
import { compilePolicyDetails, isCompiledPolicy, type CompiledPolicyDetails } from './compile';
import { combine, isAlwaysAllowed, resourceGateOf, strongerLevel, type Verdicts } from './decision';
import { explainEvaluation } from './explain';
import type { PrincipalMatch } from './principal';
import { prepareRequest, statementLevel, type PreparedRequest } from './statement';
import type {
  CompiledPolicy,
  Decision,
  EvaluationInput,
  EvaluationResult,
  PolicyInput,
  PolicyKind,
} from './types';

export interface PolicySet {
  readonly kind: PolicyKind;
  readonly policies: readonly CompiledPolicyDetails[];
}

/**
 * Compiled forms of raw documents, keyed by their JSON text (not by object identity, so a document edited
 * in place is never answered from a stale compilation). Callers evaluating many requests should pass
 * `compilePolicy` results instead.
 */
const compiledDocuments = new Map<string, CompiledPolicyDetails>();

export function toCompiled(
  input: PolicyInput | CompiledPolicy | undefined,
  kind: PolicyKind,
): CompiledPolicyDetails {
  if (isCompiledPolicy(input)) return input;
  const candidate = typeof input === 'object' && input !== null ? (input as PolicyInput) : undefined;
  const document = candidate?.document;
  let text: string | undefined;
  try {
    text = typeof document === 'string' ? document : JSON.stringify(document);
  } catch {
    text = undefined;
  }
  if (text === undefined) return compilePolicyDetails(candidate, kind);
  const key = `${kind}\u0000${String(candidate?.name ?? '')}\u0000${text}`;
  const cached = compiledDocuments.get(key);
  if (cached) return cached;
  const compiled = compilePolicyDetails(candidate, kind);
  if (compiledDocuments.size >= 1000) compiledDocuments.clear();
  compiledDocuments.set(key, compiled);
  return compiled;
}

/** The policy sets of an input in evaluation order; absent sets are left out. */
export function policySets(input: EvaluationInput): PolicySet[] {
  const sets: PolicySet[] = [{ kind: 'identity', policies: compileAll(input.identityPolicies, 'identity') }];
  // An empty list means no session policies were passed, as when AWS receives none.
  if (Array.isArray(input.sessionPolicies) && input.sessionPolicies.length > 0) {
    sets.push({ kind: 'session', policies: compileAll(input.sessionPolicies, 'session') });
  }
  if (input.permissionsBoundary !== undefined) {
    sets.push({
      kind: 'permissionsBoundary',
      policies: [toCompiled(input.permissionsBoundary, 'permissionsBoundary')],
    });
  }
  if (input.resourcePolicy !== undefined) {
    const kind: PolicyKind = input.trustPolicyMode ? 'trust' : 'resource';
    sets.push({ kind, policies: [toCompiled(input.resourcePolicy, kind)] });
  }
  return sets;
}

function compileAll(value: unknown, kind: PolicyKind): CompiledPolicyDetails[] {
  const compiled: CompiledPolicyDetails[] = [];
  if (Array.isArray(value))
    for (const policy of value as Array<PolicyInput | CompiledPolicy>)
      compiled.push(toCompiled(policy, kind));
  return compiled;
}

function findSet(sets: PolicySet[], kind: PolicyKind): PolicySet | undefined {
  for (const set of sets) if (set.kind === kind) return set;
  return undefined;
}

export function isSameAccount(request: PreparedRequest): boolean {
  const resourceAccount = request.request.resourceAccount;
  const principalAccount = request.principal.account;
  return (
    resourceAccount === undefined ||
    resourceAccount === '' ||
    principalAccount === undefined ||
    resourceAccount === principalAccount
  );
}

function anyDeny(set: PolicySet, request: PreparedRequest): boolean {
  for (const policy of set.policies) {
    for (const statement of policy.statements) {
      if (statement.effect === 'Deny' && statementLevel(statement, request, set.kind) !== 'none') return true;
    }
  }
  return false;
}

function bestAllow(set: PolicySet, request: PreparedRequest): PrincipalMatch {
  let best: PrincipalMatch = 'none';
  for (const policy of set.policies) {
    for (const statement of policy.statements) {
      if (statement.effect !== 'Allow') continue;
      best = strongerLevel(best, statementLevel(statement, request, set.kind));
      if (best === 'direct') return best;
    }
  }
  return best;
}

/** The decision alone, evaluated lazily: denies first, then only the allows still needed. */
export function evaluateDecision(input: EvaluationInput): Decision {
  try {
    if (!input || typeof input !== 'object' || !input.request || typeof input.request !== 'object')
      return 'ImplicitlyDenied';
    if (typeof input.request.action === 'string' && isAlwaysAllowed(input.request.action)) return 'Allowed';
    const sets = policySets(input);
    const request = prepareRequest(input.request, input.permissionsBoundary !== undefined);
    const trustPolicyMode = input.trustPolicyMode === true;
    const resource = findSet(sets, trustPolicyMode ? 'trust' : 'resource');
    let resourceAllow: PrincipalMatch = 'none';
    if (trustPolicyMode) {
      // The trust policy decides alone unless it names the caller's account (see decision.ts).
      if (resource && anyDeny(resource, request)) return 'ExplicitlyDenied';
      resourceAllow = resource ? bestAllow(resource, request) : 'none';
      if (resourceAllow !== 'account') return resourceAllow === 'none' ? 'ImplicitlyDenied' : 'Allowed';
    }
    for (const set of sets) {
      if (set.kind !== 'trust' && anyDeny(set, request)) return 'ExplicitlyDenied';
    }
    if (!trustPolicyMode && resource) resourceAllow = bestAllow(resource, request);
    const identity = findSet(sets, 'identity');
    const session = findSet(sets, 'session');
    const boundary = findSet(sets, 'permissionsBoundary');
    const verdicts: Verdicts = {
      explicitDeny: false,
      identityAllows: identity !== undefined && bestAllow(identity, request) !== 'none',
      sessionAllows: session ? bestAllow(session, request) !== 'none' : undefined,
      boundaryAllows: boundary ? bestAllow(boundary, request) !== 'none' : undefined,
      resourceAllow,
      sameAccount: isSameAccount(request),
      trustPolicyMode,
      resourceGate: trustPolicyMode
        ? undefined
        : resourceGateOf(String(input.request.action), String(input.request.resource)),
    };
    return combine(verdicts).decision;
  } catch {
    // Malformed input that slipped past the type system: deny rather than throw.
    return 'ImplicitlyDenied';
  }
}

/** The decision with every statement considered, the deciding statements and a summary. */
export function evaluate(input: EvaluationInput): EvaluationResult {
  return evaluateExplained(input, false);
}

export type DecidingResult = Pick<EvaluationResult, 'decision' | 'decidingStatements' | 'summary'>;

/**
 * What `evaluate` answers for the decision, its deciding statements and its summary, without
 * explaining the statements that do not apply (for batches, where that explanation is most of the
 * cost and is not shown).
 */
export function evaluateDeciding(input: EvaluationInput): DecidingResult {
  const { decision, decidingStatements, summary } = evaluateExplained(input, true);
  return { decision, decidingStatements, summary };
}

function evaluateExplained(input: EvaluationInput, onlyApplying: boolean): EvaluationResult {
  try {
    if (!input || typeof input !== 'object' || !input.request || typeof input.request !== 'object') {
      return refusal('the evaluation input has no request object');
    }
    if (typeof input.request.action === 'string' && isAlwaysAllowed(input.request.action)) {
      return {
        decision: 'Allowed',
        decidingStatements: [],
        statements: [],
        policyTypes: [],
        summary: `Allowed: ${input.request.action} needs no permission and cannot be denied, not even by an explicit Deny (AWS STS API reference, GetCallerIdentity).`,
      };
    }
    const sets = policySets(input);
    const request = prepareRequest(input.request, input.permissionsBoundary !== undefined);
    return explainEvaluation(
      sets,
      request,
      input.trustPolicyMode === true,
      isSameAccount(request),
      onlyApplying,
    );
  } catch (error) {
    return refusal(
      `the evaluation input could not be read (${error instanceof Error ? error.message : String(error)})`,
    );
  }
}

function refusal(reason: string): EvaluationResult {
  return {
    decision: 'ImplicitlyDenied',
    decidingStatements: [],
    statements: [],
    policyTypes: [],
    summary: `Implicitly denied: ${reason}.`,
  };
}
