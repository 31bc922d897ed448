import { readFileSync } from 'node:fs';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import type { DesignDocument } from '../../../shared/model/types';
import { reviewDesign, toSarif } from '../../../shared/review';
import { baseDesign, roleWith } from './fixtures';

const schema = JSON.parse(
  readFileSync(new URL('../../fixtures/sarif/sarif-schema-2.1.0.json', import.meta.url), 'utf8'),
) as Record<string, unknown>;

function validator() {
  const ajv = new Ajv({ allErrors: true, strict: false });
  addFormats(ajv);
  return ajv.compile(schema);
}

function example(name: string): DesignDocument {
  return JSON.parse(
    readFileSync(new URL(`../../../assets/examples/${name}.cognito-design.json`, import.meta.url), 'utf8'),
  ) as DesignDocument;
}

describe('SARIF output against the official SARIF 2.1.0 schema', () => {
  const validate = validator();

  it.each(['photo-sharing', 'b2b-saas', 'analytics-sdk'])('validates for the %s example', async (name) => {
    const log = toSarif(await reviewDesign(example(name)), {
      designUri: `assets/examples/${name}.cognito-design.json`,
      toolVersion: '0.1.0',
    });
    const valid = validate(log);
    expect(validate.errors ?? []).toEqual([]);
    expect(valid).toBe(true);
  });

  it('validates with findings of every severity, generated trust (no line) and a path with spaces', async () => {
    const design = baseDesign({
      pool: { authenticatedRoleId: 'User', allowClassicFlow: true },
      roles: [
        roleWith('User', [
          { Effect: 'Allow', Action: 'iam:PassRole', Resource: '*' },
          { Effect: 'Allow', Action: 's3:PutObject', Resource: '*' },
        ]),
      ],
    });
    const findings = await reviewDesign(design);
    expect(new Set(findings.map((finding) => finding.severity)).size).toBeGreaterThan(1);
    const log = toSarif(findings, { designUri: 'designs\\my design.cognito-design.json' });
    expect(validate(log)).toBe(true);
    expect(JSON.stringify(log)).toContain('designs/my%20design.cognito-design.json');
  });

  it('the schema is strict enough to reject a result without a message', () => {
    const log = toSarif([], { designUri: 'a.json' }) as { runs: Array<{ results: unknown[] }> };
    log.runs[0]!.results.push({ ruleId: 'x', level: 'error' });
    expect(validate(log)).toBe(false);
  });
});
