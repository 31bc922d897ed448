// `evaluate --batch` end to end: the built CLI reading a JSON-lines file (batch-workload.ts) and
// writing its answers, against iam-simulate's runUnsafeSimulation doing the same in a program of
// its own (batch-peer.ts): each reads the whole file once in a fresh process, its warm-up
// included, as a user runs either, in three rounds of one CLI run then one peer run; each round's
// ratio compares runs made back to back, and the median round counts. Both as lines per second;
// the ratios are of CPU time (user + system) per line: wall-clock time on a machine shared with
// other work swings with its load, CPU time less. The peer's time is counted from its first line (loading it is not charged), the
// CLI's for the whole process, its start-up included. The peer warmed up on the first lines, in
// this process, is shown too (see runWarmPeer). Then the CLI's peak RSS on standard input at
// 100k and 1M lines: it must not grow with the count. The CLI runs with its default of one thread
// (as the peer); a further run with --jobs shows the wall clock.
import { spawn } from 'node:child_process';
import { createReadStream, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import type { Decision } from '../../shared/iam';
import { simulateLine } from './batch-peer-line';
import { workloadInputs, writeWorkload, writeWorkloadFile } from './batch-workload';
import { perSecond, type BenchReport } from './report';

const cli = new URL('../../dist/cli/cognito-studio.cjs', import.meta.url).pathname;
const peerProgram = new URL('./batch-peer.ts', import.meta.url).pathname;
/** Lines of each workload: the size of the workload the targets are set for. */
const WORKLOAD_LINES = 100_000;
/**
 * Rounds of one CLI run then one peer run over each file; the median of the rounds counts. The
 * CLI's CPU time for the same file swings by a third from run to run (how soon its code is
 * optimised, how busy the machine is), far more than the peer's long run.
 */
const ROUNDS = 3;
/** Lines of the warmed-up peer's passes (runWarmPeer). */
const PEER_LINES = 5_000;
const PEER_PASSES = 3;
const RSS_LINES = [100_000, 1_000_000];
/** Worker threads of the parallel run: the cores of the machine the figures are kept for. */
const JOBS = 2;

interface CliRun {
  seconds: number;
  cpuSeconds: number;
  maxRssMiB: number;
  decisions: Decision[];
}

/** Runs the CLI under /usr/bin/time (peak RSS); input from a file or from `feed` on stdin. */
function runCli(
  args: string[],
  feed?: (stdin: NodeJS.WritableStream) => Promise<void>,
  keep = 0,
): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    const start = performance.now();
    const child = spawn('/usr/bin/time', ['-f', '%U %S %M', process.execPath, cli, ...args], {
      stdio: [feed ? 'pipe' : 'ignore', 'pipe', 'pipe'],
    });
    const decisions: Decision[] = [];
    let stderr = '';
    child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const lines = createInterface({ input: child.stdout! });
    lines.on('line', (line) => {
      if (decisions.length < keep) decisions.push((JSON.parse(line) as { decision: Decision }).decision);
    });
    if (feed && child.stdin) feed(child.stdin).then(() => child.stdin?.end(), reject);
    child.on('error', reject);
    child.on('close', (code) => {
      const seconds = (performance.now() - start) / 1000;
      const figures = /([\d.]+) ([\d.]+) (\d+)\s*$/.exec(stderr.trim());
      const cpuSeconds = Number(figures?.[1]) + Number(figures?.[2]);
      if (code !== 0) reject(new Error(`cognito-studio exited ${code}: ${stderr.slice(0, 500)}`));
      else resolve({ seconds, cpuSeconds, maxRssMiB: Number(figures?.[3]) / 1024, decisions });
    });
  });
}

interface PeerRun {
  rate: number;
  cpuRate: number;
  /** Lines it answered. */
  lines: number;
  decisions: Decision[];
}

/**
 * The peer as a program of its own over the whole file (batch-peer.ts): lines per second by its
 * CPU time and wall clock, and its decisions when `keep` is set.
 */
function runPeer(file: string, keep: boolean): Promise<PeerRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', peerProgram, file], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const decisions: Decision[] = [];
    let stderr = '';
    child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    createInterface({ input: child.stdout! }).on('line', (line) => {
      if (keep) decisions.push((JSON.parse(line) as { decision: Decision }).decision);
    });
    child.on('error', reject);
    child.on('close', (code) => {
      const last = stderr.trim().split('\n').pop() ?? '';
      if (code !== 0) return reject(new Error(`batch-peer exited ${code}: ${stderr.slice(0, 500)}`));
      const { cpuSeconds, seconds, lines } = JSON.parse(last) as {
        cpuSeconds: number;
        seconds: number;
        lines: number;
      };
      resolve({ rate: lines / seconds, cpuRate: lines / cpuSeconds, lines, decisions });
    });
  });
}

