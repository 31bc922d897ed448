// Where our engine and the reference simulator answer differently on purpose. Each case names the
// gap, gives the answer AWS documents (which our engine must give) and checks that the simulator
// really answers otherwise, so the reason stays true while the simulator version is pinned.
import { describe, expect, it } from 'vitest';
import { evaluateDecision, type EvaluationInput } from '../../../shared/iam';
import { ACCOUNT, ROLE_ARN, safeOracleDecision, SESSION_ARN, unsafeOracleDecision } from './oracle';
import { conditionInput } from './request-builders';

const AMR = ['authenticated', 'graph.facebook.com', 'graph.facebook.com:123456'];

describe('deliberate differences from @cloud-copilot/iam-simulate', () => {
  it('runSimulation drops cognito-identity.amazonaws.com:* keys for non-Cognito actions; a Cognito session carries them (design.md §5.3)', async () => {
    // https://docs.aws.amazon.com/cognito/latest/developerguide/iam-roles.html: the amr key is
    // available in the role's policies, e.g. to tell authenticated from guest identities.
    const input = conditionInput(
      { 'ForAnyValue:StringLike': { 'cognito-identity.amazonaws.com:amr': 'graph.facebook.com' } },
      { 'cognito-identity.amazonaws.com:amr': AMR },
    );
    expect(evaluateDecision(input)).toBe('Allowed');
    expect(await safeOracleDecision(input)).toEqual({ decision: 'ImplicitlyDenied' });
    expect(unsafeOracleDecision(input)).toBe('Allowed');
  });

  it('runSimulation keeps only the first amr value; amr is multi-valued (design.md §5.2 step 9)', async () => {
    // https://docs.aws.amazon.com/cognito/latest/developerguide/role-trust-and-permissions.html
    const trust = {
      Version: '2012-10-17',
      Statement: [
        {
          Effect: 'Allow',
          Principal: { Federated: 'cognito-identity.amazonaws.com' },
          Action: 'sts:AssumeRoleWithWebIdentity',
          Condition: {
            StringEquals: {
              'cognito-identity.amazonaws.com:aud': 'eu-west-1:aaaaaaaa-0000-0000-0000-000000000001',
            },
            'ForAnyValue:StringLike': { 'cognito-identity.amazonaws.com:amr': 'graph.facebook.com' },
          },
        },
      ],
    };
    const input: EvaluationInput = {
      request: {
        principal: 'cognito-identity.amazonaws.com',
        action: 'sts:AssumeRoleWithWebIdentity',
        resource: ROLE_ARN,
        resourceAccount: ACCOUNT,
        context: {
          'cognito-identity.amazonaws.com:aud': 'eu-west-1:aaaaaaaa-0000-0000-0000-000000000001',
          'cognito-identity.amazonaws.com:amr': AMR,
        },
      },
      identityPolicies: [],
      resourcePolicy: { name: 'trust', document: trust },
      trustPolicyMode: true,
    };
    expect(evaluateDecision(input)).toBe('Allowed');
    expect(await safeOracleDecision(input)).toEqual({ decision: 'ImplicitlyDenied' });
  });

  it('runUnsafeSimulation ignores session policies; AWS intersects them with the role policies', async () => {
    // https://docs.aws.amazon.com/IAM/latest/UserGuide/access_policies.html#policies_session
    const input: EvaluationInput = {
      request: {
        principal: SESSION_ARN,
        action: 's3:GetObject',
        resource: 'arn:aws:s3:::photos/a.jpg',
        resourceAccount: ACCOUNT,
        context: {},
      },
      identityPolicies: [
        {
          name: 'role',
          document: {
            Version: '2012-10-17',
            Statement: [{ Effect: 'Allow', Action: 's3:*', Resource: '*' }],
          },
        },
      ],
      sessionPolicies: [
        {
          name: 'scope-down',
          document: {
            Version: '2012-10-17',
            Statement: [{ Effect: 'Allow', Action: 'dynamodb:*', Resource: '*' }],
          },
        },
      ],
    };
    expect(evaluateDecision(input)).toBe('ImplicitlyDenied');
    expect(unsafeOracleDecision(input)).toBe('Allowed');
    expect(await safeOracleDecision(input)).toEqual({ decision: 'ImplicitlyDenied' });
  });

  it('the simulator reads epoch-second dates as milliseconds; AWS dates in epoch form are seconds', () => {
    // https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html#Conditions_Date
    // 1717243200 s after the epoch is 2024-06-01T12:00:00Z.
    const input = conditionInput(
      { DateEquals: { 'aws:CurrentTime': '1717243200' } },
      { 'aws:CurrentTime': '2024-06-01T12:00:00Z' },
    );
    expect(evaluateDecision(input)).toBe('Allowed');
    expect(unsafeOracleDecision(input)).toBe('ImplicitlyDenied');
  });

  it('the simulator substitutes variables whatever the Version; AWS treats them as literal text without 2012-10-17', () => {
    // https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_version.html
    const context = { 's3:prefix': '${aws:PrincipalTag/team}', 'aws:PrincipalTag/team': 'red' };
    const input = conditionInput(
      { StringEquals: { 's3:prefix': '${aws:PrincipalTag/team}' } },
      context,
      '2008-10-17',
    );
    expect(evaluateDecision(input)).toBe('Allowed');
    expect(unsafeOracleDecision(input)).toBe('ImplicitlyDenied');
  });

  it('runUnsafeSimulation cannot evaluate a resource policy at all, so those inputs go through runSimulation', () => {
    const input: EvaluationInput = {
      request: {
        principal: SESSION_ARN,
        action: 's3:GetObject',
        resource: 'arn:aws:s3:::photos/a.jpg',
        resourceAccount: ACCOUNT,
        context: {},
      },
      identityPolicies: [],
      resourcePolicy: {
        document: {
          Version: '2012-10-17',
          Statement: [
            { Effect: 'Allow', Principal: { AWS: ROLE_ARN }, Action: 's3:GetObject', Resource: '*' },
          ],
        },
      },
    };
    expect(() => unsafeOracleDecision(input)).toThrow();
    // Same account: a resource policy naming the role grants its sessions access on its own.
    // https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic-basics.html
    expect(evaluateDecision(input)).toBe('Allowed');
  });
  it('the simulator ignores IfExists under ForAnyValue; AWS: with ...IfExists an absent key makes the condition true', () => {
    // https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html#Conditions_IfExists
    const input = conditionInput({ 'ForAnyValue:StringEqualsIfExists': { 'aws:TagKeys': 'team' } }, {});
    expect(evaluateDecision(input)).toBe('Allowed');
    expect(unsafeOracleDecision(input)).toBe('ImplicitlyDenied');
  });

  it('the simulator reads a number prefix of any text; a value that is not a number matches no numeric operator', () => {
    // https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html#Conditions_Numeric
    const input = conditionInput(
      { NumericLessThan: { 'aws:SourceIp': '3600' } },
      { 'aws:SourceIp': '198.51.100.200' },
    );
    expect(evaluateDecision(input)).toBe('ImplicitlyDenied');
    expect(unsafeOracleDecision(input)).toBe('Allowed');
  });

  it('the simulator treats a /0 range as its network address only; 0.0.0.0/0 holds every IPv4 address', () => {
    // https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html#Conditions_IPAddress
    const input = conditionInput(
      { IpAddress: { 'aws:SourceIp': '0.0.0.0/0' } },
      { 'aws:SourceIp': '198.51.100.200' },
    );
    expect(evaluateDecision(input)).toBe('Allowed');
    expect(unsafeOracleDecision(input)).toBe('ImplicitlyDenied');
  });

  it('under a set operator the simulator never lets an IPv6 address satisfy NotIpAddress with an IPv4 address; it is not that address', () => {
    const input = conditionInput(
      { 'ForAnyValue:NotIpAddress': { 'aws:SourceIp': '203.0.113.7' } },
      { 'aws:SourceIp': '2001:db8::1' },
    );
    expect(evaluateDecision(input)).toBe('Allowed');
    expect(unsafeOracleDecision(input)).toBe('ImplicitlyDenied');
  });

  it('the simulator lets a role ARN in NotPrincipal exempt its sessions; AWS needs the session, role and account named', async () => {
    // https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_notprincipal.html
    // (the example exempting an assumed-role session lists all three ARNs).
    const input: EvaluationInput = {
      request: {
        principal: SESSION_ARN,
        action: 's3:GetObject',
        resource: 'arn:aws:s3:::photos/a.jpg',
        resourceAccount: ACCOUNT,
        context: {},
      },
      identityPolicies: [
        {
          name: 'role',
          document: {
            Version: '2012-10-17',
            Statement: [{ Effect: 'Allow', Action: 's3:*', Resource: '*' }],
          },
        },
      ],
      resourcePolicy: {
        document: {
          Version: '2012-10-17',
          Statement: [{ Effect: 'Deny', NotPrincipal: { AWS: ROLE_ARN }, Action: 's3:*', Resource: '*' }],
        },
      },
    };
    expect(evaluateDecision(input)).toBe('ExplicitlyDenied');
    expect(await safeOracleDecision(input)).toEqual({ decision: 'Allowed' });
  });
  it('the simulator lets any Resource pattern match the "*" of an action without resource-level permissions; AWS needs Resource "*"', () => {
    // https://docs.aws.amazon.com/service-authorization/latest/reference/reference_policies_actions-resources-contextkeys.html
    // (an action with no resource type "doesn't support resource-level permissions ... specify all resources (*)").
    const document = {
      Version: '2012-10-17',
      Statement: [{ Effect: 'Allow', Action: 's3:ListAllMyBuckets', Resource: 'arn:aws:s3:::photos/*' }],
    };
    const input: EvaluationInput = {
      request: {
        principal: SESSION_ARN,
        action: 's3:ListAllMyBuckets',
        resource: '*',
        resourceAccount: ACCOUNT,
        context: {},
      },
      identityPolicies: [{ name: 'role', document }],
    };
    expect(evaluateDecision(input)).toBe('ImplicitlyDenied');
    expect(unsafeOracleDecision(input)).toBe('Allowed');
  });

  it('the simulator cannot match a policy variable holding ":" in a colon-separated ARN part', () => {
    // https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_variables.html (variables in Resource).
    const document = {
      Version: '2012-10-17',
      Statement: [
        {
          Effect: 'Allow',
          Action: 'sqs:SendMessage',
          Resource: `arn:aws:sqs:eu-west-1:${ACCOUNT}:\${aws:PrincipalTag/team}-*`,
        },
      ],
    };
    const input: EvaluationInput = {
      request: {
        principal: SESSION_ARN,
        action: 'sqs:SendMessage',
        resource: `arn:aws:sqs:eu-west-1:${ACCOUNT}:red-uploads`,
        resourceAccount: ACCOUNT,
        context: { 'aws:PrincipalTag/team': 'red' },
      },
      identityPolicies: [{ name: 'role', document }],
    };
    expect(evaluateDecision(input)).toBe('Allowed');
    expect(unsafeOracleDecision(input)).toBe('ImplicitlyDenied');
  });
  it('the simulator lets an identity-policy allow alone assume a role of the same account; the trust policy must allow', () => {
    // https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic_policy-eval-basics.html:
    // "Role trust policies and KMS key policies are exceptions to this logic, because they must
    // explicitly allow access for principals." (KMS key policies: the simulator agrees with us.)
    const role = `arn:aws:iam::${ACCOUNT}:role/Admin`;
    const input: EvaluationInput = {
      request: {
        principal: SESSION_ARN,
        action: 'sts:AssumeRole',
        resource: role,
        resourceAccount: ACCOUNT,
        context: {},
      },
      identityPolicies: [
        {
          name: 'role',
          document: {
            Version: '2012-10-17',
            Statement: [{ Effect: 'Allow', Action: 'sts:AssumeRole', Resource: role }],
          },
        },
      ],
    };
    expect(evaluateDecision(input)).toBe('ImplicitlyDenied');
    expect(unsafeOracleDecision(input)).toBe('Allowed');
  });
});
