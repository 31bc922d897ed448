// Property-based tests: parsing, validation and evaluation never throw on garbage, and the fast and the
// explained evaluations always agree.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { EvaluationInput, EvaluationResult } from '../../../shared/iam';
import {
  compilePolicy,
  evaluate,
  evaluateDecision,
  evaluateDeciding,
  locateJsonPath,
  parsePolicy,
  validatePolicy,
} from '../../../shared/iam';

const validText = JSON.stringify({
  Version: '2012-10-17',
  Statement: [
    {
      Effect: 'Allow',
      Action: ['s3:Get*'],
      Resource: 'arn:aws:s3:::b/${aws:username}/*',
      Condition: { StringLike: { 's3:prefix': 'a*' } },
    },
  ],
});

const pieces = {
  action: fc.constantFrom(
    '*',
    's3:*',
    's3:Get*',
    's3:GetObject',
    'S3:getobject',
    'ec2:*',
    's3:?etObject',
    'dynamodb:Query',
    'bad',
  ),
  resource: fc.constantFrom(
    '*',
    'arn:aws:s3:::b/*',
    'arn:aws:s3:::b/${aws:username}/*',
    "arn:aws:s3:::b/${aws:username, 'x'}/*",
    'arn:aws:s3:::B/*',
    'arn:aws:s3:*',
    'arn:aws:dynamodb:*:123456789012:table/T',
    'arn:aws:s3:::b/${*}',
    'arn:aws:s3',
  ),
  operator: fc.constantFrom(
    'StringEquals',
    'StringNotEquals',
    'StringLike',
    'StringNotLikeIfExists',
    'ForAnyValue:StringEquals',
    'ForAllValues:StringLike',
    'NumericLessThan',
    'DateGreaterThan',
    'Bool',
    'IpAddress',
    'NotIpAddress',
    'ArnLike',
    'Null',
    'BogusOperator',
  ),
  key: fc.constantFrom(
    'aws:username',
    'aws:SourceIp',
    's3:prefix',
    'aws:TagKeys',
    'aws:CurrentTime',
    'aws:SecureTransport',
  ),
  value: fc.oneof(
    fc.constantFrom(
      'alice',
      'a*',
      '10',
      'true',
      '203.0.113.0/24',
      '2024-01-01T00:00:00Z',
      'arn:aws:s3:::b',
      '${aws:username}',
    ),
    fc.string({ maxLength: 8 }),
  ),
};

const statementArbitrary = fc.record(
  {
    Effect: fc.constantFrom('Allow', 'Deny', 'allow'),
    Action: fc.oneof(pieces.action, fc.array(pieces.action, { maxLength: 3 })),
    NotAction: pieces.action,
    Resource: fc.oneof(pieces.resource, fc.array(pieces.resource, { maxLength: 3 })),
    NotResource: pieces.resource,
    Principal: fc.constantFrom(
      '*',
      { AWS: '123456789012' },
      { AWS: 'arn:aws:iam::123456789012:role/R' },
      { Federated: 'cognito-identity.amazonaws.com' },
    ),
    NotPrincipal: fc.constantFrom({ AWS: 'arn:aws:iam::123456789012:role/R' }),
    Condition: fc.dictionary(
      pieces.operator,
      fc.dictionary(pieces.key, fc.oneof(pieces.value, fc.array(pieces.value, { maxLength: 3 })), {
        maxKeys: 2,
      }),
      {
        maxKeys: 2,
      },
    ),
  },
  { requiredKeys: ['Effect'] },
);

const policyArbitrary = fc.record({
  Version: fc.constantFrom('2012-10-17', '2008-10-17', undefined),
  Statement: fc.oneof(statementArbitrary, fc.array(statementArbitrary, { maxLength: 4 })),
});

const contextArbitrary = fc.dictionary(
  pieces.key,
  fc.oneof(pieces.value, fc.array(pieces.value, { maxLength: 3 })),
  { maxKeys: 4 },
);

const requestArbitrary = fc.record({
  principal: fc.constantFrom(
    'arn:aws:sts::123456789012:assumed-role/R/CognitoIdentityCredentials',
    'arn:aws:iam::123456789012:role/R',
    'cognito-identity.amazonaws.com',
    'arn:aws:sts::999999999999:assumed-role/X/s',
  ),
  action: fc.constantFrom('s3:GetObject', 's3:PutObject', 'dynamodb:Query', 'sts:AssumeRoleWithWebIdentity'),
  resource: fc.constantFrom(
    'arn:aws:s3:::b/alice/x',
    'arn:aws:s3:::b/*',
    'arn:aws:dynamodb:us-east-1:123456789012:table/T',
    '*',
  ),
  context: contextArbitrary,
});

