// The graph path of a simulation (what lights up on the canvas) and the element each trace step selects.

import { describe, expect, it } from 'vitest';
import {
  failedTrustStatementPath,
  policySourceOf,
  simulate,
  simulationPath,
  traceStepElements,
  evaluateAccess,
} from '../../../shared/cognito/index';
import type { SimulationInput, SimulationResult } from '../../../shared/cognito/index';
import { createAwsManagedPolicySource } from '../../../shared/iam/aws-managed-policies';
import type { DesignDocument } from '../../../shared/model/types';
import { NOW, baseDesign } from './fixture';

function run(input: Partial<SimulationInput>, change?: (design: DesignDocument) => void) {
  const design = baseDesign();
  change?.(design);
  const result = simulate(design, { identityPool: 'ip', login: { type: 'guest' }, now: NOW, ...input });
  return { design, result, path: simulationPath(design, result) };
}

const oidc = (claims: Record<string, unknown>) => ({
  type: 'claims' as const,
  claims: { iss: 'https://idp.example.com', aud: 'oidc-client', sub: 'oidc-user', ...claims },
});

function step(result: SimulationResult, id: string) {
  const found = result.trace.find((candidate) => candidate.id === id);
  if (!found) throw new Error(`no trace step ${id}: ${result.trace.map((s) => s.id).join(', ')}`);
  return found;
}

describe('simulationPath', () => {
  it('lights a guest from the identity pool along its guest edge to the unauthenticated role', () => {
    const { path } = run({ login: { type: 'guest' } });
    expect(path).toEqual({
      nodes: ['ip', 'role-unauth'],
      edges: ['guestRole:ip->role-unauth'],
      roleId: 'role-unauth',
    });
  });

  it('follows a user-pool login through its app client and the group that carries the preferred role', () => {
    const { result, path } = run({ login: { type: 'userPoolUser', username: 'alice', clientId: 'web' } });
    expect(result.outcome).toBe('credentials');
    expect(path).toEqual({
      nodes: ['up', 'ip', 'role-admin'],
      edges: ['acceptance:up/web->ip', 'groupRole:up/admins->role-admin'],
      roleId: 'role-admin',
    });
  });

  it('lights only the first matching rule of a Rules mapping', () => {
    // department NotEqual sales (#2) and custom:tenant StartsWith acme (#3) both match; #2 wins.
    const { path } = run({
      provider: 'idp.example.com',
      login: oidc({ department: 'engineering', 'custom:tenant': 'acme' }),
    });
    expect(path).toEqual({
      nodes: ['oidc', 'ip', 'role-editor'],
      edges: ['acceptance:oidc->ip', 'ruleRole:ip/map-oidc/r-dept'],
      roleId: 'role-editor',
    });
  });

  it('takes the default authenticated edge for a provider without a role mapping', () => {
    const { path } = run({
      provider: 'accounts.google.com',
      login: {
        type: 'claims',
        claims: { iss: 'https://accounts.google.com', aud: 'google-client', sub: 'g1' },
      },
    });
    expect(path).toEqual({
      nodes: ['google', 'ip', 'role-auth'],
      edges: ['acceptance:google->ip', 'authenticatedRole:ip->role-auth'],
      roleId: 'role-auth',
    });
  });

  it('stops at the identity pool when no rule matches and the mapping denies', () => {
    const { result, path } = run({ provider: 'idp.example.com', login: oidc({ department: 'sales' }) });
    expect(result.outcome).toBe('error');
    expect(path).toEqual({ nodes: ['oidc', 'ip'], edges: ['acceptance:oidc->ip'] });
  });

  it('reaches the role whose trust policy refused the identity, and names the failing statement', () => {
    const { result, path } = run({ login: { type: 'guest' } }, (design) => {
      design.roles[1]!.trustPolicy = {
        mode: 'custom',
        document: {
          Version: '2012-10-17',
          Statement: [
            { Effect: 'Allow', Principal: { Service: 'ec2.amazonaws.com' }, Action: 'sts:AssumeRole' },
            {
              Effect: 'Allow',
              Principal: { Federated: 'cognito-identity.amazonaws.com' },
              Action: 'sts:AssumeRoleWithWebIdentity',
              Condition: { StringEquals: { 'cognito-identity.amazonaws.com:aud': 'us-east-1:other-pool' } },
            },
          ],
        },
      };
    });
    expect(result.outcome).toBe('error');
    expect(path.roleId).toBe('role-unauth');
    expect(path.nodes).toEqual(['ip', 'role-unauth']);
    expect(step(result, 'trust').data).toMatchObject({
      roleId: 'role-unauth',
      failedStatementPath: '$.Statement[1]',
    });
  });

  it('is empty when the input names no pool of the design', () => {
    const { path } = run({ identityPool: 'missing' });
    expect(path).toEqual({ nodes: [], edges: [] });
  });
});

describe('traceStepElements', () => {
  it('maps rule steps to their rule edge, trust to the role and token steps to the login entity', () => {
    const { design, result } = run({ provider: 'idp.example.com', login: oidc({ groups: ['admins'] }) });
    expect(traceStepElements(design, result, step(result, 'rule:r-groups'))).toEqual({
      nodes: [],
      edges: ['ruleRole:ip/map-oidc/r-groups'],
    });
    expect(traceStepElements(design, result, step(result, 'trust'))).toEqual({
      nodes: ['role-admin'],
      edges: [],
    });
    expect(traceStepElements(design, result, step(result, 'token-audience'))).toEqual({
      nodes: ['oidc'],
      edges: [],
    });
    expect(traceStepElements(design, result, step(result, 'identity-pool'))).toEqual({
      nodes: ['ip'],
      edges: [],
    });
  });
});

