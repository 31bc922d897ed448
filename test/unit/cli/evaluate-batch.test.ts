// `evaluate --batch` as a stream: standard input, a cap per line instead of per file, answers in
// input order (also on worker threads), policies compiled once per distinct text yet answered
// per line, and bad lines answered without stopping the others.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildCli, runCli, temporaryDirectory } from './run-cli';

const principal = 'arn:aws:sts::111122223333:assumed-role/Viewers/CognitoIdentityCredentials';

function line(action: string, policies: object[], extra: object = {}): string {
  return JSON.stringify({
    request: { principal, action, resource: 'arn:aws:s3:::photos/cat.jpg', ...extra },
    identityPolicies: policies,
  });
}

const allowGet = {
  Version: '2012-10-17',
  Statement: [{ Effect: 'Allow', Action: 's3:GetObject', Resource: '*' }],
};
const denyAll = { Version: '2012-10-17', Statement: [{ Effect: 'Deny', Action: '*', Resource: '*' }] };

interface Answer {
  line: number;
  decision?: string;
  error?: string;
  decidingStatements?: Array<{ policyName: string }>;
}

function answers(stdout: string): Answer[] {
  return stdout
    .trim()
    .split('\n')
    .map((text) => JSON.parse(text) as Answer);
}

beforeAll(() => buildCli());

describe('evaluate --batch', () => {
  it('reads standard input with -, skips blank lines, accepts CRLF and a byte-order mark', () => {
    const input = `\ufeff${line('s3:GetObject', [allowGet])}\r\n\r\n   \n${line('s3:PutObject', [allowGet])}\n`;
    const run = runCli(['evaluate', '--batch', '-'], { input });
    expect(run.status, run.stderr).toBe(0);
    expect(answers(run.stdout).map((answer) => [answer.line, answer.decision])).toEqual([
      [1, 'Allowed'],
      [4, 'ImplicitlyDenied'],
    ]);
  });

  it('answers a repeated policy per line, by its place in each line', () => {
    // The same document as identity policy 0 on one line and 1 on the next: each answer names its own place.
    const input = [
      line('s3:GetObject', [allowGet]),
      line('s3:GetObject', [{ Version: '2012-10-17', Statement: [] }, allowGet]),
      line('s3:GetObject', [allowGet, denyAll]),
    ].join('\n');
    const result = answers(runCli(['evaluate', '--batch', '-'], { input }).stdout);
    expect(result.map((answer) => answer.decision)).toEqual(['Allowed', 'Allowed', 'ExplicitlyDenied']);
    expect(result[0]?.decidingStatements?.[0]?.policyName).toBe('identityPolicies[0]');
    expect(result[1]?.decidingStatements?.[0]?.policyName).toBe('identityPolicies[1]');
  });

  it('reports an invalid policy on every line that carries it, and answers the others', () => {
    const broken = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 's3:GetObject' }] };
    const input = [
      line('s3:GetObject', [broken]),
      line('s3:GetObject', [allowGet]),
      line('s3:GetObject', [broken]),
      '{"request": ',
      'not json at all',
    ].join('\n');
    const run = runCli(['evaluate', '--batch', '-'], { input });
    expect(run.status).toBe(2);
    const result = answers(run.stdout);
    expect(result.map((answer) => answer.line)).toEqual([1, 2, 3, 4, 5]);
    expect(result[0]?.error).toMatch(/^<stdin>:1: \$\.identityPolicies\[0\]\.Statement\[0\]/);
    expect(result[1]?.decision).toBe('Allowed');
    expect(result[2]?.error).toMatch(/^<stdin>:3: \$\.identityPolicies\[0\]\.Statement\[0\]/);
    expect(result[3]?.error).toMatch(
      /^<stdin>:4: malformed JSON: unexpected end of the document at column 13$/,
    );
    expect(result[4]?.error).toMatch(/^<stdin>:5: malformed JSON: /);
    expect(run.stderr).toBe(
      '<stdin>: 4 line(s) could not be evaluated (line 1, 3, 4, 5); see the "error" objects in the output\n',
    );
  });

  it('caps each line instead of the file: a huge line is skipped, the lines around it answered', () => {
    const file = join(temporaryDirectory(), 'huge.jsonl');
    const huge = line('s3:GetObject', [allowGet], { context: { padding: 'x'.repeat(9 * 1024 * 1024) } });
    writeFileSync(
      file,
      [line('s3:GetObject', [allowGet]), huge, line('s3:PutObject', [allowGet])].join('\n'),
    );
    const run = runCli(['evaluate', '--batch', file]);
    expect(run.status).toBe(2);
    const result = answers(run.stdout);
    expect(result.map((answer) => answer.decision ?? answer.error)).toEqual([
      'Allowed',
      `${file}:2: line is longer than the 8388608-byte limit per line`,
      'ImplicitlyDenied',
    ]);
  });

  it('refuses a line that is not UTF-8 rather than repairing it', () => {
    const file = join(temporaryDirectory(), 'latin1.jsonl');
    const latin1 = Buffer.from(
      line('s3:GetObject', [allowGet], { context: { name: 'Ren\u00e9' } }),
      'latin1',
    );
    writeFileSync(file, Buffer.concat([latin1, Buffer.from(`\n${line('s3:GetObject', [allowGet])}\n`)]));
    const result = answers(runCli(['evaluate', '--batch', file]).stdout);
    expect(result[0]?.error).toBe(`${file}:1: not UTF-8 text (invalid byte sequence)`);
    expect(result[1]?.decision).toBe('Allowed');
  });

  it('keeps input order on worker threads', () => {
    const lines = Array.from({ length: 3000 }, (_, index) =>
      index % 3 === 2 ? 'broken' : line(index % 3 === 0 ? 's3:GetObject' : 's3:PutObject', [allowGet]),
    );
    const single = runCli(['evaluate', '--batch', '-'], { input: lines.join('\n') });
    const parallel = runCli(['evaluate', '--batch', '-', '--jobs', '3'], { input: lines.join('\n') });
    expect(parallel.status).toBe(2);
    expect(parallel.stdout).toBe(single.stdout);
    expect(answers(parallel.stdout).map((answer) => answer.line)).toEqual(lines.map((_, index) => index + 1));
    expect(parallel.stderr).toBe(single.stderr);
  });

  it('checks --jobs', () => {
    expect(runCli(['evaluate', '--batch', '-', '--jobs', '0'], { input: '' }).stderr).toContain(
      '--jobs must be a whole number from 1 to 64',
    );
    expect(runCli(['evaluate', 'x.json', '--jobs', '2']).stderr).toContain('--jobs applies to --batch only');
  });
});
