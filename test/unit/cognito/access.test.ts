// Requests made with simulated credentials: per-identity variables, principal tags, guest scope-down,
// permissions boundary, policies the design cannot supply, and the access matrix.

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  accessMatrix,
  evaluateAccess,
  personaToSimulationInput,
  simulate,
} from '../../../shared/cognito/index';
import type { SimulationInput, SimulationSuccess } from '../../../shared/cognito/index';
import { loadDesign } from '../../../shared/model/io';
import type { DesignDocument } from '../../../shared/model/types';
import { NOW, baseDesign } from './fixture';

function example(name: string): DesignDocument {
  const loaded = loadDesign(
    readFileSync(new URL(`../../../assets/examples/${name}.cognito-design.json`, import.meta.url), 'utf8'),
  );
  if (!loaded.ok) throw new Error(`${name} does not load`);
  return loaded.design;
}

function credentials(design: DesignDocument, input: SimulationInput): SimulationSuccess {
  const result = simulate(design, { now: NOW, ...input });
  if (result.outcome !== 'credentials') throw new Error(`${result.error.code}: ${result.error.message}`);
  return result;
}

function persona(design: DesignDocument, id: string): SimulationSuccess {
  return credentials(
    design,
    personaToSimulationInput(
      design,
      design.personas.find((candidate) => candidate.id === id)!,
      NOW,
    ),
  );
}

const MEDIA = 'arn:aws:s3:::photo-sharing-media-111122223333';

describe('per-identity access (photo-sharing)', () => {
  const design = example('photo-sharing');
  const bob = persona(design, 'persona-bob');
  const carol = persona(design, 'persona-carol');

  it("lets a user write under its own identity-id prefix and not under another user's", () => {
    const [own, other] = evaluateAccess(design, bob, [
      { action: 's3:PutObject', resource: `${MEDIA}/private/${bob.identityId}/cat.jpg` },
      { action: 's3:PutObject', resource: `${MEDIA}/private/${carol.identityId}/cat.jpg` },
    ]);
    expect(own?.decision).toBe('Allowed');
    expect(own?.decidingStatements.map((statement) => statement.sid)).toEqual(['ReadWriteOwnObjects']);
    expect(other?.decision).toBe('ImplicitlyDenied');
  });

  it('checks DynamoDB leading keys against the identity id', () => {
    const table = 'arn:aws:dynamodb:us-east-1:111122223333:table/PhotoAlbums';
    const [own, other] = evaluateAccess(design, bob, [
      { action: 'dynamodb:Query', resource: table, context: { 'dynamodb:LeadingKeys': [bob.identityId] } },
      { action: 'dynamodb:Query', resource: table, context: { 'dynamodb:LeadingKeys': [carol.identityId] } },
    ]);
    expect(own?.decision).toBe('Allowed');
    expect(other?.decision).toBe('ImplicitlyDenied');
  });

  it('does not let the request override the identity id', () => {
    const [decision] = evaluateAccess(design, bob, [
      {
        action: 's3:PutObject',
        resource: `${MEDIA}/private/forged/cat.jpg`,
        context: { 'cognito-identity.amazonaws.com:sub': 'forged', 'aws:PrincipalTag/x': 'y' },
      },
    ]);
    expect(decision?.decision).toBe('ImplicitlyDenied');
    expect(decision?.ignoredContextKeys).toEqual([
      'cognito-identity.amazonaws.com:sub',
      'aws:PrincipalTag/x',
    ]);
  });

  it('applies the permissions boundary of the admins role', () => {
    const alice = persona(design, 'persona-alice');
    const [inside] = evaluateAccess(design, alice, [
      { action: 's3:DeleteObject', resource: `${MEDIA}/private/${bob.identityId}/cat.jpg` },
    ]);
    expect(inside?.decision).toBe('Allowed');
    expect(inside?.evaluation.policyTypes.find((type) => type.kind === 'permissionsBoundary')?.present).toBe(
      true,
    );
  });
});

describe('principal tags (b2b-saas)', () => {
  const design = example('b2b-saas');
  const maria = persona(design, 'persona-acme-admin');
  const files = 'arn:aws:s3:::b2b-saas-tenant-files-111122223333/tenants';

  it('lets a tenant user reach its own tenant only', () => {
    const [own, other] = evaluateAccess(design, maria, [
      { action: 's3:GetObject', resource: `${files}/t-acme/report.pdf` },
      { action: 's3:GetObject', resource: `${files}/t-globex/report.pdf` },
    ]);
    expect(own?.decision).toBe('Allowed');
    expect(other?.decision).toBe('ImplicitlyDenied');
  });
});

