// One case per branch of credential resolution (design.md §5.2). Expected values come from the design
// document and the AWS guides cited in shared/cognito, not from running the simulator.

import { describe, expect, it } from 'vitest';
import { simulate } from '../../../shared/cognito/index';
import type { SimulationInput, SimulationResult } from '../../../shared/cognito/index';
import type { DesignDocument } from '../../../shared/model/types';
import { IDENTITY_POOL_ID, NOW, SAML_ARN, USER_POOL_KEY, arnOf, baseDesign } from './fixture';

const INVALID_CONFIG = 'Invalid identity pool configuration. Check assigned IAM roles for this pool.';

function run(
  input: Partial<SimulationInput> & Pick<SimulationInput, 'login'>,
  change?: (design: DesignDocument) => void,
): SimulationResult {
  const design = baseDesign();
  change?.(design);
  return simulate(design, { identityPool: 'ip', now: NOW, ...input });
}

function roleOf(result: SimulationResult): string | undefined {
  return result.outcome === 'credentials' ? result.role.arn : undefined;
}

function errorOf(result: SimulationResult): { code: string; message: string } | undefined {
  return result.outcome === 'error' ? { code: result.error.code, message: result.error.message } : undefined;
}

const oidcClaims = (claims: Record<string, unknown>) => ({
  iss: 'https://idp.example.com',
  aud: 'oidc-client',
  sub: 'oidc-user',
  ...claims,
});

describe('guests (step 1)', () => {
  it('refuses guests when guest access is off', () => {
    const result = run(
      { login: { type: 'guest' } },
      (design) => (design.identityPools[0]!.allowUnauthenticated = false),
    );
    expect(errorOf(result)).toEqual({
      code: 'NotAuthorizedException',
      message: 'Unauthenticated access is not supported for this identity pool.',
    });
  });

  it('reports a missing unauthenticated role as a configuration error', () => {
    const result = run(
      { login: { type: 'guest' } },
      (design) => delete design.identityPools[0]!.unauthenticatedRoleId,
    );
    expect(errorOf(result)).toEqual({
      code: 'InvalidIdentityPoolConfigurationException',
      message: INVALID_CONFIG,
    });
  });

  it('gives guests the unauthenticated role with amr unauthenticated and the scope-down session policies', () => {
    const result = run({ login: { type: 'guest' } });
    expect(roleOf(result)).toBe(arnOf('Guest'));
    if (result.outcome !== 'credentials') throw new Error('expected credentials');
    expect(result.amr).toEqual(['unauthenticated']);
    expect(result.session.sessionPolicies.map((policy) => policy.name)).toContain(
      'AmazonCognitoUnAuthedIdentitiesSessionPolicy',
    );
    expect(result.session.sessionPolicies).toHaveLength(2);
    expect(result.trace.map((step) => step.id)).toContain('scope-down');
  });
});

describe('accepted providers (step 2)', () => {
  it('refuses a user-pool app client the identity pool does not accept, though the pool is accepted', () => {
    const result = run({ login: { type: 'userPoolUser', username: 'alice', clientId: 'unaccepted' } });
    expect(errorOf(result)).toEqual({
      code: 'NotAuthorizedException',
      message: 'Token is not from a supported provider of this identity pool.',
    });
  });

  it('refuses a token from a user pool that is not in the design', () => {
    const result = run({
      login: {
        type: 'claims',
        claims: {
          iss: 'https://cognito-idp.us-east-1.amazonaws.com/us-east-1_Other',
          aud: 'webclient111',
          sub: 'x',
          token_use: 'id',
        },
      },
    });
    expect(errorOf(result)?.message).toBe('Token is not from a supported provider of this identity pool.');
  });

  it('refuses a provider the pool does not list', () => {
    const result = run(
      {
        login: {
          type: 'claims',
          claims: { iss: 'https://accounts.google.com', aud: 'google-client', sub: 'g' },
        },
      },
      (design) => {
        design.identityPools[0]!.acceptedProviders = design.identityPools[0]!.acceptedProviders.filter(
          (ref) => !(ref.type === 'provider' && ref.providerId === 'google'),
        );
      },
    );
    expect(errorOf(result)?.code).toBe('NotAuthorizedException');
  });

  it('refuses an OIDC token whose audience is not a registered client id', () => {
    const result = run({ login: { type: 'claims', claims: oidcClaims({ aud: 'someone-else' }) } });
    expect(errorOf(result)?.code).toBe('NotAuthorizedException');
    expect(result.trace.find((step) => step.id === 'token-audience')?.assumption).toBe(true);
  });
});

