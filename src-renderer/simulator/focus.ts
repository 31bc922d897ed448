// From simulator results to the canvas and the policy editor: a trace step selects its element, a
// failed trust check opens the trust policy at the failing statement, a deciding statement opens its policy.

import {
  policySourceOf,
  traceStepElements,
  type SimulatedSession,
  type SimulationResult,
  type TraceStep,
} from '../../shared/cognito';
import type { StatementExplanation } from '../../shared/iam';
import type { DesignDocument } from '../../shared/model/types';
import { openPolicy } from '../state/policy-focus';
import { useAppStore } from '../state/store';
import type { PolicyRef } from '../state/types';

/** The policy document a deciding statement belongs to, as the policy editor names it. */
export function policyRefOf(
  design: DesignDocument,
  session: SimulatedSession,
  identityPoolId: string | undefined,
  statement: StatementExplanation,
): PolicyRef | undefined {
  const source = policySourceOf(design, session, statement.policyName);
  switch (source?.kind) {
    case 'inline':
      return { kind: 'inline', roleId: source.roleId, policyName: source.policyName };
    case 'managed':
      return { kind: 'managed', policyId: source.policyId };
    case 'awsManaged':
      return { kind: 'awsManaged', arn: source.arn };
    case 'session':
      if (source.origin !== 'inline') return { kind: 'awsManaged', arn: source.origin };
      return identityPoolId === undefined ? undefined : { kind: 'guestScopeDown', identityPoolId };
    case undefined:
      return undefined;
  }
}

export function openStatement(
  design: DesignDocument,
  session: SimulatedSession,
  identityPoolId: string | undefined,
  statement: StatementExplanation,
): void {
  const policy = policyRefOf(design, session, identityPoolId, statement);
  if (policy) openPolicy(useAppStore, { policy, jsonPath: statement.path });
}

/** Selects the step's element on the canvas; a failed trust check opens the trust policy at its statement. */
export function focusTraceStep(design: DesignDocument, result: SimulationResult, step: TraceStep): void {
  const roleId = step.data?.roleId;
  if (step.id === 'trust' && step.outcome === 'fail' && typeof roleId === 'string') {
    const jsonPath = step.data?.failedStatementPath;
    openPolicy(useAppStore, {
      policy: { kind: 'trust', roleId },
      ...(typeof jsonPath === 'string' ? { jsonPath } : {}),
    });
    return;
  }
  const elements = traceStepElements(design, result, step);
  // Elements of an edited sample user's design exist in the current design too (only users differ).
  if (elements.nodes.length > 0 || elements.edges.length > 0) useAppStore.getState().setSelection(elements);
}
