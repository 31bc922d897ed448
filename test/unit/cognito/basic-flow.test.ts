// Basic (classic) flow: GetId, then GetOpenIdToken, then the caller's own AssumeRoleWithWebIdentity
// (design.md §5.2 step 13; https://docs.aws.amazon.com/cognito/latest/developerguide/authentication-flow.html).
// GetId runs before GetOpenIdToken, so its errors (guest access off, unsupported provider) come first.

import { describe, expect, it } from 'vitest';
import { simulate } from '../../../shared/cognito/index';
import type { SimulationInput, SimulationResult } from '../../../shared/cognito/index';
import type { DesignDocument } from '../../../shared/model/types';
import { IDENTITY_POOL_ID, NOW, arnOf, baseDesign } from './fixture';

function run(
  input: Partial<SimulationInput> & Pick<SimulationInput, 'login'>,
  change?: (design: DesignDocument) => void,
): SimulationResult {
  const design = baseDesign();
  change?.(design);
  return simulate(design, { identityPool: 'ip', now: NOW, flow: 'basic', ...input });
}

function errorOf(result: SimulationResult): { code: string; message: string } | undefined {
  return result.outcome === 'error' ? { code: result.error.code, message: result.error.message } : undefined;
}

describe('basic flow disabled', () => {
  it('answers GetOpenIdToken with the error AWS returns', () => {
    // Wording as AWS returns it: https://github.com/aws/aws-cli/issues/7652
    expect(errorOf(run({ login: { type: 'guest' } }))).toEqual({
      code: 'InvalidParameterException',
      message: 'Basic (classic) flow is not enabled, please use enhanced flow.',
    });
  });

  it('lets GetId refuse a guest first when guest access is off', () => {
    const result = run({ login: { type: 'guest' } }, (design) => {
      design.identityPools[0]!.allowUnauthenticated = false;
    });
    expect(errorOf(result)).toEqual({
      code: 'NotAuthorizedException',
      message: 'Unauthenticated access is not supported for this identity pool.',
    });
  });

  it('lets GetId refuse an unsupported provider first', () => {
    const result = run({
      login: { type: 'claims', claims: { iss: 'https://elsewhere.example.org', sub: 'someone' } },
    });
    expect(errorOf(result)).toEqual({
      code: 'NotAuthorizedException',
      message: 'Token is not from a supported provider of this identity pool.',
    });
  });
});

describe('basic flow enabled', () => {
  it('reaches a role no pool refers to when its hand-written trust accepts the token', () => {
    const result = run({ login: { type: 'guest' } }, (design) => {
      const pool = design.identityPools[0]!;
      pool.allowClassicFlow = true;
      design.roles.push({
        ...design.roles[0]!,
        id: 'role-stray',
        name: 'Stray',
        trustPolicy: {
          mode: 'custom',
          document: {
            Version: '2012-10-17',
            Statement: [
              {
                Effect: 'Allow',
                Principal: { Federated: 'cognito-identity.amazonaws.com' },
                Action: 'sts:AssumeRoleWithWebIdentity',
                Condition: { StringEquals: { 'cognito-identity.amazonaws.com:aud': IDENTITY_POOL_ID } },
              },
            ],
          },
        },
      });
    });
    if (result.outcome !== 'credentials') throw new Error('expected credentials');
    expect(result.reachableRoles.map((session) => session.role.arn).sort()).toEqual(
      [arnOf('Guest'), arnOf('Stray')].sort(),
    );
  });

  it('warns that AWS has refused GetOpenIdToken for pools with role mappings', () => {
    // Reported AWS answer: "Basic (classic) flow is not supported with RoleMappings, please use enhanced flow."
    // https://github.com/aws-observability/aws-rum-web/issues/172
    const result = run({ login: { type: 'guest' } }, (design) => {
      design.identityPools[0]!.allowClassicFlow = true;
    });
    const step = result.trace.find((candidate) => candidate.id === 'basic-flow-role-mappings');
    expect(step?.assumption).toBe(true);
    expect(step?.detail).toContain('Basic (classic) flow is not supported with RoleMappings');
  });

  it('has no such warning when the pool has no role mappings', () => {
    const result = run({ login: { type: 'guest' } }, (design) => {
      design.identityPools[0]!.allowClassicFlow = true;
      design.identityPools[0]!.roleMappings = [];
    });
    expect(result.trace.some((candidate) => candidate.id === 'basic-flow-role-mappings')).toBe(false);
  });
});
