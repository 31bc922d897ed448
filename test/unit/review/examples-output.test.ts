import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { IamCatalog } from '../../../shared/iam/catalog';
import type { DesignDocument } from '../../../shared/model/types';
import { serializeDesign } from '../../../shared/model/serialize';
import {
  REVIEW_CHECKS,
  formatFindingsText,
  parseSeverity,
  reviewDesign,
  sarifLevel,
  severityAtLeast,
  toSarif,
} from '../../../shared/review';
import { baseDesign, roleWith } from './fixtures';

function example(name: string): DesignDocument {
  return JSON.parse(
    readFileSync(new URL(`../../../assets/examples/${name}.cognito-design.json`, import.meta.url), 'utf8'),
  ) as DesignDocument;
}

describe('example designs', () => {
  it('photo sharing: only the guest read of the public gallery (a reminder to confirm it is public)', async () => {
    const findings = await reviewDesign(example('photo-sharing'));
    expect(
      findings.map((finding) => [
        finding.checkId,
        finding.severity,
        finding.entity.id,
        finding.location?.jsonPath,
      ]),
    ).toEqual([['guest-write-access', 'low', 'role-guest', '$.Statement[0]']]);
  });

  it('B2B SaaS: no findings — the tenant tag reaches every client of the user pool', async () => {
    // The ops client's Token mapping hands out SaaSTenantAdmin, whose policies key on
    // ${aws:PrincipalTag/tenant}. AWS keeps one principal-tag map per user pool, and that map sets
    // `tenant`, so sessions through the ops client carry the tag too and no variable is missing.
    // The DynamoDB statements keyed on dynamodb:LeadingKeys also require the key (Null false).
    const findings = await reviewDesign(example('b2b-saas'));
    expect(
      findings.map((finding) => [
        finding.checkId,
        finding.severity,
        finding.entity.id,
        finding.location?.policy,
      ]),
    ).toEqual([]);
  });

  it('analytics SDK: every write the guest role grants, one finding per policy, the per-identity sync dataset as low', async () => {
    const findings = await reviewDesign(example('analytics-sdk'));
    expect(
      findings.map((finding) => [
        finding.checkId,
        finding.severity,
        finding.location?.policy,
        finding.location?.jsonPath,
      ]),
    ).toEqual([
      ['guest-write-access', 'medium', "managed 'AnalyticsEventIngest'", '$.Statement[0]'],
      ['guest-write-access', 'low', "inline 'DeviceSettingsSync'", '$.Statement[0]'],
    ]);
  });

  it('line numbers point at the statement in the file as saved', async () => {
    const design = example('photo-sharing');
    const [finding] = await reviewDesign(design);
    const lines = serializeDesign(design).split('\n');
    const line = finding?.location?.line ?? 0;
    expect(lines[line - 1]?.trim()).toBe('{');
    expect(lines.slice(line, line + 6).join('\n')).toContain('"Sid": "ReadPublicGallery"');
  });
});

