// Runs one input through our engine and the reference simulator and reports a disagreement as a
// readable, copy-pasteable repro.
import { runSimulation } from '@cloud-copilot/iam-simulate';
import { evaluateDecision, type Decision, type EvaluationInput } from '../../../shared/iam';
import { toSimulation, unsafeOracleDecision } from './oracle';

export class Disagreement extends Error {}

function repro(input: EvaluationInput, ours: Decision, theirs: Decision, oracle: string): string {
  return `our engine: ${ours}, ${oracle}: ${theirs}\n${JSON.stringify(input, null, 2)}`;
}

/** Compares with `runUnsafeSimulation` (identity policies and permissions boundary; no session or resource policies). */
export function assertAgreesWithUnsafe(input: EvaluationInput): void {
  const theirs = unsafeOracleDecision(input);
  const ours = evaluateDecision(input);
  if (ours !== theirs) throw new Disagreement(repro(input, ours, theirs, 'runUnsafeSimulation'));
}

/** Input whose context lacks the keys the simulator dropped, so both engines see the same request. */
function withoutKeys(input: EvaluationInput, keys: string[]): EvaluationInput {
  if (keys.length === 0) return input;
  const dropped = new Set(keys.map((key) => key.toLowerCase()));
  const context = Object.fromEntries(
    Object.entries(input.request.context).filter(([key]) => !dropped.has(key.toLowerCase())),
  );
  return { ...input, request: { ...input.request, context } };
}

/**
 * Compares with `runSimulation`. It drops context keys it does not expect for the action (among
 * them every `cognito-identity.amazonaws.com:*` key: the Cognito gap of design.md §6, tested on its
 * own in deliberate-differences.test.ts); we remove the same keys from our input so that both
 * engines decide the same request. Returns false when the simulator rejected the input.
 */
export async function assertAgreesWithSafe(input: EvaluationInput): Promise<boolean> {
  const result = await runSimulation(toSimulation(input), {});
  if (result.resultType !== 'single') return false;
  const aligned = withoutKeys(input, result.result.ignoredContextKeys ?? []);
  const ours = evaluateDecision(aligned);
  if (ours !== result.overallResult)
    throw new Disagreement(repro(aligned, ours, result.overallResult, 'runSimulation'));
  return true;
}
