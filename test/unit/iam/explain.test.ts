// Explanations: every statement considered, the deciding statements, per-condition outcomes, summaries
// and the time one explained request takes.
import { describe, expect, it } from 'vitest';
import { evaluate } from '../../../shared/iam';
import {
  allowAll,
  allowGet,
  allowWith,
  aRequest,
  bucketPolicy,
  denyGet,
  getObject,
  nothing,
  sessionArn,
} from './helpers';

describe('explanations', () => {
  it('name the deciding Deny statement and every statement considered', () => {
    const result = evaluate({
      request: getObject,
      identityPolicies: [
        { name: 'Base', document: allowWith({ Sid: 'Everything' }) },
        { name: 'Guard', ...denyGet },
      ],
    });
    expect(result.decision).toBe('ExplicitlyDenied');
    expect(result.statements).toHaveLength(2);
    expect(result.decidingStatements.map((statement) => statement.policyName)).toEqual(['Guard']);
    expect(result.summary).toContain('Guard');
    expect(result.policyTypes.find((type) => type.kind === 'identity')?.decision).toBe('ExplicitDeny');
  });

  it('say why a statement does not apply, condition by condition', () => {
    const policy = {
      name: 'Tagged',
      document: allowWith({ Condition: { StringEquals: { 'aws:PrincipalTag/team': 'blue' } } }),
    };
    const result = evaluate({
      request: aRequest({ context: { 'aws:PrincipalTag/team': 'red' } }),
      identityPolicies: [policy],
    });
    const [statement] = result.statements;
    expect(statement?.applies).toBe(false);
    expect(statement?.actionMatched).toBe(true);
    expect(statement?.conditions[0]).toMatchObject({
      operator: 'StringEquals',
      key: 'aws:PrincipalTag/team',
      policyValues: ['blue'],
      requestValues: ['red'],
      matched: false,
    });
    expect(statement?.reason).toContain('aws:PrincipalTag/team');
  });

  it('report the permissions boundary as the reason for an implicit deny', () => {
    const result = evaluate({
      request: getObject,
      identityPolicies: [allowAll],
      permissionsBoundary: { name: 'Boundary', ...nothing },
    });
    expect(result.decision).toBe('ImplicitlyDenied');
    expect(result.summary).toMatch(/permissions boundary/);
  });

  it('list the identity allow and the boundary allow as deciding statements', () => {
    const result = evaluate({
      request: getObject,
      identityPolicies: [{ name: 'Role', ...allowAll }],
      permissionsBoundary: { name: 'Boundary', ...allowGet },
    });
    expect(result.decision).toBe('Allowed');
    expect(result.decidingStatements.map((statement) => statement.policyKind)).toEqual([
      'identity',
      'permissionsBoundary',
    ]);
  });

  it('explain a grant by a resource-based policy naming the session', () => {
    const result = evaluate({
      request: getObject,
      identityPolicies: [],
      permissionsBoundary: nothing,
      resourcePolicy: { name: 'Bucket', ...bucketPolicy({ AWS: sessionArn }) },
    });
    expect(result.decision).toBe('Allowed');
    expect(result.decidingStatements).toHaveLength(1);
    expect(result.decidingStatements[0]).toMatchObject({
      policyKind: 'resource',
      policyName: 'Bucket',
      principalMatched: true,
    });
    expect(result.summary).toMatch(/not limited by a permissions boundary/);
  });

  it('say which element failed for NotAction and Resource', () => {
    const result = evaluate({
      request: getObject,
      identityPolicies: [
        { document: allowWith({ Action: undefined, NotAction: 's3:*' }) },
        { document: allowWith({ Resource: 'arn:aws:s3:::other/*' }) },
      ],
    });
    expect(
      result.statements.map((statement) => [statement.actionMatched, statement.resourceMatched]),
    ).toEqual([
      [false, true],
      [true, false],
    ]);
    expect(result.statements[0]?.reason).toContain('NotAction lists s3:GetObject');
    expect(result.statements[1]?.reason).toContain('matches no Resource entry');
  });

  it('list policies and statements that cannot be used', () => {
    const result = evaluate({
      request: getObject,
      identityPolicies: [
        { name: 'Broken', document: '{"Version": "2012-10-17", "Statement": [' },
        {
          name: 'NoEffect',
          document: { Version: '2012-10-17', Statement: [{ Action: '*', Resource: '*' }] },
        },
      ],
    });
    expect(result.decision).toBe('ImplicitlyDenied');
    expect(result.problems).toEqual([
      expect.stringMatching(/^identity-based policy "Broken": the policy is not valid JSON/),
      'identity-based policy "NoEffect" $.Statement[0]: Effect must be "Allow" or "Deny"',
    ]);
    expect(evaluate({ request: getObject, identityPolicies: [allowGet] }).problems).toBeUndefined();
  });
});
