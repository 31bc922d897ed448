// Runs every `npx cognito-studio …` line of src-main/cli/README.md against the built bundle, so the
// documented examples keep working. `-o <file>` is redirected into a temporary folder.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildCli, projectRoot, runCli, temporaryDirectory } from './run-cli';

const readme = readFileSync(join(projectRoot, 'src-main/cli/README.md'), 'utf8');
const shellBlocks = [...readme.matchAll(/```sh\n([\s\S]*?)```/g)].map((match) => match[1] ?? '');
const commands = shellBlocks.flatMap((block) =>
  block.split('\n').filter((line) => line.startsWith('npx cognito-studio ')),
);

/** Splits a command line written without quotes or shell operators. */
function words(line: string): string[] {
  return line
    .replace(/^npx cognito-studio /, '')
    .trim()
    .split(/\s+/);
}

beforeAll(() => buildCli());

describe('README examples', () => {
  it('has examples of every command', () => {
    const used = new Set(commands.map((line) => words(line)[0]));
    expect([...used].sort()).toEqual(['check', 'evaluate', 'import-aws', 'matrix', 'simulate', 'validate']);
  });

  for (const line of commands) {
    it(line, () => {
      const args = words(line);
      const out = args.indexOf('-o');
      if (out >= 0) args[out + 1] = join(temporaryDirectory(), args[out + 1]!);
      const run = runCli(args);
      expect(run.stderr).toBe('');
      expect(run.status).toBe(0);
      expect(run.stdout.length).toBeGreaterThan(0);
    });
  }
});