describe('user-pool tokens given as claims', () => {
  const claims = {
    aud: 'webclient111',
    sub: 'aaaaaaaa-0000-4000-8000-000000000001',
    token_use: 'id',
    'cognito:roles': [arnOf('Editor')],
    'cognito:preferred_role': arnOf('Editor'),
  };

  it('takes the app client from aud when the provider is the Logins key', () => {
    expect(roleOf(run({ login: { type: 'claims', claims }, provider: USER_POOL_KEY }))).toBe(arnOf('Editor'));
  });

  it('accepts the role-mapping key form of the provider and drops the client id', () => {
    const result = run({ login: { type: 'claims', claims }, provider: `${USER_POOL_KEY}:webclient111` });
    expect(roleOf(result)).toBe(arnOf('Editor'));
    expect(result.trace.some((step) => step.id === 'provider-key-client')).toBe(true);
  });

  it('refuses an access token', () => {
    const result = run({
      login: { type: 'claims', claims: { ...claims, token_use: 'access' } },
      provider: USER_POOL_KEY,
    });
    expect(errorOf(result)?.code).toBe('NotAuthorizedException');
  });
});

describe('developer identities (step 3) and no mapping (step 4)', () => {
  it('gives a developer identity the default authenticated role', () => {
    expect(
      roleOf(run({ login: { type: 'developer', userIdentifier: 'user-42' }, provider: 'login.example.dev' })),
    ).toBe(arnOf('Authenticated'));
  });

  it('fails a developer identity when the pool has no authenticated role', () => {
    const result = run(
      { login: { type: 'developer', userIdentifier: 'user-42' } },
      (design) => delete design.identityPools[0]!.authenticatedRoleId,
    );
    expect(errorOf(result)).toEqual({
      code: 'InvalidIdentityPoolConfigurationException',
      message: INVALID_CONFIG,
    });
  });

  it('gives a provider without role mapping the default authenticated role', () => {
    expect(roleOf(run({ login: { type: 'userPoolUser', username: 'alice', clientId: 'limited' } }))).toBe(
      arnOf('Authenticated'),
    );
    expect(
      roleOf(
        run({
          login: {
            type: 'claims',
            claims: { iss: 'https://accounts.google.com', aud: 'google-client', sub: 'g' },
          },
        }),
      ),
    ).toBe(arnOf('Authenticated'));
  });

  it('fails without mapping when the default authenticated role is missing', () => {
    const result = run(
      { login: { type: 'userPoolUser', username: 'alice', clientId: 'limited' } },
      (design) => delete design.identityPools[0]!.authenticatedRoleId,
    );
    expect(errorOf(result)?.code).toBe('InvalidIdentityPoolConfigurationException');
  });
});

