import { describe, expect, it } from 'vitest';
import { validateDesign } from '../../../shared/model/validate';
import type { DesignDocument } from '../../../shared/model/types';
import { aClient, aDesign, aGroup, aPolicy, aRoleMapping, aRule, aUser } from '../builders/design';

const CLIENT = { type: 'userPoolClient', userPoolId: 'pool', clientId: 'web' } as const;

/** A small design that touches every entity and reference kind; it has no issues. */
function goodDesign(): DesignDocument {
  return aDesign()
    .withProvider('google', { id: 'google' })
    .withProvider('saml', { id: 'saml', providerKey: 'arn:aws:iam::111122223333:saml-provider/Corp' })
    .withProvider('oidc', { id: 'oidc', providerKey: 'login.example.com/tenant/v2.0' })
    .withUserPool({
      id: 'pool',
      poolId: 'us-east-1_AbC123',
      clients: [aClient({ id: 'web', clientId: 'webclient123', writeAttributes: ['email', 'custom:tenant'] })],
      groups: [aGroup('admins', { precedence: 0, roleId: 'admin' }), aGroup('users')],
      attributes: [
        { name: 'email', custom: false, mutable: true, dataType: 'String' },
        { name: 'custom:tenant', custom: true, mutable: false, dataType: 'String' },
      ],
      federatedProviderIds: ['saml', 'oidc'],
      users: [aUser('alice', { groups: ['admins'], attributes: { email: 'a@example.com', 'custom:tenant': 't1' } })],
    })
    .withIdentityPool({
      id: 'ipool',
      poolId: 'us-east-1:0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d',
      allowUnauthenticated: true,
      acceptedProviders: [CLIENT, { type: 'provider', providerId: 'google' }],
      authenticatedRoleId: 'user',
      unauthenticatedRoleId: 'guest',
      roleMappings: [
        aRoleMapping(CLIENT, {
          id: 'mapping',
          type: 'Rules',
          ambiguousRoleResolution: 'Deny',
          rules: [aRule('admin', { id: 'rule-1' }), aRule('user', { id: 'rule-2', claim: 'custom:tenant', matchType: 'StartsWith', value: 't' })],
        }),
      ],
      principalTags: [{ provider: CLIENT, useDefaults: false, tags: { tenant: 'custom:tenant' } }],
    })
    .withRole({ id: 'admin', name: 'Admin', managedPolicyArns: ['arn:aws:iam::111122223333:policy/app/Shared', 'arn:aws:iam::aws:policy/ReadOnlyAccess'] })
    .withRole({ id: 'user', name: 'User', inlinePolicies: [{ name: 'Read', document: aPolicy() }] })
    .withRole({ id: 'guest', name: 'Guest', tags: { team: 'web' } })
    .withManagedPolicy({ id: 'shared', name: 'Shared', path: '/app/' })
    .withPersona('ipool', { id: 'alice', login: { type: 'userPool', userPoolId: 'pool', clientId: 'web', username: 'alice' } })
    .withPersona('ipool', { id: 'googler', login: { type: 'provider', providerId: 'google', claims: { sub: '1' } } })
    .withPosition('ipool', 10, 20)
    .build();
}

function broken(edit: (design: DesignDocument) => void): DesignDocument {
  const design = goodDesign();
  edit(design);
  return design;
}

function pool(design: DesignDocument) {
  const identityPool = design.identityPools[0];
  if (!identityPool) throw new Error('test design has an identity pool');
  return identityPool;
}

function userPool(design: DesignDocument) {
  const found = design.userPools[0];
  if (!found) throw new Error('test design has a user pool');
  return found;
}

function role(design: DesignDocument, index: number) {
  const found = design.roles[index];
  if (!found) throw new Error(`test design has role ${index}`);
  return found;
}

interface Case {
  name: string;
  edit: (design: DesignDocument) => void;
  severity: 'error' | 'warning';
  code: string;
  path: string;
}

