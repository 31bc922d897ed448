// `simulate` and `matrix` on the example designs, as a user runs them.

import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildCli, expectOneLineError, projectRoot, runCli, temporaryDirectory } from './run-cli';

const photos = 'assets/examples/photo-sharing.cognito-design.json';
const saas = 'assets/examples/b2b-saas.cognito-design.json';
const analytics = 'assets/examples/analytics-sdk.cognito-design.json';
const now = '2025-06-01T12:00:00Z';

beforeAll(() => buildCli());

interface SimulationJson {
  outcome: 'credentials' | 'error';
  error?: { code: string; message: string };
  role?: { arn: string };
  identityId?: string;
  assumedRoleArn?: string;
  principalTags?: Record<string, string>;
  sessionPolicies?: Array<{ name: string }>;
  credentials?: { accessKeyId: string; expiration: string };
  trace: Array<{ title: string; outcome: string; assumption?: boolean }>;
  decisions?: Array<{ action: string; resource: string; decision: string }>;
}

function simulateJson(args: string[]): SimulationJson {
  const run = runCli(['simulate', ...args, '--json', '--now', now]);
  expect(run.status, run.stderr).toBe(0);
  return JSON.parse(run.stdout) as SimulationJson;
}

describe('simulate', () => {
  it('gives a guest the unauthenticated role with the scope-down session policies', () => {
    const result = simulateJson([photos, '--pool', 'PhotoSharingIdentities', '--guest']);
    expect(result.outcome).toBe('credentials');
    expect(result.role?.arn).toBe('arn:aws:iam::111122223333:role/photo-sharing/PhotoSharingGuest');
    expect(result.assumedRoleArn).toBe(
      'arn:aws:sts::111122223333:assumed-role/PhotoSharingGuest/CognitoIdentityCredentials',
    );
    expect(result.identityId).toMatch(/^us-east-1:[0-9a-f-]{36}$/);
    expect(result.sessionPolicies?.length).toBeGreaterThan(0);
    expect(result.credentials?.accessKeyId).toMatch(/^ASIA/);
    expect(result.credentials?.expiration).toBe('2025-06-01T13:00:00.000Z');
    expect(result.trace.length).toBeGreaterThan(0);
  });

  it('returns the AWS error when the pool has no guest access', () => {
    const result = simulateJson([saas, '--pool', 'B2BSaaSIdentities', '--guest']);
    expect(result.outcome).toBe('error');
    expect(result.error).toEqual({
      code: 'NotAuthorizedException',
      message: 'Unauthenticated access is not supported for this identity pool.',
    });
  });

  it('evaluates requests with the credentials of a user-pool user', () => {
    const result = simulateJson([
      photos,
      '--pool',
      'identitypool-photos',
      '--user',
      'alice',
      '--action',
      's3:DeleteObject',
      '--action',
      's3:PutObject',
      '--resource',
      'arn:aws:s3:::photo-sharing-media-111122223333/public/cat.jpg',
    ]);
    expect(result.role?.arn).toBe('arn:aws:iam::111122223333:role/photo-sharing/PhotoSharingAdmins');
    // Admins may delete any object (inline policy, within the boundary) but not write public objects.
    expect(result.decisions).toEqual([
      {
        action: 's3:DeleteObject',
        resource: 'arn:aws:s3:::photo-sharing-media-111122223333/public/cat.jpg',
        decision: 'Allowed',
        summary: expect.any(String),
        complete: true,
        notEvaluated: [],
        decidingStatements: expect.any(Array),
      },
      {
        action: 's3:PutObject',
        resource: 'arn:aws:s3:::photo-sharing-media-111122223333/public/cat.jpg',
        decision: 'ImplicitlyDenied',
        summary: expect.any(String),
        complete: true,
        notEvaluated: [],
        decidingStatements: [],
      },
    ]);
  });

  it('lets the identity-id variable grant only the simulated identity its own prefix', () => {
    const identityId = 'us-east-1:11111111-2222-4333-8444-555555555555';
    const own = `arn:aws:s3:::photo-sharing-media-111122223333/private/${identityId}/a.jpg`;
    const other =
      'arn:aws:s3:::photo-sharing-media-111122223333/private/us-east-1:99999999-2222-4333-8444-555555555555/a.jpg';
    const result = simulateJson([
      photos,
      '--pool',
      'PhotoSharingIdentities',
      '--user',
      'carol',
      '--identity-id',
      identityId,
      '--action',
      's3:GetObject',
      '--resource',
      own,
      '--resource',
      other,
    ]);
    expect(result.identityId).toBe(identityId);
    expect(result.decisions?.map((decision) => decision.decision)).toEqual(['Allowed', 'ImplicitlyDenied']);
  });

  it('accepts token claims from a file and a persona of the design', () => {
    const google = simulateJson([
      photos,
      '--pool',
      'PhotoSharingIdentities',
      '--provider',
      'accounts.google.com',
      '--claims',
      'assets/examples/requests/google-claims.json',
    ]);
    expect(google.role?.arn).toBe('arn:aws:iam::111122223333:role/photo-sharing/PhotoSharingAuthenticated');
    const persona = simulateJson([analytics, '--persona', 'persona-device']);
    expect(persona.outcome).toBe('credentials');
  });

  it('gives a developer-authenticated identity the default authenticated role', () => {
    const design = JSON.parse(readFileSync(join(projectRoot, analytics), 'utf8')) as {
      providers: unknown[];
      identityPools: Array<{ acceptedProviders: unknown[]; authenticatedRoleId?: string }>;
      roles: Array<{ id: string; name: string; path: string }>;
    };
    design.providers.push({
      id: 'provider-backend',
      name: 'Backend',
      kind: 'developer',
      providerKey: 'login.example.analytics',
      clientIds: [],
    });
    design.identityPools[0]!.acceptedProviders.push({ type: 'provider', providerId: 'provider-backend' });
    // Developer identities always get the default authenticated role (design.md §5.2 step 3).
    design.identityPools[0]!.authenticatedRoleId = design.roles[0]!.id;
    const file = join(temporaryDirectory(), 'developer.cognito-design.json');
    writeFileSync(file, JSON.stringify(design));
    const result = simulateJson([
      file,
      '--pool',
      'AnalyticsSdkDevices',
      '--provider',
      'login.example.analytics',
      '--developer-user',
      'device-42',
    ]);
    const authenticated = design.roles[0]!;
    expect(result.role?.arn).toBe(`arn:aws:iam::111122223333:role${authenticated.path}${authenticated.name}`);
  });

  it('prints a numbered trace and the credentials as text', () => {
    const run = runCli(['simulate', photos, '--pool', 'PhotoSharingIdentities', '--guest', '--now', now]);
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/^ {2}1\. \[(pass|fail|info)\]/m);
    expect(run.stdout).toContain('Result: credentials');
    expect(run.stdout).toContain(
      'Assumed role:     arn:aws:sts::111122223333:assumed-role/PhotoSharingGuest/CognitoIdentityCredentials',
    );
    expect(run.stdout).toContain('(simulated, works nowhere)');
  });

  it('treats an unknown pool, a malformed token and contradictory flags as bad input', () => {
    expect(expectOneLineError(runCli(['simulate', photos, '--pool', 'NoSuchPool', '--guest']))).toContain(
      photos,
    );
    expect(
      expectOneLineError(
        runCli(['simulate', photos, '--pool', 'PhotoSharingIdentities', '--token', 'not-a-jwt']),
      ),
    ).toContain(photos);
    expect(
      expectOneLineError(
        runCli(['simulate', photos, '--pool', 'PhotoSharingIdentities', '--guest', '--user', 'alice']),
      ),
    ).toContain('choose one login');
    expect(
      expectOneLineError(
        runCli(['simulate', photos, '--pool', 'PhotoSharingIdentities', '--guest', '--flow', 'fast']),
      ),
    ).toContain('--flow must be one of enhanced, basic');
    expect(
      expectOneLineError(
        runCli([
          'simulate',
          photos,
          '--pool',
          'PhotoSharingIdentities',
          '--guest',
          '--action',
          's3:GetObject',
        ]),
      ),
    ).toContain('--action needs --resource');
    expect(
      expectOneLineError(
        runCli([
          'simulate',
          photos,
          '--pool',
          'PhotoSharingIdentities',
          '--guest',
          '--action',
          's3:GetObject',
          '--resource',
          '*',
          '--context',
          'novalue',
        ]),
      ),
    ).toContain("--context 'novalue' must be key=value");
    expect(expectOneLineError(runCli(['simulate', photos, '--guest']))).toContain('missing --pool');
    expect(
      expectOneLineError(
        runCli([
          'simulate',
          photos,
          '--pool',
          'PhotoSharingIdentities',
          '--claims',
          'assets/examples/requests/nothing.json',
        ]),
      ),
    ).toContain('no such file');
  });
});