describe('failedTrustStatementPath', () => {
  it('is undefined for a trust check that passed', () => {
    const { result } = run({ login: { type: 'guest' } });
    expect(step(result, 'trust').data?.failedStatementPath).toBeUndefined();
    expect(
      failedTrustStatementPath({
        allowed: true,
        generated: true,
        assume: undefined,
        tagSession: undefined,
        reason: '',
      }),
    ).toBeUndefined();
  });
});

describe('policySourceOf', () => {
  it('names the inline policy of a deciding statement and the guest session policies', () => {
    const { design, result } = run({ login: { type: 'guest' } });
    if (result.outcome !== 'credentials') throw new Error('guest gets credentials');
    const [decision] = evaluateAccess(design, result, [
      { action: 's3:GetObject', resource: `arn:aws:s3:::photos/guest/${result.identityId}/a.jpg` },
    ]);
    expect(decision?.decision).toBe('Allowed');
    const sources = decision!.decidingStatements.map((statement) =>
      policySourceOf(design, result.session, statement.policyName),
    );
    expect(sources).toContainEqual({ kind: 'inline', roleId: 'role-unauth', policyName: 'storage' });
    expect(sources.some((source) => source?.kind === 'session')).toBe(true);
    expect(policySourceOf(design, result.session, 'something else')).toBeUndefined();
  });

  it('names a customer managed policy attached to the role', () => {
    const { design, result } = run({ login: { type: 'guest' } }, (changed) => {
      changed.managedPolicies.push({
        id: 'mp',
        name: 'Extra',
        path: '/',
        document: {
          Version: '2012-10-17',
          Statement: [{ Effect: 'Allow', Action: 's3:ListBucket', Resource: '*' }],
        },
      });
      changed.roles[1]!.managedPolicyArns.push('arn:aws:iam::111122223333:policy/Extra');
    });
    if (result.outcome !== 'credentials') throw new Error('guest gets credentials');
    const [decision] = evaluateAccess(design, result, [
      { action: 's3:ListBucket', resource: 'arn:aws:s3:::photos' },
    ]);
    expect(decision?.decision).toBe('Allowed');
    expect(
      decision!.decidingStatements.map((statement) =>
        policySourceOf(design, result.session, statement.policyName),
      ),
    ).toContainEqual({ kind: 'managed', policyId: 'mp' });
  });

  describe('AWS managed policies', () => {
    const awsManagedPolicies = createAwsManagedPolicySource({
      format: 'aws-managed-policies/1',
      source: 'test data',
      dataDate: '2026-08-26',
      policies: {
        AmazonS3ReadOnlyAccess: [
          'v3',
          { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 's3:Get*', Resource: '*' }] },
        ],
        'service-role/S3Guard': [
          'v7',
          {
            Version: '2012-10-17',
            Statement: [
              { Effect: 'Allow', Action: 's3:*', Resource: '*' },
              { Sid: 'NoDelete', Effect: 'Deny', Action: 's3:DeleteObject', Resource: '*' },
            ],
          },
        ],
      },
    });
    const readOnly = 'arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess';
    const guard = 'arn:aws:iam::aws:policy/service-role/S3Guard';

    it('names an attached AWS managed policy that decides a request', () => {
      const { design, result } = run({ login: { type: 'guest' } }, (changed) => {
        changed.roles[1]!.managedPolicyArns.push(readOnly);
      });
      if (result.outcome !== 'credentials') throw new Error('guest gets credentials');
      const [decision] = evaluateAccess(
        design,
        result,
        [{ action: 's3:GetObject', resource: 'arn:aws:s3:::elsewhere/file' }],
        { awsManagedPolicies },
      );
      expect(decision?.decision).toBe('Allowed');
      // The identity side is decided by the AWS managed policy (the guest session policy allows too).
      const sources = decision!.decidingStatements.map((statement) => [
        statement.policyName,
        policySourceOf(design, result.session, statement.policyName),
      ]);
      expect(sources).toContainEqual([
        'AWS managed policy AmazonS3ReadOnlyAccess (v3)',
        { kind: 'awsManaged', arn: readOnly },
      ]);
    });

    it('names an AWS managed permissions boundary with a path, and not a policy the role does not attach', () => {
      const { design, result } = run({ login: { type: 'guest' } }, (changed) => {
        changed.roles[1]!.permissionsBoundaryArn = guard;
      });
      if (result.outcome !== 'credentials') throw new Error('guest gets credentials');
      const [decision] = evaluateAccess(
        design,
        result,
        [{ action: 's3:DeleteObject', resource: `arn:aws:s3:::photos/guest/${result.identityId}/a.jpg` }],
        { awsManagedPolicies },
      );
      expect(decision?.decision).toBe('ExplicitlyDenied');
      const [deny] = decision!.decidingStatements;
      expect(deny?.policyName).toBe('permissions boundary AWS managed policy S3Guard (v7)');
      expect(policySourceOf(design, result.session, deny!.policyName)).toEqual({
        kind: 'awsManaged',
        arn: guard,
      });
      expect(
        policySourceOf(design, result.session, 'AWS managed policy AmazonS3ReadOnlyAccess (v3)'),
      ).toBeUndefined();
    });
  });
});
