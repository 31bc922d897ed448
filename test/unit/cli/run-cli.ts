// Runs the built CLI the way a user does: `node dist/cli/cognito-studio.cjs …` in the project folder.

import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmdirSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const projectRoot = join(__dirname, '../../..');
export const cliBundle = join(projectRoot, 'dist/cli/cognito-studio.cjs');
const lockDirectory = join(projectRoot, 'dist/.cli-build-lock');

function sleep(milliseconds: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, milliseconds);
}

/**
 * Builds the CLI bundle with the project's build script. Test files run in parallel, so a
 * directory lock keeps two builds from writing the bundle at once.
 */
export function buildCli(): void {
  mkdirSync(join(projectRoot, 'dist'), { recursive: true });
  const started = Date.now();
  for (;;) {
    try {
      mkdirSync(lockDirectory);
      break;
    } catch {
      const age = Date.now() - statSync(lockDirectory, { throwIfNoEntry: false })!.mtimeMs;
      if (Number.isFinite(age) && age > 120_000) rmdirSync(lockDirectory);
      if (Date.now() - started > 180_000) throw new Error('timed out waiting for another CLI build');
      sleep(100);
    }
  }
  try {
    execFileSync(process.execPath, ['scripts/build.mjs', '--cli'], { cwd: projectRoot, stdio: 'pipe' });
  } finally {
    rmdirSync(lockDirectory);
  }
}

export interface CliRun {
  status: number | null;
  stdout: string;
  stderr: string;
}

export function runCli(args: string[], options: { input?: string } = {}): CliRun {
  const result = spawnSync(process.execPath, [cliBundle, ...args], {
    cwd: projectRoot,
    encoding: 'utf8',
    input: options.input,
    timeout: 60_000,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** A fresh temporary folder for files a test writes. */
export function temporaryDirectory(): string {
  return mkdtempSync(join(tmpdir(), 'cognito-studio-cli-'));
}

/** Bad input must end as exactly one line on stderr, without a stack trace. */
export function expectOneLineError(run: CliRun): string {
  const lines = run.stderr.split('\n').filter((line) => line !== '');
  if (run.status !== 2) throw new Error(`expected exit 2, got ${run.status}: ${run.stderr}`);
  if (lines.length !== 1) throw new Error(`expected one stderr line, got ${lines.length}: ${run.stderr}`);
  if (/\n\s+at /.test(run.stderr) || /at .*\.(ts|js|cjs):\d+/.test(run.stderr))
    throw new Error(`stack trace on stderr: ${run.stderr}`);
  return lines[0]!;
}
