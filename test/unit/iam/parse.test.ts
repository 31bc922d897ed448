// Parsing and structural validation: issues carry a stable code, a JSON path and, for text, a position.
import { describe, expect, it } from 'vitest';
import type { PolicyIssue } from '../../../shared/iam';
import { locateJsonPath, parsePolicy, validatePolicy } from '../../../shared/iam';

function codes(issues: PolicyIssue[]): string[] {
  return issues.map((issue) => issue.code);
}

function statementIssues(
  statement: Record<string, unknown>,
  kind?: 'identity' | 'resource' | 'trust',
): PolicyIssue[] {
  return validatePolicy({ Version: '2012-10-17', Statement: [statement] }, kind ? { kind } : undefined);
}

const valid = { Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::photos/*' };

describe('parsePolicy', () => {
  it('accepts a valid policy without issues', () => {
    const parsed = parsePolicy(JSON.stringify({ Version: '2012-10-17', Statement: valid }));
    expect(parsed.issues).toEqual([]);
    expect(parsed.document?.Version).toBe('2012-10-17');
  });

  it('reports a JSON syntax error with line and column', () => {
    const parsed = parsePolicy('{\n  "Version": "2012-10-17",\n  "Statement": [ {"Effect": } ]\n}');
    expect(parsed.document).toBeUndefined();
    expect(parsed.issues).toEqual([
      expect.objectContaining({ code: 'invalid-json', severity: 'error', line: 3, column: 29 }),
    ]);
  });

  it('places validation issues on the line of their element', () => {
    const text =
      '{\n  "Version": "2012-10-17",\n  "Statement": [\n    {"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*"},\n    {"Effect": "Allow", "Action": "*", "Resource": "*",\n     "Condition": {"StringEqualz": {"aws:username": "a"}}}\n  ]\n}';
    const issue = parsePolicy(text).issues.find((entry) => entry.code === 'unknown-operator');
    expect(issue).toMatchObject({ path: '$.Statement[1].Condition.StringEqualz', line: 6, column: 20 });
  });

  it('flags duplicate keys, which JSON readers silently drop', () => {
    const parsed = parsePolicy(
      '{"Version": "2012-10-17", "Statement": {"Effect": "Allow", "Action": "*", "Resource": "*", "Condition": {"StringEquals": {"aws:a": "1"}, "StringEquals": {"aws:b": "2"}}}}',
    );
    expect(parsed.issues).toEqual([
      expect.objectContaining({ code: 'duplicate-key', path: '$.Statement.Condition.StringEquals' }),
    ]);
  });

  it('reads a value as well as text', () => {
    expect(codes(parsePolicy({ Statement: valid }).issues)).toEqual(['missing-version']);
    expect(codes(parsePolicy(42).issues)).toEqual(['not-an-object']);
  });

  it('refuses empty text and text after the value', () => {
    expect(codes(parsePolicy('').issues)).toEqual(['invalid-json']);
    expect(codes(parsePolicy('{} {}').issues)).toEqual(['invalid-json']);
  });
});

describe('locateJsonPath', () => {
  const text =
    '{\n  "Statement": [\n    {\n      "Condition": {"StringLike": {"s3:prefix": ["a", "b"]}}\n    }\n  ]\n}';

  it('finds member keys and array items', () => {
    expect(locateJsonPath(text, '$.Statement')).toEqual({ line: 2, column: 3 });
    expect(locateJsonPath(text, '$.Statement[0]')).toEqual({ line: 3, column: 5 });
    expect(locateJsonPath(text, '$.Statement[0].Condition.StringLike["s3:prefix"][1]')).toEqual({
      line: 4,
      column: 55,
    });
  });

  it('also reads paths with plain dots before odd keys', () => {
    expect(locateJsonPath(text, '$.Statement[0].Condition.StringLike.s3:prefix')).toEqual({
      line: 4,
      column: 36,
    });
  });

  it('returns undefined for paths that are not there', () => {
    expect(locateJsonPath(text, '$.Statement[3]')).toBeUndefined();
    expect(locateJsonPath('not json', '$.Statement')).toBeUndefined();
  });
});

describe('validatePolicy', () => {
  it.each([
    [{ Version: '2012-10-17' }, 'missing-statement'],
    [{ Version: '2012-10-18', Statement: valid }, 'invalid-version'],
    [{ Version: '2008-10-17', Statement: valid }, 'old-version'],
    [{ Version: '2012-10-17', Statement: 'everything' }, 'invalid-statement'],
    [{ Version: '2012-10-17', Statement: valid, Extra: 1 }, 'unknown-element'],
    [
      {
        Version: '2012-10-17',
        Statement: [
          { ...valid, Sid: 'A' },
          { ...valid, Sid: 'A' },
        ],
      },
      'duplicate-sid',
    ],
  ])('reports document problems: %j → %s', (document, code) => {
    expect(codes(validatePolicy(document))).toContain(code);
  });

  it.each([
    [{ ...valid, Effect: undefined }, 'missing-effect', '$.Statement[0]'],
    [{ ...valid, Effect: 'allow' }, 'invalid-effect', '$.Statement[0].Effect'],
    [{ ...valid, Action: undefined }, 'missing-action', '$.Statement[0]'],
    [{ ...valid, NotAction: 's3:PutObject' }, 'action-and-notaction', '$.Statement[0]'],
    [{ ...valid, Action: 'GetObject' }, 'invalid-action', '$.Statement[0].Action'],
    [{ ...valid, Action: ['s3:GetObject', 7] }, 'invalid-action', '$.Statement[0].Action[1]'],
    [{ ...valid, Action: [] }, 'empty-action', '$.Statement[0].Action'],
    [{ ...valid, Resource: undefined }, 'missing-resource', '$.Statement[0]'],
    [{ ...valid, Resource: 'photos/*' }, 'invalid-resource', '$.Statement[0].Resource'],
    [{ ...valid, Resource: 'arn:aws:s3' }, 'invalid-resource', '$.Statement[0].Resource'],
    [{ ...valid, Principal: '*' }, 'principal-not-allowed', '$.Statement[0].Principal'],
    [{ ...valid, Sid: 12 }, 'invalid-sid', '$.Statement[0].Sid'],
    [{ ...valid, Effects: 'Allow' }, 'unknown-element', '$.Statement[0].Effects'],
  ])('reports statement problems: %j → %s at %s', (statement, code, path) => {
    expect(statementIssues(statement)).toContainEqual(
      expect.objectContaining({ code, path, severity: 'error' }),
    );
  });

  it('requires a Principal in resource-based and trust policies only', () => {
    expect(codes(statementIssues(valid, 'resource'))).toContain('missing-principal');
    expect(
      codes(
        statementIssues(
          {
            Effect: 'Allow',
            Action: 'sts:AssumeRoleWithWebIdentity',
            Principal: { Federated: 'cognito-identity.amazonaws.com' },
          },
          'trust',
        ),
      ),
    ).toEqual([]);
    expect(codes(statementIssues({ ...valid, Principal: { Role: 'x' } }, 'resource'))).toContain(
      'invalid-principal-type',
    );
    expect(
      codes(
        statementIssues({ ...valid, Principal: { AWS: 'arn:aws:iam::123456789012:role/*' } }, 'resource'),
      ),
    ).toContain('principal-partial-wildcard');
    expect(codes(statementIssues({ ...valid, NotPrincipal: { AWS: '123456789012' } }, 'resource'))).toContain(
      'notprincipal-not-supported',
    );
  });

  it.each([
    [{ StringEqualz: { 'aws:username': 'a' } }, 'unknown-operator', '$.Statement[0].Condition.StringEqualz'],
    [
      { 'ForSomeValues:StringEquals': { 'aws:TagKeys': 'a' } },
      'unknown-set-operator',
      '$.Statement[0].Condition["ForSomeValues:StringEquals"]',
    ],
    [{ NullIfExists: { 'aws:username': 'true' } }, 'null-if-exists', '$.Statement[0].Condition.NullIfExists'],
    [{ StringEquals: 'aws:username' }, 'condition-block-not-object', '$.Statement[0].Condition.StringEquals'],
    [
      { StringEquals: { username: 'a' } },
      'invalid-condition-key',
      '$.Statement[0].Condition.StringEquals.username',
    ],
    [
      { StringEquals: { 'aws:username': { a: 1 } } },
      'condition-value-type',
      '$.Statement[0].Condition.StringEquals["aws:username"]',
    ],
    [
      { StringEquals: { 'aws:username': [] } },
      'empty-condition-values',
      '$.Statement[0].Condition.StringEquals["aws:username"]',
    ],
    [
      { NumericLessThan: { 's3:max-keys': 'ten' } },
      'invalid-condition-value',
      '$.Statement[0].Condition.NumericLessThan["s3:max-keys"]',
    ],
    [
      { DateGreaterThan: { 'aws:CurrentTime': ['2024-13-01'] } },
      'invalid-condition-value',
      '$.Statement[0].Condition.DateGreaterThan["aws:CurrentTime"][0]',
    ],
    [
      { Bool: { 'aws:SecureTransport': 'yes' } },
      'invalid-condition-value',
      '$.Statement[0].Condition.Bool["aws:SecureTransport"]',
    ],
    [
      { IpAddress: { 'aws:SourceIp': '10.0.0.0/33' } },
      'invalid-condition-value',
      '$.Statement[0].Condition.IpAddress["aws:SourceIp"]',
    ],
    [
      { ArnLike: { 'aws:SourceArn': 'arn:aws:s3' } },
      'invalid-condition-value',
      '$.Statement[0].Condition.ArnLike["aws:SourceArn"]',
    ],
  ])('reports condition problems: %j → %s', (condition, code, path) => {
    expect(statementIssues({ ...valid, Condition: condition })).toContainEqual(
      expect.objectContaining({ code, path }),
    );
  });

  it('accepts every documented operator with IfExists and set prefixes', () => {
    const condition = {
      'ForAnyValue:StringLikeIfExists': { 'aws:TagKeys': 'a*' },
      'ForAllValues:StringEquals': { 'aws:TagKeys': ['a'] },
      NumericGreaterThanEqualsIfExists: { 's3:max-keys': '10' },
      DateLessThan: { 'aws:CurrentTime': '2030-01-01T00:00:00Z' },
      IpAddress: { 'aws:SourceIp': ['203.0.113.0/24', '2001:db8::/32'] },
      ArnNotLikeIfExists: { 'aws:SourceArn': 'arn:aws:s3:::x*' },
      BinaryEquals: { 'custom:blob': 'QQ==' },
      Null: { 'aws:TokenIssueTime': 'false', 'aws:TagKeys': 'false' },
      Bool: { 'aws:SecureTransport': true },
    };
    expect(statementIssues({ ...valid, Condition: condition })).toEqual([]);
  });

  it('warns about set operators used the wrong way round', () => {
    const amr = 'cognito-identity.amazonaws.com:amr';
    expect(
      statementIssues({ ...valid, Condition: { StringEquals: { [amr]: 'authenticated' } } }),
    ).toContainEqual(
      expect.objectContaining({
        code: 'multivalued-key-without-set-operator',
        severity: 'warning',
        path: `$.Statement[0].Condition.StringEquals["${amr}"]`,
      }),
    );
    expect(
      codes(
        statementIssues({
          ...valid,
          Condition: { 'ForAnyValue:StringEquals': { 'aws:PrincipalTag/team': 'a' } },
        }),
      ),
    ).toContain('set-operator-on-single-valued-key');
    expect(
      codes(
        statementIssues({ ...valid, Condition: { 'ForAllValues:StringEquals': { 'aws:TagKeys': 'a' } } }),
      ),
    ).toContain('for-all-values-allows-absent-key');
    expect(
      codes(
        statementIssues({
          ...valid,
          Effect: 'Deny',
          Condition: { 'ForAllValues:StringEquals': { 'aws:TagKeys': 'a' } },
        }),
      ),
    ).toEqual([]);
  });

  it('warns about operator spelling that differs from AWS', () => {
    expect(
      statementIssues({ ...valid, Condition: { stringequals: { 'aws:username': 'a' } } }),
    ).toContainEqual(expect.objectContaining({ code: 'operator-spelling', severity: 'warning' }));
  });

  it('warns when variables are used without Version 2012-10-17', () => {
    const issues = validatePolicy({
      Statement: { ...valid, Resource: 'arn:aws:s3:::photos/${aws:username}/*' },
    });
    expect(issues).toContainEqual(
      expect.objectContaining({
        code: 'variable-without-version',
        severity: 'warning',
        path: '$.Statement.Resource',
      }),
    );
  });

  it('reports malformed variables', () => {
    const issues = statementIssues({
      ...valid,
      Resource: ['arn:aws:s3:::photos/${}/*', 'arn:aws:s3:::photos/${aws:username, shared}'],
    });
    expect(issues.filter((issue) => issue.code === 'malformed-variable').map((issue) => issue.path)).toEqual([
      '$.Statement[0].Resource[0]',
      '$.Statement[0].Resource[1]',
    ]);
  });

  it('warns that variables are literal in Action and in numeric comparisons', () => {
    expect(codes(statementIssues({ ...valid, Action: 's3:${aws:username}' }))).toContain(
      'variable-not-substituted',
    );
    expect(
      codes(
        statementIssues({ ...valid, Condition: { NumericEquals: { 's3:max-keys': '${aws:username}' } } }),
      ),
    ).toContain('variable-not-substituted');
  });
});
