// Imports a hand-written set of AWS CLI outputs (test/fixtures/aws-dumps/field-app) and checks the
// design field by field against what those outputs say.

import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importAwsDumps, recognizeDump } from '../../../shared/import';
import type { DumpFile } from '../../../shared/import';
import { resolveProviderRef } from '../../../shared/model/keys';
import { parseDesign } from '../../../shared/model/validate';

const directory = join(__dirname, '../../fixtures/aws-dumps/field-app');
const dumpFiles: DumpFile[] = readdirSync(directory)
  .sort()
  .map((name) => ({ name, content: JSON.parse(readFileSync(join(directory, name), 'utf8')) as unknown }));

function imported() {
  const result = importAwsDumps(dumpFiles);
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return result;
}

describe('import of the field-app dumps', () => {
  it('recognises each output by shape', () => {
    const kinds = Object.fromEntries(dumpFiles.map((file) => [file.name, recognizeDump(file.content)]));
    expect(kinds).toEqual({
      'account-authorization-details.json': 'get-account-authorization-details',
      'app-client.json': 'describe-user-pool-client',
      'groups.json': 'list-groups',
      'identity-pool-roles.json': 'get-identity-pool-roles',
      'identity-pool.json': 'describe-identity-pool',
      'principal-tags.json': 'get-principal-tag-attribute-map',
      'user-pool.json': 'describe-user-pool',
    });
  });

  it('builds a design that validates', () => {
    const { design } = imported();
    const errors = parseDesign(JSON.parse(JSON.stringify(design))).issues.filter(
      (issue) => issue.severity === 'error',
    );
    expect(errors).toEqual([]);
  });

  it('takes the account from the role ARNs and the region from the pool ids', () => {
    const { design, report } = imported();
    expect(design.account).toEqual({ accountId: '444455556666', partition: 'aws', region: 'eu-west-1' });
    expect(report.assumptions).toContain('account id 444455556666: taken from the ARNs in the dumps');
  });

  it('imports the identity pool flags and every accepted provider', () => {
    const { design } = imported();
    expect(design.identityPools).toHaveLength(1);
    const pool = design.identityPools[0]!;
    expect(pool).toMatchObject({
      poolId: 'eu-west-1:4c8f2a6e-1d3b-4f5a-9e7c-2b6d8f0a1c3e',
      name: 'field_app_identities',
      allowUnauthenticated: true,
      allowClassicFlow: true,
    });
    const keys = pool.acceptedProviders.map((ref) => resolveProviderRef(design, ref)?.mappingKey).sort();
    expect(keys).toEqual([
      'accounts.google.com',
      'api.twitter.com',
      'arn:aws:iam::444455556666:saml-provider/ContosoADFS',
      'cognito-idp.eu-west-1.amazonaws.com/eu-west-1_F1eLdApP9:7ab3cd9ef1gh2ij4kl5mn6op7q',
    ]);
  });

  it('keeps the Twitter consumer key but never its secret', () => {
    const { design } = imported();
    const twitter = design.providers.find((provider) => provider.kind === 'twitter');
    expect(twitter?.clientIds).toEqual(['xvz1evFS4wEEPTGEFPHBog']);
    expect(JSON.stringify(design)).not.toContain('kAcSOqF21Fu85e7zjz7ZN2U4ZRhfV3WpwPAoE3Z7kBw');
  });

  it('imports default roles, ordered rules and the token mapping', () => {
    const { design } = imported();
    const pool = design.identityPools[0]!;
    const roleName = (id: string | undefined) => design.roles.find((role) => role.id === id)?.name;
    expect(roleName(pool.authenticatedRoleId)).toBe('FieldWorker');
    expect(roleName(pool.unauthenticatedRoleId)).toBe('FieldGuest');
    const rules = pool.roleMappings.find((mapping) => mapping.type === 'Rules')!;
    expect(rules.ambiguousRoleResolution).toBe('AuthenticatedRole');
    expect(
      rules.rules.map((rule) => [rule.claim, rule.matchType, rule.value, roleName(rule.roleId)]),
    ).toEqual([
      ['cognito:groups', 'Contains', 'supervisors', 'FieldSupervisor'],
      ['custom:region', 'Equals', 'north', 'FieldWorker'],
    ]);
    const token = pool.roleMappings.find((mapping) => mapping.type === 'Token')!;
    expect(resolveProviderRef(design, token.provider)?.mappingKey).toBe(
      'arn:aws:iam::444455556666:saml-provider/ContosoADFS',
    );
    expect(token.ambiguousRoleResolution).toBe('Deny');
  });

  it('applies a user pool principal tag map to the accepted app client', () => {
    const { design, report } = imported();
    expect(design.identityPools[0]!.principalTags).toHaveLength(1);
    expect(design.identityPools[0]!.principalTags[0]).toMatchObject({
      useDefaults: false,
      tags: { region: 'custom:region', username: 'sub' },
    });
    expect(report.assumptions.some((text) => text.includes('applies to every app client'))).toBe(true);
  });

  it('decodes URL-encoded policies, picks the default managed policy version and keeps AWS managed ARNs', () => {
    const { design } = imported();
    const worker = design.roles.find((role) => role.name === 'FieldWorker')!;
    expect(worker.path).toBe('/field/');
    expect(worker.trustPolicy.mode).toBe('custom');
    expect(worker.inlinePolicies.map((policy) => policy.name)).toEqual(['OwnReports']);
    expect(JSON.stringify(worker.inlinePolicies[0]!.document)).toContain(
      '${cognito-identity.amazonaws.com:sub}',
    );
    expect(worker.permissionsBoundaryArn).toBe('arn:aws:iam::444455556666:policy/field/FieldBoundary');
    expect(worker.tags).toEqual({ app: 'field' });
    expect(design.managedPolicies).toHaveLength(1);
    expect(design.managedPolicies[0]).toMatchObject({
      name: 'FieldReadCatalog',
      path: '/field/',
      description: 'Read the parts catalog',
    });
    expect(JSON.stringify(design.managedPolicies[0]!.document)).toContain('dynamodb:GetItem');
    const supervisor = design.roles.find((role) => role.name === 'FieldSupervisor')!;
    expect(supervisor.managedPolicyArns).toEqual(['arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess']);
  });

  it('imports roles trusting Cognito that no pool uses, and skips the others', () => {
    const { design } = imported();
    expect(design.roles.map((role) => role.name).sort()).toEqual([
      'FieldGuest',
      'FieldSupervisor',
      'FieldWorker',
      'LegacyMobileRole',
    ]);
  });

  it('imports the user pool attributes, client and groups', () => {
    const { design } = imported();
    const userPool = design.userPools[0]!;
    expect(userPool).toMatchObject({ poolId: 'eu-west-1_F1eLdApP9', name: 'field-app-users' });
    expect(userPool.attributes.find((attribute) => attribute.name === 'custom:region')).toEqual({
      name: 'custom:region',
      custom: true,
      mutable: true,
      dataType: 'String',
    });
    expect(userPool.clients).toEqual([
      expect.objectContaining({
        clientId: '7ab3cd9ef1gh2ij4kl5mn6op7q',
        name: 'field-mobile',
        readAttributes: ['custom:region', 'email', 'email_verified'],
        writeAttributes: ['custom:region', 'email'],
        serverSideTokenCheck: true,
      }),
    ]);
    const supervisorsRole = design.roles.find((role) => role.name === 'FieldSupervisor')!.id;
    expect(userPool.groups).toEqual([
      { name: 'supervisors', precedence: 1, roleId: supervisorsRole, description: 'Shift supervisors' },
      { name: 'workers' },
    ]);
  });

  it('reports what the dumps lack', () => {
    const { report } = imported();
    const missing = report.missing.join('\n');
    expect(missing).toContain('role FieldGuest');
    expect(missing).toContain('customer managed policy arn:aws:iam::444455556666:policy/field/FieldBoundary');
    expect(missing).toContain('personas');
    expect(report.warnings.join('\n')).toContain('IdentityPoolTags');
    expect(report.warnings.join('\n')).toContain('1 role(s)');
  });
});

