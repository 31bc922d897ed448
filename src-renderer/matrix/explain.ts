// A matrix cell's explanation: the persona's credentials and the request evaluated with its
// deciding statements, each mapped to the policy document it lives in so it can be opened in the
// policy editor at that statement.

import {
  evaluateAccess,
  personaToSimulationInput,
  simulate,
  type AccessDecision,
  type SimulationResult,
} from '../../shared/cognito';
import type { AwsManagedPolicySource } from '../../shared/iam/aws-managed-policies';
import type { StatementExplanation } from '../../shared/iam/types';
import type { DesignDocument, Persona } from '../../shared/model/types';
import { policyRefOf } from '../simulator/focus';
import type { PolicyTarget } from '../state/types';

export interface CellExplanation {
  persona: Persona;
  action: string;
  resource: string;
  simulation: SimulationResult;
  decision?: AccessDecision;
}

export function explainCell(
  design: DesignDocument,
  personaId: string,
  action: string,
  resource: string,
  now: string,
  awsManagedPolicies?: AwsManagedPolicySource,
): CellExplanation | undefined {
  const persona = design.personas.find((candidate) => candidate.id === personaId);
  if (!persona) return undefined;
  const simulation = simulate(design, personaToSimulationInput(design, persona, now));
  if (simulation.outcome === 'error') return { persona, action, resource, simulation };
  const [decision] = evaluateAccess(design, simulation, [{ action, resource }], {
    ...(awsManagedPolicies ? { awsManagedPolicies } : {}),
  });
  return { persona, action, resource, simulation, ...(decision ? { decision } : {}) };
}

/** Where a deciding statement lives, as the policy editor opens it (the simulator's mapping). */
export function statementTarget(
  design: DesignDocument,
  simulation: SimulationResult,
  statement: StatementExplanation,
): PolicyTarget | undefined {
  if (simulation.outcome !== 'credentials') return undefined;
  const policy = policyRefOf(design, simulation.session, simulation.identityPool?.id, statement);
  return policy ? { policy, jsonPath: statement.path } : undefined;
}
