// `export`: files written atomically in the chosen format, notes for people, no overwrite without
// --force, and one-line errors for bad input.

import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { buildCli, expectOneLineError, runCli, temporaryDirectory } from './run-cli';

const photos = 'assets/examples/photo-sharing.cognito-design.json';

beforeAll(() => buildCli());

describe('export', () => {
  it('writes CloudFormation as YAML or JSON, chosen by the extension or --cfn-format', () => {
    const directory = temporaryDirectory();
    const yamlFile = join(directory, 'stack.yaml');
    const jsonFile = join(directory, 'stack.json');
    const yamlRun = runCli(['export', photos, '--format', 'cloudformation', '-o', yamlFile]);
    expect(yamlRun.stderr).toBe('');
    expect(yamlRun.status).toBe(0);
    expect(yamlRun.stdout).toMatch(
      new RegExp(
        `^Wrote ${yamlFile.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} \\(CloudFormation \\(YAML\\)\\)\\n`,
      ),
    );
    expect(yamlRun.stdout).toMatch(/^note: User pool 'photo-sharing-users' is not created by the export/m);
    const jsonRun = runCli(['export', photos, '--format', 'cloudformation', '--out', jsonFile]);
    expect(jsonRun.status).toBe(0);
    const json = JSON.parse(readFileSync(jsonFile, 'utf8')) as {
      Resources: Record<string, { Type: string }>;
    };
    expect(parseYaml(readFileSync(yamlFile, 'utf8'))).toEqual(json);
    expect(Object.values(json.Resources).map((resource) => resource.Type)).toContain(
      'AWS::Cognito::IdentityPoolRoleAttachment',
    );

    const forced = join(directory, 'other.txt');
    expect(
      runCli(['export', photos, '--format', 'cloudformation', '--cfn-format', 'json', '-o', forced]).status,
    ).toBe(0);
    expect(() => JSON.parse(readFileSync(forced, 'utf8')) as unknown).not.toThrow();
  });

  it('prints Terraform on standard output and notes on standard error', () => {
    const run = runCli(['export', photos, '--format', 'terraform']);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain(
      'resource "aws_cognito_identity_pool_roles_attachment" "photo_sharing_identities" {',
    );
    expect(run.stderr).toMatch(/^cognito-studio: note: User pool 'photo-sharing-users'/);
  });

  it('keeps an existing file unless --force', () => {
    const directory = temporaryDirectory();
    const file = join(directory, 'main.tf');
    writeFileSync(file, 'keep me\n');
    const refused = runCli(['export', photos, '--format', 'terraform', '-o', file]);
    expect(expectOneLineError(refused)).toBe(
      `cognito-studio: error: ${file}: file exists; use --force to replace it`,
    );
    expect(readFileSync(file, 'utf8')).toBe('keep me\n');
    expect(runCli(['export', photos, '--format', 'terraform', '-o', file, '--force']).status).toBe(0);
    expect(readFileSync(file, 'utf8')).toContain('aws_cognito_identity_pool');
  });

  it('answers bad input with one line and writes nothing', () => {
    const directory = temporaryDirectory();
    const file = join(directory, 'out.json');
    expect(expectOneLineError(runCli(['export', photos]))).toMatch(
      /missing --format cloudformation\|terraform/,
    );
    expect(expectOneLineError(runCli(['export', photos, '--format', 'pulumi']))).toMatch(
      /--format must be one of cloudformation, terraform \(got 'pulumi'\)/,
    );
    expect(
      expectOneLineError(
        runCli(['export', photos, '--format', 'cloudformation', '--cfn-format', 'yaml', '-o', file]),
      ),
    ).toMatch(/--cfn-format yaml does not match the \.json extension/);
    expect(
      expectOneLineError(runCli(['export', photos, '--format', 'terraform', '--cfn-format', 'json'])),
    ).toMatch(/--cfn-format applies to --format cloudformation only/);
    const broken = join(directory, 'broken.cognito-design.json');
    const design = JSON.parse(readFileSync(photos, 'utf8')) as { roles: Array<{ id: string }> };
    design.roles[0]!.id = design.roles[1]!.id;
    writeFileSync(broken, JSON.stringify(design));
    expect(expectOneLineError(runCli(['export', broken, '--format', 'terraform', '-o', file]))).toMatch(
      /invalid design: /,
    );
    expect(existsSync(file)).toBe(false);
  });
});
