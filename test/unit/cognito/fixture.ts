// A small design covering every branch of credential resolution. Tests clone it and change one thing.

import { DESIGN_FORMAT, DESIGN_VERSION, type DesignDocument, type Role } from '../../../shared/model/types';

export const ACCOUNT = '111122223333';
export const IDENTITY_POOL_ID = 'us-east-1:11111111-2222-4333-8444-555555555555';
export const USER_POOL_ID = 'us-east-1_TestPool1';
export const USER_POOL_KEY = `cognito-idp.us-east-1.amazonaws.com/${USER_POOL_ID}`;
export const SAML_ARN = `arn:aws:iam::${ACCOUNT}:saml-provider/Corp`;
export const NOW = '2026-01-15T10:00:00.000Z';

export function arnOf(name: string): string {
  return `arn:aws:iam::${ACCOUNT}:role/${name}`;
}

function role(id: string, name: string, bucketPrefix: string): Role {
  return {
    id,
    name,
    path: '/',
    trustPolicy: { mode: 'generated' },
    inlinePolicies: [
      {
        name: 'storage',
        document: {
          Version: '2012-10-17',
          Statement: [
            {
              Sid: 'OwnPrefix',
              Effect: 'Allow',
              Action: ['s3:GetObject', 's3:PutObject'],
              Resource: `arn:aws:s3:::photos/${bucketPrefix}/\${cognito-identity.amazonaws.com:sub}/*`,
            },
          ],
        },
      },
    ],
    managedPolicyArns: [],
    maxSessionDuration: 3600,
    tags: {},
  };
}

export function baseDesign(): DesignDocument {
  return {
    format: DESIGN_FORMAT,
    version: DESIGN_VERSION,
    name: 'Resolution fixture',
    account: { accountId: ACCOUNT, partition: 'aws', region: 'us-east-1' },
    providers: [
      {
        id: 'google',
        name: 'Google',
        kind: 'google',
        providerKey: 'accounts.google.com',
        clientIds: ['google-client'],
      },
      {
        id: 'oidc',
        name: 'Corp OIDC',
        kind: 'oidc',
        providerKey: 'idp.example.com',
        clientIds: ['oidc-client'],
      },
      { id: 'saml', name: 'Corp SAML', kind: 'saml', providerKey: SAML_ARN, clientIds: [] },
      { id: 'dev', name: 'Backend', kind: 'developer', providerKey: 'login.example.dev', clientIds: [] },
    ],
    userPools: [
      {
        id: 'up',
        poolId: USER_POOL_ID,
        name: 'users',
        clients: [
          {
            id: 'web',
            clientId: 'webclient111',
            name: 'web',
            readAttributes: [],
            writeAttributes: ['email'],
            serverSideTokenCheck: false,
          },
          {
            id: 'limited',
            clientId: 'limitedclient',
            name: 'limited',
            readAttributes: ['email', 'email_verified'],
            writeAttributes: [],
            serverSideTokenCheck: false,
          },
          {
            id: 'unaccepted',
            clientId: 'otherclient',
            name: 'other',
            readAttributes: [],
            writeAttributes: [],
            serverSideTokenCheck: false,
          },
        ],
        groups: [
          { name: 'admins', precedence: 0, roleId: 'role-admin' },
          { name: 'editors', precedence: 1, roleId: 'role-editor' },
          { name: 'viewers', roleId: 'role-viewer' },
          { name: 'twins-a', precedence: 5, roleId: 'role-editor' },
          { name: 'twins-b', precedence: 5, roleId: 'role-viewer' },
        ],
        attributes: [
          { name: 'email', custom: false, mutable: true, dataType: 'String' },
          { name: 'email_verified', custom: false, mutable: true, dataType: 'Boolean' },
          { name: 'custom:tenant', custom: true, mutable: false, dataType: 'String' },
        ],
        federatedProviderIds: [],
        users: [
          {
            username: 'alice',
            sub: 'aaaaaaaa-0000-4000-8000-000000000001',
            groups: ['admins', 'editors'],
            attributes: { email: 'alice@example.com', email_verified: 'true', 'custom:tenant': 'acme' },
          },
          {
            username: 'vera',
            sub: 'aaaaaaaa-0000-4000-8000-000000000002',
            groups: ['viewers'],
            attributes: { email: 'vera@example.com', email_verified: 'false', 'custom:tenant': 'Acme' },
          },
          {
            username: 'tina',
            sub: 'aaaaaaaa-0000-4000-8000-000000000003',
            groups: ['twins-a', 'twins-b'],
            attributes: { 'custom:tenant': 'globex' },
          },
          { username: 'nobody', sub: 'aaaaaaaa-0000-4000-8000-000000000004', groups: [], attributes: {} },
        ],
      },
    ],
    identityPools: [
      {
        id: 'ip',
        poolId: IDENTITY_POOL_ID,
        name: 'Fixture identities',
        allowUnauthenticated: true,
        allowClassicFlow: false,
        acceptedProviders: [
          { type: 'userPoolClient', userPoolId: 'up', clientId: 'web' },
          { type: 'userPoolClient', userPoolId: 'up', clientId: 'limited' },
          { type: 'provider', providerId: 'google' },
          { type: 'provider', providerId: 'oidc' },
          { type: 'provider', providerId: 'saml' },
          { type: 'provider', providerId: 'dev' },
        ],
        authenticatedRoleId: 'role-auth',
        unauthenticatedRoleId: 'role-unauth',
        roleMappings: [
          {
            id: 'map-web',
            provider: { type: 'userPoolClient', userPoolId: 'up', clientId: 'web' },
            type: 'Token',
            ambiguousRoleResolution: 'AuthenticatedRole',
            rules: [],
          },
          {
            id: 'map-saml',
            provider: { type: 'provider', providerId: 'saml' },
            type: 'Token',
            ambiguousRoleResolution: 'Deny',
            rules: [],
          },
          {
            id: 'map-oidc',
            provider: { type: 'provider', providerId: 'oidc' },
            type: 'Rules',
            ambiguousRoleResolution: 'Deny',
            rules: [
              { id: 'r-groups', claim: 'groups', matchType: 'Equals', value: 'admins', roleId: 'role-admin' },
              {
                id: 'r-dept',
                claim: 'department',
                matchType: 'NotEqual',
                value: 'sales',
                roleId: 'role-editor',
              },
              {
                id: 'r-tenant',
                claim: 'custom:tenant',
                matchType: 'StartsWith',
                value: 'acme',
                roleId: 'role-viewer',
              },
            ],
          },
        ],
        principalTags: [],
      },
    ],
    roles: [
      role('role-auth', 'Authenticated', 'auth'),
      role('role-unauth', 'Guest', 'guest'),
      role('role-admin', 'Admin', 'admin'),
      role('role-editor', 'Editor', 'editor'),
      role('role-viewer', 'Viewer', 'viewer'),
    ],
    managedPolicies: [],
    personas: [],
    layout: { positions: {} },
  };
}
