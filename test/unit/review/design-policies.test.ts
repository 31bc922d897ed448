import { describe, expect, it } from 'vitest';
import { buildReviewContext } from '../../../shared/review';
import { designAndTrustPolicies, designPolicies } from '../../../shared/review/design-policies';
import { aDesign, aManagedPolicy, aPolicy, aRole } from '../builders/design';

const customTrust = aPolicy([
  {
    Effect: 'Allow',
    Principal: { Federated: 'cognito-identity.amazonaws.com' },
    Action: 'sts:AssumeRoleWithWebIdentity',
  },
]);

function sampleDesign() {
  return aDesign()
    .withRole(
      aRole({ id: 'reader', name: 'Reader', inlinePolicies: [{ name: 'Read', document: aPolicy() }] }),
    )
    .withRole(aRole({ id: 'writer', name: 'Writer', trustPolicy: { mode: 'custom', document: customTrust } }))
    .withManagedPolicy(aManagedPolicy({ id: 'shared', name: 'Shared' }))
    .build();
}

describe('designPolicies', () => {
  it('lists inline policies under their role and managed policies on their own, at their file paths', () => {
    const policies = designPolicies(buildReviewContext(sampleDesign()));
    expect(policies.map((policy) => [policy.entity.id, policy.label])).toEqual([
      ['reader', "inline 'Read'"],
      ['shared', "managed 'Shared'"],
    ]);
    expect(policies[0]!.location('$.Statement[0]').designPath).toBe(
      '$.roles[0].inlinePolicies[0].document.Statement[0]',
    );
    expect(policies[1]!.location('$').designPath).toBe('$.managedPolicies[0].document');
  });
});

describe('designAndTrustPolicies', () => {
  it('adds hand-written trust policies but not generated ones, which the file does not hold', () => {
    const policies = designAndTrustPolicies(buildReviewContext(sampleDesign()));
    expect(policies.map((policy) => [policy.entity.id, policy.label])).toEqual([
      ['reader', "inline 'Read'"],
      ['shared', "managed 'Shared'"],
      ['writer', 'trust'],
    ]);
    const trust = policies[2]!;
    expect(trust.document).toEqual(customTrust);
    expect(trust.location('$.Statement[0]').designPath).toBe('$.roles[1].trustPolicy.document.Statement[0]');
  });
});