describe('session policies, boundaries and missing policies', () => {
  function guestDesign(): DesignDocument {
    const design = baseDesign();
    design.roles[1]!.inlinePolicies = [
      {
        name: 'too-broad',
        document: {
          Version: '2012-10-17',
          Statement: [{ Effect: 'Allow', Action: ['s3:GetObject', 'iam:ListRoles'], Resource: '*' }],
        },
      },
    ];
    return design;
  }

  it('limits guests to the scope-down services in the enhanced flow', () => {
    const design = guestDesign();
    const guest = credentials(design, { identityPool: 'ip', login: { type: 'guest' } });
    const [s3, iam] = evaluateAccess(design, guest, [
      { action: 's3:GetObject', resource: 'arn:aws:s3:::bucket/key' },
      { action: 'iam:ListRoles', resource: '*' },
    ]);
    expect(s3?.decision).toBe('Allowed');
    expect(iam?.decision).toBe('ImplicitlyDenied');
    expect(iam?.evaluation.policyTypes.find((type) => type.kind === 'session')).toMatchObject({
      present: true,
      decision: 'NoMatch',
    });
  });

  it('does not scope guests down in the basic flow', () => {
    const design = guestDesign();
    design.identityPools[0]!.allowClassicFlow = true;
    const guest = credentials(design, { identityPool: 'ip', login: { type: 'guest' }, flow: 'basic' });
    expect(evaluateAccess(design, guest, [{ action: 'iam:ListRoles', resource: '*' }])[0]?.decision).toBe(
      'Allowed',
    );
  });

  it('reports AWS managed policies as not evaluated and the decision as incomplete', () => {
    const design = baseDesign();
    design.roles[0]!.managedPolicyArns = ['arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess'];
    const user = credentials(design, {
      identityPool: 'ip',
      login: { type: 'userPoolUser', username: 'alice', clientId: 'limited' },
    });
    const [decision] = evaluateAccess(design, user, [{ action: 's3:ListAllMyBuckets', resource: '*' }]);
    expect(decision?.complete).toBe(false);
    expect(decision?.notEvaluated).toEqual([
      expect.objectContaining({ arn: 'arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess', kind: 'identity' }),
    ]);
  });

  it('applies a permissions boundary from the design', () => {
    const design = baseDesign();
    design.managedPolicies = [
      {
        id: 'boundary',
        name: 'ReadOnly',
        path: '/',
        document: {
          Version: '2012-10-17',
          Statement: [{ Effect: 'Allow', Action: 's3:GetObject', Resource: '*' }],
        },
      },
    ];
    design.roles[0]!.permissionsBoundaryArn = 'arn:aws:iam::111122223333:policy/ReadOnly';
    const user = credentials(design, {
      identityPool: 'ip',
      login: { type: 'userPoolUser', username: 'alice', clientId: 'limited' },
    });
    const own = `arn:aws:s3:::photos/auth/${user.identityId}/x`;
    const [read, write] = evaluateAccess(design, user, [
      { action: 's3:GetObject', resource: own },
      { action: 's3:PutObject', resource: own },
    ]);
    expect(read?.decision).toBe('Allowed');
    expect(write?.decision).toBe('ImplicitlyDenied');
    expect(read?.complete).toBe(true);
  });
});

describe('accessMatrix', () => {
  it('agrees with single evaluations and marks personas without credentials', () => {
    const design = example('b2b-saas');
    const actions = ['s3:GetObject', 's3:DeleteObject', 'dynamodb:GetItem'];
    const resources = [
      'arn:aws:s3:::b2b-saas-tenant-files-111122223333/tenants/t-acme/a.pdf',
      'arn:aws:dynamodb:us-east-1:111122223333:table/TenantData',
    ];
    const matrix = accessMatrix(design, design.personas, actions, resources, { now: NOW });
    expect(matrix.personas.map((entry) => entry.outcome)).toEqual(
      design.personas.map((entry) =>
        ['persona-no-tenant', 'persona-guest'].includes(entry.id) ? 'error' : 'credentials',
      ),
    );
    matrix.personas.forEach((entry, personaIndex) => {
      if (entry.outcome === 'error') {
        expect(matrix.cells[personaIndex]?.flat().every((cell) => cell === 'NoCredentials')).toBe(true);
        return;
      }
      const session = persona(design, entry.id);
      actions.forEach((action, actionIndex) => {
        resources.forEach((resource, resourceIndex) => {
          const single = evaluateAccess(design, session, [{ action, resource }])[0]?.decision;
          expect(matrix.cells[personaIndex]?.[actionIndex]?.[resourceIndex]).toBe(single);
        });
      });
    });
    // Maria (t-acme admin) may delete her tenant's file; Sam (t-acme user) may not; J. Doe (t-globex) may not read it.
    const cell = (id: string, action: number) =>
      matrix.cells[design.personas.findIndex((entry) => entry.id === id)]?.[action]?.[0];
    expect(cell('persona-acme-admin', 1)).toBe('Allowed');
    expect(cell('persona-acme-user', 1)).toBe('ImplicitlyDenied');
    expect(cell('persona-globex-user', 0)).toBe('ImplicitlyDenied');
  });
});
