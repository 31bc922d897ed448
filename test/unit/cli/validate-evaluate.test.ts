// The CLI as a user runs it: help, validate, evaluate (single and batch) and bad input.

import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildCli, expectOneLineError, projectRoot, runCli, temporaryDirectory } from './run-cli';

const examples = ['analytics-sdk', 'b2b-saas', 'photo-sharing'].map(
  (name) => `assets/examples/${name}.cognito-design.json`,
);
const commandNames = ['validate', 'simulate', 'evaluate', 'matrix', 'check', 'import-aws'];

beforeAll(() => buildCli());

function exampleDesign(name: string): Record<string, unknown> {
  return JSON.parse(
    readFileSync(join(projectRoot, `assets/examples/${name}.cognito-design.json`), 'utf8'),
  ) as Record<string, unknown>;
}

describe('help', () => {
  it('lists every command', () => {
    const run = runCli(['--help']);
    expect(run.status).toBe(0);
    for (const name of commandNames) expect(run.stdout).toContain(`  ${name}`);
  });

  it('prints each command its own help', () => {
    for (const name of commandNames) {
      const run = runCli([name, '--help']);
      expect(run.status, name).toBe(0);
      expect(run.stdout).toMatch(new RegExp(`^Usage:\\s+cognito-studio ${name}`));
      expect(runCli(['help', name]).stdout).toBe(run.stdout);
    }
  });

  it('exits 2 with usage when no command is given', () => {
    const run = runCli([]);
    expect(run.status).toBe(2);
    expect(run.stdout).toContain('Usage: cognito-studio <command>');
  });

  it('rejects an unknown command and an unknown flag in one line', () => {
    expect(expectOneLineError(runCli(['frobnicate']))).toContain("unknown command 'frobnicate'");
    expect(expectOneLineError(runCli(['validate', examples[0]!, '--strict']))).toContain(
      "unknown option '--strict'",
    );
  });

  it('runs through the npm bin launcher, which explains a missing build in one line', () => {
    const launcher = join(projectRoot, 'bin/cognito-studio.cjs');
    const run = spawnSync(process.execPath, [launcher, '--help'], { cwd: projectRoot, encoding: 'utf8' });
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('Usage: cognito-studio <command>');
    const directory = temporaryDirectory();
    mkdirSync(join(directory, 'bin'));
    copyFileSync(launcher, join(directory, 'bin/cognito-studio.cjs'));
    const unbuilt = spawnSync(process.execPath, [join(directory, 'bin/cognito-studio.cjs'), '--help'], {
      encoding: 'utf8',
    });
    expect(
      expectOneLineError({ status: unbuilt.status, stdout: unbuilt.stdout, stderr: unbuilt.stderr }),
    ).toContain('the CLI is not built');
  });

  it('prints the package version', () => {
    const manifest = JSON.parse(readFileSync(join(projectRoot, 'package.json'), 'utf8')) as {
      version: string;
    };
    expect(runCli(['--version']).stdout.trim()).toBe(manifest.version);
  });
});

describe('validate', () => {
  it('accepts every example design', () => {
    for (const example of examples) {
      const run = runCli(['validate', example]);
      expect(run.status, run.stdout + run.stderr).toBe(0);
      expect(run.stdout).toContain(`${example}: valid`);
    }
  });

  it('lists model errors as "path: message" and exits 1', () => {
    const directory = temporaryDirectory();
    const design = exampleDesign('analytics-sdk');
    (design.roles as Array<Record<string, unknown>>)[0]!.name = '';
    const file = join(directory, 'bad.cognito-design.json');
    writeFileSync(file, JSON.stringify(design));
    const run = runCli(['validate', file]);
    expect(run.status).toBe(1);
    expect(run.stdout).toMatch(/^ {2}\$\.roles\[0\]\.name: .+/m);
    expect(run.stdout).toContain(`${file}: invalid`);
  });

  it('reports policy errors and catalog warnings inside the design', () => {
    const directory = temporaryDirectory();
    const design = exampleDesign('analytics-sdk');
    const role = (
      design.roles as Array<{ inlinePolicies: Array<{ document: { Statement: unknown[] } }> }>
    )[0]!;
    role.inlinePolicies[0]!.document.Statement.push(
      { Effect: 'Allow', Action: 's3:GetObjekt', Resource: '*' },
      { Effect: 'Maybe', Action: 's3:GetObject', Resource: '*' },
    );
    const file = join(directory, 'policies.cognito-design.json');
    writeFileSync(file, JSON.stringify(design));
    const run = runCli(['validate', file, '--json']);
    expect(run.status).toBe(1);
    const report = JSON.parse(run.stdout) as {
      valid: boolean;
      errors: Array<{ path: string }>;
      warnings: Array<{ path: string; message: string }>;
    };
    const statements = role.inlinePolicies[0]!.document.Statement.length;
    expect(report.valid).toBe(false);
    expect(report.errors.map((error) => error.path)).toContain(
      `$.roles[0].inlinePolicies[0].document.Statement[${statements - 1}].Effect`,
    );
    const unknownAction = report.warnings.find(
      (warning) =>
        warning.path === `$.roles[0].inlinePolicies[0].document.Statement[${statements - 2}].Action`,
    );
    expect(unknownAction?.message).toContain('s3:GetObjekt');
  });

  it('treats a missing file, malformed JSON and a non-design as bad input', () => {
    const directory = temporaryDirectory();
    expect(expectOneLineError(runCli(['validate', join(directory, 'nope.json')]))).toContain(
      'nope.json: no such file',
    );
    const broken = join(directory, 'broken.json');
    writeFileSync(broken, '{\n  "format": "cognito-access-studio/design",\n  "version": 2,\n  oops\n}');
    const message = expectOneLineError(runCli(['validate', broken]));
    expect(message).toContain('broken.json');
    expect(message).toContain('line 4');
    const other = join(directory, 'other.json');
    writeFileSync(other, '{"hello": "world"}');
    expect(expectOneLineError(runCli(['validate', other]))).toContain('not a Cognito Access Studio design');
    expect(expectOneLineError(runCli(['validate', directory]))).toContain('is a directory');
  });

  it('names the file when another command is given an invalid design', () => {
    const directory = temporaryDirectory();
    const design = exampleDesign('analytics-sdk');
    (design.roles as Array<Record<string, unknown>>)[0]!.name = '';
    const file = join(directory, 'bad.cognito-design.json');
    writeFileSync(file, JSON.stringify(design));
    const message = expectOneLineError(runCli(['check', file]));
    expect(message).toContain(`${file}: $.roles[0].name`);
  });
});