describe('import of partial and bad input', () => {
  const pool = dumpFiles.find((file) => file.name === 'identity-pool.json')!;

  it('accepts a lone describe-identity-pool and says what is missing', () => {
    const result = importAwsDumps([pool]);
    if (!result.ok) throw new Error(JSON.stringify(result.problems));
    const missing = result.report.missing.join('\n');
    expect(missing).toContain('get-identity-pool-roles');
    expect(missing).toContain('get-account-authorization-details');
    expect(missing).toContain('describe-user-pool-client');
    expect(result.design.account.region).toBe('eu-west-1');
    expect(result.design.account.accountId).toBe('444455556666');
  });

  it('uses a placeholder account when no ARN names one, and says so', () => {
    const client = dumpFiles.find((file) => file.name === 'app-client.json')!;
    const result = importAwsDumps([client]);
    if (!result.ok) throw new Error(JSON.stringify(result.problems));
    expect(result.design.account.accountId).toBe('000000000000');
    expect(result.report.assumptions.join('\n')).toContain('placeholder 000000000000');
  });

  it('rejects a file of unknown shape, naming it', () => {
    const result = importAwsDumps([pool, { name: 'notes.json', content: { hello: 'world' } }]);
    expect(result).toEqual({
      ok: false,
      problems: [
        expect.objectContaining({
          file: 'notes.json',
          path: '$',
          message: expect.stringContaining('not recognised'),
        }),
      ],
    });
  });

  it('rejects a recognised file with a wrong field, naming the JSON path', () => {
    const broken = {
      name: 'roles.json',
      content: {
        IdentityPoolId: 'eu-west-1:4c8f2a6e',
        RoleMappings: { 'graph.facebook.com': { Type: 'Magic' } },
      },
    };
    const result = importAwsDumps([broken]);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems[0]).toMatchObject({
      file: 'roles.json',
      path: '$.RoleMappings["graph.facebook.com"].Type',
    });
  });

  it('rejects arrays, strings and null as input', () => {
    for (const content of [[], 'text', null, 42]) {
      const result = importAwsDumps([{ name: 'x.json', content }]);
      expect(result.ok).toBe(false);
    }
  });
});