const CASES: Case[] = [
  // Identifiers and ARNs
  { name: 'account id not 12 digits', edit: (d) => (d.account.accountId = '12345'), severity: 'error', code: 'schema', path: '$.account.accountId' },
  { name: 'malformed region', edit: (d) => (d.account.region = 'US East'), severity: 'error', code: 'schema', path: '$.account.region' },
  { name: 'malformed user pool id', edit: (d) => (userPool(d).poolId = 'us-east-1-AbC'), severity: 'error', code: 'schema', path: '$.userPools[0].poolId' },
  { name: 'identity pool id without guid', edit: (d) => (pool(d).poolId = 'us-east-1:abc'), severity: 'error', code: 'schema', path: '$.identityPools[0].poolId' },
  { name: 'identity pool id upper-case guid', edit: (d) => (pool(d).poolId = 'us-east-1:0A1B2C3D-4E5F-4A6B-8C7D-9E0F1A2B3C4D'), severity: 'error', code: 'schema', path: '$.identityPools[0].poolId' },
  { name: 'identity pool id over 55 chars', edit: (d) => (pool(d).poolId = `ap-southeast-1234567890123:${'0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d'}`), severity: 'error', code: 'schema', path: '$.identityPools[0].poolId' },
  { name: 'role name with a space', edit: (d) => (role(d, 0).name = 'Admin Role'), severity: 'error', code: 'schema', path: '$.roles[0].name' },
  { name: 'role name over 64 chars', edit: (d) => (role(d, 0).name = 'R'.repeat(65)), severity: 'error', code: 'schema', path: '$.roles[0].name' },
  { name: 'role path without trailing slash', edit: (d) => (role(d, 0).path = '/app'), severity: 'error', code: 'schema', path: '$.roles[0].path' },
  { name: 'malformed managed policy ARN', edit: (d) => (role(d, 0).managedPolicyArns = ['arn:aws:iam::1111:policy/X']), severity: 'error', code: 'schema', path: '$.roles[0].managedPolicyArns[0]' },
  { name: 'session duration above 12 hours', edit: (d) => (role(d, 0).maxSessionDuration = 43201), severity: 'error', code: 'schema', path: '$.roles[0].maxSessionDuration' },
  { name: 'SAML provider key that is not a SAML provider ARN', edit: (d) => (d.providers[1]!.providerKey = 'arn:aws:iam::111122223333:oidc-provider/x'), severity: 'error', code: 'invalid-arn', path: '$.providers[1].providerKey' },
  { name: 'SAML provider of another account', edit: (d) => (d.providers[1]!.providerKey = 'arn:aws:iam::999988887777:saml-provider/Corp'), severity: 'warning', code: 'invalid-reference', path: '$.providers[1].providerKey' },
  { name: 'OIDC key with a scheme', edit: (d) => (d.providers[2]!.providerKey = 'https://login.example.com'), severity: 'error', code: 'provider-key-mismatch', path: '$.providers[2].providerKey' },
  { name: 'Google provider with a wrong key', edit: (d) => (d.providers[0]!.providerKey = 'google.com'), severity: 'error', code: 'provider-key-mismatch', path: '$.providers[0].providerKey' },
  { name: 'two providers with the same key', edit: (d) => d.providers.push({ ...d.providers[0]!, id: 'google-2' }), severity: 'error', code: 'duplicate-name', path: '$.providers[3].providerKey' },
  { name: 'persona identity id malformed', edit: (d) => (d.personas[0]!.identityId = 'not-an-id'), severity: 'error', code: 'schema', path: '$.personas[0].identityId' },
  { name: 'persona custom role ARN malformed', edit: (d) => (d.personas[0]!.customRoleArn = 'arn:aws:iam::111122223333:user/x'), severity: 'error', code: 'schema', path: '$.personas[0].customRoleArn' },
  // Duplicates
  { name: 'duplicate id across entity kinds', edit: (d) => (role(d, 2).id = 'pool'), severity: 'error', code: 'duplicate-id', path: '$.roles[2].id' },
  { name: 'duplicate rule id', edit: (d) => (pool(d).roleMappings[0]!.rules[1]!.id = 'rule-1'), severity: 'error', code: 'duplicate-id', path: '$.identityPools[0].roleMappings[0].rules[1].id' },
  { name: 'role names differing only in case', edit: (d) => (role(d, 1).name = 'ADMIN'), severity: 'error', code: 'duplicate-name', path: '$.roles[1].name' },
  { name: 'duplicate group', edit: (d) => userPool(d).groups.push(aGroup('users')), severity: 'error', code: 'duplicate-name', path: '$.userPools[0].groups[2].name' },
  { name: 'two mappings for one provider', edit: (d) => pool(d).roleMappings.push(aRoleMapping(CLIENT, { id: 'mapping-2' })), severity: 'error', code: 'duplicate-name', path: '$.identityPools[0].roleMappings[1].provider' },
  { name: 'provider accepted twice', edit: (d) => pool(d).acceptedProviders.push({ type: 'provider', providerId: 'google' }), severity: 'error', code: 'duplicate-name', path: '$.identityPools[0].acceptedProviders[2]' },
  // Dangling references
  { name: 'rule role missing', edit: (d) => (pool(d).roleMappings[0]!.rules[1]!.roleId = 'nope'), severity: 'error', code: 'dangling-reference', path: '$.identityPools[0].roleMappings[0].rules[1].roleId' },
  { name: 'group role missing', edit: (d) => (userPool(d).groups[0]!.roleId = 'nope'), severity: 'error', code: 'dangling-reference', path: '$.userPools[0].groups[0].roleId' },
  { name: 'default authenticated role missing', edit: (d) => (pool(d).authenticatedRoleId = 'nope'), severity: 'error', code: 'dangling-reference', path: '$.identityPools[0].authenticatedRoleId' },
  { name: 'accepted provider missing', edit: (d) => (pool(d).acceptedProviders[1] = { type: 'provider', providerId: 'nope' }), severity: 'error', code: 'dangling-reference', path: '$.identityPools[0].acceptedProviders[1].providerId' },
  { name: 'mapping user pool missing', edit: (d) => (pool(d).roleMappings[0]!.provider = { ...CLIENT, userPoolId: 'nope' }), severity: 'error', code: 'dangling-reference', path: '$.identityPools[0].roleMappings[0].provider.userPoolId' },
  { name: 'mapping client missing', edit: (d) => (pool(d).roleMappings[0]!.provider = { ...CLIENT, clientId: 'nope' }), severity: 'error', code: 'dangling-reference', path: '$.identityPools[0].roleMappings[0].provider.clientId' },
  { name: 'principal tag provider missing', edit: (d) => (pool(d).principalTags[0]!.provider = { type: 'provider', providerId: 'nope' }), severity: 'error', code: 'dangling-reference', path: '$.identityPools[0].principalTags[0].provider.providerId' },
  { name: 'federated provider missing', edit: (d) => (userPool(d).federatedProviderIds = ['nope']), severity: 'error', code: 'dangling-reference', path: '$.userPools[0].federatedProviderIds[0]' },
  { name: 'user in a missing group', edit: (d) => (userPool(d).users[0]!.groups = ['ghosts']), severity: 'error', code: 'dangling-reference', path: '$.userPools[0].users[0].groups[0]' },
  { name: 'persona identity pool missing', edit: (d) => (d.personas[0]!.identityPoolId = 'nope'), severity: 'error', code: 'dangling-reference', path: '$.personas[0].identityPoolId' },
  { name: 'persona user missing', edit: (d) => (d.personas[0]!.login = { type: 'userPool', userPoolId: 'pool', clientId: 'web', username: 'bob' }), severity: 'error', code: 'dangling-reference', path: '$.personas[0].login.username' },
  { name: 'persona provider missing', edit: (d) => (d.personas[1]!.login = { type: 'provider', providerId: 'nope', claims: {} }), severity: 'error', code: 'dangling-reference', path: '$.personas[1].login.providerId' },
  { name: 'customer policy not in the design', edit: (d) => (role(d, 0).managedPolicyArns = ['arn:aws:iam::111122223333:policy/Other']), severity: 'warning', code: 'dangling-reference', path: '$.roles[0].managedPolicyArns[0]' },
  { name: 'customer policy of another account', edit: (d) => (role(d, 0).permissionsBoundaryArn = 'arn:aws:iam::999988887777:policy/B'), severity: 'error', code: 'invalid-reference', path: '$.roles[0].permissionsBoundaryArn' },
  { name: 'layout position of an unknown node', edit: (d) => (d.layout.positions.ghost = { x: 0, y: 0 }), severity: 'warning', code: 'unknown-layout-node', path: '$.layout.positions.ghost' },
  { name: 'developer provider federated into a user pool', edit: (d) => { d.providers.push({ id: 'dev', name: 'dev', kind: 'developer', providerKey: 'login.dev', clientIds: [] }); userPool(d).federatedProviderIds.push('dev'); }, severity: 'error', code: 'invalid-reference', path: '$.userPools[0].federatedProviderIds[2]' },
  // Limits (design.md §5.1)
  { name: 'claim longer than 64', edit: (d) => (pool(d).roleMappings[0]!.rules[0]!.claim = 'c'.repeat(65)), severity: 'error', code: 'schema', path: '$.identityPools[0].roleMappings[0].rules[0].claim' },
  { name: 'empty claim', edit: (d) => (pool(d).roleMappings[0]!.rules[0]!.claim = ''), severity: 'error', code: 'schema', path: '$.identityPools[0].roleMappings[0].rules[0].claim' },
  { name: 'value longer than 128', edit: (d) => (pool(d).roleMappings[0]!.rules[1]!.value = 'v'.repeat(129)), severity: 'error', code: 'schema', path: '$.identityPools[0].roleMappings[0].rules[1].value' },
  { name: 'empty value', edit: (d) => (pool(d).roleMappings[0]!.rules[1]!.value = ''), severity: 'error', code: 'schema', path: '$.identityPools[0].roleMappings[0].rules[1].value' },
  { name: 'more than 25 rules', edit: (d) => (pool(d).roleMappings[0]!.rules = Array.from({ length: 26 }, (_, i) => aRule('user', { id: `r${i}` }))), severity: 'warning', code: 'limit', path: '$.identityPools[0].roleMappings[0].rules' },
  { name: 'more than 400 rules', edit: (d) => (pool(d).roleMappings[0]!.rules = Array.from({ length: 401 }, (_, i) => aRule('user', { id: `r${i}` }))), severity: 'error', code: 'limit', path: '$.identityPools[0].roleMappings[0].rules' },
  { name: 'Rules mapping without rules', edit: (d) => (pool(d).roleMappings[0]!.rules = []), severity: 'error', code: 'limit', path: '$.identityPools[0].roleMappings[0].rules' },
  { name: 'Token mapping with rules', edit: (d) => (pool(d).roleMappings[0]!.type = 'Token'), severity: 'warning', code: 'schema', path: '$.identityPools[0].roleMappings[0].rules' },
  {
    name: 'role mappings for 11 providers',
    edit: (d) => {
      const clients = Array.from({ length: 11 }, (_, i) => aClient({ id: `c${i}`, clientId: `client${i}` }));
      userPool(d).clients.push(...clients);
      pool(d).roleMappings = clients.map((client, i) => aRoleMapping({ type: 'userPoolClient', userPoolId: 'pool', clientId: client.id }, { id: `m${i}` }));
    },
    severity: 'error',
    code: 'limit',
    path: '$.identityPools[0].roleMappings',
  },
  {
    name: '51 principal tags',
    edit: (d) => (pool(d).principalTags[0]!.tags = Object.fromEntries(Array.from({ length: 51 }, (_, i) => [`tag${i}`, 'sub']))),
    severity: 'error',
    code: 'limit',
    path: '$.identityPools[0].principalTags[0].tags',
  },
  { name: 'pool name with a forbidden character', edit: (d) => (pool(d).name = 'pool#1'), severity: 'error', code: 'schema', path: '$.identityPools[0].name' },
  { name: 'pool name longer than 128', edit: (d) => (pool(d).name = 'p'.repeat(129)), severity: 'error', code: 'schema', path: '$.identityPools[0].name' },
  { name: 'user pool name empty', edit: (d) => (userPool(d).name = ''), severity: 'error', code: 'schema', path: '$.userPools[0].name' },
  { name: 'negative group precedence', edit: (d) => (userPool(d).groups[0]!.precedence = -1), severity: 'error', code: 'schema', path: '$.userPools[0].groups[0].precedence' },
  { name: 'fractional group precedence', edit: (d) => (userPool(d).groups[0]!.precedence = 1.5), severity: 'error', code: 'schema', path: '$.userPools[0].groups[0].precedence' },
  {
    name: 'more than 10 social providers',
    edit: (d) => {
      const kinds = ['google', 'facebook', 'amazon', 'apple', 'twitter'] as const;
      // Distinct ids but repeated keys would be rejected as duplicates; the count check is about the accepted list.
      for (let i = 0; i < 11; i += 1) {
        d.providers.push({ id: `social${i}`, name: 's', kind: kinds[i % 5]!, providerKey: `unused${i}`, clientIds: [] });
        pool(d).acceptedProviders.push({ type: 'provider', providerId: `social${i}` });
      }
    },
    severity: 'error',
    code: 'limit',
    path: '$.identityPools[0].acceptedProviders',
  },
  { name: 'custom attribute name too long', edit: (d) => (userPool(d).attributes[1]!.name = `custom:${'a'.repeat(21)}`), severity: 'error', code: 'limit', path: '$.userPools[0].attributes[1].name' },
  { name: 'custom attribute without prefix', edit: (d) => (userPool(d).attributes[1]!.custom = true, userPool(d).attributes[1]!.name = 'tenant'), severity: 'error', code: 'schema', path: '$.userPools[0].attributes[1].name' },
  { name: 'reserved aws: tag key', edit: (d) => (role(d, 2).tags = { 'aws:team': 'x' }), severity: 'error', code: 'schema', path: '$.roles[2].tags["aws:team"]' },
  { name: 'more than 20 managed policies', edit: (d) => (role(d, 1).managedPolicyArns = Array.from({ length: 21 }, (_, i) => `arn:aws:iam::aws:policy/P${i}`)), severity: 'error', code: 'limit', path: '$.roles[1].managedPolicyArns' },
  { name: 'more than 10 managed policies', edit: (d) => (role(d, 1).managedPolicyArns = Array.from({ length: 11 }, (_, i) => `arn:aws:iam::aws:policy/P${i}`)), severity: 'warning', code: 'limit', path: '$.roles[1].managedPolicyArns' },
  // Structure
  { name: 'wrong type', edit: (d) => ((pool(d) as unknown as Record<string, unknown>).allowUnauthenticated = 'yes'), severity: 'error', code: 'schema', path: '$.identityPools[0].allowUnauthenticated' },
  { name: 'missing required field', edit: (d) => delete (role(d, 0) as unknown as Record<string, unknown>).trustPolicy, severity: 'error', code: 'schema', path: '$.roles[0].trustPolicy' },
  { name: 'unknown match type', edit: (d) => ((pool(d).roleMappings[0]!.rules[0] as unknown as Record<string, unknown>).matchType = 'Regex'), severity: 'error', code: 'schema', path: '$.identityPools[0].roleMappings[0].rules[0].matchType' },
  { name: 'unknown provider reference type', edit: (d) => ((pool(d).acceptedProviders[0] as unknown as Record<string, unknown>).type = 'pool'), severity: 'error', code: 'schema', path: '$.identityPools[0].acceptedProviders[0].type' },
  { name: 'unknown field', edit: (d) => ((role(d, 0) as unknown as Record<string, unknown>).colour = 'red'), severity: 'warning', code: 'unknown-field', path: '$.roles[0].colour' },
  { name: 'policy without Statement', edit: (d) => (role(d, 1).inlinePolicies[0]!.document = { Version: '2012-10-17' } as never), severity: 'error', code: 'schema', path: '$.roles[1].inlinePolicies[0].document.Statement' },
];

