// The AWS managed policy data in the renderer: a separate chunk (the virtual module of
// scripts/aws-managed-policies.mjs, 3 MB) loaded on first use, never at start-up. Review,
// simulator and policy editor call `loadAwsManagedPolicies()` and pass the source to shared code.

import {
  createAwsManagedPolicySource,
  isAwsManagedPolicyData,
  type AwsManagedPolicySource,
} from '../../shared/iam/aws-managed-policies';

let pending: Promise<AwsManagedPolicySource> | undefined;
let loaded: AwsManagedPolicySource | undefined;

/** Loads the data once; later calls share the same promise. Rejects if the chunk cannot load. */
export function loadAwsManagedPolicies(): Promise<AwsManagedPolicySource> {
  pending ??= import('virtual:aws-managed-policies').then((module) => {
    const data: unknown = module.default;
    if (!isAwsManagedPolicyData(data))
      throw new Error('the AWS managed policy data is not in the expected format');
    loaded = createAwsManagedPolicySource(data);
    return loaded;
  });
  pending.catch(() => {
    pending = undefined;
  });
  return pending;
}

/** The data if it has been loaded already (for synchronous callers), else undefined. */
export function loadedAwsManagedPolicies(): AwsManagedPolicySource | undefined {
  return loaded;
}