describe('Token mapping (step 5)', () => {
  it('uses cognito:preferred_role: alice is in admins (precedence 0) and editors (1)', () => {
    expect(roleOf(run({ login: { type: 'userPoolUser', username: 'alice', clientId: 'web' } }))).toBe(
      arnOf('Admin'),
    );
  });

  it('uses a CustomRoleArn that is one of cognito:roles', () => {
    expect(
      roleOf(
        run({
          login: { type: 'userPoolUser', username: 'alice', clientId: 'web' },
          customRoleArn: arnOf('Editor'),
        }),
      ),
    ).toBe(arnOf('Editor'));
  });

  it('refuses a CustomRoleArn that is not in cognito:roles', () => {
    const result = run({
      login: { type: 'userPoolUser', username: 'alice', clientId: 'web' },
      customRoleArn: arnOf('Viewer'),
    });
    expect(errorOf(result)?.code).toBe('NotAuthorizedException');
  });

  it('falls back to AmbiguousRoleResolution AuthenticatedRole when a precedence tie leaves no preferred role', () => {
    expect(roleOf(run({ login: { type: 'userPoolUser', username: 'tina', clientId: 'web' } }))).toBe(
      arnOf('Authenticated'),
    );
  });

  it('denies with the documented message when AmbiguousRoleResolution is Deny', () => {
    const result = run({ login: { type: 'userPoolUser', username: 'nobody', clientId: 'web' } }, (design) => {
      design.identityPools[0]!.roleMappings[0]!.ambiguousRoleResolution = 'Deny';
    });
    expect(errorOf(result)).toEqual({
      code: 'NotAuthorizedException',
      message: `The ambiguous role mapping rules for: ${USER_POOL_KEY} denied this request.`,
    });
  });

  it('fails AuthenticatedRole resolution without a default authenticated role', () => {
    const result = run(
      { login: { type: 'userPoolUser', username: 'tina', clientId: 'web' } },
      (design) => delete design.identityPools[0]!.authenticatedRoleId,
    );
    expect(errorOf(result)?.code).toBe('InvalidIdentityPoolConfigurationException');
  });

  const samlPair = (name: string) => `${arnOf(name)},${SAML_ARN}`;
  const samlLogin = (roles: string[]) => ({
    type: 'claims' as const,
    claims: { 'https://aws.amazon.com/SAML/Attributes/Role': roles, sub: 'saml-user' },
  });

  it('uses the single role of a SAML assertion, in either pair order', () => {
    expect(roleOf(run({ login: samlLogin([samlPair('Viewer')]), provider: SAML_ARN }))).toBe(arnOf('Viewer'));
    expect(roleOf(run({ login: samlLogin([`${SAML_ARN},${arnOf('Editor')}`]), provider: SAML_ARN }))).toBe(
      arnOf('Editor'),
    );
  });

  it('needs CustomRoleArn when a SAML assertion carries several roles', () => {
    const several = samlLogin([samlPair('Viewer'), samlPair('Editor')]);
    const withoutChoice = run({ login: several, provider: SAML_ARN });
    expect(errorOf(withoutChoice)?.message).toBe(
      `The ambiguous role mapping rules for: ${SAML_ARN} denied this request.`,
    );
    // The guide only says several SAML roles need CustomRoleArn; falling back to AmbiguousRoleResolution is ours.
    const resolution = withoutChoice.trace.find((step) => step.id === 'ambiguous-role-resolution');
    expect(resolution?.assumption).toBe(true);
    expect(roleOf(run({ login: several, provider: SAML_ARN, customRoleArn: arnOf('Editor') }))).toBe(
      arnOf('Editor'),
    );
  });
});

describe('Rules mapping (step 6)', () => {
  it('takes the first matching rule in order', () => {
    // Both r-groups and r-tenant match; r-groups comes first.
    expect(
      roleOf(
        run({
          login: {
            type: 'claims',
            claims: oidcClaims({
              groups: ['users', 'admins'],
              department: 'sales',
              'custom:tenant': 'acme-eu',
            }),
          },
        }),
      ),
    ).toBe(arnOf('Admin'));
  });

  it('skips a NotEqual rule whose claim is missing instead of treating it as not equal', () => {
    // No department claim: r-dept must not match; r-tenant does.
    expect(roleOf(run({ login: { type: 'claims', claims: oidcClaims({ 'custom:tenant': 'acme' }) } }))).toBe(
      arnOf('Viewer'),
    );
  });

  it('matches NotEqual when the claim is present and different', () => {
    expect(
      roleOf(run({ login: { type: 'claims', claims: oidcClaims({ department: 'engineering' }) } })),
    ).toBe(arnOf('Editor'));
  });

  it('compares case-sensitively and uses the custom: prefix as the claim name', () => {
    const result = run({
      login: { type: 'claims', claims: oidcClaims({ 'custom:tenant': 'ACME', department: 'sales' }) },
    });
    expect(errorOf(result)?.message).toBe(
      'The ambiguous role mapping rules for: idp.example.com denied this request.',
    );
    const unprefixed = run({
      login: { type: 'claims', claims: oidcClaims({ tenant: 'acme', department: 'sales' }) },
    });
    expect(errorOf(unprefixed)?.code).toBe('NotAuthorizedException');
  });

  it('marks the array-claim reading as an assumption in the trace', () => {
    const result = run({ login: { type: 'claims', claims: oidcClaims({ groups: ['admins'] }) } });
    expect(result.trace.find((step) => step.id === 'rule:r-groups')).toMatchObject({
      outcome: 'pass',
      assumption: true,
    });
  });

  it('applies AuthenticatedRole when no rule matches and the mapping says so', () => {
    const result = run(
      { login: { type: 'claims', claims: oidcClaims({ department: 'sales' }) } },
      (design) => {
        design.identityPools[0]!.roleMappings[2]!.ambiguousRoleResolution = 'AuthenticatedRole';
      },
    );
    expect(roleOf(result)).toBe(arnOf('Authenticated'));
  });
});

