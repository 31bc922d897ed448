// Small designs for the review tests: one user pool client and one identity pool, with roles whose
// trust and permissions each test sets.

import type { PolicyDocument } from '../../../shared/iam/types';
import type { DesignDocument, IdentityPool, Role } from '../../../shared/model/types';
import { reviewDesignSync } from '../../../shared/review';
import type { Finding } from '../../../shared/review';
import { aClient, aDesign, aPolicy, aRole, aUserPool, anIdentityPool } from '../builders/design';

export const POOL_ID = 'us-east-1:11111111-2222-4333-8444-555555555555';

/** The trust policy AWS documents for identity-pool roles. */
export function documentedTrust(
  amr: 'authenticated' | 'unauthenticated',
  extra: Record<string, unknown> = {},
): PolicyDocument {
  return {
    Version: '2012-10-17',
    Statement: [
      {
        Effect: 'Allow',
        Principal: { Federated: 'cognito-identity.amazonaws.com' },
        Action: 'sts:AssumeRoleWithWebIdentity',
        Condition: {
          StringEquals: { 'cognito-identity.amazonaws.com:aud': POOL_ID },
          'ForAnyValue:StringLike': { 'cognito-identity.amazonaws.com:amr': amr },
        },
        ...extra,
      },
    ],
  };
}

export function roleWith(id: string, statements: unknown[], overrides: Partial<Role> = {}): Role {
  return aRole({
    id,
    name: id,
    inlinePolicies: statements.length > 0 ? [{ name: 'Access', document: aPolicy(statements) }] : [],
    ...overrides,
  });
}

export interface BaseOptions {
  pool?: Partial<IdentityPool>;
  roles: Role[];
}

/**
 * A user pool (`userpool`, client `client`, groups as given) accepted by one identity pool
 * (`identitypool`); `pool` overrides identity-pool fields.
 */
export function baseDesign(options: BaseOptions, edit?: (design: DesignDocument) => void): DesignDocument {
  const builder = aDesign()
    .withUserPool(
      aUserPool({
        id: 'userpool',
        poolId: 'us-east-1_AbCdEf123',
        clients: [aClient({ id: 'client', clientId: 'client1234567890abcdefghij', name: 'web' })],
      }),
    )
    .withIdentityPool(
      anIdentityPool({
        id: 'identitypool',
        poolId: POOL_ID,
        name: 'Pool',
        acceptedProviders: [{ type: 'userPoolClient', userPoolId: 'userpool', clientId: 'client' }],
        ...options.pool,
      }),
    );
  for (const role of options.roles) builder.withRole(role);
  if (edit) builder.with(edit);
  return builder.build();
}

export function findingsOf(design: DesignDocument, checkId: string): Finding[] {
  return reviewDesignSync(design).filter((finding) => finding.checkId === checkId);
}

export const USER_POOL_REF = { type: 'userPoolClient' as const, userPoolId: 'userpool', clientId: 'client' };
