// The policy document (and JSON path) a review finding points into, for "open in the policy editor".

import type { DesignDocument } from '../../shared/model/types';
import type { Finding } from '../../shared/review';
import type { PolicyTarget } from '../state/types';

export function policyTargetOfFinding(design: DesignDocument, finding: Finding): PolicyTarget | undefined {
  const location = finding.location;
  if (!location?.policy) return undefined;
  const jsonPath = location.jsonPath;
  const at = (target: PolicyTarget['policy']): PolicyTarget =>
    jsonPath ? { policy: target, jsonPath } : { policy: target };
  if (location.policy === 'trust') {
    return design.roles.some((role) => role.id === finding.entity.id)
      ? at({ kind: 'trust', roleId: finding.entity.id })
      : undefined;
  }
  const named = /^(inline|managed|boundary) '(.*)'$/.exec(location.policy);
  if (!named) return undefined;
  const [, kind, name] = named;
  if (kind === 'inline') {
    const role = design.roles.find((candidate) => candidate.id === finding.entity.id);
    return role?.inlinePolicies.some((policy) => policy.name === name)
      ? at({ kind: 'inline', roleId: role.id, policyName: name as string })
      : undefined;
  }
  const policy = design.managedPolicies.find((candidate) => candidate.name === name);
  return policy ? at({ kind: 'managed', policyId: policy.id }) : undefined;
}
