// The explained evaluation: every statement with why it applies or not, the deciding statements, the
// verdict per policy type and a one-sentence summary. Same decision logic as evaluateDecision.
import type { CompiledStatement } from './compile';
import { combine, resourceGateOf, strongerLevel, type Route, type Verdicts } from './decision';
import type { PolicySet } from './evaluate';
import type { PrincipalMatch } from './principal';
import {
  actionsMatch,
  explainConditions,
  principalLevel,
  resourcesMatch,
  statementLevel,
  type PreparedRequest,
} from './statement';
import type { EvaluationResult, PolicyKind, PolicyTypeResult, StatementExplanation } from './types';

interface Considered {
  explanation: StatementExplanation;
  level: PrincipalMatch;
}

const kindNames: Record<PolicyKind, string> = {
  identity: 'identity-based policy',
  session: 'session policy',
  permissionsBoundary: 'permissions boundary',
  resource: 'resource-based policy',
  trust: 'trust policy',
};

const levelNames: Record<PrincipalMatch, string> = {
  direct: 'names the caller directly',
  role: "names the caller's role",
  account: "names the caller's account (delegates to its identity-based policies)",
  none: 'does not name the caller',
};

function explainStatement(
  statement: CompiledStatement,
  kind: PolicyKind,
  request: PreparedRequest,
): Considered {
  const unresolvedVariables: string[] = [];
  const withPrincipal = kind === 'resource' || kind === 'trust';
  const actionMatched = statement.defect === undefined && actionsMatch(statement, request);
  const resourceMatched =
    statement.defect === undefined && resourcesMatch(statement, request, kind, unresolvedVariables);
  const level = withPrincipal ? principalLevel(statement, request) : 'direct';
  const conditions = explainConditions(statement, request, unresolvedVariables);
  const conditionsMatched = conditions.every((outcome) => outcome.matched);
  const applies =
    statement.defect === undefined &&
    actionMatched &&
    resourceMatched &&
    level !== 'none' &&
    conditionsMatched;
  const failures: string[] = [];
  if (statement.defect !== undefined) failures.push(`skipped: ${statement.defect}`);
  else {
    if (!actionMatched) {
      failures.push(
        statement.notAction
          ? `NotAction lists ${request.request.action}`
          : `${request.request.action} is not in Action (${statement.actions.map((entry) => entry.text).join(', ')})`,
      );
    }
    if (!resourceMatched) {
      const entries = (statement.resources ?? []).map((entry) => entry.text).join(', ');
      failures.push(
        statement.notResource
          ? `NotResource (${entries}) covers ${request.request.resource}`
          : `${request.request.resource} matches no Resource entry (${entries})`,
      );
    }
    if (withPrincipal && level === 'none') {
      failures.push(
        statement.principal
          ? `${statement.notPrincipal ? 'NotPrincipal names' : 'Principal does not name'} ${request.request.principal}`
          : 'the statement has no Principal',
      );
    }
    for (const outcome of conditions) {
      if (!outcome.matched) failures.push(`condition ${outcome.operator} ${outcome.key}: ${outcome.reason}`);
    }
    if (unresolvedVariables.length > 0)
      failures.push(`unresolved variables ${unresolvedVariables.join(', ')} make their element not match`);
  }
  const explanation: StatementExplanation = {
    policyName: statement.policyName,
    policyKind: kind,
    index: statement.index,
    effect: statement.effect,
    path: statement.path,
    actionMatched,
    resourceMatched,
    conditionsMatched,
    conditions,
    applies,
    unresolvedVariables,
    reason: applies
      ? `${statement.effect === 'Deny' ? 'Denies' : 'Allows'} the request${withPrincipal ? `; the principal ${principalNote(statement, level)}` : ''}`
      : failures.join('; '),
  };
  if (statement.sid !== undefined) explanation.sid = statement.sid;
  if (withPrincipal) explanation.principalMatched = level !== 'none';
  return { explanation, level: applies ? level : 'none' };
}

function principalNote(statement: CompiledStatement, level: PrincipalMatch): string {
  if (statement.notPrincipal) return 'is not exempted by NotPrincipal';
  if (statement.principal?.wildcard) {
    return statement.effect === 'Allow'
      ? 'is "*" (assumption: treated as naming the caller directly)'
      : 'is "*"';
  }
  return levelNames[level];
}