/**
 * Checks that the three evaluators agree on `input` — the batch form explains only the applying
 * statements, yet answers exactly the same — and returns the full explanation.
 */
function expectSameAnswers(input: EvaluationInput): EvaluationResult {
  const explained = evaluate(input);
  expect(explained.decision).toBe(evaluateDecision(input));
  expect(evaluateDeciding(input)).toEqual({
    decision: explained.decision,
    decidingStatements: explained.decidingStatements,
    summary: explained.summary,
  });
  return explained;
}

describe('never throws', () => {
  it('parsePolicy and locateJsonPath on arbitrary text', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), fc.string({ maxLength: 30 }), (text, path) => {
        const parsed = parsePolicy(text);
        expect(Array.isArray(parsed.issues)).toBe(true);
        locateJsonPath(text, path);
      }),
      { numRuns: 1000 },
    );
  });

  it('parsePolicy on truncations and corruptions of a valid policy', () => {
    fc.assert(
      fc.property(
        fc.nat(validText.length),
        fc.nat(validText.length),
        fc.string({ maxLength: 3 }),
        (cut, at, insert) => {
          const truncated = parsePolicy(validText.slice(0, cut));
          if (cut < validText.length)
            expect(truncated.issues.some((issue) => issue.code === 'invalid-json')).toBe(true);
          parsePolicy(validText.slice(0, at) + insert + validText.slice(at));
        },
      ),
      { numRuns: 1000 },
    );
  });

  it('parsePolicy and validatePolicy on arbitrary JSON values', () => {
    fc.assert(
      fc.property(
        fc.jsonValue({ maxDepth: 6 }),
        fc.constantFrom('identity', 'resource', 'trust', 'session') as fc.Arbitrary<'identity'>,
        (value, kind) => {
          validatePolicy(value, { kind });
          parsePolicy(JSON.stringify(value), { kind });
          parsePolicy(value);
        },
      ),
      { numRuns: 500 },
    );
  });

  it('handles deep nesting and huge input with an issue, not a crash', () => {
    expect(parsePolicy('['.repeat(100_000)).issues[0]?.code).toBe('invalid-json');
    expect(parsePolicy(`"${'a'.repeat(1_200_000)}"`).issues[0]?.code).toBe('invalid-json');
    let deep: unknown = 'x';
    for (let level = 0; level < 5000; level++) deep = { Statement: deep };
    expect(() => validatePolicy(deep)).not.toThrow();
  });

  it('evaluate and evaluateDecision on arbitrary inputs, including wrong types', () => {
    fc.assert(
      fc.property(fc.anything(), fc.anything(), (request, document) => {
        const input = {
          request,
          identityPolicies: [{ document }],
          resourcePolicy: { document },
        } as unknown as EvaluationInput;
        expectSameAnswers(input);
        expect(() => compilePolicy({ document }, 'identity')).not.toThrow();
      }),
      { numRuns: 500 },
    );
  });
});

describe('evaluate, evaluateDecision and evaluateDeciding agree', () => {
  it('on generated policies and requests', () => {
    fc.assert(
      fc.property(
        requestArbitrary,
        fc.array(policyArbitrary, { minLength: 1, maxLength: 3 }),
        fc.option(policyArbitrary),
        fc.option(policyArbitrary),
        fc.option(fc.array(policyArbitrary, { maxLength: 2 })),
        fc.boolean(),
        fc.constantFrom(undefined, '123456789012', '999999999999'),
        (request, identity, boundary, resource, session, trustPolicyMode, resourceAccount) => {
          const input: EvaluationInput = {
            request: resourceAccount ? { ...request, resourceAccount } : request,
            identityPolicies: identity.map((document) => ({ document })),
            trustPolicyMode,
          };
          if (boundary) input.permissionsBoundary = { document: boundary };
          if (resource) input.resourcePolicy = { document: resource };
          if (session) input.sessionPolicies = session.map((document) => ({ document }));
          const explained = expectSameAnswers(input);
          if (explained.decision !== 'ImplicitlyDenied')
            expect(explained.decidingStatements.length).toBeGreaterThan(0);
          expect(explained.decidingStatements.every((statement) => statement.applies)).toBe(true);
        },
      ),
      { numRuns: 3000 },
    );
  });
});
