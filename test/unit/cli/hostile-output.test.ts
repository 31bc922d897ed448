// Hostile input to the built CLI, second part: terminal escape sequences in designs and file names,
// huge inputs echoed in errors, outputs that are not regular files, conflicting AWS dumps,
// duplicate JSON keys, a full disk and temporary files of killed writes.
import {
  existsSync,
  lstatSync,
  readFileSync,
  readdirSync,
  readlinkSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { hostApiSchemas } from '../../../shared/host/api';
import { loadDesign, MAX_DESIGN_BYTES } from '../../../shared/model/io';
import { buildCli, expectOneLineError, projectRoot, runCli, temporaryDirectory } from './run-cli';

const photos = 'assets/examples/photo-sharing.cognito-design.json';
const dumpsFolder = 'test/fixtures/aws-dumps/field-app';
const dumps = ['identity-pool.json', 'identity-pool-roles.json', 'account-authorization-details.json'].map(
  (file) => `${dumpsFolder}/${file}`,
);
/** Raw control characters a terminal would act on: ESC, BEL, CSI (C1), a bidi override. */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const rawControls = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202e]/;

beforeAll(() => buildCli());

/** The photo-sharing example with a persona renamed to carry terminal escape sequences. */
function hostileDesign(): string {
  const design = JSON.parse(readFileSync(join(projectRoot, photos), 'utf8')) as {
    personas: Array<{ id: string; name: string }>;
  };
  const carol = design.personas.find((persona) => persona.id === 'persona-carol');
  if (carol) carol.name = 'Carol \u001b]0;owned\u0007\u001b[2J\u009b31m\u202eevil';
  const file = join(temporaryDirectory(), 'hostile.cognito-design.json');
  writeFileSync(file, JSON.stringify(design));
  return file;
}

describe('control characters are never written raw to a terminal', () => {
  it('escapes them in the text output of matrix and in JSON', () => {
    const design = hostileDesign();
    const text = runCli([
      'matrix',
      design,
      '--actions',
      'assets/examples/requests/photo-actions.txt',
      '--personas',
      'persona-carol',
    ]);
    expect(text.status, text.stderr).toBe(0);
    expect(text.stdout).not.toMatch(rawControls);
    expect(text.stdout).toContain('Carol \\u001b]0;owned\\u0007\\u001b[2J\\u009b31m\\u202eevil');
    const json = runCli([
      'matrix',
      design,
      '--actions',
      'assets/examples/requests/photo-actions.txt',
      '--json',
    ]);
    expect(json.stdout).not.toMatch(rawControls);
    const parsed = JSON.parse(json.stdout) as { personas: Array<{ name: string }> };
    // Still valid JSON that reads back to the very same name.
    expect(parsed.personas.map((persona) => persona.name)).toContain(
      'Carol \u001b]0;owned\u0007\u001b[2J\u009b31m\u202eevil',
    );
  });

  it('escapes them in errors naming a file', () => {
    const name = join(temporaryDirectory(), 'design\u001b[31m\u0007.json');
    const line = expectOneLineError(runCli(['validate', name]));
    expect(line).not.toMatch(rawControls);
    expect(line).toContain('design\\u001b[31m\\u0007.json: no such file');
  });
});

describe('error messages quote at most ~200 characters of input', () => {
  it('does not echo a huge unknown key of a batch line', () => {
    const hugeKey = 'k'.repeat(2_000_000);
    const input = `{"request":{"principal":"p","action":"s3:GetObject","resource":"*"},"identityPolicies":[],"${hugeKey}":1}\n`;
    const run = runCli(['evaluate', '--batch', '-'], { input });
    expect(run.status).toBe(2);
    const answer = JSON.parse(run.stdout) as { line: number; error: string };
    expect(answer.error).toContain('unknown key(s) "kkkk');
    expect(answer.error).toContain('more characters');
    expect(answer.error.length).toBeLessThan(1100);
    expect(run.stderr.length).toBeLessThan(1100);
  });

  it('does not echo a huge command name', () => {
    const line = expectOneLineError(runCli([`x${'y'.repeat(100_000)}`]));
    expect(line.length).toBeLessThan(1100);
    expect(line).toContain('unknown command');
  });
});

