// Role trust policies for Amazon Cognito identity pools: the trust policy alone decides whether Cognito may
// call sts:AssumeRoleWithWebIdentity (and sts:TagSession). Policy shape from the Amazon Cognito Developer
// Guide, "Role trust and permissions".
import { describe, expect, it } from 'vitest';
import type { ContextValue } from '../../../shared/iam';
import { evaluate } from '../../../shared/iam';
import { decide } from './helpers';

const poolId = 'us-east-1:11111111-2222-3333-4444-555555555555';
const cognito = 'cognito-identity.amazonaws.com';

function trustPolicy(
  amrCondition: Record<string, unknown> = {
    'ForAnyValue:StringLike': { [`${cognito}:amr`]: 'authenticated' },
  },
): unknown {
  return {
    Version: '2012-10-17',
    Statement: [
      {
        Effect: 'Allow',
        Principal: { Federated: cognito },
        Action: ['sts:AssumeRoleWithWebIdentity', 'sts:TagSession'],
        Condition: { StringEquals: { [`${cognito}:aud`]: poolId }, ...amrCondition },
      },
    ],
  };
}

function assume(
  document: unknown,
  context: Record<string, ContextValue>,
  action = 'sts:AssumeRoleWithWebIdentity',
  principal = cognito,
): string {
  return decide({
    request: { principal, action, resource: 'arn:aws:iam::123456789012:role/PhotoUsers', context },
    identityPolicies: [],
    resourcePolicy: { name: 'trust', document },
    trustPolicyMode: true,
  });
}

const signedIn = { [`${cognito}:aud`]: poolId, [`${cognito}:amr`]: ['authenticated', 'accounts.google.com'] };
const guest = { [`${cognito}:aud`]: poolId, [`${cognito}:amr`]: ['unauthenticated'] };

describe('Cognito trust policies', () => {
  it('let Cognito assume the role for a signed-in identity of the right pool', () => {
    expect(assume(trustPolicy(), signedIn)).toBe('Allowed');
    expect(assume(trustPolicy(), signedIn, 'sts:TagSession')).toBe('Allowed');
  });

  it('refuse another identity pool (aud)', () => {
    expect(
      assume(trustPolicy(), {
        ...signedIn,
        [`${cognito}:aud`]: 'us-east-1:99999999-2222-3333-4444-555555555555',
      }),
    ).toBe('ImplicitlyDenied');
  });

  it('refuse guests when amr must be authenticated', () => {
    expect(assume(trustPolicy(), guest)).toBe('ImplicitlyDenied');
  });

  it('refuse everyone when the aud condition is missing from the request', () => {
    expect(assume(trustPolicy(), { [`${cognito}:amr`]: ['authenticated'] })).toBe('ImplicitlyDenied');
  });

  it('refuse another federated principal', () => {
    expect(assume(trustPolicy(), signedIn, 'sts:AssumeRoleWithWebIdentity', 'accounts.google.com')).toBe(
      'ImplicitlyDenied',
    );
  });

  it('refuse an action the trust policy does not list', () => {
    expect(assume(trustPolicy(), signedIn, 'sts:AssumeRole')).toBe('ImplicitlyDenied');
  });

  it('do not match a multi-valued amr with a single-valued operator', () => {
    expect(assume(trustPolicy({ StringEquals: { [`${cognito}:amr`]: 'authenticated' } }), signedIn)).toBe(
      'ImplicitlyDenied',
    );
  });

  it('let an explicit Deny win', () => {
    const document = trustPolicy() as { Statement: unknown[] };
    document.Statement.push({
      Effect: 'Deny',
      Principal: { Federated: cognito },
      Action: 'sts:AssumeRoleWithWebIdentity',
      Condition: { 'ForAnyValue:StringLike': { [`${cognito}:amr`]: 'graph.facebook.com' } },
    });
    expect(assume(document, signedIn)).toBe('Allowed');
    expect(
      assume(document, { ...signedIn, [`${cognito}:amr`]: ['authenticated', 'graph.facebook.com'] }),
    ).toBe('ExplicitlyDenied');
  });

  it('ignore the role permissions passed as identity policies', () => {
    const deny = {
      document: { Version: '2012-10-17', Statement: { Effect: 'Deny', Action: '*', Resource: '*' } },
    };
    const decision = decide({
      request: {
        principal: cognito,
        action: 'sts:AssumeRoleWithWebIdentity',
        resource: '*',
        context: signedIn,
      },
      identityPolicies: [deny],
      resourcePolicy: { document: trustPolicy() },
      trustPolicyMode: true,
    });
    expect(decision).toBe('Allowed');
  });

  it('explain the trust decision with the amr outcome', () => {
    const result = evaluate({
      request: { principal: cognito, action: 'sts:AssumeRoleWithWebIdentity', resource: '*', context: guest },
      identityPolicies: [],
      resourcePolicy: { name: 'PhotoUsers trust', document: trustPolicy() },
      trustPolicyMode: true,
    });
    expect(result.decision).toBe('ImplicitlyDenied');
    expect(result.statements[0]?.principalMatched).toBe(true);
    const amr = result.statements[0]?.conditions.find((outcome) => outcome.key.endsWith(':amr'));
    expect(amr).toMatchObject({ matched: false, requestValues: ['unauthenticated'] });
    expect(result.summary).toContain('trust policy');
  });
});
