// ForAllValues is true when the key is missing from the request, so an Allow that relies on it needs
// the key to be required too (a Null condition with false):
// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-single-vs-multi-valued-context-keys.html

import { describe, expect, it } from 'vitest';
import { aManagedPolicy, aPolicy } from '../builders/design';
import { REVIEW_CHECKS, reviewDesignSync, toSarif } from '../../../shared/review';
import { baseDesign, findingsOf, roleWith } from './fixtures';

const CHECK = 'for-all-values-missing-key';
const TABLE = 'arn:aws:dynamodb:us-east-1:111122223333:table/Items';

function ownItems(condition: Record<string, unknown>, effect = 'Allow') {
  return {
    Effect: effect,
    Action: ['dynamodb:GetItem', 'dynamodb:Query', 'dynamodb:Scan'],
    Resource: TABLE,
    Condition: condition,
  };
}

const leadingKeys = {
  'ForAllValues:StringEquals': { 'dynamodb:LeadingKeys': ['${cognito-identity.amazonaws.com:sub}'] },
};

function findingsFor(...statements: unknown[]) {
  return findingsOf(
    baseDesign({ pool: { authenticatedRoleId: 'User' }, roles: [roleWith('User', statements)] }),
    CHECK,
  );
}

describe('for-all-values-missing-key', () => {
  it('flags ForAllValues on dynamodb:LeadingKeys without a Null condition, pointing at the key', () => {
    const [finding, ...rest] = findingsFor(ownItems(leadingKeys));
    expect(rest).toEqual([]);
    expect(finding).toMatchObject({
      severity: 'medium',
      entity: { kind: 'role', id: 'User' },
      location: {
        policy: "inline 'Access'",
        jsonPath: '$.Statement[0].Condition["ForAllValues:StringEquals"]["dynamodb:LeadingKeys"]',
      },
    });
    expect(finding?.rationale).toContain('no dynamodb:LeadingKeys');
    expect(finding?.rationale).toContain('Scan');
    expect(finding?.fix).toContain('"Null": {"dynamodb:LeadingKeys": "false"}');
  });

  it('is silent once the statement requires the key with Null false (any spelling of the key)', () => {
    expect(findingsFor(ownItems({ ...leadingKeys, Null: { 'dynamodb:LeadingKeys': 'false' } }))).toEqual([]);
    expect(findingsFor(ownItems({ ...leadingKeys, Null: { 'DynamoDB:LeadingKeys': ['false'] } }))).toEqual(
      [],
    );
  });

  it('still flags a Null condition that allows a missing key ("true", or both values)', () => {
    expect(findingsFor(ownItems({ ...leadingKeys, Null: { 'dynamodb:LeadingKeys': 'true' } }))).toHaveLength(
      1,
    );
    expect(
      findingsFor(ownItems({ ...leadingKeys, Null: { 'dynamodb:LeadingKeys': ['true', 'false'] } })),
    ).toHaveLength(1);
    // A Null condition on another key does not require this one.
    expect(findingsFor(ownItems({ ...leadingKeys, Null: { 'dynamodb:Attributes': 'false' } }))).toHaveLength(
      1,
    );
  });

  it('flags IfExists forms, which also match a missing key, and says so', () => {
    const [own] = findingsFor(
      ownItems({
        'ForAllValues:StringEqualsIfExists': {
          'dynamodb:LeadingKeys': ['${cognito-identity.amazonaws.com:sub}'],
        },
      }),
    );
    expect(own?.rationale).toContain('ForAllValues:StringEqualsIfExists does not help');
    const [companion] = findingsFor(
      ownItems({ ...leadingKeys, StringLikeIfExists: { 'dynamodb:LeadingKeys': 'x*' } }),
    );
    expect(companion?.rationale).toContain('StringLikeIfExists does not help');
    // A negated operator matches a missing key too.
    expect(
      findingsFor(
        ownItems({
          ...leadingKeys,
          'ForAllValues:StringNotEquals': { 'dynamodb:LeadingKeys': 'admin' },
          StringNotEquals: { 'dynamodb:LeadingKeys': 'admin' },
        }),
      ),
    ).toHaveLength(2);
  });

  it('accepts a companion condition that fails without the key (ForAnyValue, a plain operator)', () => {
    expect(
      findingsFor(
        ownItems({
          ...leadingKeys,
          'ForAnyValue:StringEquals': { 'dynamodb:LeadingKeys': ['${cognito-identity.amazonaws.com:sub}'] },
        }),
      ),
    ).toEqual([]);
    expect(findingsFor(ownItems({ ...leadingKeys, StringLike: { 'dynamodb:LeadingKeys': '*' } }))).toEqual(
      [],
    );
  });

  it('ignores Deny statements and keys every Cognito session request carries', () => {
    expect(findingsFor(ownItems(leadingKeys, 'Deny'))).toEqual([]);
    expect(
      findingsFor(
        ownItems({
          'ForAllValues:StringLike': {
            'cognito-identity.amazonaws.com:amr': ['authenticated', 'cognito-idp.*'],
          },
        }),
      ),
    ).toEqual([]);
  });

  it('flags other keys that may be missing, such as aws:TagKeys', () => {
    const tagging = {
      Effect: 'Allow',
      Action: 'dynamodb:TagResource',
      Resource: TABLE,
      Condition: { 'ForAllValues:StringEquals': { 'aws:TagKeys': ['project'] } },
    };
    expect(findingsFor(tagging).map((finding) => finding.location?.jsonPath)).toEqual([
      '$.Statement[0].Condition["ForAllValues:StringEquals"]["aws:TagKeys"]',
    ]);
  });

  it('reports customer managed policies under the policy and hand-written trust policies under the role', () => {
    const design = baseDesign(
      { pool: { authenticatedRoleId: 'User' }, roles: [roleWith('User', [])] },
      (draft) => {
        draft.managedPolicies.push(
          aManagedPolicy({ id: 'items', name: 'Items', document: aPolicy([ownItems(leadingKeys)]) }),
        );
        draft.roles[0]!.trustPolicy = {
          mode: 'custom',
          document: {
            Version: '2012-10-17',
            Statement: [
              {
                Effect: 'Allow',
                Principal: { Federated: 'cognito-identity.amazonaws.com' },
                Action: ['sts:AssumeRoleWithWebIdentity', 'sts:TagSession'],
                Condition: { 'ForAllValues:StringEquals': { 'aws:TagKeys': ['tenant'] } },
              },
            ],
          },
        };
      },
    );
    const findings = findingsOf(design, CHECK);
    expect(
      findings.map((finding) => [
        finding.entity.kind,
        finding.location?.policy,
        finding.location?.designPath,
      ]),
    ).toEqual([
      [
        'managedPolicy',
        "managed 'Items'",
        '$.managedPolicies[0].document.Statement[0].Condition["ForAllValues:StringEquals"]["dynamodb:LeadingKeys"]',
      ],
      [
        'role',
        'trust',
        '$.roles[0].trustPolicy.document.Statement[0].Condition["ForAllValues:StringEquals"]["aws:TagKeys"]',
      ],
    ]);
  });

  it('is registered, and becomes a SARIF rule through the registry', () => {
    const check = REVIEW_CHECKS.find((candidate) => candidate.id === CHECK);
    expect(check).toMatchObject({
      code: 'COG-FORALLVALUES-MISSING-KEY',
      severity: 'medium',
      needsCatalog: false,
    });
    const design = baseDesign({
      pool: { authenticatedRoleId: 'User' },
      roles: [roleWith('User', [ownItems(leadingKeys)])],
    });
    const log = toSarif(reviewDesignSync(design), { designUri: 'design.cognito-design.json' }) as {
      runs: Array<{
        tool: { driver: { rules: Array<{ id: string; help: { text: string } }> } };
        results: Array<{ ruleId: string; level: string }>;
      }>;
    };
    const run = log.runs[0]!;
    expect(run.tool.driver.rules.find((rule) => rule.id === CHECK)?.help.text).toContain('"Null"');
    expect(run.results.filter((result) => result.ruleId === CHECK)).toEqual([
      expect.objectContaining({ level: 'warning' }),
    ]);
  });
});
