// The policy documents a design keeps in its file, each with the entity a finding about it belongs
// to and a way to place that finding inside it. Checks that scan policy text share these lists.

import type { PolicyDocument } from '../iam/types';
import { inlineRolePolicies, managedRolePolicy, type ReviewContext, type RolePolicy } from './context';
import { managedPolicyEntity, policyLocation, roleEntity, trustLocation } from './findings';
import type { FindingEntity, FindingLocation } from './types';

export interface ReviewedPolicy {
  entity: FindingEntity;
  /** `inline 'Name'`, `managed 'Name'` or `trust`. */
  label: string;
  document: PolicyDocument;
  location(jsonPath: string): FindingLocation;
}

function located(entity: FindingEntity, policy: RolePolicy): ReviewedPolicy {
  return {
    entity,
    label: policy.label,
    document: policy.document,
    location: (path) => policyLocation(policy, path),
  };
}

/** Every policy kept in the design once: inline policies under their role, customer managed ones on their own. */
export function designPolicies(context: ReviewContext): ReviewedPolicy[] {
  const result = context.design.roles.flatMap((role, roleIndex) =>
    inlineRolePolicies(role, roleIndex).map((policy) => located(roleEntity(role), policy)),
  );
  context.design.managedPolicies.forEach((policy, index) => {
    result.push(located(managedPolicyEntity(policy), managedRolePolicy(policy, index, 'managed')));
  });
  return result;
}

/** `designPolicies` and the hand-written trust policies (generated ones are not in the file). */
export function designAndTrustPolicies(context: ReviewContext): ReviewedPolicy[] {
  const result = designPolicies(context);
  for (const role of context.design.roles) {
    const trust = context.trust(role);
    if (trust.generated || !trust.document) continue;
    result.push({
      entity: roleEntity(role),
      label: 'trust',
      document: trust.document,
      location: (path) => trustLocation(trust, path),
    });
  }
  return result;
}
