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
import type { StatementExplanation } from '../../shared/iam/types';
import { managedPolicyArn } from '../../shared/model/keys';
import type { DesignDocument, Persona } from '../../shared/model/types';
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
): CellExplanation | undefined {
  const persona = design.personas.find((candidate) => candidate.id === personaId);
  if (!persona) return undefined;
  const simulation = simulate(design, personaToSimulationInput(design, persona, now));
  if (simulation.outcome === 'error') return { persona, action, resource, simulation };
  const [decision] = evaluateAccess(design, simulation, [{ action, resource }]);
  return { persona, action, resource, simulation, ...(decision ? { decision } : {}) };
}

/**
 * Where a deciding statement lives. Policy names are the ones `rolePolicies` and the session give
 * the evaluator: `role/<name> inline '<policy>'`, `managed policy <name>`, `permissions boundary
 * <name>`, `session policy <name>`.
 */
export function statementTarget(
  design: DesignDocument,
  simulation: SimulationResult,
  statement: StatementExplanation,
): PolicyTarget | undefined {
  const jsonPath = statement.path;
  if (simulation.outcome !== 'credentials') return undefined;
  const roleId = simulation.session.role.id;
  const role = design.roles.find((candidate) => candidate.id === roleId);
  const inline = /^role\/.* inline '(.*)'$/.exec(statement.policyName);
  if (inline && role)
    return { policy: { kind: 'inline', roleId: role.id, policyName: inline[1] ?? '' }, jsonPath };
  const managed = /^(?:managed policy|permissions boundary) (.*)$/.exec(statement.policyName);
  if (managed && role) {
    const policy = design.managedPolicies.find(
      (candidate) =>
        candidate.name === managed[1] &&
        [...role.managedPolicyArns, role.permissionsBoundaryArn].includes(
          managedPolicyArn(design.account, candidate),
        ),
    );
    if (policy) return { policy: { kind: 'managed', policyId: policy.id }, jsonPath };
  }
  const session = /^session policy (.*)$/.exec(statement.policyName);
  if (session) {
    const sessionPolicy = simulation.session.sessionPolicies.find(
      (candidate) => candidate.name === session[1],
    );
    if (sessionPolicy?.origin === 'inline' && simulation.identityPool)
      return { policy: { kind: 'guestScopeDown', identityPoolId: simulation.identityPool.id }, jsonPath };
    if (sessionPolicy) return { policy: { kind: 'awsManaged', arn: sessionPolicy.origin }, jsonPath };
  }
  return undefined;
}
