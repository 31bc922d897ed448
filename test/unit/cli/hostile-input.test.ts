// Hostile input to the built CLI: special files, non-UTF-8 bytes, deep nesting, prototype keys and
// symbolic links as the output. Every case must end as one line naming the file, exit 2, quickly.

import { execFileSync } from 'node:child_process';
import { lstatSync, readFileSync, readlinkSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseContextFlags } from '../../../src-main/cli/commands/simulate';
import { buildCli, expectOneLineError, runCli, temporaryDirectory } from './run-cli';

const design = 'assets/examples/photo-sharing.cognito-design.json';
const pool = 'PhotoSharingIdentities';
const dumpsFolder = 'test/fixtures/aws-dumps/field-app';
const dumps = ['identity-pool.json', 'identity-pool-roles.json', 'account-authorization-details.json'].map(
  (file) => `${dumpsFolder}/${file}`,
);

beforeAll(() => buildCli());

function evaluationInput(principal: string): string {
  return JSON.stringify({
    request: { principal, action: 's3:GetObject', resource: 'arn:aws:s3:::bucket/key' },
    identityPolicies: [],
  });
}

describe('input files that are not regular UTF-8 text files', () => {
  it('refuses a named pipe without waiting for a writer', () => {
    const fifo = join(temporaryDirectory(), 'design.json');
    execFileSync('mkfifo', [fifo]);
    for (const args of [
      ['validate', fifo],
      ['evaluate', fifo],
      ['evaluate', '--batch', fifo],
      ['simulate', design, '--pool', pool, '--provider', 'accounts.google.com', '--claims', fifo],
    ]) {
      const run = runCli(args);
      expect(run.status, `${args.join(' ')} hung or failed otherwise`).toBe(2);
      expect(expectOneLineError(run)).toBe(`cognito-studio: error: ${fifo}: not a regular file`);
    }
  });

  it('refuses a character device', () => {
    expect(expectOneLineError(runCli(['validate', '/dev/null']))).toBe(
      'cognito-studio: error: /dev/null: not a regular file',
    );
  });

  it('refuses bytes that are not UTF-8 instead of replacing them silently', () => {
    const file = join(temporaryDirectory(), 'latin1.json');
    // "é" encoded as ISO-8859-1 (0xE9) is not valid UTF-8.
    writeFileSync(file, Buffer.from(evaluationInput('arn:aws:iam::111122223333:user/Ren\u00e9'), 'latin1'));
    expect(expectOneLineError(runCli(['evaluate', file]))).toBe(
      `cognito-studio: error: ${file}: not UTF-8 text (invalid byte sequence)`,
    );
  });

  it('still reads UTF-8 with and without a byte-order mark', () => {
    const folder = temporaryDirectory();
    const input = evaluationInput('arn:aws:iam::111122223333:user/Ren\u00e9');
    writeFileSync(join(folder, 'plain.json'), input);
    writeFileSync(join(folder, 'bom.json'), `\ufeff${input}`);
    expect(runCli(['evaluate', join(folder, 'plain.json')]).status).toBe(0);
    expect(runCli(['evaluate', join(folder, 'bom.json')]).status).toBe(0);
  });
});

describe('deeply nested JSON', () => {
  const depth = 100_000;
  const deepObject = `{"sub":"1","aud":"x","d":${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}}`;

  it('names the file and position instead of overflowing the stack', () => {
    const file = join(temporaryDirectory(), 'claims.json');
    writeFileSync(file, deepObject);
    const args = ['simulate', design, '--pool', pool, '--provider', 'accounts.google.com', '--claims', file];
    // The outer object is level 1 and its prefix `{"sub":"1","aud":"x","d":` is 25 characters;
    // levels 2 to 100 take 5 characters each (`{"a":`), so level 101 opens right after them.
    expect(expectOneLineError(runCli(args))).toBe(
      `cognito-studio: error: ${file}: JSON nested more than 100 levels deep at line 1, column ${25 + 99 * 5 + 1}`,
    );
  });

  it('reports a deep line of a batch as that line’s error and answers the others', () => {
    const file = join(temporaryDirectory(), 'requests.jsonl');
    writeFileSync(file, `${evaluationInput('arn:aws:iam::111122223333:user/a')}\n${deepObject}\n`);
    const run = runCli(['evaluate', '--batch', file]);
    expect(run.status).toBe(2);
    const answers = run.stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as { line: number; decision?: string; error?: string });
    expect(answers[0]).toMatchObject({ line: 1, decision: 'ImplicitlyDenied' });
    expect(answers[1]?.error).toMatch(new RegExp(`^${file}:2: JSON nested more than 100 levels deep`));
  });
});

describe('prototype keys', () => {
  it('keeps --context keys that name Object.prototype members as ordinary keys', () => {
    const context = parseContextFlags(
      ['constructor=a', 'toString=b', 'toString=c', '__proto__=d', 'aws:SourceIp=203.0.113.7'],
      'simulate',
    );
    expect(Object.entries(context)).toEqual([
      ['constructor', 'a'],
      ['toString', ['b', 'c']],
      ['__proto__', 'd'],
      ['aws:SourceIp', '203.0.113.7'],
    ]);
  });

  it('does not read a policy through a __proto__ key', () => {
    const file = join(temporaryDirectory(), 'proto.json');
    const allowAll = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }] };
    // JSON.parse makes "__proto__" an own key; a policy must not inherit its Statement from it.
    writeFileSync(
      file,
      `{"request":{"principal":"arn:aws:iam::111122223333:user/a","action":"s3:GetObject","resource":"arn:aws:s3:::b/k"},` +
        `"identityPolicies":[{"__proto__":${JSON.stringify(allowAll)}}]}`,
    );
    const run = runCli(['evaluate', file]);
    expect(expectOneLineError(run)).toContain(`${file}: $.identityPolicies[0]`);
    expect(run.stdout).not.toContain('Allowed');
  });
});

describe('output file that is a symbolic link', () => {
  function linkedOutput(): { folder: string; victim: string; link: string } {
    const folder = temporaryDirectory();
    const victim = join(folder, 'victim.txt');
    const link = join(folder, 'imported.cognito-design.json');
    writeFileSync(victim, 'precious');
    symlinkSync(victim, link);
    return { folder, victim, link };
  }

  it('is kept and not followed without --force', () => {
    const { victim, link } = linkedOutput();
    expect(expectOneLineError(runCli(['import-aws', ...dumps, '-o', link]))).toBe(
      `cognito-studio: error: ${link}: is a symbolic link; it is neither followed nor replaced (write to the file it points to, or remove the link)`,
    );
    expect(readFileSync(victim, 'utf8')).toBe('precious');
    expect(readlinkSync(link)).toBe(victim);
  });

  it('is neither replaced nor followed with --force, leaving the file it points to untouched', () => {
    const { victim, link } = linkedOutput();
    const run = runCli(['import-aws', ...dumps, '-o', link, '--force']);
    expect(run.status).toBe(2);
    expect(readFileSync(victim, 'utf8')).toBe('precious');
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
  });

  it('is documented in the help', () => {
    expect(runCli(['import-aws', '--help']).stdout).toContain('a symbolic link to a file is refused');
  });
});