/**
 * The peer at its warmed-up speed, for comparison: the first `limit` lines of the file in this
 * process, one pass to warm up, then the median of PEER_PASSES passes (its speed still climbs for
 * some 20,000 lines, so this is a lower bound of what it does on a long run's later lines).
 */
async function runWarmPeer(
  file: string,
  limit: number,
): Promise<{ rate: number; cpuRate: number; decisions: Decision[] }> {
  await peerPass(file, limit, []);
  const rates: number[] = [];
  const cpuRates: number[] = [];
  let first: Decision[] = [];
  for (let pass = 0; pass < PEER_PASSES; pass += 1) {
    const decisions: Decision[] = [];
    const start = performance.now();
    const cpuStart = process.cpuUsage();
    const output = await peerPass(file, limit, decisions);
    const cpu = process.cpuUsage(cpuStart);
    if (output.length === 0) return { rate: 0, cpuRate: 0, decisions };
    rates.push(perSecond(decisions.length, performance.now() - start));
    cpuRates.push(perSecond(decisions.length, (cpu.user + cpu.system) / 1000));
    if (pass === 0) first = decisions;
  }
  return { rate: median(rates), cpuRate: median(cpuRates), decisions: first };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

async function peerPass(file: string, limit: number, decisions: Decision[]): Promise<string> {
  let output = '';
  for await (const line of createInterface({ input: createReadStream(file), crlfDelay: Infinity })) {
    if (decisions.length >= limit) break;
    const decision = simulateLine(line);
    decisions.push(decision);
    output += `${JSON.stringify({ line: decisions.length, decision })}\n`;
  }
  return output;
}

/** Differences other than the documented "*"-resource one (see iam.bench.ts). */
function compare(file: string, ours: Decision[], peer: Decision[], failures: string[]): number {
  const lines = readFileSync(file, 'utf8').split('\n', peer.length);
  let documented = 0;
  peer.forEach((decision, index) => {
    if (decision === ours[index]) return;
    const request = (JSON.parse(lines[index] ?? '{}') as { request?: { resource?: string } }).request;
    if (request?.resource === '*') documented += 1;
    else if (failures.length < 20)
      failures.push(`line ${index + 1}: runUnsafeSimulation ${decision}, ours ${ours[index]}`);
  });
  return documented;
}

export async function run(): Promise<BenchReport> {
  const inputs = await workloadInputs();
  const folder = mkdtempSync(join(tmpdir(), 'cognito-studio-batch-bench-'));
  const failures: string[] = [];
  const notes: string[] = [];
  const metrics: BenchReport['metrics'] = [];
  try {
    for (const [kind, count, distinct, target] of [
      ['same policies', WORKLOAD_LINES, false, 10],
      ['every line different policies', WORKLOAD_LINES, true, 5],
    ] as const) {
      const file = join(folder, `${distinct ? 'distinct' : 'same'}.jsonl`);
      const bytes = await writeWorkloadFile(file, inputs, count, distinct);
      notes.push(
        `${kind}: ${count.toLocaleString('en-US')} lines, ${(bytes / 1e6).toFixed(0)} MB, read whole by both`,
      );
      // The CLI and the peer take turns, and each CLI run is compared with the peer run right
      // after it: the machine's speed drifts over minutes (a busy neighbour slows both), so a ratio
      // of runs made minutes apart swung by a quarter between runs of the bench.
      const runs: CliRun[] = [];
      const peers: PeerRun[] = [];
      for (let round = 0; round < ROUNDS; round += 1) {
        runs.push(await runCli(['evaluate', '--batch', file], undefined, round === 0 ? count : 0));
        peers.push(await runPeer(file, round === 0));
      }
      const [ours, peer] = [runs[0] as CliRun, peers[0] as PeerRun];
      const cpuSeconds = median(runs.map((run) => run.cpuSeconds));
      const seconds = median(runs.map((run) => run.seconds));
      const peerCpuRate = median(peers.map((run) => run.cpuRate));
      const peerRate = median(peers.map((run) => run.rate));
      const cpuRatios = runs.map((run, index) => count / run.cpuSeconds / (peers[index] as PeerRun).cpuRate);
      const wallRatios = runs.map((run, index) => count / run.seconds / (peers[index] as PeerRun).rate);
      const warmPeer = await runWarmPeer(file, PEER_LINES);
      for (const run of peers)
        if (run.lines !== count) failures.push(`${kind}: the peer answered ${run.lines} lines`);
      if (peer.decisions.length !== count)
        failures.push(`${kind}: the peer wrote ${peer.decisions.length} answers`);
      const documented = compare(file, ours.decisions, peer.decisions, failures);
      notes.push(
        `${kind}: ${documented} of ${count.toLocaleString('en-US')} lines differ from the peer by the documented "*" resource difference`,
      );
      notes.push(
        `${kind}: cognito-studio CPU time per run ${runs.map((run) => `${run.cpuSeconds.toFixed(2)} s`).join(', ')}; runUnsafeSimulation's after each ${peers.map((run) => `${(count / run.cpuRate).toFixed(1)} s`).join(', ')}; ratios of each pair ${cpuRatios.map((value) => `${value.toFixed(2)}x`).join(', ')} (the medians count)`,
      );
      const ourRate = count / seconds;
      const ourCpuRate = count / cpuSeconds;
      const ratio = median(cpuRatios);
      metrics.push(
        { name: `${kind}: cognito-studio, per CPU second`, value: ourCpuRate, unit: 'lines/s' },
        { name: `${kind}: runUnsafeSimulation, per CPU second`, value: peerCpuRate, unit: 'lines/s' },
        {
          name: `${kind}: ratio (CPU time, median of pairs)`,
          value: ratio,
          unit: 'x',
          target: `>= ${target}x`,
          met: ratio >= target,
        },
        { name: `${kind}: cognito-studio, wall clock`, value: ourRate, unit: 'lines/s' },
        { name: `${kind}: runUnsafeSimulation, wall clock`, value: peerRate, unit: 'lines/s' },
        { name: `${kind}: ratio (wall clock, median of pairs)`, value: median(wallRatios), unit: 'x' },
        { name: `${kind}: cognito-studio peak RSS`, value: ours.maxRssMiB, unit: 'MiB' },
        {
          name: `${kind}: runUnsafeSimulation warmed up (first ${PEER_LINES.toLocaleString('en-US')} lines), per CPU second`,
          value: warmPeer.cpuRate,
          unit: 'lines/s',
        },
        {
          name: `${kind}: ratio against it warmed up (CPU time)`,
          value: ourCpuRate / warmPeer.cpuRate,
          unit: 'x',
        },
      );
      // The figures above are of the default, one thread (the peer has one too). With worker
      // threads the CPU time per line only grows (each thread loads and warms up the engine), so
      // only the wall clock is shown: it depends on the cores the machine has free at the time.
      const parallel = await runCli(['evaluate', '--batch', file, '--jobs', String(JOBS)]);
      metrics.push(
        { name: `${kind}: --jobs ${JOBS}, wall clock`, value: count / parallel.seconds, unit: 'lines/s' },
        {
          name: `${kind}: --jobs ${JOBS}, ratio (wall clock)`,
          value: count / parallel.seconds / peerRate,
          unit: 'x',
        },
        {
          name: `${kind}: --jobs ${JOBS}, CPU time per line vs one thread`,
          value: parallel.cpuSeconds / cpuSeconds,
          unit: 'x',
        },
        { name: `${kind}: --jobs ${JOBS} peak RSS`, value: parallel.maxRssMiB, unit: 'MiB' },
      );
    }
    const rss: number[] = [];
    for (const count of RSS_LINES) {
      const run = await runCli(['evaluate', '--batch', '-'], async (stdin) => {
        await writeWorkload(stdin as never, inputs, count, false);
      });
      rss.push(run.maxRssMiB);
      metrics.push({
        name: `stdin ${count.toLocaleString('en-US')} lines: peak RSS`,
        value: run.maxRssMiB,
        unit: 'MiB',
      });
      metrics.push({
        name: `stdin ${count.toLocaleString('en-US')} lines: rate`,
        value: count / run.seconds,
        unit: 'lines/s',
      });
    }
    const growth = (rss[1] ?? 0) / (rss[0] ?? 1);
    metrics.push({
      name: 'peak RSS 1M lines / 100k lines',
      value: growth,
      unit: 'x',
      target: '<= 1.25x (flat)',
      met: growth <= 1.25,
    });
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
  return { name: 'CLI: evaluate --batch end to end', notes, metrics, failures };
}
