// Runs every `npx cognito-studio …` line of the README and of src-main/cli/README.md against the
// built bundle, so the documented examples keep working. `-o <file>` is redirected into a temporary
// folder; `\` continues a line; a `*` in a file name is expanded as the shell would; `< file` feeds
// standard input.

import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildCli, projectRoot, runCli, temporaryDirectory } from './run-cli';

function documentedCommands(readmePath: string): string[] {
  const readme = readFileSync(join(projectRoot, readmePath), 'utf8');
  const shellBlocks = [...readme.matchAll(/```sh\n([\s\S]*?)```/g)].map((match) => match[1] ?? '');
  return shellBlocks.flatMap((block) =>
    block
      .replace(/\\\n\s*/g, ' ')
      .split('\n')
      .filter((line) => line.startsWith('npx cognito-studio ')),
  );
}

const cliReadmeCommands = documentedCommands('src-main/cli/README.md');
const commands = [...new Set([...cliReadmeCommands, ...documentedCommands('README.md')])];

/** Expands `dir/*.json` like a shell, sorted. */
function expandGlob(word: string): string[] {
  if (!word.includes('*')) return [word];
  const directory = dirname(word);
  const pattern = new RegExp(
    `^${word
      .slice(directory.length + 1)
      .replace(/[.+?^${}()|[\]\\]/g, '\\$&')
      .replace(/\*/g, '.*')}$`,
  );
  return readdirSync(join(projectRoot, directory))
    .filter((name) => pattern.test(name))
    .sort()
    .map((name) => `${directory}/${name}`);
}

/** Splits a command line written without quotes or shell operators. */
function words(line: string): string[] {
  return line
    .replace(/^npx cognito-studio /, '')
    .trim()
    .split(/\s+/)
    .flatMap(expandGlob);
}

beforeAll(() => buildCli());

describe('README examples', () => {
  it('has examples of every command', () => {
    const used = new Set(cliReadmeCommands.map((line) => words(line)[0]));
    expect([...used].sort()).toEqual([
      'check',
      'diff',
      'evaluate',
      'export',
      'import-aws',
      'matrix',
      'report',
      'simulate',
      'validate',
    ]);
  });

  for (const line of commands) {
    it(line, () => {
      const args = words(line);
      const out = args.indexOf('-o');
      if (out >= 0) args[out + 1] = join(temporaryDirectory(), args[out + 1]!);
      const redirect = args.indexOf('<');
      const input =
        redirect >= 0 ? readFileSync(join(projectRoot, args.splice(redirect, 2)[1]!), 'utf8') : undefined;
      const run = runCli(args, { input });
      expect(run.stderr).toBe('');
      expect(run.status).toBe(0);
      expect(run.stdout.length).toBeGreaterThan(0);
    });
  }
});
