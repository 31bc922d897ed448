// The inspector's issue list (and so the policy editor's markers, which use the same functions)
// reports exactly what `cognito-studio validate` reports: same paths, messages and severities, on
// the examples and on a design with the typos people make in policies.

import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadDesign } from '../../../shared/model/io';
import type { DesignDocument } from '../../../shared/model/types';
import { createHostService } from '../../../src-main/host/service';
import { designIssues } from '../../../src-renderer/inspector/issues';
import { createHostCatalog } from '../../../src-renderer/policy-editor/host-catalog';
import { buildCli, runCli, temporaryDirectory } from '../cli/run-cli';

beforeAll(() => buildCli());

const service = createHostService({
  mode: 'browser',
  version: '0.0.0',
  platform: 'linux',
  workingDirectory: process.cwd(),
  appDataDirectory: join(temporaryDirectory(), 'data'),
  examplesDirectory: join(process.cwd(), 'assets', 'examples'),
});
// The renderer's catalog, answered by the real host service (what the loopback or IPC transport serves).
const catalog = createHostCatalog(service);

interface Listed {
  severity: string;
  path: string;
  message: string;
}

function cliProblems(file: string): Listed[] {
  const run = runCli(['validate', file, '--json']);
  const report = JSON.parse(run.stdout) as { errors: Listed[]; warnings: Listed[] };
  return [
    ...report.errors.map((problem) => ({ severity: 'error', path: problem.path, message: problem.message })),
    ...report.warnings.map((problem) => ({
      severity: 'warning',
      path: problem.path,
      message: problem.message,
    })),
  ];
}

async function inspectorProblems(file: string): Promise<Listed[]> {
  const loaded = loadDesign(readFileSync(file, 'utf8'), { allowSemanticErrors: true });
  if (!loaded.ok) throw new Error(`${file} does not load`);
  return (await designIssues(loaded.design, catalog)).map((issue) => ({
    severity: issue.severity,
    path: issue.path,
    message: issue.message,
  }));
}

function sorted(list: Listed[]): Listed[] {
  return [...list].sort((a, b) =>
    `${a.severity}${a.path}${a.message}`.localeCompare(`${b.severity}${b.path}${b.message}`),
  );
}

describe('inspector issues equal the CLI', () => {
  for (const example of ['photo-sharing', 'b2b-saas', 'analytics-sdk']) {
    it(`on the ${example} example`, async () => {
      const file = join('assets', 'examples', `${example}.cognito-design.json`);
      expect(sorted(await inspectorProblems(file))).toEqual(sorted(cliProblems(file)));
    });
  }

  it('on a design whose policies have typos', async () => {
    const design = JSON.parse(
      readFileSync(join('assets', 'examples', 'photo-sharing.cognito-design.json'), 'utf8'),
    ) as DesignDocument;
    const role = design.roles[1]!;
    role.inlinePolicies[0]!.document = {
      Version: '2012-10-17',
      Statement: [
        {
          Effect: 'Alow',
          Action: 's3:GetObject',
          Resource: 'arn:aws:s3:::photo-sharing-media-111122223333/*',
          Condition: { StringEqualz: { 's3:ExistingObjectTag/public': 'yes' } },
        },
        { Effect: 'Allow', Action: 's3:GetObjekt' },
      ],
    };
    role.trustPolicy = { mode: 'custom', document: { Version: '2012-10-17', Statement: [] } };
    const file = join(temporaryDirectory(), 'broken.cognito-design.json');
    writeFileSync(file, JSON.stringify(design, null, 2));
    const cli = cliProblems(file);
    expect(cli.filter((problem) => problem.path.startsWith('$.roles[1].inlinePolicies[0]'))).toHaveLength(4);
    expect(cli.filter((problem) => problem.severity === 'error').length).toBeGreaterThanOrEqual(3);
    expect(sorted(await inspectorProblems(file))).toEqual(sorted(cli));
  });
});
