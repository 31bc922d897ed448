// The AWS managed policy data for CLI commands, loaded only when the design attaches an AWS
// managed policy (the file is 3 MB; most commands never need it).

import { isAwsManagedPolicyArn, type AwsManagedPolicySource } from '../../shared/iam/aws-managed-policies';
import type { DesignDocument } from '../../shared/model/types';
import { loadAwsManagedPolicies } from '../services/aws-managed-policies';

export function awsManagedPoliciesFor(design: DesignDocument): AwsManagedPolicySource | undefined {
  const attaches = design.roles.some(
    (role) =>
      role.managedPolicyArns.some(isAwsManagedPolicyArn) ||
      (role.permissionsBoundaryArn !== undefined && isAwsManagedPolicyArn(role.permissionsBoundaryArn)),
  );
  return attaches ? loadAwsManagedPolicies() : undefined;
}
