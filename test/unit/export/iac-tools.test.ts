// The exports checked by the real tools: every CloudFormation template (YAML and JSON) of the three
// examples and of the hostile design passes `cfn-lint` without an error, every Terraform
// configuration passes `terraform init` + `terraform validate` offline against the AWS provider
// unpacked on the machine, and Terraform itself reads hostile strings back exactly as written.
// Both tools are required: a missing tool fails these tests, it never skips them.

import { execFile, execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { exportCloudFormation } from '../../../shared/export/cloudformation';
import { escapeTemplateLiteral, hclFromIac, renderHclValue } from '../../../shared/export/terraform-hcl';
import { exportTerraform } from '../../../shared/export/terraform';
import { substituteJson } from '../../../shared/export/iac-text';
import type { DesignDocument } from '../../../shared/model/types';
import { EXAMPLE_NAMES, HOSTILE, hostileDesign, loadExample } from './designs';

const run = promisify(execFile);
const PROVIDER_MIRROR = '/opt/tf-plugins';

function requireTool(name: string, hint: string): string {
  try {
    return execFileSync('sh', ['-c', `command -v ${name}`], { encoding: 'utf8' }).trim();
  } catch {
    throw new Error(`${name} is not on PATH; the infrastructure-as-code tests need it (${hint})`);
  }
}

const designs: Array<[string, () => DesignDocument]> = [
  ...EXAMPLE_NAMES.map((name): [string, () => DesignDocument] => [name, () => loadExample(name)]),
  ['hostile', hostileDesign],
];

const workspace = mkdtempSync(join(tmpdir(), 'cognito-studio-iac-'));

interface CfnLintMatch {
  Level: string;
  Message: string;
  Filename: string;
  Rule: { Id: string };
  Location: { Start: { LineNumber: number } };
}

describe('cfn-lint', () => {
  let matches: CfnLintMatch[] | undefined;
  let failure: Error | undefined;
  const files: string[] = [];

  beforeAll(async () => {
    try {
      const cfnLint = requireTool('cfn-lint', 'pip install cfn-lint');
      for (const [name, design] of designs) {
        for (const syntax of ['yaml', 'json'] as const) {
          const file = join(workspace, `${name}.template.${syntax}`);
          writeFileSync(file, exportCloudFormation(design(), syntax).text);
          files.push(file);
        }
      }
      // One run over all files; exit codes are bit flags (2 errors, 4 warnings, 8 informational).
      const result = await run(cfnLint, ['--format', 'json', ...files], {
        maxBuffer: 16 * 1024 * 1024,
      }).catch((error: { stdout?: string; code?: number; stderr?: string }) => {
        if (typeof error.stdout === 'string' && error.stdout.trim().startsWith('['))
          return { stdout: error.stdout };
        throw new Error(`cfn-lint did not run (exit ${error.code}): ${error.stderr ?? ''}`);
      });
      matches = JSON.parse(result.stdout) as CfnLintMatch[];
    } catch (error) {
      failure = error as Error;
    }
  }, 180_000);

  for (const [name] of designs) {
    for (const syntax of ['yaml', 'json'] as const) {
      it(`finds no error in the ${syntax.toUpperCase()} template of ${name}`, () => {
        if (failure) throw failure;
        const file = join(workspace, `${name}.template.${syntax}`);
        const errors = (matches ?? [])
          .filter((match) => match.Filename === file && match.Level === 'Error')
          .map((match) => `${match.Rule.Id} line ${match.Location.Start.LineNumber}: ${match.Message}`);
        expect(errors).toEqual([]);
      });
    }
  }
});

describe('terraform', () => {
  let terraform = '';
  let environment: NodeJS.ProcessEnv = {};
  const validations = new Map<string, Promise<ValidateResult>>();

  interface ValidateResult {
    valid: boolean;
    diagnostics: Array<{
      severity: string;
      summary: string;
      detail?: string;
      range?: { start: { line: number } };
    }>;
  }

  async function terraformIn(directory: string, args: string[]): Promise<string> {
    try {
      const { stdout } = await run(terraform, args, {
        cwd: directory,
        env: environment,
        maxBuffer: 16 * 1024 * 1024,
      });
      return stdout;
    } catch (error) {
      const { stdout, stderr } = error as { stdout?: string; stderr?: string };
      if (args[0] === 'validate' && stdout) return stdout;
      throw new Error(`terraform ${args.join(' ')} failed in ${directory}: ${stderr || stdout}`, {
        cause: error,
      });
    }
  }

  beforeAll(async () => {
    terraform = requireTool('terraform', 'https://developer.hashicorp.com/terraform/install');
    const config = join(workspace, 'terraform.rc');
    writeFileSync(
      config,
      `provider_installation {\n  filesystem_mirror {\n    path = "${PROVIDER_MIRROR}"\n  }\n}\n`,
    );
    environment = {
      ...process.env,
      TF_CLI_CONFIG_FILE: config,
      TF_IN_AUTOMATION: '1',
      CHECKPOINT_DISABLE: '1',
    };
    let initialised: string | undefined;
    for (const [name, design] of designs) {
      const directory = join(workspace, `terraform-${name}`);
      mkdirSync(directory, { recursive: true });
      writeFileSync(join(directory, 'main.tf'), exportTerraform(design()).text);
      if (initialised) {
        // Every configuration needs the same provider: reuse the first init (its lock file and the
        // links into the mirror) rather than initialising each directory again.
        cpSync(join(initialised, '.terraform'), join(directory, '.terraform'), {
          recursive: true,
          verbatimSymlinks: true,
        });
        cpSync(join(initialised, '.terraform.lock.hcl'), join(directory, '.terraform.lock.hcl'));
      } else {
        await terraformIn(directory, ['init', '-backend=false', '-input=false', '-no-color']);
        initialised = directory;
      }
    }
    // Validations run side by side; each test awaits its own.
    for (const [name] of designs) {
      const validation = terraformIn(join(workspace, `terraform-${name}`), [
        'validate',
        '-json',
        '-no-color',
      ]).then((stdout) => JSON.parse(stdout) as ValidateResult);
      validation.catch(() => undefined);
      validations.set(name, validation);
    }
  }, 180_000);

  for (const [name] of designs) {
    it(`validates the configuration of ${name} offline`, async () => {
      const result = await validations.get(name)!;
      const problems = result.diagnostics.map(
        (diagnostic) =>
          `${diagnostic.severity} line ${diagnostic.range?.start.line}: ${diagnostic.summary} ${diagnostic.detail ?? ''}`,
      );
      expect(problems).toEqual([]);
      expect(result.valid).toBe(true);
    }, 180_000);
  }

  it('reads generated strings back exactly: quoting, $${ and %%{ escapes, control characters', async () => {
    const directory = join(workspace, 'terraform-generated-strings');
    mkdirSync(directory, { recursive: true });
    const unit = fc.constantFrom(
      '${',
      '%{',
      '$${',
      '$',
      '{',
      '}',
      '%',
      '\\',
      '"',
      "'",
      '\n',
      '\r',
      '\t',
      '\u0001',
      '\u001f',
      '\u007f',
      '\u2028',
      'a',
      'é',
      '✓',
      '😀',
      ' ',
      '#',
      '/',
      '*',
    );
    const samples = fc.sample(fc.string({ unit, maxLength: 24 }), { numRuns: 200, seed: 20261127 });
    const outputs = samples
      .map(
        (value, index) =>
          `output "s${index}" {\n  value = ${renderHclValue(
            hclFromIac(substituteJson(value, []), () => 'unused'),
            2,
          )}\n}\n`,
      )
      .join('');
    writeFileSync(join(directory, 'main.tf'), outputs);
    await terraformIn(directory, ['init', '-backend=false', '-input=false', '-no-color']);
    await terraformIn(directory, ['apply', '-auto-approve', '-input=false', '-no-color']);
    const read = JSON.parse(await terraformIn(directory, ['output', '-json'])) as Record<
      string,
      { value: string }
    >;
    samples.forEach((value, index) => expect(read[`s${index}`]?.value, JSON.stringify(value)).toBe(value));
  }, 120_000);

  it('reads hostile strings back exactly as the design holds them', async () => {
    const directory = join(workspace, 'terraform-strings');
    mkdirSync(directory, { recursive: true });
    const document = {
      Version: '2012-10-17',
      [`key ${HOSTILE}`]: [HOSTILE, '$${already}', '%%{x}', '\u0001\u007f\u2028', 'ünïcødé ✓'],
    };
    const body = renderHclValue(
      hclFromIac(substituteJson(document, []), () => 'unused'),
      2,
    );
    writeFileSync(
      join(directory, 'main.tf'),
      `output "document" {\n  value = jsonencode(${body})\n}\noutput "text" {\n  value = "${escapeTemplateLiteral(HOSTILE)}"\n}\n`,
    );
    await terraformIn(directory, ['init', '-backend=false', '-input=false', '-no-color']);
    await terraformIn(directory, ['apply', '-auto-approve', '-input=false', '-no-color']);
    const outputs = JSON.parse(await terraformIn(directory, ['output', '-json'])) as Record<
      string,
      { value: string }
    >;
    expect(JSON.parse(outputs.document!.value)).toEqual(document);
    expect(outputs.text!.value).toBe(HOSTILE);
  }, 120_000);
});