function describe(statement: StatementExplanation): string {
  const name = statement.sid ? `statement "${statement.sid}"` : `statement ${statement.index}`;
  return `${name} of ${kindNames[statement.policyKind]} "${statement.policyName}"`;
}

/**
 * With `onlyApplying`, only the decision, the deciding statements and the summary are answered
 * (`statements` and `policyTypes` stay empty, `problems` absent): they depend on the applying
 * statements alone, and explaining why each other statement does not apply costs more than the
 * evaluation itself.
 */
export function explainEvaluation(
  sets: PolicySet[],
  request: PreparedRequest,
  trustPolicyMode: boolean,
  sameAccount: boolean,
  onlyApplying = false,
): EvaluationResult {
  const considered = new Map<PolicyKind, Considered[]>();
  for (const set of sets) {
    const entries: Considered[] = [];
    for (const policy of set.policies) {
      for (const statement of policy.statements) {
        if (onlyApplying && statementLevel(statement, request, set.kind) === 'none') continue;
        entries.push(explainStatement(statement, set.kind, request));
      }
    }
    considered.set(set.kind, entries);
  }
  const applying = (kind: PolicyKind, effect: 'Allow' | 'Deny'): Considered[] =>
    (considered.get(kind) ?? []).filter(
      (entry) => entry.explanation.applies && entry.explanation.effect === effect,
    );
  const resourceKind: PolicyKind = trustPolicyMode ? 'trust' : 'resource';
  const resourceAllow = applying(resourceKind, 'Allow').reduce<PrincipalMatch>(
    (best, entry) => strongerLevel(best, entry.level),
    'none',
  );
  // With a trust policy, the caller's own policies count only when the trust policy delegates to its account.
  const callerPoliciesCount =
    !trustPolicyMode || (applying('trust', 'Deny').length === 0 && resourceAllow === 'account');
  const countedKinds = sets
    .map((set) => set.kind)
    .filter((kind) => kind === resourceKind || callerPoliciesCount);
  const denies = countedKinds.flatMap((kind) => applying(kind, 'Deny'));
  const present = (kind: PolicyKind): boolean => sets.some((set) => set.kind === kind);
  const verdicts: Verdicts = {
    explicitDeny: denies.length > 0,
    identityAllows: callerPoliciesCount && applying('identity', 'Allow').length > 0,
    sessionAllows: present('session') ? applying('session', 'Allow').length > 0 : undefined,
    boundaryAllows: present('permissionsBoundary')
      ? applying('permissionsBoundary', 'Allow').length > 0
      : undefined,
    resourceAllow,
    sameAccount,
    trustPolicyMode,
    resourceGate: trustPolicyMode
      ? undefined
      : resourceGateOf(String(request.request.action), String(request.request.resource)),
  };
  const { decision, route } = combine(verdicts);
  const decidingStatements =
    decision === 'ExplicitlyDenied'
      ? denies.map((entry) => entry.explanation)
      : decidingAllows(route, applying, resourceKind);
  const summary = summarize(decision, route, decidingStatements, verdicts, request, present);
  if (onlyApplying) return { decision, decidingStatements, summary, statements: [], policyTypes: [] };
  const policyTypes: PolicyTypeResult[] = (
    ['identity', 'session', 'permissionsBoundary', resourceKind] as PolicyKind[]
  ).map((kind) => ({
    kind,
    present: present(kind),
    decision:
      applying(kind, 'Deny').length > 0
        ? 'ExplicitDeny'
        : applying(kind, 'Allow').length > 0
          ? 'Allow'
          : 'NoMatch',
  }));
  const statements = sets
    .filter((set) => countedKinds.includes(set.kind))
    .flatMap((set) => (considered.get(set.kind) ?? []).map((entry) => entry.explanation));
  const result: EvaluationResult = {
    decision,
    decidingStatements,
    statements,
    policyTypes,
    summary,
  };
  const problems = sets
    .filter((set) => countedKinds.includes(set.kind))
    .flatMap((set) =>
      set.policies.flatMap((policy) => [
        ...policy.defects.map((defect) => `${kindNames[set.kind]} "${policy.name}": ${defect}`),
        ...policy.statements
          .filter((statement) => statement.defect !== undefined)
          .map(
            (statement) =>
              `${kindNames[set.kind]} "${policy.name}" ${statement.path}: ${statement.defect ?? ''}`,
          ),
      ]),
    );
  if (problems.length > 0) result.problems = problems;
  return result;
}