describe('trust check (step 8)', () => {
  it('refuses a role whose hand-written trust policy names another pool', () => {
    const result = run({ login: { type: 'guest' } }, (design) => {
      design.roles[1]!.trustPolicy = {
        mode: 'custom',
        document: {
          Version: '2012-10-17',
          Statement: [
            {
              Effect: 'Allow',
              Principal: { Federated: 'cognito-identity.amazonaws.com' },
              Action: 'sts:AssumeRoleWithWebIdentity',
              Condition: {
                StringEquals: {
                  'cognito-identity.amazonaws.com:aud': 'us-east-1:00000000-0000-4000-8000-000000000000',
                },
              },
            },
          ],
        },
      };
    });
    expect(errorOf(result)).toEqual({
      code: 'InvalidIdentityPoolConfigurationException',
      message: INVALID_CONFIG,
    });
  });

  it('refuses a signed-in user on a role that only trusts amr unauthenticated', () => {
    const result = run(
      { login: { type: 'userPoolUser', username: 'alice', clientId: 'limited' } },
      (design) => {
        design.identityPools[0]!.authenticatedRoleId = 'role-unauth';
        design.roles[1]!.trustPolicy = {
          mode: 'custom',
          document: {
            Version: '2012-10-17',
            Statement: [
              {
                Effect: 'Allow',
                Principal: { Federated: 'cognito-identity.amazonaws.com' },
                Action: 'sts:AssumeRoleWithWebIdentity',
                Condition: {
                  StringEquals: { 'cognito-identity.amazonaws.com:aud': IDENTITY_POOL_ID },
                  'ForAnyValue:StringLike': { 'cognito-identity.amazonaws.com:amr': 'unauthenticated' },
                },
              },
            ],
          },
        };
      },
    );
    expect(errorOf(result)?.code).toBe('InvalidIdentityPoolConfigurationException');
  });

  it('requires sts:TagSession when the session carries principal tags', () => {
    const withTags = (design: DesignDocument) => {
      design.identityPools[0]!.principalTags = [
        {
          provider: { type: 'userPoolClient', userPoolId: 'up', clientId: 'limited' },
          useDefaults: true,
          tags: {},
        },
      ];
    };
    const generated = run(
      { login: { type: 'userPoolUser', username: 'alice', clientId: 'limited' } },
      withTags,
    );
    expect(roleOf(generated)).toBe(arnOf('Authenticated'));
    if (generated.outcome !== 'credentials') throw new Error('expected credentials');
    expect(generated.principalTags).toEqual({
      username: 'aaaaaaaa-0000-4000-8000-000000000001',
      client: 'limitedclient',
    });

    const withoutTagSession = run(
      { login: { type: 'userPoolUser', username: 'alice', clientId: 'limited' } },
      (design) => {
        withTags(design);
        design.roles[0]!.trustPolicy = {
          mode: 'custom',
          document: {
            Version: '2012-10-17',
            Statement: [
              {
                Effect: 'Allow',
                Principal: { Federated: 'cognito-identity.amazonaws.com' },
                Action: 'sts:AssumeRoleWithWebIdentity',
                Condition: { StringEquals: { 'cognito-identity.amazonaws.com:aud': IDENTITY_POOL_ID } },
              },
            ],
          },
        };
      },
    );
    expect(errorOf(withoutTagSession)).toEqual({
      code: 'InvalidIdentityPoolConfigurationException',
      message: INVALID_CONFIG,
    });
  });
});

