// Rules that fit the provider: proposals per provider type, and a warning for impossible claims.

import { describe, expect, it } from 'vitest';
import { claimsForProvider } from '../../../shared/model/claims';
import { validateDesign } from '../../../shared/model/validate';
import { newRule } from '../../../src-renderer/state/edits/relations';
import { aClient, aDesign, aRoleMapping, aRule, aUserPool } from '../builders/design';

function designWith(kind: 'google' | 'saml' | 'oidc', claim: string) {
  return aDesign()
    .withProvider(kind, {
      id: 'idp',
      ...(kind === 'saml' ? { samlAttributes: ['department', 'costCenter'] } : {}),
    })
    .withUserPool(
      aUserPool({
        id: 'up',
        clients: [aClient({ id: 'web' })],
        attributes: [{ name: 'custom:tenant', custom: true, mutable: false, dataType: 'String' }],
      }),
    )
    .withRole({ id: 'r' })
    .withIdentityPool({
      id: 'ip',
      authenticatedRoleId: 'r',
      acceptedProviders: [
        { type: 'provider', providerId: 'idp' },
        { type: 'userPoolClient', userPoolId: 'up', clientId: 'web' },
      ],
      roleMappings: [
        aRoleMapping(
          { type: 'provider', providerId: 'idp' },
          { type: 'Rules', rules: [aRule('r', { claim, value: 'x' })] },
        ),
      ],
    })
    .build();
}

const claimWarnings = (design: ReturnType<typeof designWith>) =>
  validateDesign(design).filter((issue) => issue.code === 'unknown-claim');

describe('claims per provider', () => {
  it('proposes what each provider issues', () => {
    const design = designWith('google', 'hd');
    expect(claimsForProvider(design, { type: 'provider', providerId: 'idp' })?.proposed).toEqual(
      expect.arrayContaining(['hd', 'email_verified']),
    );
    expect(claimsForProvider(design, { type: 'provider', providerId: 'idp' })?.proposed).not.toContain(
      'cognito:groups',
    );
    const pool = claimsForProvider(design, { type: 'userPoolClient', userPoolId: 'up', clientId: 'web' });
    expect(pool?.proposed.slice(0, 2)).toEqual(['cognito:groups', 'custom:tenant']);
    const saml = designWith('saml', 'department');
    expect(claimsForProvider(saml, { type: 'provider', providerId: 'idp' })?.proposed).toEqual([
      'department',
      'costCenter',
    ]);
  });

  it('gives a new rule on a Google mapping a Google claim, never cognito:groups', () => {
    const design = designWith('google', 'hd');
    const rule = newRule(design, 'r', { type: 'provider', providerId: 'idp' });
    expect(rule.claim).toBe('hd');
    const onPool = newRule(design, 'r', { type: 'userPoolClient', userPoolId: 'up', clientId: 'web' });
    expect(onPool.claim).toBe('cognito:groups');
  });

  it('warns about a claim the provider cannot issue, at the rule claim', () => {
    expect(claimWarnings(designWith('google', 'cognito:groups'))).toEqual([
      expect.objectContaining({
        severity: 'warning',
        path: '$.identityPools[0].roleMappings[0].rules[0].claim',
      }),
    ]);
    expect(claimWarnings(designWith('google', 'hd'))).toEqual([]);
    expect(claimWarnings(designWith('saml', 'title'))).toHaveLength(1);
    expect(claimWarnings(designWith('oidc', 'tenant_id'))).toEqual([]);
    // An OIDC issuer may send any claim, even custom:* (a user pool registered as an OIDC IdP).
    expect(claimWarnings(designWith('oidc', 'custom:tenant'))).toEqual([]);
  });

  it('says why each rule of a mapping can never match, by the kind of claim', () => {
    const design = designWith('google', 'hd');
    const pool = design.identityPools[0]!;
    pool.roleMappings = [
      aRoleMapping(
        { type: 'provider', providerId: 'idp' },
        { type: 'Rules', rules: [aRule('r', { claim: 'hd' }), aRule('r', { claim: 'cognito:groups' })] },
      ),
      aRoleMapping(
        { type: 'userPoolClient', userPoolId: 'up', clientId: 'web' },
        {
          type: 'Rules',
          rules: [aRule('r', { claim: 'custom:plan' }), aRule('r', { claim: 'custom:tenant' })],
        },
      ),
    ];
    const poolName = design.userPools[0]!.name;
    expect(claimWarnings(design).map((issue) => [issue.path, issue.message])).toEqual([
      [
        '$.identityPools[0].roleMappings[0].rules[1].claim',
        'Google ID tokens do not carry "cognito:groups", so the rule never matches',
      ],
      [
        '$.identityPools[0].roleMappings[1].rules[0].claim',
        `custom:plan is not a custom attribute of this user pool, so ID tokens of user pool ${poolName} never carry it and the rule never matches`,
      ],
    ]);
  });
});
