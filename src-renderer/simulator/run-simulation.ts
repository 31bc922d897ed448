// One simulator run: the identity form and request rows in, the engine's answer out (credentials or the
// AWS error, the trace, the path on the graph, one decision per request). Pure; the panel schedules it.

import {
  evaluateAccess,
  rolePoliciesStep,
  simulate,
  simulationPath,
  type AccessDecision,
  type SimulatedSession,
  type SimulationPath,
  type SimulationResult,
} from '../../shared/cognito';
import type { ContextValue } from '../../shared/iam';
import type { DesignDocument } from '../../shared/model/types';
import {
  awsManagedArnsOf,
  awsManagedPoliciesPending,
  type AwsManagedPolicyState,
} from '../data/use-aws-managed-policies';
import { simulationInputOf, type IdentityForm } from './identity';
import type { RequestRow } from './simulator-store';

export interface RequestOutcome {
  rowId: number;
  /** The resource after session variables were filled in. */
  resource: string;
  decision?: AccessDecision;
  /** Why the row was not evaluated (incomplete or malformed), for people. */
  problem?: string;
}

export interface SimulationView {
  /** The design simulated: the current one, plus an edited sample user when the form has one. */
  design: DesignDocument;
  result?: SimulationResult;
  /** The form itself cannot be simulated (no pool, duplicate claim, bad clock, …). */
  formError?: string;
  requests: RequestOutcome[];
  path: SimulationPath | null;
}

/** `key=value` lines; a key given on several lines becomes multi-valued. */
export function parseContextLines(
  text: string,
): { context: Record<string, ContextValue> } | { error: string } {
  const context = new Map<string, ContextValue>();
  for (const [index, raw] of text.split('\n').entries()) {
    const line = raw.trim();
    if (line === '') continue;
    const equals = line.indexOf('=');
    if (equals <= 0) return { error: `Context line ${index + 1} "${line}" must be key=value.` };
    const key = line.slice(0, equals).trim();
    const value = line.slice(equals + 1).trim();
    const existing = context.get(key);
    context.set(
      key,
      existing === undefined ? value : [...(Array.isArray(existing) ? existing : [existing]), value],
    );
  }
  return { context: Object.fromEntries(context) };
}

/**
 * Fills `${cognito-identity.amazonaws.com:sub}` and the other single-valued session keys into a request's
 * resource, so "their own prefix" can be written once for any identity. Unknown variables stay as typed.
 */
export function fillSessionVariables(resource: string, session: SimulatedSession): string {
  const values = new Map(
    Object.entries(session.context).flatMap(([key, value]) =>
      typeof value === 'string' ? [[key.toLowerCase(), value] as const] : [],
    ),
  );
  return resource.replace(
    /\$\{([^}]+)\}/g,
    (whole, key: string) => values.get(key.trim().toLowerCase()) ?? whole,
  );
}

function requestOutcomes(
  design: DesignDocument,
  result: SimulationResult,
  rows: readonly RequestRow[],
  aws: AwsManagedPolicyState,
): RequestOutcome[] {
  return rows.map((row) => {
    const action = row.action.trim();
    const typed = row.resource.trim();
    if (action === '' || typed === '')
      return { rowId: row.id, resource: typed, problem: 'Give an action and a resource.' };
    if (result.outcome !== 'credentials')
      return { rowId: row.id, resource: typed, problem: 'Not evaluated: the identity gets no credentials.' };
    const parsed = parseContextLines(row.context);
    if ('error' in parsed) return { rowId: row.id, resource: typed, problem: parsed.error };
    const resource = fillSessionVariables(typed, result.session);
    // An attached AWS managed policy can allow or deny: no decision until its document is known.
    const role = design.roles.find((candidate) => candidate.id === result.session.role.id);
    const pending = awsManagedPoliciesPending(role, aws);
    if (pending !== undefined) return { rowId: row.id, resource, problem: pending };
    const [decision] = evaluateAccess(design, result, [{ action, resource, context: parsed.context }], {
      ...(aws.status === 'loaded' ? { awsManagedPolicies: aws.source } : {}),
    });
    return { rowId: row.id, resource, decision };
  });
}

/** As in the CLI: a role that attaches AWS managed policies gets a trace step naming their versions and the data's date. */
function withAwsManagedPolicies(
  design: DesignDocument,
  result: SimulationResult,
  aws: AwsManagedPolicyState,
): SimulationResult {
  if (result.outcome !== 'credentials' || aws.status !== 'loaded') return result;
  const role = design.roles.find((candidate) => candidate.id === result.role.id);
  if (!role || awsManagedArnsOf(role).length === 0) return result;
  const step = rolePoliciesStep(design, role.id, { awsManagedPolicies: aws.source });
  return step ? { ...result, trace: [...result.trace, step] } : result;
}

export function runSimulation(
  design: DesignDocument,
  form: IdentityForm,
  rows: readonly RequestRow[],
  /** The AWS managed policy data; while it loads, requests of roles that attach one are not evaluated. */
  aws: AwsManagedPolicyState = { status: 'loading' },
): SimulationView {
  const prepared = simulationInputOf(design, form);
  if ('error' in prepared) return { design, formError: prepared.error, requests: [], path: null };
  const result = withAwsManagedPolicies(prepared.design, simulate(prepared.design, prepared.input), aws);
  return {
    design: prepared.design,
    result,
    requests: requestOutcomes(prepared.design, result, rows, aws),
    path: simulationPath(prepared.design, result),
  };
}