describe('-o onto something that is not a regular file', () => {
  function linkedOutput(): { victim: string; link: string } {
    const folder = temporaryDirectory();
    const victim = join(folder, 'victim.txt');
    const link = join(folder, 'imported.cognito-design.json');
    writeFileSync(victim, 'precious');
    symlinkSync(victim, link);
    return { victim, link };
  }

  it('refuses a symbolic link to a file, with or without --force, and keeps both', () => {
    for (const force of [[], ['--force']]) {
      const { victim, link } = linkedOutput();
      const line = expectOneLineError(runCli(['import-aws', ...dumps, '-o', link, ...force]));
      expect(line).toBe(
        `cognito-studio: error: ${link}: is a symbolic link; it is neither followed nor replaced (write to the file it points to, or remove the link)`,
      );
      expect(readFileSync(victim, 'utf8')).toBe('precious');
      expect(readlinkSync(link)).toBe(victim);
    }
  });

  it('writes through /dev/stdout and a device instead of replacing them', () => {
    const throughLink = runCli(['import-aws', ...dumps, '-o', '/dev/stdout', '--force']);
    expect(throughLink.status, throughLink.stderr).toBe(0);
    expect(lstatSync('/dev/stdout').isSymbolicLink()).toBe(true);
    expect(throughLink.stdout).toContain('"format": "cognito-access-studio/design"');
    const toNull = runCli(['import-aws', ...dumps, '-o', '/dev/null']);
    expect(toNull.status, toNull.stderr).toBe(0);
    expect(lstatSync('/dev/null').isCharacterDevice()).toBe(true);
  });

  it('writes the design to standard output for -o - and the report to standard error', () => {
    const run = runCli(['import-aws', ...dumps, '-o', '-']);
    expect(run.status, run.stderr).toBe(0);
    expect(JSON.parse(run.stdout)).toHaveProperty('identityPools');
    expect(run.stderr).toContain('Recognised:');
  });

  it('refuses a directory', () => {
    const folder = temporaryDirectory();
    expect(expectOneLineError(runCli(['import-aws', ...dumps, '-o', folder, '--force']))).toBe(
      `cognito-studio: error: ${folder}: is a directory, expected a file`,
    );
  });

  it('says in one line that the disk is full', () => {
    expect(expectOneLineError(runCli(['import-aws', ...dumps, '-o', '/dev/full']))).toBe(
      'cognito-studio: error: /dev/full: cannot write: the disk is full (no space left on the device)',
    );
  });
});

describe('temporary files of a killed write', () => {
  it('are removed by the next write of the same file; other files are left alone', () => {
    const folder = temporaryDirectory();
    const target = join(folder, 'imported.cognito-design.json');
    const leftover = join(folder, '.imported.cognito-design.json.0123456789ab.tmp');
    const unrelated = join(folder, '.other.json.0123456789ab.tmp');
    writeFileSync(leftover, '{"half": ');
    writeFileSync(unrelated, 'keep');
    const run = runCli(['import-aws', ...dumps, '-o', target]);
    expect(run.status, run.stderr).toBe(0);
    expect(existsSync(leftover)).toBe(false);
    expect(existsSync(unrelated)).toBe(true);
    expect(readdirSync(folder).filter((name) => name.endsWith('.tmp'))).toEqual([
      '.other.json.0123456789ab.tmp',
    ]);
  });
});

