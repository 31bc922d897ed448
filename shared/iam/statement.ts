// Whether one compiled statement applies to one request: action, resource, principal, conditions.
import { arnMatches, parseRequestArn, type RequestArn } from './arn';
import type { CompiledAction, CompiledResource, CompiledStatement } from './compile';
import { evaluateCondition, type ConditionDetail } from './conditions';
import {
  matchPrincipal,
  notPrincipalExempts,
  parseRequestPrincipal,
  type PrincipalMatch,
  type RequestPrincipal,
} from './principal';
import type { ConditionOutcome, ContextValue, IamRequest, PolicyKind } from './types';
import { resolveTemplateGlob, type VariableLookup } from './variables';
import { lowerCaseName } from './memo';
import { globMatches } from './wildcard';

/** A request read once per evaluation: lower-cased action parts, split resource ARN, parsed principal. */
export interface PreparedRequest {
  readonly request: IamRequest;
  readonly service: string;
  readonly actionName: string;
  readonly hasActionPrefix: boolean;
  readonly resource: RequestArn;
  readonly principal: RequestPrincipal;
  readonly lookup: VariableLookup;
  /** Set when the caller has a permissions boundary (changes NotPrincipal + Deny, see below). */
  readonly hasPermissionsBoundary: boolean;
}

export function prepareRequest(request: IamRequest, hasPermissionsBoundary: boolean): PreparedRequest {
  const action = typeof request.action === 'string' ? request.action : '';
  const colon = action.indexOf(':');
  return {
    request,
    service: colon < 0 ? '' : action.slice(0, colon).toLowerCase(),
    actionName: colon < 0 ? action.toLowerCase() : action.slice(colon + 1).toLowerCase(),
    hasActionPrefix: colon > 0,
    resource: parseRequestArn(typeof request.resource === 'string' ? request.resource : '', true),
    principal: parseRequestPrincipal(typeof request.principal === 'string' ? request.principal : ''),
    lookup: new RequestContextLookup(request.context),
    hasPermissionsBoundary,
  };
}

/** Condition keys are case-insensitive; the lower-cased copy of the context is built on first use only. */
class RequestContextLookup implements VariableLookup {
  private lowered: Map<string, ContextValue> | undefined;

  constructor(private readonly context: unknown) {}

  get(key: string): ContextValue | undefined {
    this.lowered ??= loweredContext(this.context);
    return this.lowered.get(key);
  }
}

/**
 * Lower-cased copies of frozen contexts, kept while their context lives: a frozen context (its
 * lists frozen too) cannot change, so its copy is made once however many requests share it (a
 * batch of requests for one identity passes the same context on every line).
 */
const loweredFrozenContexts = new WeakMap<object, Map<string, ContextValue>>();

function loweredContext(context: unknown): Map<string, ContextValue> {
  if (typeof context !== 'object' || context === null || Array.isArray(context)) return new Map();
  const kept = loweredFrozenContexts.get(context);
  if (kept) return kept;
  const lowered = new Map<string, ContextValue>();
  let frozen = Object.isFrozen(context);
  for (const name of Object.keys(context)) {
    const entry = (context as Record<string, unknown>)[name];
    if (frozen && typeof entry === 'object' && entry !== null && !Object.isFrozen(entry)) frozen = false;
    const value = normalizeContextValue(entry);
    if (value !== undefined) lowered.set(lowerCaseName(name), value);
  }
  if (frozen) loweredFrozenContexts.set(context, lowered);
  return lowered;
}

/** Strings stay; numbers and booleans become text; lists keep their text entries; anything else is absent. */
function normalizeContextValue(value: unknown): ContextValue | undefined {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) {
    const values: string[] = [];
    for (const entry of value) {
      if (typeof entry === 'string' || typeof entry === 'number' || typeof entry === 'boolean')
        values.push(String(entry));
    }
    return values;
  }
  return undefined;
}

export function actionEntryMatches(entry: CompiledAction, request: PreparedRequest): boolean {
  if (entry.all) return true;
  if (entry.service === undefined || entry.action === undefined || !request.hasActionPrefix) return false;
  return entry.service === request.service && globMatches(entry.action, request.actionName);
}