describe('session (steps 9, 10, 12)', () => {
  it('builds amr, session name, assumed-role ARN, aws:userid and obviously fake credentials', () => {
    const result = run({ login: { type: 'userPoolUser', username: 'alice', clientId: 'web' } });
    if (result.outcome !== 'credentials')
      throw new Error(`expected credentials, got ${JSON.stringify(result)}`);
    const sub = 'aaaaaaaa-0000-4000-8000-000000000001';
    expect(result.amr).toEqual(['authenticated', USER_POOL_KEY, `${USER_POOL_KEY}:CognitoSignIn:${sub}`]);
    expect(result.session.sessionName).toBe('CognitoIdentityCredentials');
    expect(result.assumedRoleArn).toBe(
      'arn:aws:sts::111122223333:assumed-role/Admin/CognitoIdentityCredentials',
    );
    expect(result.session.userId).toMatch(/^AROA[A-Z2-7]{17}:CognitoIdentityCredentials$/);
    expect(result.session.credentials.accessKeyId).toMatch(/^ASIA.*SIMULATED/);
    expect(result.session.credentials.secretAccessKey).toContain('SIMULATED');
    expect(result.session.credentials.sessionToken).toContain('SIMULATED');
    expect(result.session.credentials.expiration).toBe('2026-01-15T11:00:00.000Z');
    expect(result.identityId).toMatch(
      /^us-east-1:[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
    );
    expect(result.session.context).toMatchObject({
      'cognito-identity.amazonaws.com:sub': result.identityId,
      'cognito-identity.amazonaws.com:aud': IDENTITY_POOL_ID,
      'aws:PrincipalType': 'AssumedRole',
      'aws:PrincipalAccount': '111122223333',
      'aws:PrincipalArn': arnOf('Admin'),
    });
  });

  it('keeps the identity id stable per subject and honours an override', () => {
    const first = run({ login: { type: 'userPoolUser', username: 'alice', clientId: 'web' } });
    const again = run({ login: { type: 'userPoolUser', username: 'alice', clientId: 'web' } });
    const other = run({ login: { type: 'userPoolUser', username: 'vera', clientId: 'web' } });
    const given = run({
      login: { type: 'userPoolUser', username: 'alice', clientId: 'web' },
      identityId: 'us-east-1:12345678-1234-4234-8234-123456789012',
    });
    const id = (result: SimulationResult) =>
      result.outcome === 'credentials' ? result.identityId : undefined;
    expect(id(first)).toBe(id(again));
    expect(id(first)).not.toBe(id(other));
    expect(id(given)).toBe('us-east-1:12345678-1234-4234-8234-123456789012');
  });
});

describe('basic flow (step 13)', () => {
  it('is refused when the pool does not allow it', () => {
    expect(errorOf(run({ login: { type: 'guest' }, flow: 'basic' }))?.code).toBe('InvalidParameterException');
  });

  it('lists every role whose trust accepts the token, ignoring role mappings', () => {
    const result = run(
      { login: { type: 'userPoolUser', username: 'alice', clientId: 'web' }, flow: 'basic' },
      (design) => (design.identityPools[0]!.allowClassicFlow = true),
    );
    if (result.outcome !== 'credentials') throw new Error('expected credentials');
    // Generated trust: every role the pool hands to signed-in users trusts amr authenticated for this pool.
    expect(result.reachableRoles.map((session) => session.role.name).sort()).toEqual([
      'Admin',
      'Authenticated',
      'Editor',
      'Viewer',
    ]);
    expect(result.session.sessionPolicies).toEqual([]);
  });

  it('gives guests only the roles that trust unauthenticated, without scope-down', () => {
    const result = run(
      { login: { type: 'guest' }, flow: 'basic' },
      (design) => (design.identityPools[0]!.allowClassicFlow = true),
    );
    if (result.outcome !== 'credentials') throw new Error('expected credentials');
    expect(result.reachableRoles.map((session) => session.role.name)).toEqual(['Guest']);
    expect(result.session.sessionPolicies).toEqual([]);
  });

  it('refuses a requested role whose trust does not accept the token', () => {
    const result = run(
      { login: { type: 'guest' }, flow: 'basic', customRoleArn: arnOf('Admin') },
      (design) => (design.identityPools[0]!.allowClassicFlow = true),
    );
    expect(errorOf(result)).toEqual({
      code: 'AccessDenied',
      message: 'Not authorized to perform sts:AssumeRoleWithWebIdentity',
    });
  });
});

describe('bad input', () => {
  it.each([
    ['an unknown pool', { identityPool: 'nope', login: { type: 'guest' } }],
    ['an invalid clock', { now: 'not a date', login: { type: 'guest' } }],
    ['a malformed identity id', { identityId: 'not-an-id', login: { type: 'guest' } }],
    ['an unknown user', { login: { type: 'userPoolUser', username: 'mallory' } }],
    ['claims without issuer or provider', { login: { type: 'claims', claims: { sub: 'x' } } }],
    ['a garbage token', { login: { type: 'jwt', token: 'a.b' } }],
  ] as Array<[string, Partial<SimulationInput> & Pick<SimulationInput, 'login'>]>)(
    'reports %s as an input error',
    (_name, input) => {
      const result = run(input);
      expect(result.outcome).toBe('error');
      if (result.outcome === 'error') expect(result.error.source).toBe('input');
    },
  );

  it('finds the pool by AWS id and by name too', () => {
    expect(roleOf(run({ identityPool: IDENTITY_POOL_ID, login: { type: 'guest' } }))).toBe(arnOf('Guest'));
    expect(roleOf(run({ identityPool: 'Fixture identities', login: { type: 'guest' } }))).toBe(
      arnOf('Guest'),
    );
  });
});
