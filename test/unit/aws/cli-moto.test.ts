// The `pull`, `plan` and `apply` commands as a user runs them, against the AWS emulator.

import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { loadDesign } from '../../../shared/model/io';
import { spawnSync } from 'node:child_process';
import { buildCli, cliBundle, runCli, temporaryDirectory } from '../cli/run-cli';
import { emulatorEnvironment, startMoto, type Moto } from './moto';

let moto: Moto;

beforeAll(async () => {
  buildCli();
  moto = await startMoto();
}, 120_000);

afterAll(async () => {
  await moto?.stop();
});

beforeEach(async () => {
  for (const [key, value] of Object.entries(emulatorEnvironment())) vi.stubEnv(key, value);
  vi.stubEnv('AWS_PROFILE', '');
  vi.stubEnv('AWS_REGION', '');
  await moto.reset();
  return () => vi.unstubAllEnvs();
});

function copyOfExample(name: string): string {
  const path = join(temporaryDirectory(), `${name}.cognito-design.json`);
  copyFileSync(`assets/examples/${name}.cognito-design.json`, path);
  return path;
}

describe('cognito-studio apply, plan and pull against moto_server', () => {
  it('applies the photo-sharing example, then plans nothing, then pulls a design that validates', () => {
    const design = copyOfExample('photo-sharing');
    const endpoint = ['--endpoint-url', moto.endpoint];
    const before = readFileSync(design, 'utf8');

    const plan = runCli(['plan', design, ...endpoint]);
    expect(plan.status, plan.stderr).toBe(0);
    expect(plan.stdout).toMatch(/^Account 111122223333, region us-east-1\n/);
    expect(plan.stdout).toContain(
      "1. identity pool PhotoSharingIdentities: create identity pool (the design's id us-east-1:6f1a2b3c-4d5e-4f60-8a71-92b3c4d5e6f7 is replaced by the id AWS assigns)",
    );
    expect(plan.stdout).toContain('role /photo-sharing/PhotoSharingAdmins: create role');
    expect(plan.stdout).toContain(
      '"cognito-identity.amazonaws.com:aud": "<id AWS assigns to identity pool PhotoSharingIdentities>"',
    );

    // Not a terminal and no --yes: the plan is shown and nothing is applied.
    const refused = runCli(['apply', design, ...endpoint]);
    expect(refused.status).toBe(1);
    expect(refused.stderr).toBe(
      'cognito-studio: apply: standard input is not a terminal; nothing applied (pass --yes to apply without asking)\n',
    );
    expect(readFileSync(design, 'utf8')).toBe(before);

    const applied = runCli(['apply', design, ...endpoint, '--yes']);
    expect(applied.status, applied.stderr).toBe(0);
    expect(applied.stdout).toContain(`Recorded the identity pool id(s) AWS assigned in ${design}.`);
    expect(applied.stdout).toMatch(/Applied \d+ change\(s\) to account 111122223333 in us-east-1\.\n$/);
    const rewritten = loadDesign(readFileSync(design, 'utf8'));
    if (!rewritten.ok) throw new Error('the rewritten design does not load');
    const poolId = rewritten.design.identityPools[0]!.poolId;
    expect(poolId).not.toBe('us-east-1:6f1a2b3c-4d5e-4f60-8a71-92b3c4d5e6f7');

    const second = runCli(['plan', design, ...endpoint]);
    expect(second.status, second.stderr).toBe(0);
    expect(second.stdout).toBe(
      'Account 111122223333, region us-east-1\nNo changes: the account matches the design.\n',
    );
    const json = runCli(['plan', design, ...endpoint, '--json']);
    expect(JSON.parse(json.stdout)).toMatchObject({ accountId: '111122223333', changes: [] });

    const again = runCli(['apply', design, ...endpoint, '--yes']);
    expect(again.status, again.stderr).toBe(0);
    expect(again.stdout).toBe('Applied 0 change(s) to account 111122223333 in us-east-1.\n');

    const pulledPath = join(temporaryDirectory(), 'pulled.cognito-design.json');
    const pull = runCli([
      'pull',
      '--region',
      'us-east-1',
      '--identity-pool',
      poolId,
      '-o',
      pulledPath,
      ...endpoint,
    ]);
    expect(pull.status, pull.stderr).toBe(0);
    expect(pull.stdout).toContain('Pulled from account 111122223333 in us-east-1:');
    const validate = runCli(['validate', pulledPath]);
    expect(validate.status, validate.stdout + validate.stderr).toBe(0);
  });

  it('asks on a terminal, naming the account and region, and applies only after "yes"', () => {
    const design = copyOfExample('analytics-sdk');
    const before = readFileSync(design, 'utf8');
    // `script` gives the command a pseudo-terminal, as a person at a shell has.
    const atTerminal = (answer: string) =>
      spawnSync(
        'script',
        [
          '-qec',
          `${process.execPath} ${cliBundle} apply ${design} --endpoint-url ${moto.endpoint}`,
          '/dev/null',
        ],
        { input: `${answer}\n`, encoding: 'utf8', timeout: 60_000, env: process.env },
      );
    const declined = atTerminal('no');
    expect(declined.stdout).toMatch(
      /Apply \d+ change\(s\) to account 111122223333 in us-east-1\? Type yes to continue: /,
    );
    expect(declined.stdout).toContain('cognito-studio: apply: not confirmed; nothing applied');
    expect(declined.status).toBe(1);
    expect(readFileSync(design, 'utf8')).toBe(before);
    expect(runCli(['plan', design, '--endpoint-url', moto.endpoint]).stdout).toContain(
      'create identity pool',
    );

    const confirmed = atTerminal('yes');
    expect(confirmed.status, confirmed.stdout).toBe(0);
    expect(confirmed.stdout).toMatch(/Applied \d+ change\(s\) to account 111122223333 in us-east-1\./);
    expect(runCli(['plan', design, '--endpoint-url', moto.endpoint]).stdout).toContain(
      'No changes: the account matches the design.',
    );
  });

  it('says in one line when the design is for another account', () => {
    const text = readFileSync('assets/examples/photo-sharing.cognito-design.json', 'utf8').replaceAll(
      '111122223333',
      '444455556666',
    );
    const other = join(temporaryDirectory(), 'other.cognito-design.json');
    writeFileSync(other, text);
    const run = runCli(['plan', other, '--endpoint-url', moto.endpoint]);
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(
      /^cognito-studio: plan: the design is for account 444455556666 but the credentials belong to account 111122223333; [^\n]+\n$/,
    );
  });

  it('refuses bad options in one line', () => {
    const missing = runCli(['pull', '--region', 'us-east-1', '-o', 'x.json']);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toBe(
      "cognito-studio: error: pull: missing --identity-pool <id> (see 'cognito-studio pull --help')\n",
    );
    const badEndpoint = runCli(['plan', copyOfExample('photo-sharing'), '--endpoint-url', 'ftp://x']);
    expect(badEndpoint.status).toBe(1);
    expect(badEndpoint.stderr).toBe(
      "cognito-studio: plan: endpoint must be http:// or https:// (got 'ftp:')\n",
    );
  });
});