function decidingAllows(
  route: Route,
  applying: (kind: PolicyKind, effect: 'Allow' | 'Deny') => Considered[],
  resourceKind: PolicyKind,
): StatementExplanation[] {
  const allows = (kind: PolicyKind, levels?: PrincipalMatch[]): StatementExplanation[] =>
    applying(kind, 'Allow')
      .filter((entry) => !levels || levels.includes(entry.level))
      .map((entry) => entry.explanation);
  const limits = [...allows('permissionsBoundary'), ...allows('session')];
  switch (route) {
    case 'identity':
      return [...allows('identity'), ...limits];
    case 'resourceSession':
      return allows(resourceKind, ['direct']);
    case 'resourceRole':
      return [...allows(resourceKind, ['role']), ...limits];
    case 'crossAccount':
      return [...allows('identity'), ...limits, ...allows(resourceKind)];
    case 'trust':
      return allows(resourceKind, ['direct', 'role']);
    case 'trustAccount':
      return [...allows(resourceKind, ['account']), ...allows('identity'), ...limits];
    default:
      return [];
  }
}

function summarize(
  decision: EvaluationResult['decision'],
  route: Route,
  deciding: StatementExplanation[],
  verdicts: Verdicts,
  request: PreparedRequest,
  present: (kind: PolicyKind) => boolean,
): string {
  const what = `${request.request.action} on ${request.request.resource}`;
  const first = deciding[0];
  if (decision === 'ExplicitlyDenied' && first)
    return `Explicitly denied: ${describe(first)} denies ${what}.`;
  if (decision === 'Allowed' && first) {
    const limits: string[] = [];
    if (route !== 'resourceSession' && route !== 'trust') {
      if (verdicts.boundaryAllows) limits.push('the permissions boundary');
      if (verdicts.sessionAllows) limits.push('a session policy');
    }
    const extra =
      limits.length > 0 ? `, and ${limits.join(' and ')} also allow${limits.length === 1 ? 's' : ''} it` : '';
    const via =
      route === 'resourceSession'
        ? ` (a resource-based policy naming the session itself is not limited by a permissions boundary or session policies${first.reason.includes('"*"') ? '; assumption: a "*" principal counts as naming it' : ''})`
        : '';
    return `Allowed: ${describe(first)} allows ${what}${extra}${via}.`;
  }
  if (verdicts.trustPolicyMode) {
    return present('trust')
      ? `Implicitly denied: no statement of the trust policy allows ${request.request.principal} to perform ${request.request.action}.`
      : `Implicitly denied: no trust policy was given for ${request.request.action}.`;
  }
  if (route === 'resourceGate') {
    const policy = verdicts.resourceGate === 'trust' ? "the role's trust policy" : 'the key policy';
    const missing = present('resource') ? `${policy} does not allow it` : 'none was given';
    return verdicts.resourceAllow === 'account'
      ? `Implicitly denied: ${policy} delegates to the account, but no identity-based policy allows ${what}.`
      : `Implicitly denied: ${what} needs ${policy} to allow the caller (an identity-based allow alone is not enough), and ${missing}.`;
  }
  if (!verdicts.identityAllows && verdicts.resourceAllow === 'none') {
    return `Implicitly denied: no ${present('resource') ? 'identity-based or resource-based ' : 'identity-based '}policy allows ${what}.`;
  }
  if (!verdicts.sameAccount) {
    return verdicts.resourceAllow === 'none'
      ? `Implicitly denied: the resource is in another account and its resource-based policy does not allow ${what}.`
      : `Implicitly denied: the resource is in another account, so the caller's identity-based policies must allow ${what} too.`;
  }
  if (verdicts.boundaryAllows === false)
    return `Implicitly denied: the permissions boundary does not allow ${what}.`;
  if (verdicts.sessionAllows === false) return `Implicitly denied: no session policy allows ${what}.`;
  return `Implicitly denied: the resource-based policy only names the caller's account, and no identity-based policy allows ${what}.`;
}