describe('registry', () => {
  it('has unique ids and codes, and a check for every bullet of design.md §7', () => {
    const ids = REVIEW_CHECKS.map((check) => check.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(new Set(REVIEW_CHECKS.map((check) => check.code)).size).toBe(ids.length);
    expect(ids).toEqual(
      expect.arrayContaining([
        'basic-flow-enabled',
        'trust-missing-aud',
        'trust-missing-amr',
        'trust-amr-operator',
        'mutable-claim',
        'rule-value-overlap',
        'ambiguous-default-broader',
        'guest-write-access',
        'variables-without-version',
        'variable-not-in-session',
        'partition-on-user-pool-sub',
        'write-on-wildcard-resource',
        'privilege-escalation',
        'trust-missing-tag-session',
        'mapping-provider-not-accepted',
        'limit-exceeded',
        'group-precedence-tie',
        'catalog-unknown-action',
        'catalog-condition-key',
        'catalog-resource-mismatch',
      ]),
    );
  });
});

/** A catalog with two S3 actions, enough to exercise the catalog checks. */
function smallCatalog(): IamCatalog {
  const object = {
    name: 'object',
    required: true,
    arnFormat: 'arn:${Partition}:s3:::${BucketName}/${ObjectName}',
    conditionKeys: [],
  };
  const actions = {
    getobject: {
      service: 's3',
      name: 'GetObject',
      description: '',
      accessLevel: 'Read',
      resourceTypes: [object],
      conditionKeys: ['s3:ExistingObjectTag/${TagKey}'],
      wildcardOnly: false,
    },
    putobject: {
      service: 's3',
      name: 'PutObject',
      description: '',
      accessLevel: 'Write',
      resourceTypes: [object],
      conditionKeys: [],
      wildcardOnly: false,
    },
  };
  return {
    hasService: async (service) => service.toLowerCase() === 's3',
    listServices: async () => ['s3'],
    listActions: async (service) => (service.toLowerCase() === 's3' ? ['GetObject', 'PutObject'] : []),
    getAction: async (service, action) =>
      service.toLowerCase() === 's3' ? actions[action.toLowerCase() as keyof typeof actions] : undefined,
    getConditionKey: async () => undefined,
    listGlobalConditionKeys: async () => [],
  };
}

describe('catalog checks', () => {
  const design = baseDesign({
    pool: { authenticatedRoleId: 'User' },
    roles: [
      roleWith('User', [
        { Effect: 'Allow', Action: 's3:GetObjekt', Resource: 'arn:aws:s3:::bucket/*' },
        {
          Effect: 'Allow',
          Action: 's3:GetObject',
          Resource: 'arn:aws:s3:::bucket/*',
          Condition: { StringEquals: { 'dynamodb:LeadingKeys': 'x' } },
        },
        {
          Effect: 'Allow',
          Action: 's3:PutObject',
          Resource: 'arn:aws:dynamodb:us-east-1:111122223333:table/T',
        },
      ]),
    ],
  });

  it('run only with a catalog, each issue under its check', async () => {
    expect((await reviewDesign(design)).filter((finding) => finding.checkId.startsWith('catalog-'))).toEqual(
      [],
    );
    const findings = (await reviewDesign(design, { catalog: smallCatalog() })).filter((finding) =>
      finding.checkId.startsWith('catalog-'),
    );
    expect(findings.map((finding) => [finding.checkId, finding.location?.jsonPath]).sort()).toEqual([
      ['catalog-condition-key', '$.Statement[1].Condition.StringEquals["dynamodb:LeadingKeys"]'],
      ['catalog-resource-mismatch', '$.Statement[2].Resource'],
      ['catalog-unknown-action', '$.Statement[0].Action'],
    ]);
  });

  it('classifies guest actions by catalog access level when given one', async () => {
    // "s3:GetObject" is Read in the catalog: a data read (low), not a write.
    const guest = baseDesign({
      pool: { allowUnauthenticated: true, unauthenticatedRoleId: 'Guest' },
      roles: [
        roleWith('Guest', [{ Effect: 'Allow', Action: 's3:Get*', Resource: 'arn:aws:s3:::bucket/public/*' }]),
      ],
    });
    const findings = (await reviewDesign(guest, { catalog: smallCatalog() })).filter(
      (finding) => finding.checkId === 'guest-write-access',
    );
    expect(findings.map((finding) => finding.severity)).toEqual(['low']);
  });
});

describe('text output and severities', () => {
  it('formats findings with severity, place, reason, fix and a summary', async () => {
    const text = formatFindingsText(await reviewDesign(example('analytics-sdk')));
    expect(text).toContain('MEDIUM  Guest role grants write access  [guest-write-access]');
    expect(text).toContain(
      "where: role AnalyticsSdkDevice, managed 'AnalyticsEventIngest' $.Statement[0], line ",
    );
    expect(text.trimEnd().split('\n').at(-1)).toBe('2 findings: 1 medium, 1 low');
    expect(formatFindingsText([])).toBe('No findings.\n');
  });

  it('orders severities for --fail-on', () => {
    expect(severityAtLeast('critical', 'high')).toBe(true);
    expect(severityAtLeast('high', 'high')).toBe(true);
    expect(severityAtLeast('medium', 'high')).toBe(false);
    expect(severityAtLeast('info', 'low')).toBe(false);
    expect(parseSeverity('HIGH')).toBe('high');
    expect(parseSeverity('severe')).toBeUndefined();
    expect([
      sarifLevel('critical'),
      sarifLevel('high'),
      sarifLevel('medium'),
      sarifLevel('low'),
      sarifLevel('info'),
    ]).toEqual(['error', 'error', 'warning', 'note', 'note']);
  });

  it('SARIF carries one rule per check and one located result per finding', async () => {
    const findings = await reviewDesign(example('analytics-sdk'));
    const log = toSarif(findings, { designUri: 'assets/examples/analytics-sdk.cognito-design.json' }) as {
      version: string;
      runs: Array<{
        tool: { driver: { rules: Array<{ id: string }> } };
        results: Array<{
          ruleId: string;
          level: string;
          locations: Array<{
            physicalLocation: { artifactLocation: { uri: string }; region?: { startLine: number } };
          }>;
        }>;
      }>;
    };
    expect(log.version).toBe('2.1.0');
    const run = log.runs[0]!;
    expect(run.tool.driver.rules.map((rule) => rule.id)).toEqual(REVIEW_CHECKS.map((check) => check.id));
    expect(run.results).toHaveLength(findings.length);
    expect(run.results[0]).toMatchObject({
      ruleId: 'guest-write-access',
      level: 'warning',
      locations: [
        {
          physicalLocation: {
            artifactLocation: { uri: 'assets/examples/analytics-sdk.cognito-design.json' },
            region: { startLine: findings[0]!.location!.line },
          },
        },
      ],
    });
  });
});
