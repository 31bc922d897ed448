// Runs an EvaluationInput through the reference simulator @cloud-copilot/iam-simulate (AGPL:
// tests and benchmarks only, never production code; see test/unit/agpl).
import { runSimulation, runUnsafeSimulation, type Simulation } from '@cloud-copilot/iam-simulate';
import type { Decision, EvaluationInput, PolicyInput } from '../../../shared/iam';

export const ACCOUNT = '123456789012';
export const ROLE_ARN = `arn:aws:iam::${ACCOUNT}:role/PhotoUsers`;
export const SESSION_ARN = `arn:aws:sts::${ACCOUNT}:assumed-role/PhotoUsers/CognitoIdentityCredentials`;

function documentOf(policy: unknown): unknown {
  return (policy as PolicyInput).document;
}

/** The simulator's input for one of our inputs. Only plain (not compiled) policies can be translated. */
export function toSimulation(input: EvaluationInput): Simulation {
  if ((input.sessionPolicies?.length ?? 0) > 1) {
    throw new Error('The reference simulator takes at most one session policy.');
  }
  const request = input.request;
  const simulation: Simulation = {
    request: {
      principal: request.principal,
      action: request.action,
      resource: { resource: request.resource, accountId: request.resourceAccount ?? ACCOUNT },
      contextVariables: request.context,
    },
    identityPolicies: input.identityPolicies.map((policy, index) => ({
      name: `identity-${index}`,
      policy: documentOf(policy),
    })),
    serviceControlPolicies: [],
    resourceControlPolicies: [],
  };
  if (input.permissionsBoundary)
    simulation.permissionBoundaryPolicies = [
      { name: 'boundary', policy: documentOf(input.permissionsBoundary) },
    ];
  if (input.resourcePolicy) simulation.resourcePolicy = documentOf(input.resourcePolicy);
  const sessionPolicy = input.sessionPolicies?.[0];
  if (sessionPolicy) simulation.sessionPolicy = documentOf(sessionPolicy);
  return simulation;
}

/** The unvalidated simulator: keeps every context key as given, ignores session policies. */
export function unsafeOracleDecision(input: EvaluationInput): Decision {
  return runUnsafeSimulation(toSimulation(input), {});
}

export type SafeOracleOutcome = { decision: Decision } | { error: string };

/**
 * The validating simulator: checks policies, action and resource type, drops context keys it does
 * not consider valid for the action and honours one session policy.
 */
export async function safeOracleDecision(input: EvaluationInput): Promise<SafeOracleOutcome> {
  const result = await runSimulation(toSimulation(input), {});
  if (result.resultType === 'error') return { error: JSON.stringify(result.errors) };
  return { decision: result.overallResult };
}
