// Principal-tag maps belong to the identity provider, and for user pools that is the pool, not the
// app client (SetPrincipalTagAttributeMap takes IdentityProviderName; the console has one tab per
// user pool): https://docs.aws.amazon.com/cognito/latest/developerguide/using-afac-with-cognito-identity-pools.html

import { describe, expect, it } from 'vitest';
import { simulate } from '../../../shared/cognito/index';
import type { SimulationInput, SimulationResult, TraceStep } from '../../../shared/cognito/index';
import type { DesignDocument, PrincipalTagMapping } from '../../../shared/model/types';
import { NOW, SAML_ARN, USER_POOL_KEY, baseDesign } from './fixture';

const ALICE_SUB = 'aaaaaaaa-0000-4000-8000-000000000001';

function run(
  login: SimulationInput['login'],
  principalTags: PrincipalTagMapping[],
  provider?: string,
): SimulationResult {
  const design: DesignDocument = baseDesign();
  design.identityPools[0]!.principalTags = principalTags;
  return simulate(design, { identityPool: 'ip', now: NOW, login, ...(provider ? { provider } : {}) });
}

function tagsOf(result: SimulationResult): Record<string, string> | undefined {
  return result.outcome === 'credentials' ? result.principalTags : undefined;
}

function tagStep(result: SimulationResult): TraceStep | undefined {
  return result.trace.find((step) => step.id === 'principal-tags');
}

const onClient = (clientId: string, map: Omit<PrincipalTagMapping, 'provider'>): PrincipalTagMapping => ({
  provider: { type: 'userPoolClient', userPoolId: 'up', clientId },
  ...map,
});

const aliceThroughWeb: SimulationInput['login'] = {
  type: 'userPoolUser',
  username: 'alice',
  clientId: 'web',
};

describe('principal-tag maps of user pools', () => {
  it('applies a map set on one app client to a login through another client of the same pool', () => {
    const result = run(aliceThroughWeb, [
      onClient('limited', { useDefaults: true, tags: { tenant: 'custom:tenant' } }),
    ]);
    // Defaults: username ← sub, client ← aud (the client alice signed in through); tenant from her attribute.
    expect(tagsOf(result)).toEqual({ username: ALICE_SUB, client: 'webclient111', tenant: 'acme' });
    const step = tagStep(result);
    expect(step?.detail).toContain(`The pool maps tags for ${USER_POOL_KEY} (default mapping on)`);
    expect(step?.detail).toContain(
      'set on app client limited applies to logins through every client of the pool',
    );
    expect(step?.source).toBe(
      'https://docs.aws.amazon.com/cognito/latest/developerguide/using-afac-with-cognito-identity-pools.html',
    );
    expect(step?.assumption).toBeUndefined();
  });

  it('applies it to a token given as claims too, keyed by the pool the token comes from', () => {
    const claims = { aud: 'webclient111', sub: ALICE_SUB, token_use: 'id', 'custom:tenant': 'acme' };
    const map = onClient('limited', { useDefaults: false, tags: { tenant: 'custom:tenant' } });
    const result = run({ type: 'claims', claims }, [map], USER_POOL_KEY);
    expect(tagsOf(result)).toEqual({ tenant: 'acme' });
  });

  it("uses the entry of the login's own client when every client carries the same map", () => {
    const map = { useDefaults: false, tags: { tenant: 'custom:tenant' } };
    const result = run(aliceThroughWeb, [onClient('limited', map), onClient('web', map)]);
    expect(tagsOf(result)).toEqual({ tenant: 'acme' });
    expect(tagStep(result)?.detail).toContain('set on app client web applies');
    expect(tagStep(result)?.assumption).toBeUndefined();
  });

  it('marks the choice as an assumption when the entries of one pool disagree (AWS cannot store that)', () => {
    const result = run(aliceThroughWeb, [
      onClient('limited', { useDefaults: true, tags: {} }),
      onClient('web', { useDefaults: false, tags: { tenant: 'custom:tenant' } }),
    ]);
    expect(tagsOf(result)).toEqual({ tenant: 'acme' });
    expect(tagStep(result)?.detail).toContain('entries disagree');
    expect(tagStep(result)?.assumption).toBe(true);
  });

  it("does not apply a user pool's map to another provider, nor another provider's map to the pool", () => {
    const oidcLogin: SimulationInput['login'] = {
      type: 'claims',
      // department "it" is not "sales": rule 2 of the fixture's OIDC mapping gives Editor.
      claims: { iss: 'https://idp.example.com', aud: 'oidc-client', sub: 'oidc-user', department: 'it' },
    };
    const poolMap = onClient('web', { useDefaults: false, tags: { tenant: 'custom:tenant' } });
    const oidcMap: PrincipalTagMapping = {
      provider: { type: 'provider', providerId: 'oidc' },
      useDefaults: false,
      tags: { dept: 'department' },
    };
    expect(tagsOf(run(oidcLogin, [poolMap]))).toEqual({});
    expect(tagStep(run(oidcLogin, [poolMap]))).toBeUndefined();
    expect(tagsOf(run(aliceThroughWeb, [oidcMap]))).toEqual({});
    const both = run(oidcLogin, [poolMap, oidcMap]);
    expect(tagsOf(both)).toEqual({ dept: 'it' });
    expect(tagStep(both)?.detail).not.toContain('every client');
  });
});

describe('default maps of other providers', () => {
  // Default provider mappings: SAML takes the nameidentifier and name claims; the tag keys are not documented.
  // https://docs.aws.amazon.com/cognito/latest/developerguide/provider-mappings.html
  const NAME_IDENTIFIER = 'http://schemas.xmlsoap.org/ws/2005/05/identity/claims/nameidentifier';
  const NAME = 'http://schemas.xmlsoap.org/ws/2005/05/identity/claims/name';
  const samlDefaults: PrincipalTagMapping = {
    provider: { type: 'provider', providerId: 'saml' },
    useDefaults: true,
    tags: {},
  };

  it('says that the SAML default for the name claim is not simulated, as its tag key is undocumented', () => {
    const claims = {
      [NAME_IDENTIFIER]: 'corp-user-7',
      [NAME]: 'user7@example.com',
      'https://aws.amazon.com/SAML/Attributes/Role': `arn:aws:iam::111122223333:role/Viewer,${SAML_ARN}`,
    };
    const result = run({ type: 'claims', claims }, [samlDefaults], SAML_ARN);
    expect(tagsOf(result)).toEqual({ username: 'corp-user-7' });
    const step = tagStep(result);
    expect(step?.assumption).toBe(true);
    expect(step?.detail).toContain(NAME);
    expect(step?.source).toBe(
      'https://docs.aws.amazon.com/cognito/latest/developerguide/provider-mappings.html',
    );
  });
});
