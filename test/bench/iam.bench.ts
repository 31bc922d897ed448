// IAM engine throughput and latency on the access-matrix workload (iam-workload.ts), against the
// reference simulator on the same requests in the same run. Decisions must be identical.
import { runSimulation, runUnsafeSimulation } from '@cloud-copilot/iam-simulate';
import {
  compilePolicy,
  evaluate,
  evaluateDecision,
  type Decision,
  type EvaluationInput,
} from '../../shared/iam';
import { toSimulation } from '../unit/iam-differential/oracle';
import { perSecond, type BenchReport } from './report';
import { buildActions, buildRequests, buildRoles, toInput } from './iam-workload';

const THROUGHPUT_TARGET = 50;
const LATENCY_TARGET_MS = 1;
const MIN_MEASURE_MS = 1500;

/** The same inputs with every policy compiled once per role, as an access matrix would. */
function compiledInputs(inputs: EvaluationInput[]): EvaluationInput[] {
  const cache = new Map<unknown, ReturnType<typeof compilePolicy>>();
  function compiled(
    policy: EvaluationInput['identityPolicies'][number],
    kind: 'identity' | 'permissionsBoundary',
  ): ReturnType<typeof compilePolicy> {
    const document = (policy as { document: unknown }).document;
    let result = cache.get(document);
    if (!result) {
      result = compilePolicy(policy as { name?: string; document: unknown }, kind);
      cache.set(document, result);
    }
    return result;
  }
  return inputs.map((input) => ({
    ...input,
    identityPolicies: input.identityPolicies.map((policy) => compiled(policy, 'identity')),
    ...(input.permissionsBoundary
      ? { permissionsBoundary: compiled(input.permissionsBoundary, 'permissionsBoundary') }
      : {}),
  }));
}

/** Runs `pass` over all inputs repeatedly for at least MIN_MEASURE_MS; returns decisions per second. */
function measure(inputs: EvaluationInput[], pass: (input: EvaluationInput) => unknown): number {
  let count = 0;
  const start = performance.now();
  let elapsed: number;
  do {
    for (const input of inputs) pass(input);
    count += inputs.length;
    elapsed = performance.now() - start;
  } while (elapsed < MIN_MEASURE_MS);
  return perSecond(count, elapsed);
}

function withoutKeys(input: EvaluationInput, keys: string[]): EvaluationInput {
  const dropped = new Set(keys.map((key) => key.toLowerCase()));
  const context = Object.fromEntries(
    Object.entries(input.request.context).filter(([key]) => !dropped.has(key.toLowerCase())),
  );
  return { ...input, request: { ...input.request, context } };
}

export async function run(): Promise<BenchReport> {
  const roles = buildRoles();
  const actions = await buildActions();
  const inputs = buildRequests(roles, actions).map(toInput);
  const compiled = compiledInputs(inputs);
  const failures: string[] = [];
  const notes = [
    `${roles.length} roles x ${actions.length} actions -> ${inputs.length} requests (one core, Node ${process.version})`,
  ];

  const ours: Decision[] = compiled.map((input) => evaluateDecision(input));
  const tally = ours.reduce<Record<string, number>>(
    (counts, decision) => ({ ...counts, [decision]: (counts[decision] ?? 0) + 1 }),
    {},
  );
  notes.push(
    `decisions: ${Object.entries(tally)
      .map(([decision, count]) => `${decision} ${count}`)
      .join(', ')}`,
  );

  const compiledRate = measure(compiled, evaluateDecision);
  const rawRate = measure(inputs, evaluateDecision);
  const explainedRate = measure(compiled, evaluate);
  const latencies = compiled.map((input) => {
    const start = performance.now();
    evaluate(input);
    return performance.now() - start;
  });
  latencies.sort((left, right) => left - right);
  const p99 = latencies[Math.floor(latencies.length * 0.99)] ?? 0;

  let start = performance.now();
  const unsafe = inputs.map((input) => runUnsafeSimulation(toSimulation(input), {}));
  const unsafeRate = perSecond(inputs.length, performance.now() - start);
  let wildcardDifferences = 0;
  unsafe.forEach((decision, index) => {
    if (decision === ours[index]) return;
    // Deliberate difference (deliberate-differences.test.ts): for actions without resource-level
    // permissions (request resource "*") the simulator lets any Resource pattern match.
    if (inputs[index]?.request.resource === '*') wildcardDifferences += 1;
    else if (failures.length < 20)
      failures.push(
        `runUnsafeSimulation ${decision}, ours ${ours[index]}: ${JSON.stringify(inputs[index]?.request)}`,
      );
  });
  notes.push(
    `${wildcardDifferences} requests differ from runUnsafeSimulation by the documented "*" resource difference`,
  );

  let rejected = 0;
  start = performance.now();
  const safe = [];
  for (const input of inputs) safe.push(await runSimulation(toSimulation(input), {}));
  const safeRate = perSecond(inputs.length, performance.now() - start);
  safe.forEach((result, index) => {
    const input = inputs[index] as EvaluationInput;
    if (result.resultType !== 'single') {
      rejected += 1;
      return;
    }
    // runSimulation drops keys it does not expect for the action (all Cognito keys among them: a
    // deliberate difference); decide the same reduced request with our engine.
    const aligned = evaluateDecision(withoutKeys(input, result.result.ignoredContextKeys ?? []));
    if (aligned !== result.overallResult && failures.length < 40)
      failures.push(
        `runSimulation ${result.overallResult}, ours ${aligned}: ${JSON.stringify(input.request)}`,
      );
  });
  notes.push(
    `runSimulation rejected ${rejected} of ${inputs.length} requests (its input validation); compared on the rest`,
  );

  const unsafeRatio = compiledRate / unsafeRate;
  const meanExplainedMs = 1000 / explainedRate;
  return {
    name: 'IAM engine: access matrix',
    notes,
    metrics: [
      { name: 'ours evaluateDecision (compiled policies)', value: compiledRate, unit: 'decisions/s' },
      { name: 'ours evaluateDecision (raw documents)', value: rawRate, unit: 'decisions/s' },
      { name: 'ours evaluate with explanation', value: explainedRate, unit: 'decisions/s' },
      { name: 'iam-simulate runUnsafeSimulation', value: unsafeRate, unit: 'decisions/s' },
      { name: 'iam-simulate runSimulation', value: safeRate, unit: 'decisions/s' },
      {
        name: 'ratio ours / runUnsafeSimulation',
        value: unsafeRatio,
        unit: 'x',
        target: `>= ${THROUGHPUT_TARGET}x`,
        met: unsafeRatio >= THROUGHPUT_TARGET,
      },
      { name: 'ratio ours / runSimulation', value: compiledRate / safeRate, unit: 'x' },
      {
        name: 'explained request, mean',
        value: meanExplainedMs,
        unit: 'ms',
        target: `< ${LATENCY_TARGET_MS} ms`,
        met: meanExplainedMs < LATENCY_TARGET_MS,
      },
      {
        name: 'explained request, p99 (single call)',
        value: p99,
        unit: 'ms',
        target: `< ${LATENCY_TARGET_MS} ms`,
        met: p99 < LATENCY_TARGET_MS,
      },
    ],
    failures,
  };
}
