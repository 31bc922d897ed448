// A large, deterministic design for the UI benchmark: ~1,500 nodes and ~3,000 edges laid out in
// columns the way auto-layout would (providers → user pools → identity pools → roles → policies).

import { managedPolicyArn } from '../../shared/model/keys';
import type {
  DesignDocument,
  IdentityPool,
  ManagedPolicy,
  Provider,
  Role,
  UserPool,
} from '../../shared/model/types';

const ACCOUNT = { accountId: '111122223333', partition: 'aws' as const, region: 'us-east-1' };

function guid(n: number): string {
  const hex = n.toString(16).padStart(12, '0');
  return `${hex.slice(-8)}-0000-4000-8000-${hex}`;
}

export interface LargeDesignShape {
  identityPools: number;
  providersPerPool: number;
  rolesPerPool: number;
}

export function largeDesign(
  shape: LargeDesignShape = { identityPools: 100, providersPerPool: 3, rolesPerPool: 9 },
): DesignDocument {
  const providers: Provider[] = [];
  const userPools: UserPool[] = [];
  const identityPools: IdentityPool[] = [];
  const roles: Role[] = [];
  const managedPolicies: ManagedPolicy[] = [];
  const positions: Record<string, { x: number; y: number }> = {};
  for (let pool = 0; pool < shape.identityPools; pool += 1) {
    const policy: ManagedPolicy = {
      id: `policy-${pool}`,
      name: `Data${pool}`,
      path: '/',
      document: {
        Version: '2012-10-17',
        Statement: [{ Effect: 'Allow', Action: 's3:GetObject', Resource: `arn:aws:s3:::bucket-${pool}/*` }],
      },
    };
    managedPolicies.push(policy);
    positions[policy.id] = { x: 1800, y: pool * 900 + 400 };
    const policyArn = managedPolicyArn(ACCOUNT, policy);
    const poolRoles: Role[] = [];
    for (let index = 0; index < shape.rolesPerPool; index += 1) {
      const role: Role = {
        id: `role-${pool}-${index}`,
        name: `Role${pool}x${index}`,
        path: '/',
        trustPolicy: { mode: 'generated' },
        inlinePolicies: [],
        managedPolicyArns: [policyArn],
        ...(index === 0 ? { permissionsBoundaryArn: policyArn } : {}),
        maxSessionDuration: 3600,
        tags: {},
      };
      poolRoles.push(role);
      positions[role.id] = { x: 1400, y: pool * 900 + index * 100 };
    }
    roles.push(...poolRoles);
    const poolProviders: Provider[] = [];
    for (let index = 0; index < shape.providersPerPool; index += 1) {
      const provider: Provider = {
        id: `provider-${pool}-${index}`,
        name: `IdP ${pool}.${index}`,
        kind: 'oidc',
        providerKey: `idp-${pool}-${index}.example.com`,
        clientIds: [`app-${pool}-${index}`],
      };
      poolProviders.push(provider);
      positions[provider.id] = { x: 0, y: pool * 900 + index * 200 };
    }
    providers.push(...poolProviders);
    const userPool: UserPool = {
      id: `userpool-${pool}`,
      poolId: `us-east-1_Pool${pool}`,
      name: `users-${pool}`,
      clients: [
        {
          id: `client-${pool}-a`,
          clientId: `clienta${pool}abcdefghijklmnop`,
          name: 'web',
          readAttributes: [],
          writeAttributes: [],
          serverSideTokenCheck: false,
        },
        {
          id: `client-${pool}-b`,
          clientId: `clientb${pool}abcdefghijklmnop`,
          name: 'mobile',
          readAttributes: [],
          writeAttributes: [],
          serverSideTokenCheck: false,
        },
      ],
      groups: [0, 1, 2].map((index) => ({
        name: `group-${index}`,
        precedence: index,
        roleId: poolRoles[index]!.id,
      })),
      attributes: [],
      federatedProviderIds: [poolProviders[0]!.id],
      users: [],
    };
    userPools.push(userPool);
    positions[userPool.id] = { x: 350, y: pool * 900 };
    const identityPool: IdentityPool = {
      id: `identitypool-${pool}`,
      poolId: `us-east-1:${guid(pool + 1)}`,
      name: `Identities${pool}`,
      allowUnauthenticated: true,
      allowClassicFlow: false,
      acceptedProviders: [
        ...poolProviders.map((provider) => ({ type: 'provider' as const, providerId: provider.id })),
        ...userPool.clients.map((client) => ({
          type: 'userPoolClient' as const,
          userPoolId: userPool.id,
          clientId: client.id,
        })),
      ],
      authenticatedRoleId: poolRoles[0]!.id,
      unauthenticatedRoleId: poolRoles[1]!.id,
      roleMappings: [
        {
          id: `mapping-${pool}`,
          provider: { type: 'provider', providerId: poolProviders[1]!.id },
          type: 'Rules',
          ambiguousRoleResolution: 'Deny',
          rules: poolRoles.map((role, index) => ({
            id: `rule-${pool}-${index}`,
            claim: 'custom:tenant',
            matchType: 'Equals' as const,
            value: `tenant-${index}`,
            roleId: role.id,
          })),
        },
      ],
      principalTags: [],
    };
    identityPools.push(identityPool);
    positions[identityPool.id] = { x: 800, y: pool * 900 + 200 };
  }
  return {
    format: 'cognito-access-studio/design',
    version: 2,
    name: 'Large benchmark design',
    account: ACCOUNT,
    providers,
    userPools,
    identityPools,
    roles,
    managedPolicies,
    personas: [],
    layout: { positions },
  };
}
