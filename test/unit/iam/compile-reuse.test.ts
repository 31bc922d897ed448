// Compiled actions, resources and condition values are reused between policies by their text, and
// request addresses and dates between requests: the reuse must never carry one reading of a text
// into a place where it means something else (another Version, another condition operator).
import { describe, expect, it } from 'vitest';
import type { Decision } from '../../../shared/iam';
import { compilePolicy, evaluate } from '../../../shared/iam';
import { aRequest } from './helpers';

function decisionOf(document: Record<string, unknown>, context: Record<string, string> = {}): Decision {
  const request = aRequest({ resource: 'arn:aws:s3:::photos/alice/cat.jpg', context });
  return evaluate({ request, identityPolicies: [compilePolicy({ document }, 'identity')] }).decision;
}

function allow(version: string | undefined, statement: Record<string, unknown>): Record<string, unknown> {
  const document: Record<string, unknown> = {
    Statement: [{ Effect: 'Allow', Action: 's3:GetObject', ...statement }],
  };
  if (version !== undefined) document.Version = version;
  return document;
}

const alice = { 'aws:username': 'alice' };

describe('compiled texts reused between policies', () => {
  it('read a policy variable in a Resource by each policy’s own Version, in either order', () => {
    const resource = { Resource: 'arn:aws:s3:::photos/${aws:username}/*' };
    // 2012-10-17 substitutes the variable; 2008-10-17 and no Version leave it literal text.
    expect(decisionOf(allow('2012-10-17', resource), alice)).toBe('Allowed');
    expect(decisionOf(allow('2008-10-17', resource), alice)).toBe('ImplicitlyDenied');
    expect(decisionOf(allow(undefined, resource), alice)).toBe('ImplicitlyDenied');
    expect(decisionOf(allow('2012-10-17', resource), alice)).toBe('Allowed');
  });

  it('read a condition value by each statement’s own operator', () => {
    const condition = (operator: string): Record<string, unknown> => ({
      Resource: '*',
      Condition: { [operator]: { 'aws:SourceIp': '203.0.113.0/24' } },
    });
    const context = { 'aws:SourceIp': '203.0.113.9' };
    // Read as text first (no address range), then as a range by IpAddress.
    expect(decisionOf(allow('2012-10-17', condition('StringEquals')), context)).toBe('ImplicitlyDenied');
    expect(decisionOf(allow('2012-10-17', condition('IpAddress')), context)).toBe('Allowed');
    expect(decisionOf(allow('2012-10-17', condition('StringLike')), { ...alice, ...context })).toBe(
      'ImplicitlyDenied',
    );
  });

  it('read a condition value with a variable by each policy’s own Version', () => {
    const condition = { Resource: '*', Condition: { StringEquals: { 's3:prefix': '${aws:username}' } } };
    const context = { ...alice, 's3:prefix': 'alice' };
    expect(decisionOf(allow('2012-10-17', condition), context)).toBe('Allowed');
    expect(decisionOf(allow('2008-10-17', condition), context)).toBe('ImplicitlyDenied');
  });

  it('keep the statement’s own Sid and place in each policy sharing its texts', () => {
    const statement = { Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::photos/*' };
    const request = aRequest();
    const first = evaluate({
      request,
      identityPolicies: [
        { name: 'first', document: { Version: '2012-10-17', Statement: [{ ...statement, Sid: 'One' }] } },
      ],
    });
    const second = evaluate({
      request,
      identityPolicies: [
        {
          name: 'second',
          document: {
            Version: '2012-10-17',
            Statement: [
              { Effect: 'Deny', Action: 'sqs:*', Resource: '*' },
              { ...statement, Sid: 'Two' },
            ],
          },
        },
      ],
    });
    expect(first.decidingStatements.map((entry) => [entry.policyName, entry.sid, entry.path])).toEqual([
      ['first', 'One', '$.Statement[0]'],
    ]);
    expect(second.decidingStatements.map((entry) => [entry.policyName, entry.sid, entry.path])).toEqual([
      ['second', 'Two', '$.Statement[1]'],
    ]);
  });

  it('read each request’s own address and date, however often the same texts come back', () => {
    const document = allow('2012-10-17', {
      Resource: '*',
      Condition: {
        IpAddress: { 'aws:SourceIp': '203.0.113.0/24' },
        DateLessThan: { 'aws:CurrentTime': '2025-01-01T00:00:00Z' },
      },
    });
    const at = (ip: string, time: string): Decision =>
      decisionOf(document, { 'aws:SourceIp': ip, 'aws:CurrentTime': time });
    const answers = [1, 2].flatMap(() => [
      at('203.0.113.9', '2024-06-01T12:00:00Z'),
      at('198.51.100.1', '2024-06-01T12:00:00Z'),
      at('203.0.113.9', '2026-06-01T12:00:00Z'),
      at('not an address', '2024-06-01T12:00:00Z'),
    ]);
    expect(answers).toEqual(
      [1, 2].flatMap(() => ['Allowed', 'ImplicitlyDenied', 'ImplicitlyDenied', 'ImplicitlyDenied']),
    );
  });
});
