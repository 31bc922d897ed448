// Starts the built browser-mode server the way a user does (`node dist/main/browser-mode.cjs`),
// on a temporary copy of an example design, and reads the address it prints.

import { spawn, type ChildProcess } from 'node:child_process';
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export const repositoryRoot = resolve(import.meta.dirname, '..', '..', '..');

export interface RunningApp {
  url: string;
  /** Temporary directory holding the design copy and the app's data directory. */
  directory: string;
  designPath: string;
  stop(): Promise<void>;
}

export async function startApp(
  options: { example?: string; designPath?: string; env?: Record<string, string> } = {},
): Promise<RunningApp> {
  const directory = mkdtempSync(join(tmpdir(), 'cognito-studio-e2e-'));
  let designPath = options.designPath ?? '';
  if (!options.designPath) {
    const example = options.example ?? 'b2b-saas';
    designPath = join(directory, `${example}.cognito-design.json`);
    copyFileSync(join(repositoryRoot, 'assets', 'examples', `${example}.cognito-design.json`), designPath);
  }
  const child: ChildProcess = spawn(
    process.execPath,
    [
      join(repositoryRoot, 'dist', 'main', 'browser-mode.cjs'),
      '--open',
      designPath,
      '--data-dir',
      join(directory, 'data'),
    ],
    {
      cwd: directory,
      stdio: ['ignore', 'pipe', 'pipe'],
      ...(options.env ? { env: { ...process.env, ...options.env } } : {}),
    },
  );
  const url = await new Promise<string>((resolveUrl, reject) => {
    let output = '';
    const timer = setTimeout(
      () => reject(new Error(`browser mode did not print its address:\n${output}`)),
      20_000,
    );
    const onData = (chunk: Buffer): void => {
      output += chunk.toString();
      const match = /running at (\S+)/.exec(output);
      if (match?.[1]) {
        clearTimeout(timer);
        resolveUrl(match[1]);
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`browser mode exited with ${code}:\n${output}`));
    });
  });
  return {
    url,
    directory,
    designPath,
    async stop() {
      if (child.exitCode === null) {
        const exited = new Promise((done) => child.once('exit', done));
        child.kill('SIGTERM');
        await exited;
      }
      rmSync(directory, { recursive: true, force: true });
    },
  };
}
