// What the peer of batch.bench.ts does with one line of `evaluate --batch` input: JSON.parse and
// one iam-simulate runUnsafeSimulation. Shared by its warmed-up passes (batch.bench.ts) and its
// run as a program of its own (batch-peer.ts).
import { runUnsafeSimulation } from '@cloud-copilot/iam-simulate';
import type { Decision, EvaluationInput } from '../../shared/iam';
import { toSimulation } from '../unit/iam-differential/oracle';

export function simulateLine(line: string): Decision {
  const value = JSON.parse(line) as {
    request: EvaluationInput['request'];
    identityPolicies: unknown[];
    permissionsBoundary?: unknown;
  };
  const input: EvaluationInput = {
    request: value.request,
    identityPolicies: value.identityPolicies.map((document) => ({ document }) as never),
    ...(value.permissionsBoundary
      ? { permissionsBoundary: { document: value.permissionsBoundary } as never }
      : {}),
  };
  return runUnsafeSimulation(toSimulation(input), {});
}
