// Combining the verdicts of each policy type into one decision.
// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic_policy-eval-denyallow.html
// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic_policy-eval-basics.html
// https://docs.aws.amazon.com/IAM/latest/UserGuide/access_policies_boundaries.html (resource-based policies)
// https://docs.aws.amazon.com/IAM/latest/UserGuide/access_policies.html#policies_session
import type { PrincipalMatch } from './principal';
import type { Decision } from './types';

export interface Verdicts {
  /** Some applicable Deny in any policy. */
  explicitDeny: boolean;
  identityAllows: boolean;
  /** undefined = no session policies. */
  sessionAllows: boolean | undefined;
  /** undefined = no permissions boundary. */
  boundaryAllows: boolean | undefined;
  /** Strongest principal level among applicable resource-policy Allow statements ('none' if none). */
  resourceAllow: PrincipalMatch;
  sameAccount: boolean;
  trustPolicyMode: boolean;
  /** A resource policy that must itself allow, even in the same account (see `resourceGateOf`). */
  resourceGate?: ResourceGate;
}

export type ResourceGate = 'trust' | 'keyPolicy';

/**
 * Role trust policies and KMS key policies "are exceptions to this logic, because they must
 * explicitly allow access for principals": in the same account an identity-policy allow alone is
 * not enough; the resource policy must allow the principal, or name the account to delegate to the
 * identity-based policies.
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic_policy-eval-basics.html
 * https://docs.aws.amazon.com/kms/latest/developerguide/key-policies.html ("Unless the key policy
 * explicitly allows it, you cannot use IAM policies to allow access to a KMS key.")
 * KMS operations on no particular key (CreateKey, ListKeys, …) are governed by IAM alone.
 */
export function resourceGateOf(action: string, resource: string): ResourceGate | undefined {
  const lower = action.toLowerCase();
  if (lower.startsWith('sts:assumerole') && /^arn:[^:]+:iam::[^:]*:role\//.test(resource)) return 'trust';
  if (lower.startsWith('kms:') && /^arn:[^:]+:kms:[^:]*:[^:]*:key\//.test(resource)) return 'keyPolicy';
  return undefined;
}

/**
 * "No permissions are required to perform this operation. If an administrator attaches a policy to
 * your identity that explicitly denies access to the sts:GetCallerIdentity action, you can still
 * perform this operation." https://docs.aws.amazon.com/STS/latest/APIReference/API_GetCallerIdentity.html
 */
export function isAlwaysAllowed(action: string): boolean {
  return action.toLowerCase() === 'sts:getcalleridentity';
}

export type Route =
  | 'explicitDeny'
  | 'identity'
  | 'resourceSession'
  | 'resourceRole'
  | 'crossAccount'
  | 'trust'
  | 'trustAccount'
  | 'resourceGate'
  | 'alwaysAllowed'
  | 'none';

/**
 * - Any applicable explicit Deny wins.
 * - Trust policies (role assumption): the trust policy decides; a trust policy naming the caller's account
 *   delegates to the caller's identity-based policies (which must allow, within boundary and session).
 * - Same account: an Allow from identity-based policies (limited by the permissions boundary and session
 *   policies), or from the resource-based policy. A resource policy that names the role session (or the
 *   user) itself is not limited by the boundary or session policies; one naming the role ARN is, because
 *   its permissions join the role's before the session is created. Naming the account delegates to the
 *   identity-based policies.
 * - Role trust policies (sts:AssumeRole*) and KMS key policies in the same account: the resource policy
 *   must allow, directly or by naming the account (then the identity side must allow too).
 * - Cross-account: both the identity side and the resource policy must allow.
 */
export function combine(verdicts: Verdicts): { decision: Decision; route: Route } {
  if (verdicts.explicitDeny) return { decision: 'ExplicitlyDenied', route: 'explicitDeny' };
  const limitsAllow = verdicts.boundaryAllows !== false && verdicts.sessionAllows !== false;
  const identityPath = verdicts.identityAllows && limitsAllow;
  if (verdicts.trustPolicyMode) {
    if (verdicts.resourceAllow === 'direct' || verdicts.resourceAllow === 'role')
      return { decision: 'Allowed', route: 'trust' };
    if (verdicts.resourceAllow === 'account' && identityPath)
      return { decision: 'Allowed', route: 'trustAccount' };
    return { decision: 'ImplicitlyDenied', route: 'none' };
  }
  if (verdicts.resourceGate && verdicts.sameAccount) {
    if (verdicts.resourceAllow === 'direct') return { decision: 'Allowed', route: 'resourceSession' };
    if (verdicts.resourceAllow === 'role' && limitsAllow)
      return { decision: 'Allowed', route: 'resourceRole' };
    if (verdicts.resourceAllow === 'account' && identityPath)
      return { decision: 'Allowed', route: 'identity' };
    return { decision: 'ImplicitlyDenied', route: 'resourceGate' };
  }
  if (!verdicts.sameAccount) {
    return identityPath && verdicts.resourceAllow !== 'none'
      ? { decision: 'Allowed', route: 'crossAccount' }
      : { decision: 'ImplicitlyDenied', route: 'none' };
  }
  if (identityPath) return { decision: 'Allowed', route: 'identity' };
  if (verdicts.resourceAllow === 'direct') return { decision: 'Allowed', route: 'resourceSession' };
  if (verdicts.resourceAllow === 'role' && limitsAllow) return { decision: 'Allowed', route: 'resourceRole' };
  return { decision: 'ImplicitlyDenied', route: 'none' };
}

export function strongerLevel(current: PrincipalMatch, next: PrincipalMatch): PrincipalMatch {
  const rank = { none: 0, account: 1, role: 2, direct: 3 } as const;
  return rank[next] > rank[current] ? next : current;
}
