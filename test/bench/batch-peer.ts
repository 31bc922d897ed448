// The peer of batch.bench.ts as a program of its own: iam-simulate's runUnsafeSimulation reading a
// JSON-lines file of `evaluate --batch` input from start to end (JSON.parse, one simulation, one
// JSON answer line on stdout per input line), as `cognito-studio evaluate --batch` does in its own
// process. Its CPU time is counted from its first line on, so the time to load this script and
// its dependencies (compiled on the fly here) is not charged to it. The last stderr line is
// `{"cpuSeconds","seconds","lines"}`.
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { simulateLine } from './batch-peer-line';

const [file, limitText] = process.argv.slice(2);
if (!file) throw new Error('usage: batch-peer <file> [lines]');
const limit = limitText ? Number(limitText) : Infinity;

const cpuStart = process.cpuUsage();
const start = performance.now();
let lines = 0;
let output = '';
for await (const line of createInterface({ input: createReadStream(file), crlfDelay: Infinity })) {
  if (lines >= limit) break;
  lines += 1;
  output += `${JSON.stringify({ line: lines, decision: simulateLine(line) })}\n`;
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