describe('evaluate', () => {
  it("allows a request on the caller's own prefix through the identity-id variable", () => {
    const run = runCli(['evaluate', 'assets/examples/requests/s3-own-prefix.json', '--json']);
    expect(run.status).toBe(0);
    const result = JSON.parse(run.stdout) as {
      decision: string;
      decidingStatements: Array<{ sid?: string }>;
    };
    expect(result.decision).toBe('Allowed');
    expect(result.decidingStatements.map((statement) => statement.sid)).toEqual(['OwnPrivatePrefix']);
  });

  it("denies another identity's prefix implicitly", () => {
    const result = JSON.parse(
      runCli(['evaluate', 'assets/examples/requests/other-users-prefix.json', '--json']).stdout,
    ) as { decision: string };
    expect(result.decision).toBe('ImplicitlyDenied');
  });

  it('prints the decision and the deciding statement as text', () => {
    const run = runCli(['evaluate', 'assets/examples/requests/deny-delete.json']);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('Decision: ExplicitlyDenied');
    expect(run.stdout).toMatch(/Deny identityPolicies\[0\] \$\.Statement\[1\] \(Sid "NeverDelete"\)/);
  });

  it('requires every session policy to allow too', () => {
    const result = JSON.parse(
      runCli(['evaluate', 'assets/examples/requests/guest-session-policy.json', '--json']).stdout,
    ) as { decision: string };
    expect(result.decision).toBe('ImplicitlyDenied');
  });

  it('answers a batch line by line, in order', () => {
    const run = runCli(['evaluate', '--batch', 'assets/examples/requests/requests.jsonl']);
    expect(run.status).toBe(0);
    const lines = run.stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as { line: number; decision: string });
    expect(lines.map((line) => [line.line, line.decision])).toEqual([
      [1, 'Allowed'],
      [2, 'ImplicitlyDenied'],
      [3, 'ExplicitlyDenied'],
      [4, 'ImplicitlyDenied'],
    ]);
  });

  it('reports a bad batch line as an error object naming its line, answers the others, and exits 2', () => {
    const directory = temporaryDirectory();
    const good = readFileSync(join(projectRoot, 'assets/examples/requests/requests.jsonl'), 'utf8').split(
      '\n',
    )[2]!;
    const badPolicy = JSON.stringify({
      request: { principal: 'p', action: 's3:GetObject', resource: '*' },
      identityPolicies: [{ Statement: { Effect: 'Perhaps', Action: '*', Resource: '*' } }],
    });
    const file = join(directory, 'batch.jsonl');
    writeFileSync(file, [good, '{"request": ', '', badPolicy, good].join('\n'));
    const run = runCli(['evaluate', '--batch', file]);
    expect(run.status).toBe(2);
    const lines = run.stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as { line: number; decision?: string; error?: string });
    expect(lines.map((line) => line.line)).toEqual([1, 2, 4, 5]);
    expect(lines[0]!.decision).toBe('ExplicitlyDenied');
    expect(lines[1]!.error).toContain(`${file}:2: malformed JSON`);
    expect(lines[2]!.error).toContain(`${file}:4: $.identityPolicies[0].Statement.Effect`);
    expect(lines[3]!.decision).toBe('ExplicitlyDenied');
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stderr).toContain('2 line(s) could not be evaluated (line 2, 4)');
  });

  it('rejects unknown keys, wrong types and invalid policies with the JSON path', () => {
    const directory = temporaryDirectory();
    const write = (name: string, value: unknown) => {
      const file = join(directory, name);
      writeFileSync(file, JSON.stringify(value));
      return file;
    };
    const request = {
      principal: 'arn:aws:sts::111122223333:assumed-role/R/S',
      action: 's3:GetObject',
      resource: '*',
    };
    const misspelt = write('misspelt.json', { request, identityPolicy: [] });
    expect(expectOneLineError(runCli(['evaluate', misspelt]))).toContain('"identityPolicy"');
    const wrongType = write('wrong-type.json', { request: { ...request, action: 7 }, identityPolicies: [] });
    expect(expectOneLineError(runCli(['evaluate', wrongType]))).toContain(`${wrongType}: $.request.action`);
    const badEffect = write('bad-effect.json', {
      request,
      identityPolicies: [
        { Version: '2012-10-17', Statement: [{ Effect: 'Perhaps', Action: '*', Resource: '*' }] },
      ],
    });
    expect(expectOneLineError(runCli(['evaluate', badEffect]))).toContain(
      '$.identityPolicies[0].Statement[0].Effect',
    );
    expect(expectOneLineError(runCli(['evaluate']))).toContain('missing argument <request.json>');
  });
});
