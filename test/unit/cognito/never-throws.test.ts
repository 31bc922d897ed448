// Property: credential resolution never throws and never fails internally on a valid design, whatever the
// login, and always explains itself with a trace.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { accessMatrix, simulate } from '../../../shared/cognito/index';
import type { SimulationInput } from '../../../shared/cognito/index';
import { hasErrors, validateDesign } from '../../../shared/model/validate';
import type {
  DesignDocument,
  MappingRule,
  PrincipalTagMapping,
  ProviderRef,
  RoleMapping,
  TrustPolicy,
} from '../../../shared/model/types';
import { IDENTITY_POOL_ID, SAML_ARN, USER_POOL_KEY, arnOf, baseDesign } from './fixture';

const ROLE_IDS = ['role-auth', 'role-unauth', 'role-admin', 'role-editor', 'role-viewer'];
const REFS: ProviderRef[] = [
  { type: 'userPoolClient', userPoolId: 'up', clientId: 'web' },
  { type: 'userPoolClient', userPoolId: 'up', clientId: 'limited' },
  { type: 'provider', providerId: 'google' },
  { type: 'provider', providerId: 'oidc' },
  { type: 'provider', providerId: 'saml' },
  { type: 'provider', providerId: 'dev' },
];
const CLAIMS = ['groups', 'cognito:groups', 'custom:tenant', 'department', 'sub', 'email_verified', 'amr'];
const VALUES = ['admins', 'acme', 'a', 'sales', 'true', 'Acme'];

const ruleArbitrary = fc.record({
  claim: fc.constantFrom(...CLAIMS),
  matchType: fc.constantFrom('Equals', 'Contains', 'StartsWith', 'NotEqual' as const),
  value: fc.constantFrom(...VALUES),
  roleId: fc.constantFrom(...ROLE_IDS),
});

const trustArbitrary: fc.Arbitrary<TrustPolicy> = fc.oneof(
  fc.constant<TrustPolicy>({ mode: 'generated' }),
  fc
    .record({
      aud: fc.constantFrom(IDENTITY_POOL_ID, 'us-east-1:00000000-0000-4000-8000-000000000000', undefined),
      amr: fc.constantFrom('authenticated', 'unauthenticated', 'accounts.google.com', undefined),
      tagSession: fc.boolean(),
    })
    .map(({ aud, amr, tagSession }): TrustPolicy => {
      const condition: Record<string, Record<string, string>> = {};
      if (aud) condition.StringEquals = { 'cognito-identity.amazonaws.com:aud': aud };
      if (amr) condition['ForAnyValue:StringLike'] = { 'cognito-identity.amazonaws.com:amr': amr };
      return {
        mode: 'custom',
        document: {
          Version: '2012-10-17',
          Statement: [
            {
              Effect: 'Allow',
              Principal: { Federated: 'cognito-identity.amazonaws.com' },
              Action: tagSession
                ? ['sts:AssumeRoleWithWebIdentity', 'sts:TagSession']
                : 'sts:AssumeRoleWithWebIdentity',
              Condition: condition,
            },
          ],
        },
      };
    }),
);

const designArbitrary = fc
  .record({
    guests: fc.boolean(),
    classic: fc.boolean(),
    authenticated: fc.option(fc.constantFrom(...ROLE_IDS), { nil: undefined }),
    unauthenticated: fc.option(fc.constantFrom(...ROLE_IDS), { nil: undefined }),
    accepted: fc.subarray(REFS),
    mappings: fc.array(
      fc.record({
        ref: fc.constantFrom(...REFS.slice(0, 5)),
        type: fc.constantFrom('Token', 'Rules' as const),
        ambiguous: fc.constantFrom('AuthenticatedRole', 'Deny' as const),
        rules: fc.array(ruleArbitrary, { maxLength: 4 }),
      }),
      { maxLength: 5 },
    ),
    tags: fc.array(
      fc.record({ ref: fc.constantFrom(...REFS), useDefaults: fc.boolean(), custom: fc.boolean() }),
      { maxLength: 3 },
    ),
    trust: fc.array(trustArbitrary, { minLength: 5, maxLength: 5 }),
    precedences: fc.array(fc.option(fc.nat({ max: 3 }), { nil: undefined }), { minLength: 5, maxLength: 5 }),
    aliceGroups: fc.subarray(['admins', 'editors', 'viewers', 'twins-a', 'twins-b']),
    trigger: fc.boolean(),
  })
  .map((choice): DesignDocument => {
    const design = baseDesign();
    const pool = design.identityPools[0]!;
    pool.allowUnauthenticated = choice.guests;
    pool.allowClassicFlow = choice.classic;
    pool.authenticatedRoleId = choice.authenticated;
    pool.unauthenticatedRoleId = choice.unauthenticated;
    pool.acceptedProviders = choice.accepted;
    const seen = new Set<string>();
    pool.roleMappings = choice.mappings.flatMap((mapping, index): RoleMapping[] => {
      const key = JSON.stringify(mapping.ref);
      if (seen.has(key)) return [];
      seen.add(key);
      const rules = mapping.rules.map((rule, ruleIndex): MappingRule => ({
        id: `rule-${index}-${ruleIndex}`,
        ...rule,
      }));
      return [
        {
          id: `mapping-${index}`,
          provider: mapping.ref,
          type: mapping.type,
          ambiguousRoleResolution: mapping.ambiguous,
          rules: mapping.type === 'Rules' ? rules : [],
        },
      ];
    });
    const tagged = new Set<string>();
    pool.principalTags = choice.tags.flatMap((tag): PrincipalTagMapping[] => {
      const key = JSON.stringify(tag.ref);
      if (tagged.has(key)) return [];
      tagged.add(key);
      return [
        {
          provider: tag.ref,
          useDefaults: tag.useDefaults,
          tags: tag.custom ? { tenant: 'custom:tenant', team: 'groups' } : ({} as Record<string, string>),
        },
      ];
    });
    design.roles.forEach((role, index) => (role.trustPolicy = choice.trust[index]!));
    design.userPools[0]!.groups.forEach((group, index) => (group.precedence = choice.precedences[index]));
    design.userPools[0]!.users[0]!.groups = choice.aliceGroups;
    if (choice.trigger)
      design.userPools[0]!.preTokenGeneration = {
        addOrOverrideClaims: { 'custom:tenant': 'acme' },
        groupsToOverride: ['admins'],
      };
    return design;
  });

