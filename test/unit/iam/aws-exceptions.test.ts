// AWS rules that differ from the general evaluation logic: GetCallerIdentity needs no permission,
// role trust policies and KMS key policies must allow even in the same account. Each case is an
// attack on a naive engine: a Deny that would wrongly block, an identity allow that would wrongly pass.
import { describe, expect, it } from 'vitest';
import { evaluate, evaluateDecision, type EvaluationInput } from '../../../shared/iam';
import { account, aRequest, sessionArn } from './helpers';

const targetRole = `arn:aws:iam::${account}:role/Admin`;
const keyArn = `arn:aws:kms:us-east-1:${account}:key/1234abcd-12ab-34cd-56ef-1234567890ab`;

function policy(...statements: object[]): { document: object } {
  return { document: { Version: '2012-10-17', Statement: statements } };
}

function resourcePolicy(principal: unknown, action: string): { document: object } {
  return policy({ Effect: 'Allow', Principal: principal, Action: action, Resource: '*' });
}

function both(input: EvaluationInput): string {
  const fast = evaluateDecision(input);
  const explained = evaluate(input);
  expect(explained.decision).toBe(fast);
  return fast;
}

describe('sts:GetCallerIdentity', () => {
  // https://docs.aws.amazon.com/STS/latest/APIReference/API_GetCallerIdentity.html: "If an
  // administrator attaches a policy to your identity that explicitly denies access to the
  // sts:GetCallerIdentity action, you can still perform this operation."
  it('is allowed under an explicit Deny of everything, and without any policy', () => {
    const denyAll = policy({ Effect: 'Deny', Action: '*', Resource: '*' });
    const input: EvaluationInput = {
      request: aRequest({ action: 'sts:GetCallerIdentity', resource: '*' }),
      identityPolicies: [denyAll],
      permissionsBoundary: denyAll,
      sessionPolicies: [denyAll],
    };
    expect(both(input)).toBe('Allowed');
    expect(evaluate(input).summary).toMatch(/needs no permission/);
    expect(
      both({ request: aRequest({ action: 'STS:getcalleridentity', resource: '*' }), identityPolicies: [] }),
    ).toBe('Allowed');
  });

  it('is the only STS action so treated', () => {
    const input: EvaluationInput = {
      request: aRequest({ action: 'sts:GetSessionToken', resource: '*' }),
      identityPolicies: [policy({ Effect: 'Deny', Action: 'sts:*', Resource: '*' })],
    };
    expect(both(input)).toBe('ExplicitlyDenied');
  });
});

describe('sts:AssumeRole* in the same account needs the role trust policy', () => {
  // https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic_policy-eval-basics.html:
  // "Role trust policies and KMS key policies are exceptions to this logic, because they must
  // explicitly allow access for principals."
  const allowAssume = policy({ Effect: 'Allow', Action: 'sts:AssumeRole', Resource: targetRole });
  const request = aRequest({ action: 'sts:AssumeRole', resource: targetRole, resourceAccount: account });

  it('an identity-policy allow alone is not enough', () => {
    const result = evaluate({ request, identityPolicies: [allowAssume] });
    expect(result.decision).toBe('ImplicitlyDenied');
    expect(result.summary).toMatch(/trust policy to allow the caller/);
    expect(
      both({
        request,
        identityPolicies: [allowAssume],
        resourcePolicy: resourcePolicy({ Service: 'ec2.amazonaws.com' }, 'sts:AssumeRole'),
      }),
    ).toBe('ImplicitlyDenied');
  });

  it('a trust policy naming the session allows it without an identity policy', () => {
    expect(
      both({
        request,
        identityPolicies: [],
        resourcePolicy: resourcePolicy({ AWS: sessionArn }, 'sts:AssumeRole'),
      }),
    ).toBe('Allowed');
  });

  it('a trust policy naming the account delegates to the identity policies, which must then allow', () => {
    const trustAccount = resourcePolicy({ AWS: `arn:aws:iam::${account}:root` }, 'sts:AssumeRole');
    expect(both({ request, identityPolicies: [allowAssume], resourcePolicy: trustAccount })).toBe('Allowed');
    expect(both({ request, identityPolicies: [], resourcePolicy: trustAccount })).toBe('ImplicitlyDenied');
  });

  it('other resource policies in the same account still allow on the identity side alone', () => {
    const allowGet = policy({ Effect: 'Allow', Action: 's3:GetObject', Resource: '*' });
    expect(both({ request: aRequest(), identityPolicies: [allowGet] })).toBe('Allowed');
  });
});

describe('KMS key policies must allow or delegate to the account', () => {
  // https://docs.aws.amazon.com/kms/latest/developerguide/key-policies.html: "Unless the key policy
  // explicitly allows it, you cannot use IAM policies to allow access to a KMS key."
  const allowDecrypt = policy({ Effect: 'Allow', Action: 'kms:Decrypt', Resource: keyArn });
  const request = aRequest({ action: 'kms:Decrypt', resource: keyArn, resourceAccount: account });

  it('an identity-policy allow without a key policy allowing it has no effect', () => {
    expect(both({ request, identityPolicies: [allowDecrypt] })).toBe('ImplicitlyDenied');
    const otherPrincipal = resourcePolicy({ AWS: `arn:aws:iam::${account}:role/Other` }, 'kms:Decrypt');
    const result = evaluate({ request, identityPolicies: [allowDecrypt], resourcePolicy: otherPrincipal });
    expect(result.decision).toBe('ImplicitlyDenied');
    expect(result.summary).toMatch(/key policy/);
  });

  it('the default key policy (account root) enables the identity policies', () => {
    const enableIam = resourcePolicy({ AWS: `arn:aws:iam::${account}:root` }, 'kms:*');
    expect(both({ request, identityPolicies: [allowDecrypt], resourcePolicy: enableIam })).toBe('Allowed');
    expect(both({ request, identityPolicies: [], resourcePolicy: enableIam })).toBe('ImplicitlyDenied');
  });

  it('a key policy naming the session allows without an identity policy; a Deny in IAM still wins', () => {
    const direct = resourcePolicy({ AWS: sessionArn }, 'kms:Decrypt');
    expect(both({ request, identityPolicies: [], resourcePolicy: direct })).toBe('Allowed');
    const deny = policy({ Effect: 'Deny', Action: 'kms:*', Resource: '*' });
    expect(both({ request, identityPolicies: [deny], resourcePolicy: direct })).toBe('ExplicitlyDenied');
  });

  it('operations on no particular key are governed by IAM alone', () => {
    const allowList = policy({ Effect: 'Allow', Action: 'kms:ListKeys', Resource: '*' });
    expect(
      both({ request: aRequest({ action: 'kms:ListKeys', resource: '*' }), identityPolicies: [allowList] }),
    ).toBe('Allowed');
  });
});
