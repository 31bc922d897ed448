// `check` (text, JSON, SARIF validated against the official 2.1.0 schema, thresholds) and
// `import-aws` (report, atomic write, no overwrite, round trip through the files on disk).

import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseDesign } from '../../../shared/model/validate';
import type { DesignDocument } from '../../../shared/model/types';
import { exportDumps } from '../import/export-dumps';
import { semanticView } from '../import/semantic-view';
import { buildCli, expectOneLineError, projectRoot, runCli, temporaryDirectory } from './run-cli';

const examples = ['analytics-sdk', 'b2b-saas', 'photo-sharing'].map(
  (name) => `assets/examples/${name}.cognito-design.json`,
);
const severities = ['critical', 'high', 'medium', 'low', 'info'] as const;

beforeAll(() => buildCli());

describe('check', () => {
  const schema = JSON.parse(
    readFileSync(join(projectRoot, 'test/fixtures/sarif/sarif-schema-2.1.0.json'), 'utf8'),
  ) as object;
  const ajv = new Ajv({ strict: false, allErrors: true });
  addFormats(ajv);
  const validateSarif = ajv.compile(schema);

  for (const example of examples) {
    it(`prints SARIF 2.1.0 that validates for ${example}`, () => {
      const run = runCli(['check', example, '--format', 'sarif', '--fail-on', 'none']);
      expect(run.status, run.stderr).toBe(0);
      const sarif = JSON.parse(run.stdout) as { version: string; runs: Array<{ results: unknown[] }> };
      expect(validateSarif(sarif), JSON.stringify(validateSarif.errors?.slice(0, 3))).toBe(true);
      expect(sarif.version).toBe('2.1.0');
      const json = JSON.parse(runCli(['check', example, '--format', 'json', '--fail-on', 'none']).stdout) as {
        findings: unknown[];
      };
      expect(sarif.runs[0]!.results).toHaveLength(json.findings.length);
    });

    it(`exits 1 exactly when a finding reaches the threshold, for ${example}`, () => {
      const json = JSON.parse(runCli(['check', example, '--format', 'json', '--fail-on', 'none']).stdout) as {
        findings: Array<{ severity: string }>;
      };
      for (const [rank, threshold] of severities.entries()) {
        const atOrAbove = json.findings.some(
          (finding) => severities.indexOf(finding.severity as (typeof severities)[number]) <= rank,
        );
        const run = runCli(['check', example, '--fail-on', threshold]);
        expect(run.status, `${threshold}: ${run.stdout}`).toBe(atOrAbove ? 1 : 0);
      }
    });
  }

  it('fails on high by default and says so in the text summary', () => {
    const json = JSON.parse(
      runCli(['check', examples[0]!, '--format', 'json', '--fail-on', 'none']).stdout,
    ) as { findings: Array<{ severity: string }> };
    const high = json.findings.some(
      (finding) => finding.severity === 'critical' || finding.severity === 'high',
    );
    const run = runCli(['check', examples[0]!]);
    expect(run.status).toBe(high ? 1 : 0);
    expect(run.stdout).toContain(`${examples[0]}: ${json.findings.length} finding(s)`);
  });

  it('rejects an unknown format or severity', () => {
    expect(expectOneLineError(runCli(['check', examples[0]!, '--format', 'xml']))).toContain(
      '--format must be one of text, json, sarif',
    );
    expect(expectOneLineError(runCli(['check', examples[0]!, '--fail-on', 'severe']))).toContain(
      '--fail-on must be one of',
    );
  });
});

describe('import-aws', () => {
  const fixtures = join(projectRoot, 'test/fixtures/aws-dumps/field-app');
  const fixtureFiles = readdirSync(fixtures).map((name) => join(fixtures, name));

  it('writes a valid design and reports what is missing and assumed', () => {
    const directory = temporaryDirectory();
    const target = join(directory, 'field.cognito-design.json');
    const run = runCli(['import-aws', ...fixtureFiles, '-o', target]);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toContain('Recognised:');
    expect(run.stdout).toContain('Missing:');
    expect(run.stdout).toContain('account id 444455556666: taken from the ARNs in the dumps');
    expect(run.stdout).toContain(`Wrote ${target}`);
    expect(runCli(['validate', target]).status).toBe(0);
    expect(readdirSync(directory)).toEqual(['field.cognito-design.json']);
  });

  it('never overwrites an existing file unless --force', () => {
    const directory = temporaryDirectory();
    const target = join(directory, 'existing.json');
    writeFileSync(target, 'keep me');
    expect(expectOneLineError(runCli(['import-aws', ...fixtureFiles, '-o', target]))).toContain(
      'file exists; use --force',
    );
    expect(readFileSync(target, 'utf8')).toBe('keep me');
    expect(readdirSync(directory)).toEqual(['existing.json']);
    expect(runCli(['import-aws', ...fixtureFiles, '-o', target, '--force']).status).toBe(0);
    expect(readFileSync(target, 'utf8')).toContain('"format": "cognito-access-studio/design"');
  });

  it('prints the report as JSON', () => {
    const directory = temporaryDirectory();
    const run = runCli([
      'import-aws',
      ...fixtureFiles,
      '-o',
      join(directory, 'x.json'),
      '--json',
      '--name',
      'Field app',
    ]);
    const report = JSON.parse(run.stdout) as {
      recognized: unknown[];
      missing: string[];
      assumptions: string[];
      warnings: string[];
    };
    expect(report.recognized).toHaveLength(fixtureFiles.length);
    const design = JSON.parse(readFileSync(join(directory, 'x.json'), 'utf8')) as { name: string };
    expect(design.name).toBe('Field app');
  });

  it('round-trips a dump of an example design through files on disk', () => {
    const original = parseDesign(JSON.parse(readFileSync(join(projectRoot, examples[2]!), 'utf8')))
      .design as DesignDocument;
    const directory = temporaryDirectory();
    const files = Object.entries(exportDumps(original)).map(([name, content]) => {
      const file = join(directory, name);
      writeFileSync(file, JSON.stringify(content, null, 4));
      return file;
    });
    const target = join(directory, 'out', '..', 'imported.cognito-design.json');
    const run = runCli(['import-aws', ...files, '-o', target]);
    expect(run.status, run.stderr).toBe(0);
    const imported = parseDesign(JSON.parse(readFileSync(target, 'utf8'))).design as DesignDocument;
    const view = semanticView(imported);
    const expected = semanticView(original);
    expect(view.identityPools).toEqual(expected.identityPools);
    expect(view.roles).toEqual(expected.roles);
    expect(view.userPools).toEqual(expected.userPools);
    expect(view.managedPolicies).toEqual(expected.managedPolicies);
  });

  it('names the file that is not an AWS output, or not JSON, and writes nothing', () => {
    const directory = temporaryDirectory();
    const notes = join(directory, 'notes.json');
    writeFileSync(notes, '{"hello": "world"}');
    const target = join(directory, 'out.json');
    expect(expectOneLineError(runCli(['import-aws', notes, '-o', target]))).toContain(
      `${notes}: not recognised`,
    );
    const broken = join(directory, 'broken.json');
    writeFileSync(broken, '{"IdentityPoolId": ');
    expect(expectOneLineError(runCli(['import-aws', broken, '-o', target]))).toContain(
      `${broken}: malformed JSON`,
    );
    expect(existsSync(target)).toBe(false);
    expect(expectOneLineError(runCli(['import-aws', notes]))).toContain('missing -o');
    expect(expectOneLineError(runCli(['import-aws', '-o', target]))).toContain('no input files');
  });
});