describe('validateDesign', () => {
  it('reports nothing for a good design', () => {
    expect(validateDesign(goodDesign())).toEqual([]);
  });

  it.each(CASES)('$name → $severity $code at $path', ({ edit, severity, code, path }) => {
    const issues = validateDesign(broken(edit));
    expect(issues).toContainEqual(expect.objectContaining({ severity, code, path }));
    for (const issue of issues) {
      expect(issue.message.length).toBeGreaterThan(5);
      expect(issue.message).not.toMatch(/\n\s+at /);
    }
  });

  it('reports every schema problem of a document at once, with readable messages', () => {
    const design = broken((d) => {
      d.account.accountId = 'abc';
      (role(d, 0) as unknown as Record<string, unknown>).maxSessionDuration = '3600';
    });
    const issues = validateDesign(design);
    expect(issues.map((issue) => issue.path)).toEqual(['$.account.accountId', '$.roles[0].maxSessionDuration']);
    expect(issues[0]?.message).toBe('must be 12 digits');
    expect(issues[1]?.message).toBe('expected a number, got the string "3600"');
  });

  it('names the missing field and the allowed discriminator values', () => {
    const issues = validateDesign(broken((d) => ((pool(d).acceptedProviders[0] as unknown as Record<string, unknown>).type = 'pool')));
    expect(issues[0]?.message).toBe('must be one of "userPoolClient", "provider" (got the string "pool")');
    const missing = validateDesign(broken((d) => delete (role(d, 0) as unknown as Record<string, unknown>).trustPolicy));
    expect(missing[0]?.message).toBe('required field is missing');
  });

  it('keeps the unknown-field warning but still returns no errors', () => {
    const issues = validateDesign(broken((d) => ((d as unknown as Record<string, unknown>).extra = 1)));
    expect(issues).toEqual([expect.objectContaining({ severity: 'warning', code: 'unknown-field', path: '$.extra' })]);
  });

  it('refuses a __proto__ key', () => {
    const design = JSON.parse(JSON.stringify(goodDesign()).replace('"tags":{"team":"web"}', '"tags":{"__proto__":"x"}')) as unknown;
    expect(validateDesign(design)).toEqual([expect.objectContaining({ code: 'reserved-key', path: '$.roles[2].tags.__proto__' })]);
  });

  it('stays quiet for a group without precedence or role and a Token mapping without rules', () => {
    const design = broken((d) => {
      pool(d).roleMappings = [aRoleMapping(CLIENT, { id: 'token', type: 'Token' })];
    });
    expect(validateDesign(design)).toEqual([]);
  });

  it('rejects non-objects with a message instead of throwing', () => {
    for (const value of [null, 42, 'text', [], undefined]) {
      const issues = validateDesign(value);
      expect(issues.length).toBeGreaterThan(0);
      expect(issues[0]?.path).toBe('$');
    }
  });
});