const loginArbitrary: fc.Arbitrary<SimulationInput['login']> = fc.oneof(
  fc.constant({ type: 'guest' as const }),
  fc.record({
    type: fc.constant('userPoolUser' as const),
    username: fc.constantFrom('alice', 'vera', 'tina', 'nobody', 'ghost'),
    clientId: fc.option(fc.constantFrom('web', 'limited', 'unaccepted', 'missing'), { nil: undefined }),
  }),
  fc.record({
    type: fc.constant('claims' as const),
    claims: fc.record(
      {
        iss: fc.constantFrom(
          'https://idp.example.com',
          'https://accounts.google.com',
          `https://${USER_POOL_KEY}`,
          'https://unknown.example',
        ),
        aud: fc.constantFrom('oidc-client', 'google-client', 'webclient111', 'nope'),
        sub: fc.string(),
        groups: fc.oneof(fc.array(fc.constantFrom(...VALUES)), fc.jsonValue()),
        'custom:tenant': fc.jsonValue(),
        'cognito:roles': fc.oneof(
          fc.array(fc.constantFrom(arnOf('Admin'), arnOf('Viewer'), 'not-an-arn')),
          fc.string(),
        ),
        'https://aws.amazon.com/SAML/Attributes/Role': fc.array(
          fc.constantFrom(`${arnOf('Editor')},${SAML_ARN}`, 'garbage', `${SAML_ARN},${arnOf('Viewer')}`),
        ),
      },
      { requiredKeys: [] },
    ),
  }),
  fc.record({ type: fc.constant('jwt' as const), token: fc.string({ maxLength: 200 }) }),
  fc.record({ type: fc.constant('developer' as const), userIdentifier: fc.string() }),
);

const inputArbitrary: fc.Arbitrary<SimulationInput> = fc.record(
  {
    identityPool: fc.constantFrom('ip', IDENTITY_POOL_ID, 'Fixture identities', 'missing'),
    login: loginArbitrary,
    provider: fc.constantFrom(SAML_ARN, 'login.example.dev', USER_POOL_KEY, 'idp.example.com', ''),
    customRoleArn: fc.constantFrom(arnOf('Admin'), arnOf('Viewer'), 'arn:aws:iam::111122223333:role/Nope'),
    identityId: fc.constantFrom('us-east-1:12345678-1234-4234-8234-123456789012', 'bad'),
    flow: fc.constantFrom('enhanced', 'basic' as const),
  },
  { requiredKeys: ['identityPool', 'login'] },
);

describe('simulate on any valid design', () => {
  it('never throws, never fails internally, and always leaves a trace', () => {
    fc.assert(
      fc.property(designArbitrary, inputArbitrary, (design, input) => {
        fc.pre(!hasErrors(validateDesign(design)));
        const result = simulate(design, { ...input, now: '2026-01-15T10:00:00.000Z' });
        expect(['credentials', 'error']).toContain(result.outcome);
        if (result.outcome === 'error') {
          expect(result.error.code).not.toBe('InternalSimulationError');
          expect(result.error.message.length).toBeGreaterThan(0);
        } else {
          expect(result.session.credentials.accessKeyId).toMatch(/^ASIA/);
        }
        expect(
          result.trace.every(
            (step) => step.id && step.title && ['pass', 'fail', 'info'].includes(step.outcome),
          ),
        ).toBe(true);
      }),
      { numRuns: 400 },
    );
  });

  it('builds an access matrix for any valid design without throwing', () => {
    fc.assert(
      fc.property(designArbitrary, fc.array(inputArbitrary, { maxLength: 4 }), (design, inputs) => {
        fc.pre(!hasErrors(validateDesign(design)));
        const personas = inputs.map((input, index) => ({ id: `p${index}`, name: `p${index}`, input }));
        const matrix = accessMatrix(
          design,
          personas,
          ['s3:GetObject', 'iam:ListRoles'],
          ['arn:aws:s3:::photos/x', '*'],
          { now: '2026-01-15T10:00:00.000Z' },
        );
        expect(matrix.cells).toHaveLength(personas.length);
      }),
      { numRuns: 100 },
    );
  });
});
