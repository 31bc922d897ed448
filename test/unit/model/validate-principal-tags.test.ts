// Principal-tag maps are keyed by identity provider name; for a user pool that is the pool
// (`cognito-idp.<region>.amazonaws.com/<poolId>`), not the app client, so entries for two clients
// of one pool are one map in AWS.
// https://docs.aws.amazon.com/cognito/latest/developerguide/using-afac-with-cognito-identity-pools.html
// https://docs.aws.amazon.com/cognitoidentity/latest/APIReference/API_SetPrincipalTagAttributeMap.html

import { describe, expect, it } from 'vitest';
import { loadDesign, serializeDesign } from '../../../shared/model/io';
import type { DesignDocument, PrincipalTagMapping } from '../../../shared/model/types';
import { hasErrors, validateDesign } from '../../../shared/model/validate';
import { aClient, aUserPool } from '../builders/design';
import { CLIENT, goodDesign, pool, userPool } from './validation-fixture';

const OPS = { type: 'userPoolClient', userPoolId: 'pool', clientId: 'ops' } as const;
const PROVIDER_NAME = 'cognito-idp.us-east-1.amazonaws.com/us-east-1_AbC123';

/** The fixture design with a second app client `ops` in the same user pool, and the given maps. */
function withMaps(...maps: PrincipalTagMapping[]): DesignDocument {
  const design = goodDesign();
  userPool(design).clients.push(aClient({ id: 'ops', clientId: 'opsclient456' }));
  pool(design).acceptedProviders.push(OPS);
  pool(design).principalTags = maps;
  return design;
}

function tagIssues(design: DesignDocument) {
  return validateDesign(design).filter((issue) => issue.path.includes('principalTags'));
}

describe('principal-tag maps of one user pool', () => {
  const tenantMap = { useDefaults: false, tags: { tenant: 'custom:tenant' } };

  it('rejects entries for two app clients that map different tags', () => {
    const design = withMaps(
      { provider: CLIENT, ...tenantMap },
      { provider: OPS, useDefaults: false, tags: { tenant: 'custom:tenant', team: 'custom:team' } },
    );
    const issues = tagIssues(design);
    expect(issues.map((issue) => [issue.severity, issue.code, issue.path])).toEqual([
      ['error', 'principal-tag-conflict', '$.identityPools[0].principalTags[1].provider'],
    ]);
    expect(issues[0]?.message).toContain(PROVIDER_NAME);
    expect(issues[0]?.message).toContain('one map applies to every client of that pool');
    expect(loadDesign(serializeDesign(design)).ok).toBe(false);
  });

  it('rejects entries that differ only in the default mapping', () => {
    const issues = tagIssues(
      withMaps(
        { provider: CLIENT, ...tenantMap },
        { provider: OPS, useDefaults: true, tags: { tenant: 'custom:tenant' } },
      ),
    );
    expect(issues.map((issue) => [issue.severity, issue.code])).toEqual([
      ['error', 'principal-tag-conflict'],
    ]);
  });

  it('rejects the same tag taken from a different claim', () => {
    const issues = tagIssues(
      withMaps(
        { provider: CLIENT, ...tenantMap },
        { provider: OPS, useDefaults: false, tags: { tenant: 'custom:org' } },
      ),
    );
    expect(issues.map((issue) => issue.code)).toEqual(['principal-tag-conflict']);
  });

  it('accepts identical entries: together they describe the one map AWS stores', () => {
    const design = withMaps(
      { provider: CLIENT, ...tenantMap },
      { provider: OPS, useDefaults: false, tags: { tenant: 'custom:tenant' } },
    );
    expect(tagIssues(design)).toEqual([]);
    expect(hasErrors(validateDesign(design))).toBe(false);
  });

  it('still rejects two entries for the same app client', () => {
    const issues = tagIssues(
      withMaps({ provider: CLIENT, ...tenantMap }, { provider: CLIENT, ...tenantMap }),
    );
    expect(issues.map((issue) => [issue.severity, issue.code])).toEqual([['error', 'duplicate-name']]);
  });

  it('accepts different maps for clients of different user pools and for other providers', () => {
    const design = withMaps(
      { provider: CLIENT, ...tenantMap },
      { provider: { type: 'provider', providerId: 'google' }, useDefaults: true, tags: {} },
    );
    design.userPools.push(
      aUserPool({
        id: 'partners',
        poolId: 'us-east-1_Partner9',
        clients: [aClient({ id: 'partner-web', clientId: 'partnerclient789' })],
      }),
    );
    const partner = { type: 'userPoolClient', userPoolId: 'partners', clientId: 'partner-web' } as const;
    pool(design).acceptedProviders.push(partner);
    pool(design).principalTags.push({ provider: partner, useDefaults: true, tags: {} });
    expect(tagIssues(design)).toEqual([]);
  });
});
