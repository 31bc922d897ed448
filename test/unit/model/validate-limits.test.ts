// AWS limits (design.md §5.1) and structural errors.
import { describe, it } from 'vitest';
import type { Case } from './validation-fixture';
import { expectCase, pool, role, userPool } from './validation-fixture';
import { aClient, aRoleMapping, aRule } from '../builders/design';

const CASES: Case[] = [
  // Limits (design.md §5.1)
  {
    name: 'claim longer than 64',
    edit: (d) => (pool(d).roleMappings[0]!.rules[0]!.claim = 'c'.repeat(65)),
    severity: 'error',
    code: 'schema',
    path: '$.identityPools[0].roleMappings[0].rules[0].claim',
  },
  {
    name: 'empty claim',
    edit: (d) => (pool(d).roleMappings[0]!.rules[0]!.claim = ''),
    severity: 'error',
    code: 'schema',
    path: '$.identityPools[0].roleMappings[0].rules[0].claim',
  },
  {
    name: 'value longer than 128',
    edit: (d) => (pool(d).roleMappings[0]!.rules[1]!.value = 'v'.repeat(129)),
    severity: 'error',
    code: 'schema',
    path: '$.identityPools[0].roleMappings[0].rules[1].value',
  },
  {
    name: 'empty value',
    edit: (d) => (pool(d).roleMappings[0]!.rules[1]!.value = ''),
    severity: 'error',
    code: 'schema',
    path: '$.identityPools[0].roleMappings[0].rules[1].value',
  },
  {
    name: 'more than 25 rules',
    edit: (d) =>
      (pool(d).roleMappings[0]!.rules = Array.from({ length: 26 }, (_, i) => aRule('user', { id: `r${i}` }))),
    severity: 'warning',
    code: 'limit',
    path: '$.identityPools[0].roleMappings[0].rules',
  },
  {
    name: 'more than 400 rules',
    edit: (d) =>
      (pool(d).roleMappings[0]!.rules = Array.from({ length: 401 }, (_, i) =>
        aRule('user', { id: `r${i}` }),
      )),
    severity: 'error',
    code: 'limit',
    path: '$.identityPools[0].roleMappings[0].rules',
  },
  {
    name: 'Rules mapping without rules',
    edit: (d) => (pool(d).roleMappings[0]!.rules = []),
    severity: 'error',
    code: 'limit',
    path: '$.identityPools[0].roleMappings[0].rules',
  },
  {
    name: 'Token mapping with rules',
    edit: (d) => (pool(d).roleMappings[0]!.type = 'Token'),
    severity: 'warning',
    code: 'schema',
    path: '$.identityPools[0].roleMappings[0].rules',
  },
  {
    name: 'role mappings for 11 providers',
    edit: (d) => {
      const clients = Array.from({ length: 11 }, (_, i) => aClient({ id: `c${i}`, clientId: `client${i}` }));
      userPool(d).clients.push(...clients);
      pool(d).roleMappings = clients.map((client, i) =>
        aRoleMapping({ type: 'userPoolClient', userPoolId: 'pool', clientId: client.id }, { id: `m${i}` }),
      );
    },
    severity: 'error',
    code: 'limit',
    path: '$.identityPools[0].roleMappings',
  },
  {
    name: '51 principal tags',
    edit: (d) =>
      (pool(d).principalTags[0]!.tags = Object.fromEntries(
        Array.from({ length: 51 }, (_, i) => [`tag${i}`, 'sub']),
      )),
    severity: 'error',
    code: 'limit',
    path: '$.identityPools[0].principalTags[0].tags',
  },
  {
    name: 'pool name with a forbidden character',
    edit: (d) => (pool(d).name = 'pool#1'),
    severity: 'error',
    code: 'schema',
    path: '$.identityPools[0].name',
  },
  {
    name: 'pool name longer than 128',
    edit: (d) => (pool(d).name = 'p'.repeat(129)),
    severity: 'error',
    code: 'schema',
    path: '$.identityPools[0].name',
  },
  {
    name: 'user pool name empty',
    edit: (d) => (userPool(d).name = ''),
    severity: 'error',
    code: 'schema',
    path: '$.userPools[0].name',
  },
  {
    name: 'negative group precedence',
    edit: (d) => (userPool(d).groups[0]!.precedence = -1),
    severity: 'error',
    code: 'schema',
    path: '$.userPools[0].groups[0].precedence',
  },
  {
    name: 'fractional group precedence',
    edit: (d) => (userPool(d).groups[0]!.precedence = 1.5),
    severity: 'error',
    code: 'schema',
    path: '$.userPools[0].groups[0].precedence',
  },
  {
    name: 'more than 10 social providers',
    edit: (d) => {
      const kinds = ['google', 'facebook', 'amazon', 'apple', 'twitter'] as const;
      // Distinct ids but repeated keys would be rejected as duplicates; the count check is about the accepted list.
      for (let i = 0; i < 11; i += 1) {
        d.providers.push({
          id: `social${i}`,
          name: 's',
          kind: kinds[i % 5]!,
          providerKey: `unused${i}`,
          clientIds: [],
        });
        pool(d).acceptedProviders.push({ type: 'provider', providerId: `social${i}` });
      }
    },
    severity: 'error',
    code: 'limit',
    path: '$.identityPools[0].acceptedProviders',
  },
  {
    name: 'custom attribute name too long',
    edit: (d) => (userPool(d).attributes[1]!.name = `custom:${'a'.repeat(21)}`),
    severity: 'error',
    code: 'limit',
    path: '$.userPools[0].attributes[1].name',
  },
  {
    name: 'custom attribute without prefix',
    edit: (d) => ((userPool(d).attributes[1]!.custom = true), (userPool(d).attributes[1]!.name = 'tenant')),
    severity: 'error',
    code: 'schema',
    path: '$.userPools[0].attributes[1].name',
  },
  {
    name: 'reserved aws: tag key',
    edit: (d) => (role(d, 2).tags = { 'aws:team': 'x' }),
    severity: 'error',
    code: 'schema',
    path: '$.roles[2].tags["aws:team"]',
  },
  {
    name: 'more than 20 managed policies',
    edit: (d) =>
      (role(d, 1).managedPolicyArns = Array.from({ length: 21 }, (_, i) => `arn:aws:iam::aws:policy/P${i}`)),
    severity: 'error',
    code: 'limit',
    path: '$.roles[1].managedPolicyArns',
  },
  {
    name: 'more than 10 managed policies',
    edit: (d) =>
      (role(d, 1).managedPolicyArns = Array.from({ length: 11 }, (_, i) => `arn:aws:iam::aws:policy/P${i}`)),
    severity: 'warning',
    code: 'limit',
    path: '$.roles[1].managedPolicyArns',
  },
  // Structure
  {
    name: 'wrong type',
    edit: (d) => ((pool(d) as unknown as Record<string, unknown>).allowUnauthenticated = 'yes'),
    severity: 'error',
    code: 'schema',
    path: '$.identityPools[0].allowUnauthenticated',
  },
  {
    name: 'missing required field',
    edit: (d) => delete (role(d, 0) as unknown as Record<string, unknown>).trustPolicy,
    severity: 'error',
    code: 'schema',
    path: '$.roles[0].trustPolicy',
  },
  {
    name: 'unknown match type',
    edit: (d) =>
      ((pool(d).roleMappings[0]!.rules[0] as unknown as Record<string, unknown>).matchType = 'Regex'),
    severity: 'error',
    code: 'schema',
    path: '$.identityPools[0].roleMappings[0].rules[0].matchType',
  },
  {
    name: 'unknown provider reference type',
    edit: (d) => ((pool(d).acceptedProviders[0] as unknown as Record<string, unknown>).type = 'pool'),
    severity: 'error',
    code: 'schema',
    path: '$.identityPools[0].acceptedProviders[0].type',
  },
  {
    name: 'unknown field',
    edit: (d) => ((role(d, 0) as unknown as Record<string, unknown>).colour = 'red'),
    severity: 'warning',
    code: 'unknown-field',
    path: '$.roles[0].colour',
  },
  {
    name: 'policy without Statement',
    edit: (d) => (role(d, 1).inlinePolicies[0]!.document = { Version: '2012-10-17' } as never),
    severity: 'error',
    code: 'schema',
    path: '$.roles[1].inlinePolicies[0].document.Statement',
  },
];

describe('validateDesign: limits and structure', () => {
  it.each(CASES)('$name → $severity $code at $path', (testCase) => expectCase(testCase));
});