describe('two AWS dumps that define the same role differently', () => {
  it('warn and name both files', () => {
    const folder = temporaryDirectory();
    const details = JSON.parse(readFileSync(join(projectRoot, dumps[2] as string), 'utf8')) as {
      RoleDetailList: Array<{ Arn: string; RolePolicyList?: Array<{ PolicyName: string }> }>;
    };
    const first = join(folder, 'details-monday.json');
    writeFileSync(first, JSON.stringify(details));
    const role = details.RoleDetailList[0];
    if (role) role.RolePolicyList = [];
    const second = join(folder, 'details-friday.json');
    writeFileSync(second, JSON.stringify(details));
    const run = runCli([
      'import-aws',
      dumps[0] as string,
      dumps[1] as string,
      first,
      second,
      '-o',
      join(folder, 'out.json'),
    ]);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toContain(
      `role ${role?.Arn} is defined differently in ${first} and ${second}; the definition in ${second} (the later file) was used`,
    );
    const same = runCli(['import-aws', ...dumps, first, '-o', join(folder, 'same.json')]);
    expect(same.stdout).not.toContain('defined differently');
  });
});

describe('duplicate keys in JSON objects are errors with their location', () => {
  it('in a design file', () => {
    const text = readFileSync(join(projectRoot, photos), 'utf8').replace(
      '"Effect": "Allow"',
      '"Effect": "Deny", "Effect": "Allow"',
    );
    const file = join(temporaryDirectory(), 'duplicate.cognito-design.json');
    writeFileSync(file, text);
    const line = expectOneLineError(runCli(['validate', file]));
    expect(line).toMatch(
      /duplicate key "Effect" in \$\.roles\[\d+\]\.inlinePolicies\[\d+\]\.document\.Statement\[\d+\]/,
    );
    expect(line).toMatch(/line \d+, column \d+/);
  });

  it('in a request file and in a batch line', () => {
    const request =
      '{"request":{"principal":"p","action":"s3:GetObject","resource":"*"},"identityPolicies":[{"Version":"2012-10-17","Statement":[{"Effect":"Deny","Effect":"Allow","Action":"*","Resource":"*"}]}]}';
    const file = join(temporaryDirectory(), 'request.json');
    writeFileSync(file, request);
    expect(expectOneLineError(runCli(['evaluate', file]))).toBe(
      `cognito-studio: error: ${file}: malformed JSON: duplicate key "Effect" in $.identityPolicies[0].Statement[0] (only the last one would count) at line 1, column 143`,
    );
    const batch = runCli(['evaluate', '--batch', '-'], { input: `${request}\n` });
    expect(batch.status).toBe(2);
    expect((JSON.parse(batch.stdout) as { error: string }).error).toBe(
      '<stdin>:1: malformed JSON: duplicate key "Effect" in $.identityPolicies[0].Statement[0] (only the last one would count) at column 143',
    );
  });
});

describe('one design size limit', () => {
  it('the app saves only what the loader opens again, counted in UTF-8 bytes', () => {
    const save = hostApiSchemas.saveDesign.request;
    // 7 MiB of "€" is 7 Mi characters (under a character limit) but 21 MiB of UTF-8.
    const euros = '\u20ac'.repeat(7 * 1024 * 1024);
    expect(save.safeParse({ content: euros }).success).toBe(false);
    expect(loadDesign(euros).ok).toBe(false);
    // The largest design the app may save still opens.
    const design = readFileSync(join(projectRoot, photos), 'utf8');
    const padded = design.replace(
      /\}\s*$/,
      `,"padding":"${' '.repeat(MAX_DESIGN_BYTES - design.length - 20)}"}`,
    );
    expect(Buffer.byteLength(padded)).toBeLessThanOrEqual(MAX_DESIGN_BYTES);
    expect(Buffer.byteLength(padded)).toBeGreaterThan(MAX_DESIGN_BYTES - 64);
    expect(save.safeParse({ content: padded }).success).toBe(true);
    const loaded = loadDesign(padded);
    expect(loaded.ok ? 'opened' : loaded.issues[0]?.code).not.toBe('too-large');
    expect(readFileSync(join(projectRoot, 'README.md'), 'utf8')).toContain('at most 20 MiB of UTF-8 text');
  });
});