describe('matrix', () => {
  interface MatrixJson {
    personas: Array<{ id: string; outcome: string; resources: string[] }>;
    actions: string[];
    rows: Array<{ persona: string; action: string; resource: string; decision: string }>;
  }

  it('evaluates every persona × action × resource of the design', () => {
    const run = runCli([
      'matrix',
      photos,
      '--actions',
      'assets/examples/requests/photo-actions.txt',
      '--json',
      '--now',
      now,
    ]);
    expect(run.status, run.stderr).toBe(0);
    const matrix = JSON.parse(run.stdout) as MatrixJson;
    expect(matrix.actions).toEqual([
      's3:GetObject',
      's3:PutObject',
      's3:DeleteObject',
      's3:ListBucket',
      'dynamodb:Query',
      'dynamodb:PutItem',
    ]);
    const expectedRows = matrix.personas.reduce(
      (sum, persona) => sum + persona.resources.length * matrix.actions.length,
      0,
    );
    expect(matrix.rows).toHaveLength(expectedRows);
    // Policy variables are resolved per persona: nobody's resources keep `${…}`.
    for (const persona of matrix.personas.filter((candidate) => candidate.outcome === 'credentials')) {
      expect(persona.resources.some((resource) => resource.includes('${'))).toBe(false);
    }
    const cell = (persona: string, action: string, resource: string) =>
      matrix.rows.find((row) => row.persona === persona && row.action === action && row.resource === resource)
        ?.decision;
    const publicObjects = 'arn:aws:s3:::photo-sharing-media-111122223333/public/*';
    expect(cell('persona-guest', 's3:GetObject', publicObjects)).toBe('Allowed');
    expect(cell('persona-guest', 's3:PutObject', publicObjects)).toBe('ImplicitlyDenied');
    expect(cell('persona-alice', 's3:DeleteObject', publicObjects)).toBe('Allowed');
    // OwnAlbumItems uses ForAllValues:StringEquals on dynamodb:LeadingKeys, which alone would match a
    // request without the key vacuously; its "Null": {"dynamodb:LeadingKeys": "false"} requires the key,
    // so the matrix's key-less request is denied
    // (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-single-vs-multi-valued-context-keys.html).
    expect(
      cell('persona-alice', 'dynamodb:PutItem', 'arn:aws:dynamodb:us-east-1:111122223333:table/PhotoAlbums'),
    ).toBe('ImplicitlyDenied');
  });

  /** Alice's matrix decision for dynamodb:PutItem on PhotoAlbums with the given LeadingKeys context. */
  function alicePutItemWithLeadingKey(leadingKey: string): string | undefined {
    const run = runCli([
      'matrix',
      photos,
      '--actions',
      'assets/examples/requests/photo-actions.txt',
      '--json',
      '--now',
      now,
      '--context',
      `dynamodb:LeadingKeys=${leadingKey}`,
    ]);
    const matrix = JSON.parse(run.stdout) as MatrixJson;
    return matrix.rows.find(
      (row) =>
        row.persona === 'persona-alice' &&
        row.action === 'dynamodb:PutItem' &&
        row.resource.endsWith('table/PhotoAlbums'),
    )?.decision;
  }

  it("allows the per-identity DynamoDB write once the request names the caller's own partition key", () => {
    const simulation = runCli(['simulate', photos, '--persona', 'persona-alice', '--json', '--now', now]);
    const identityId = (JSON.parse(simulation.stdout) as { identityId: string }).identityId;
    expect(alicePutItemWithLeadingKey(identityId)).toBe('Allowed');
  });

  it('adds --context keys to every request', () => {
    expect(alicePutItemWithLeadingKey('someone-else')).toBe('ImplicitlyDenied');
  });

  it('prints CSV with a header and one row per cell', () => {
    const run = runCli([
      'matrix',
      photos,
      '--actions',
      'assets/examples/requests/photo-actions.txt',
      '--csv',
      '--now',
      now,
    ]);
    expect(run.status).toBe(0);
    const lines = run.stdout.trim().split('\n');
    expect(lines[0]).toBe('persona,role,action,resource,decision');
    const json = JSON.parse(
      runCli([
        'matrix',
        photos,
        '--actions',
        'assets/examples/requests/photo-actions.txt',
        '--json',
        '--now',
        now,
      ]).stdout,
    ) as MatrixJson;
    expect(lines).toHaveLength(json.rows.length + 1);
  });

  it("uses the design's own actions by default, expanding wildcards with the catalog", () => {
    const run = runCli(['matrix', analytics, '--json', '--now', now]);
    expect(run.status, run.stderr).toBe(0);
    const matrix = JSON.parse(run.stdout) as MatrixJson;
    expect(matrix.actions.length).toBeGreaterThan(0);
    expect(matrix.actions.every((action) => !action.includes('*'))).toBe(true);
    expect(matrix.actions).toEqual([...matrix.actions].sort());
  });

  it('rejects a bad actions file and conflicting formats', () => {
    expect(
      expectOneLineError(
        runCli(['matrix', photos, '--actions', 'assets/examples/requests/s3-own-prefix.json']),
      ),
    ).toContain('is not an action');
    expect(expectOneLineError(runCli(['matrix', photos, '--json', '--csv']))).toContain('--json or --csv');
  });
});
