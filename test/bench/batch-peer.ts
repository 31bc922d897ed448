// The peer of batch.bench.ts as a program of its own: iam-simulate's runUnsafeSimulation reading a
// JSON-lines file of `evaluate --batch` input from start to end (JSON.parse, one simulation, one
// JSON answer line on stdout per input line), as `cognito-studio evaluate --batch` does in its own
// process. Its CPU time is counted from its first line on, so the time to load this script and
// its dependencies (compiled on the fly here) is not charged to it. The last stderr line is
// `{"cpuSeconds","seconds","lines"}`.
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { runUnsafeSimulation } from '@cloud-copilot/iam-simulate';
import type { EvaluationInput } from '../../shared/iam';
import { toSimulation } from '../unit/iam-differential/oracle';

const [file, limitText] = process.argv.slice(2);
if (!file) throw new Error('usage: batch-peer <file> [lines]');
const limit = limitText ? Number(limitText) : Infinity;

const cpuStart = process.cpuUsage();
const start = performance.now();
let lines = 0;
let output = '';
for await (const line of createInterface({ input: createReadStream(file), crlfDelay: Infinity })) {
  if (lines >= limit) break;
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
  lines += 1;
  output += `${JSON.stringify({ line: lines, decision: runUnsafeSimulation(toSimulation(input), {}) })}\n`;
  if (output.length >= 256 * 1024) {
    if (!process.stdout.write(output)) await new Promise((resolve) => process.stdout.once('drain', resolve));
    output = '';
  }
}
process.stdout.write(output);
const cpu = process.cpuUsage(cpuStart);
process.stderr.write(
  `${JSON.stringify({ cpuSeconds: (cpu.user + cpu.system) / 1e6, seconds: (performance.now() - start) / 1000, lines })}\n`,
);
