// Identifiers, ARNs, duplicates and dangling references (design.md §4).
import { describe, expect, it } from 'vitest';
import { validateDesign } from '../../../shared/model/validate';
import type { Case } from './validation-fixture';
import { broken, CLIENT, expectCase, pool, role, userPool } from './validation-fixture';
import { aGroup, aRoleMapping } from '../builders/design';

const CASES: Case[] = [
  // Identifiers and ARNs
  {
    name: 'account id not 12 digits',
    edit: (d) => (d.account.accountId = '12345'),
    severity: 'error',
    code: 'schema',
    path: '$.account.accountId',
  },
  {
    name: 'malformed region',
    edit: (d) => (d.account.region = 'US East'),
    severity: 'error',
    code: 'schema',
    path: '$.account.region',
  },
  {
    name: 'malformed user pool id',
    edit: (d) => (userPool(d).poolId = 'us-east-1-AbC'),
    severity: 'error',
    code: 'schema',
    path: '$.userPools[0].poolId',
  },
  {
    name: 'identity pool id without guid',
    edit: (d) => (pool(d).poolId = 'us-east-1:abc'),
    severity: 'error',
    code: 'schema',
    path: '$.identityPools[0].poolId',
  },
  {
    name: 'identity pool id upper-case guid',
    edit: (d) => (pool(d).poolId = 'us-east-1:0A1B2C3D-4E5F-4A6B-8C7D-9E0F1A2B3C4D'),
    severity: 'error',
    code: 'schema',
    path: '$.identityPools[0].poolId',
  },
  {
    name: 'identity pool id over 55 chars',
    edit: (d) => (pool(d).poolId = `ap-southeast-1234567890123:${'0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d'}`),
    severity: 'error',
    code: 'schema',
    path: '$.identityPools[0].poolId',
  },
  {
    name: 'role name with a space',
    edit: (d) => (role(d, 0).name = 'Admin Role'),
    severity: 'error',
    code: 'schema',
    path: '$.roles[0].name',
  },
  {
    name: 'role name over 64 chars',
    edit: (d) => (role(d, 0).name = 'R'.repeat(65)),
    severity: 'error',
    code: 'schema',
    path: '$.roles[0].name',
  },
  {
    name: 'role path without trailing slash',
    edit: (d) => (role(d, 0).path = '/app'),
    severity: 'error',
    code: 'schema',
    path: '$.roles[0].path',
  },
  {
    name: 'malformed managed policy ARN',
    edit: (d) => (role(d, 0).managedPolicyArns = ['arn:aws:iam::1111:policy/X']),
    severity: 'error',
    code: 'schema',
    path: '$.roles[0].managedPolicyArns[0]',
  },
  {
    name: 'session duration above 12 hours',
    edit: (d) => (role(d, 0).maxSessionDuration = 43201),
    severity: 'error',
    code: 'schema',
    path: '$.roles[0].maxSessionDuration',
  },
  {
    name: 'SAML provider key that is not a SAML provider ARN',
    edit: (d) => (d.providers[1]!.providerKey = 'arn:aws:iam::111122223333:oidc-provider/x'),
    severity: 'error',
    code: 'invalid-arn',
    path: '$.providers[1].providerKey',
  },
  {
    name: 'SAML provider of another account',
    edit: (d) => (d.providers[1]!.providerKey = 'arn:aws:iam::999988887777:saml-provider/Corp'),
    severity: 'warning',
    code: 'invalid-reference',
    path: '$.providers[1].providerKey',
  },
  {
    name: 'OIDC key with a scheme',
    edit: (d) => (d.providers[2]!.providerKey = 'https://login.example.com'),
    severity: 'error',
    code: 'provider-key-mismatch',
    path: '$.providers[2].providerKey',
  },
  {
    name: 'Google provider with a wrong key',
    edit: (d) => (d.providers[0]!.providerKey = 'google.com'),
    severity: 'error',
    code: 'provider-key-mismatch',
    path: '$.providers[0].providerKey',
  },
  {
    name: 'two providers with the same key',
    edit: (d) => d.providers.push({ ...d.providers[0]!, id: 'google-2' }),
    severity: 'error',
    code: 'duplicate-name',
    path: '$.providers[3].providerKey',
  },
  {
    name: 'persona identity id malformed',
    edit: (d) => (d.personas[0]!.identityId = 'not-an-id'),
    severity: 'error',
    code: 'schema',
    path: '$.personas[0].identityId',
  },
  {
    name: 'persona custom role ARN malformed',
    edit: (d) => (d.personas[0]!.customRoleArn = 'arn:aws:iam::111122223333:user/x'),
    severity: 'error',
    code: 'schema',
    path: '$.personas[0].customRoleArn',
  },
  // Duplicates
  {
    name: 'duplicate id across entity kinds',
    edit: (d) => (role(d, 2).id = 'pool'),
    severity: 'error',
    code: 'duplicate-id',
    path: '$.roles[2].id',
  },
  {
    name: 'duplicate rule id',
    edit: (d) => (pool(d).roleMappings[0]!.rules[1]!.id = 'rule-1'),
    severity: 'error',
    code: 'duplicate-id',
    path: '$.identityPools[0].roleMappings[0].rules[1].id',
  },
  {
    name: 'role names differing only in case',
    edit: (d) => (role(d, 1).name = 'ADMIN'),
    severity: 'error',
    code: 'duplicate-name',
    path: '$.roles[1].name',
  },
  {
    name: 'duplicate group',
    edit: (d) => userPool(d).groups.push(aGroup('users')),
    severity: 'error',
    code: 'duplicate-name',
    path: '$.userPools[0].groups[2].name',
  },
  {
    name: 'two mappings for one provider',
    edit: (d) => pool(d).roleMappings.push(aRoleMapping(CLIENT, { id: 'mapping-2' })),
    severity: 'error',
    code: 'duplicate-name',
    path: '$.identityPools[0].roleMappings[1].provider',
  },
  {
    name: 'provider accepted twice',
    edit: (d) => pool(d).acceptedProviders.push({ type: 'provider', providerId: 'google' }),
    severity: 'error',
    code: 'duplicate-name',
    path: '$.identityPools[0].acceptedProviders[2]',
  },
  // Dangling references
  {
    name: 'rule role missing',
    edit: (d) => (pool(d).roleMappings[0]!.rules[1]!.roleId = 'nope'),
    severity: 'error',
    code: 'dangling-reference',
    path: '$.identityPools[0].roleMappings[0].rules[1].roleId',
  },
  {
    name: 'group role missing',
    edit: (d) => (userPool(d).groups[0]!.roleId = 'nope'),
    severity: 'error',
    code: 'dangling-reference',
    path: '$.userPools[0].groups[0].roleId',
  },
  {
    name: 'default authenticated role missing',
    edit: (d) => (pool(d).authenticatedRoleId = 'nope'),
    severity: 'error',
    code: 'dangling-reference',
    path: '$.identityPools[0].authenticatedRoleId',
  },
  {
    name: 'accepted provider missing',
    edit: (d) => (pool(d).acceptedProviders[1] = { type: 'provider', providerId: 'nope' }),
    severity: 'error',
    code: 'dangling-reference',
    path: '$.identityPools[0].acceptedProviders[1].providerId',
  },
  {
    name: 'mapping user pool missing',
    edit: (d) => (pool(d).roleMappings[0]!.provider = { ...CLIENT, userPoolId: 'nope' }),
    severity: 'error',
    code: 'dangling-reference',
    path: '$.identityPools[0].roleMappings[0].provider.userPoolId',
  },
  {
    name: 'mapping client missing',
    edit: (d) => (pool(d).roleMappings[0]!.provider = { ...CLIENT, clientId: 'nope' }),
    severity: 'error',
    code: 'dangling-reference',
    path: '$.identityPools[0].roleMappings[0].provider.clientId',
  },
  {
    name: 'principal tag provider missing',
    edit: (d) => (pool(d).principalTags[0]!.provider = { type: 'provider', providerId: 'nope' }),
    severity: 'error',
    code: 'dangling-reference',
    path: '$.identityPools[0].principalTags[0].provider.providerId',
  },
  {
    name: 'federated provider missing',
    edit: (d) => (userPool(d).federatedProviderIds = ['nope']),
    severity: 'error',
    code: 'dangling-reference',
    path: '$.userPools[0].federatedProviderIds[0]',
  },
  {
    name: 'user in a missing group',
    edit: (d) => (userPool(d).users[0]!.groups = ['ghosts']),
    severity: 'error',
    code: 'dangling-reference',
    path: '$.userPools[0].users[0].groups[0]',
  },
  {
    name: 'persona identity pool missing',
    edit: (d) => (d.personas[0]!.identityPoolId = 'nope'),
    severity: 'error',
    code: 'dangling-reference',
    path: '$.personas[0].identityPoolId',
  },
  {
    name: 'persona user missing',
    edit: (d) =>
      (d.personas[0]!.login = { type: 'userPool', userPoolId: 'pool', clientId: 'web', username: 'bob' }),
    severity: 'error',
    code: 'dangling-reference',
    path: '$.personas[0].login.username',
  },
  {
    name: 'persona provider missing',
    edit: (d) => (d.personas[1]!.login = { type: 'provider', providerId: 'nope', claims: {} }),
    severity: 'error',
    code: 'dangling-reference',
    path: '$.personas[1].login.providerId',
  },
  {
    name: 'customer policy not in the design',
    edit: (d) => (role(d, 0).managedPolicyArns = ['arn:aws:iam::111122223333:policy/Other']),
    severity: 'warning',
    code: 'dangling-reference',
    path: '$.roles[0].managedPolicyArns[0]',
  },
  {
    name: 'customer policy of another account',
    edit: (d) => (role(d, 0).permissionsBoundaryArn = 'arn:aws:iam::999988887777:policy/B'),
    severity: 'error',
    code: 'invalid-reference',
    path: '$.roles[0].permissionsBoundaryArn',
  },
  {
    name: 'layout position of an unknown node',
    edit: (d) => (d.layout.positions.ghost = { x: 0, y: 0 }),
    severity: 'warning',
    code: 'unknown-layout-node',
    path: '$.layout.positions.ghost',
  },
  {
    name: 'developer provider federated into a user pool',
    edit: (d) => {
      d.providers.push({
        id: 'dev',
        name: 'dev',
        kind: 'developer',
        providerKey: 'login.dev',
        clientIds: [],
      });
      userPool(d).federatedProviderIds.push('dev');
    },
    severity: 'error',
    code: 'invalid-reference',
    path: '$.userPools[0].federatedProviderIds[2]',
  },
];

describe('validateDesign: identifiers and references', () => {
  it.each(CASES)('$name → $severity $code at $path', (testCase) => expectCase(testCase));

  it('names where a repeated id was first used', () => {
    const design = broken((d) => (role(d, 2).id = role(d, 0).id));
    const repeated = validateDesign(design).filter((issue) => issue.code === 'duplicate-id');
    expect(repeated).toEqual([
      expect.objectContaining({
        path: '$.roles[2].id',
        message: `id "${design.roles[0]!.id}" is already used by $.roles[0]`,
      }),
    ]);
  });
});