export function actionsMatch(statement: CompiledStatement, request: PreparedRequest): boolean {
  let any = false;
  for (const entry of statement.actions) {
    if (actionEntryMatches(entry, request)) {
      any = true;
      break;
    }
  }
  return statement.notAction ? !any : any;
}

/** true / false, or undefined when a variable in the entry cannot be resolved. */
export function resourceEntryMatches(
  entry: CompiledResource,
  request: PreparedRequest,
  kind: PolicyKind,
  unresolved?: string[],
): boolean | undefined {
  if (entry.all) return true;
  if (entry.arn) {
    // **Assumption** (follows the reference simulator): an ARN with fewer than six parts and no wildcard
    // is padded with `*` in identity-side policies and matches nothing in resource policies.
    if (entry.shortWithoutWildcard && (kind === 'resource' || kind === 'trust')) return false;
    return arnMatches(entry.arn, request.resource, request.lookup, unresolved);
  }
  if (!entry.plain) return false;
  const glob = resolveTemplateGlob(entry.plain, request.lookup, false, unresolved);
  return glob === undefined ? undefined : globMatches(glob, request.resource.text);
}

/**
 * Resource element: any entry matches. NotResource: no entry matches — and, as with any element, an
 * entry whose variable cannot be resolved makes the element fail to match. A statement without either
 * element (trust policies) matches any resource.
 */
export function resourcesMatch(
  statement: CompiledStatement,
  request: PreparedRequest,
  kind: PolicyKind,
  unresolved?: string[],
): boolean {
  const entries = statement.resources;
  if (!entries) return true;
  let any = false;
  let unusable = false;
  for (const entry of entries) {
    const matched = resourceEntryMatches(entry, request, kind, unresolved);
    if (matched === true) {
      any = true;
      if (!unresolved) break;
    } else if (matched === undefined) {
      unusable = true;
    }
  }
  if (statement.notResource) return !any && !unusable;
  return any;
}

/**
 * Principal level for resource and trust policies. NotPrincipal applies to everyone it does not exempt
 * (see notPrincipalExempts). https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_notprincipal.html —
 * "The NotPrincipal element with a Deny effect will always deny any IAM principal that has a permissions
 * boundary policy attached, regardless of the values specified in the NotPrincipal element".
 */
export function principalLevel(statement: CompiledStatement, request: PreparedRequest): PrincipalMatch {
  const principal = statement.principal;
  if (!principal) return 'none';
  if (!statement.notPrincipal) return matchPrincipal(principal, request.principal);
  if (statement.effect === 'Deny' && request.hasPermissionsBoundary) return 'direct';
  return notPrincipalExempts(principal, request.principal) ? 'none' : 'direct';
}

export function conditionsMatch(statement: CompiledStatement, request: PreparedRequest): boolean {
  for (const condition of statement.conditions)
    if (!evaluateCondition(condition, request.lookup)) return false;
  return true;
}

/** Fast verdict for one statement: the principal level it grants (identity-side policies: 'direct'). */
export function statementLevel(
  statement: CompiledStatement,
  request: PreparedRequest,
  kind: PolicyKind,
): PrincipalMatch {
  if (statement.defect !== undefined) return 'none';
  if (!actionsMatch(statement, request)) return 'none';
  let level: PrincipalMatch = 'direct';
  if (kind === 'resource' || kind === 'trust') {
    level = principalLevel(statement, request);
    if (level === 'none') return 'none';
  }
  if (!resourcesMatch(statement, request, kind)) return 'none';
  if (!conditionsMatch(statement, request)) return 'none';
  return level;
}

/** Conditions with full outcomes, for explanations. */
export function explainConditions(
  statement: CompiledStatement,
  request: PreparedRequest,
  unresolved: string[],
): ConditionOutcome[] {
  return statement.conditions.map((condition) => {
    const detail: ConditionDetail = {
      policyValues: [],
      requestValues: undefined,
      reason: '',
      unresolved: [],
    };
    const matched = evaluateCondition(condition, request.lookup, detail);
    for (const name of detail.unresolved) if (!unresolved.includes(name)) unresolved.push(name);
    return {
      operator: condition.operatorText,
      key: condition.key,
      policyValues: detail.policyValues,
      requestValues: detail.requestValues,
      matched,
      reason: detail.reason,
    };
  });
}
