import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { userPoolClientKey } from '../../../shared/model/keys';
import { allDesignIds, findRole } from '../../../shared/model/lookup';
import { loadDesign, serializeDesign } from '../../../shared/model/io';
import type { DesignDocument } from '../../../shared/model/types';

const EXAMPLES = join(__dirname, '../../../assets/examples');

function readExample(name: string): { text: string; design: DesignDocument } {
  const text = readFileSync(join(EXAMPLES, name), 'utf8');
  const result = loadDesign(text, { fileName: name });
  if (!result.ok) throw new Error(result.issues.map((issue) => `${issue.path}: ${issue.message}`).join('\n'));
  return { text, design: result.design };
}

describe('example designs', () => {
  const files = readdirSync(EXAMPLES).filter((file) => file.endsWith('.cognito-design.json'));

  it('has the three examples', () => {
    expect(files.sort()).toEqual([
      'analytics-sdk.cognito-design.json',
      'b2b-saas.cognito-design.json',
      'photo-sharing.cognito-design.json',
    ]);
  });

  it.each(files)('%s loads without errors or warnings', (file) => {
    const result = loadDesign(readFileSync(join(EXAMPLES, file), 'utf8'));
    expect(result.ok).toBe(true);
    expect(result.issues).toEqual([]);
  });

  it.each(files)('%s is stored in the canonical serialized form and round-trips', (file) => {
    const { text, design } = readExample(file);
    expect(serializeDesign(design)).toBe(text);
    const again = loadDesign(serializeDesign(design));
    expect(again.ok && again.design).toEqual(design);
  });

  it.each(files)('%s has a layout position for every node and personas', (file) => {
    const { design } = readExample(file);
    const nodes = [
      ...design.providers,
      ...design.userPools,
      ...design.identityPools,
      ...design.roles,
      ...design.managedPolicies,
    ];
    for (const node of nodes) expect(design.layout.positions[node.id], node.id).toBeDefined();
    expect(design.personas.length).toBeGreaterThan(0);
    for (const role of design.roles) expect(role.trustPolicy.mode).toBe('generated');
  });

  it.each(files)(
    '%s lays nodes out left to right: providers, user pools, identity pools, roles, policies',
    (file) => {
      const { design } = readExample(file);
      const columns = [
        design.providers,
        design.userPools,
        design.identityPools,
        design.roles,
        design.managedPolicies,
      ]
        .filter((column) => column.length > 0)
        .map((column) => column.map((node) => design.layout.positions[node.id]?.x ?? Number.NaN));
      for (let index = 1; index < columns.length; index += 1) {
        expect(Math.min(...(columns[index] ?? []))).toBeGreaterThan(Math.max(...(columns[index - 1] ?? [])));
      }
    },
  );

  it('photo sharing: Google, Facebook, groups with roles and precedence, guest access, per-user partitioning', () => {
    const { text, design } = readExample('photo-sharing.cognito-design.json');
    expect(design.providers.map((provider) => provider.providerKey).sort()).toEqual([
      'accounts.google.com',
      'graph.facebook.com',
    ]);
    const pool = design.userPools[0];
    expect(pool?.groups.map((group) => [group.name, group.precedence])).toEqual([
      ['admins', 1],
      ['editors', 2],
      ['viewers', 3],
    ]);
    for (const group of pool?.groups ?? []) {
      expect(group.roleId && findRole(design, group.roleId)).toBeTruthy();
      expect(pool?.users.some((user) => user.groups.includes(group.name))).toBe(true);
    }
    const identityPool = design.identityPools[0];
    expect(identityPool?.allowUnauthenticated).toBe(true);
    expect(identityPool?.unauthenticatedRoleId).toBeDefined();
    expect(identityPool?.acceptedProviders).toHaveLength(4);
    expect(identityPool?.roleMappings.every((mapping) => mapping.type === 'Token')).toBe(true);
    expect(text).toContain('private/${cognito-identity.amazonaws.com:sub}/*');
    expect(text).toContain('"dynamodb:LeadingKeys": [\n');
    expect(text).toContain('"${cognito-identity.amazonaws.com:sub}"');
  });

  it('B2B SaaS: SAML and OIDC federated into the user pool, rules on custom:tenant and cognito:groups, ABAC tags', () => {
    const { text, design } = readExample('b2b-saas.cognito-design.json');
    const kinds = design.providers.map((provider) => provider.kind).sort();
    expect(kinds).toEqual(['oidc', 'saml']);
    const pool = design.userPools[0];
    expect(pool?.federatedProviderIds.sort()).toEqual(design.providers.map((provider) => provider.id).sort());
    expect(pool?.attributes.find((attribute) => attribute.name === 'custom:tenant')).toMatchObject({
      custom: true,
      mutable: false,
    });
    const identityPool = design.identityPools[0];
    expect(identityPool?.allowUnauthenticated).toBe(false);
    const rules = identityPool?.roleMappings.find((mapping) => mapping.type === 'Rules');
    expect(rules?.ambiguousRoleResolution).toBe('Deny');
    expect(new Set(rules?.rules.map((rule) => rule.claim))).toEqual(
      new Set(['cognito:groups', 'custom:tenant']),
    );
    // One map per user pool in AWS: every app client's entry carries the tenant tag.
    expect(
      identityPool?.principalTags.map(
        (mapping) => mapping.provider.type === 'userPoolClient' && mapping.provider.clientId,
      ),
    ).toEqual(['client-app', 'client-ops']);
    expect(identityPool?.principalTags.every((mapping) => mapping.tags.tenant === 'custom:tenant')).toBe(
      true,
    );
    expect(text).toContain('${aws:PrincipalTag/tenant}');
  });

  it('analytics SDK: guest identities only', () => {
    const { design } = readExample('analytics-sdk.cognito-design.json');
    expect(design.providers).toEqual([]);
    expect(design.userPools).toEqual([]);
    const identityPool = design.identityPools[0];
    expect(identityPool).toMatchObject({
      allowUnauthenticated: true,
      acceptedProviders: [],
      roleMappings: [],
    });
    expect(identityPool?.authenticatedRoleId).toBeUndefined();
    expect(design.personas.every((persona) => persona.login.type === 'guest')).toBe(true);
  });

  it('user pool client keys of the examples follow the Cognito format', () => {
    const { design } = readExample('photo-sharing.cognito-design.json');
    const pool = design.userPools[0];
    const client = pool?.clients[0];
    expect(pool && client && userPoolClientKey(pool.poolId, client.clientId)).toBe(
      'cognito-idp.us-east-1.amazonaws.com/us-east-1_Ph0t0Sh4r:5q2lm8d1c6hkt0v7b3n9r4s2ea',
    );
    expect(allDesignIds(design).size).toBeGreaterThan(10);
  });
});
