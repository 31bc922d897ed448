// Where a hand-written trust policy starts: the generated one, so switching to "custom" never
// leaves Cognito unable to assume the role. For a role no identity pool uses yet, a Cognito trust
// statement for the design's pools (or a placeholder pool id to fill in).

import { generateTrustPolicy } from '../cognito/trust';
import type { PolicyDocument } from '../iam/types';
import type { DesignDocument, Role } from '../model/types';

export function customTrustStart(design: DesignDocument, role: Pick<Role, 'id'>): PolicyDocument {
  const generated = generateTrustPolicy(design, role).document;
  if (generated) return generated;
  const poolIds = design.identityPools.map((pool) => pool.poolId);
  return {
    Version: '2012-10-17',
    Statement: [
      {
        Sid: 'CognitoAuthenticated',
        Effect: 'Allow',
        Principal: { Federated: 'cognito-identity.amazonaws.com' },
        Action: 'sts:AssumeRoleWithWebIdentity',
        Condition: {
          StringEquals: {
            'cognito-identity.amazonaws.com:aud':
              poolIds.length === 1
                ? poolIds[0]
                : poolIds.length > 1
                  ? poolIds
                  : `${design.account.region}:IDENTITY-POOL-ID`,
          },
          'ForAnyValue:StringLike': { 'cognito-identity.amazonaws.com:amr': 'authenticated' },
        },
      },
    ],
  } as PolicyDocument;
}
