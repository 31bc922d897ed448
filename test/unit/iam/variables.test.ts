// Policy variables per the AWS IAM User Guide, "IAM policy elements: Variables and tags".
import { describe, expect, it } from 'vitest';
import type { ContextValue } from '../../../shared/iam';
import { evaluate, findPolicyVariables, substituteVariables } from '../../../shared/iam';
import { allowWith, aRequest, decide } from './helpers';

const sub = 'cognito-identity.amazonaws.com:sub';
const identityId = 'us-east-1:0f1e2d3c-aaaa-bbbb-cccc-000000000001';

function grants(
  resource: string,
  requestResource: string,
  context: Record<string, ContextValue>,
  version = '2012-10-17',
): boolean {
  const decision = decide({
    request: aRequest({ resource: requestResource, context }),
    identityPolicies: [{ document: allowWith({ Resource: resource }, version) }],
  });
  return decision === 'Allowed';
}

describe('variables in Resource', () => {
  it('substitute the Cognito identity id', () => {
    expect(
      grants(`arn:aws:s3:::photos/\${${sub}}/*`, `arn:aws:s3:::photos/${identityId}/cat.jpg`, {
        [sub]: identityId,
      }),
    ).toBe(true);
    expect(
      grants(`arn:aws:s3:::photos/\${${sub}}/*`, 'arn:aws:s3:::photos/someone-else/cat.jpg', {
        [sub]: identityId,
      }),
    ).toBe(false);
  });

  it('look keys up case-insensitively', () => {
    expect(
      grants('arn:aws:s3:::photos/${aws:PrincipalTag/Team}/*', 'arn:aws:s3:::photos/blue/x', {
        'aws:principaltag/team': 'blue',
      }),
    ).toBe(true);
  });

  it('treat substituted values literally, not as wildcards', () => {
    expect(
      grants('arn:aws:s3:::photos/${aws:username}', 'arn:aws:s3:::photos/alice', { 'aws:username': '*' }),
    ).toBe(false);
  });

  it('do not match when the key is absent and there is no default', () => {
    expect(grants('arn:aws:s3:::photos/${aws:username}/*', 'arn:aws:s3:::photos/alice/x', {})).toBe(false);
  });

  it('use the default when the key is absent', () => {
    expect(
      grants("arn:aws:s3:::photos/${aws:username, 'shared'}/*", 'arn:aws:s3:::photos/shared/x', {}),
    ).toBe(true);
    expect(
      grants("arn:aws:s3:::photos/${aws:username, 'shared'}/*", 'arn:aws:s3:::photos/alice/x', {
        'aws:username': 'alice',
      }),
    ).toBe(true);
  });

  it('cannot use a multi-valued key', () => {
    expect(
      grants('arn:aws:s3:::photos/${aws:TagKeys}', 'arn:aws:s3:::photos/a', { 'aws:TagKeys': ['a'] }),
    ).toBe(false);
  });

  it('turn the escapes into literal characters', () => {
    expect(grants('arn:aws:s3:::photos/${*}', 'arn:aws:s3:::photos/*', {})).toBe(true);
    expect(grants('arn:aws:s3:::photos/${*}', 'arn:aws:s3:::photos/anything', {})).toBe(false);
    expect(grants('arn:aws:s3:::photos/a${?}', 'arn:aws:s3:::photos/a?', {})).toBe(true);
    expect(grants('arn:aws:s3:::photos/${$}x', 'arn:aws:s3:::photos/$x', {})).toBe(true);
  });

  it('are literal text without "Version": "2012-10-17"', () => {
    const context = { 'aws:username': 'alice' };
    expect(
      grants('arn:aws:s3:::photos/${aws:username}', 'arn:aws:s3:::photos/alice', context, '2008-10-17'),
    ).toBe(false);
    expect(
      grants(
        'arn:aws:s3:::photos/${aws:username}',
        'arn:aws:s3:::photos/${aws:username}',
        context,
        '2008-10-17',
      ),
    ).toBe(true);
  });

  it('make a NotResource element fail when unresolved', () => {
    const policy = {
      document: {
        Version: '2012-10-17',
        Statement: { Effect: 'Allow', Action: '*', NotResource: 'arn:aws:s3:::private/${aws:username}/*' },
      },
    };
    expect(
      decide({ request: aRequest({ context: { 'aws:username': 'bob' } }), identityPolicies: [policy] }),
    ).toBe('Allowed');
    expect(decide({ request: aRequest({ context: {} }), identityPolicies: [policy] })).toBe(
      'ImplicitlyDenied',
    );
  });

  it('are not substituted in Action', () => {
    const policy = { document: allowWith({ Action: 's3:${aws:username}' }) };
    expect(
      decide({
        request: aRequest({ action: 's3:GetObject', context: { 'aws:username': 'GetObject' } }),
        identityPolicies: [policy],
      }),
    ).toBe('ImplicitlyDenied');
  });
});

describe('variables in conditions', () => {
  it('substitute in string comparisons', () => {
    const policy = {
      document: allowWith({ Condition: { StringLike: { 's3:prefix': ['home/${aws:username}/*'] } } }),
    };
    expect(
      decide({
        request: aRequest({ context: { 's3:prefix': 'home/alice/x', 'aws:username': 'alice' } }),
        identityPolicies: [policy],
      }),
    ).toBe('Allowed');
    expect(
      decide({
        request: aRequest({ context: { 's3:prefix': 'home/bob/x', 'aws:username': 'alice' } }),
        identityPolicies: [policy],
      }),
    ).toBe('ImplicitlyDenied');
  });

  it('explain an unresolved variable', () => {
    const policy = {
      document: allowWith({ Condition: { StringEquals: { 'dynamodb:LeadingKeys': `\${${sub}}` } } }),
    };
    const result = evaluate({
      request: aRequest({ context: { 'dynamodb:LeadingKeys': identityId } }),
      identityPolicies: [policy],
    });
    expect(result.decision).toBe('ImplicitlyDenied');
    expect(result.statements[0]?.unresolvedVariables).toEqual([`\${${sub}}`]);
  });
});

describe('variable helpers', () => {
  it('substitutes text with defaults and lists what stays unresolved', () => {
    const result = substituteVariables(
      "home/${aws:username}/${aws:PrincipalTag/team, 'none'}/${aws:userid}",
      { 'aws:username': 'alice' },
      '2012-10-17',
    );
    expect(result).toEqual({ value: 'home/alice/none/${aws:userid}', unresolved: ['${aws:userid}'] });
  });

  it('leaves text alone for the old Version', () => {
    expect(substituteVariables('${aws:username}', { 'aws:username': 'alice' }, '2008-10-17').value).toBe(
      '${aws:username}',
    );
  });

  it('finds every variable with its path', () => {
    const document = allowWith({
      Resource: ['arn:aws:s3:::a/${aws:username}'],
      Condition: { StringEquals: { 'aws:x': "${aws:PrincipalTag/t, 'd'}" } },
    });
    expect(findPolicyVariables(document)).toEqual([
      { variable: 'aws:username', path: '$.Statement[0].Resource[0]' },
      {
        variable: 'aws:PrincipalTag/t',
        path: '$.Statement[0].Condition.StringEquals["aws:x"]',
        defaultValue: 'd',
      },
    ]);
  });
});
