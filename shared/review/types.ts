// Public types of the security review (design.md §7).

import type { IamCatalog } from '../iam/catalog';
import type { DesignDocument } from '../model/types';
import type { ReviewContext } from './context';
import type { AwsManagedPolicySource } from '../iam/aws-managed-policies';

export type Severity = 'critical' | 'high' | 'medium' | 'low' | 'info';

/** Most severe first; the index is the rank used by `severityAtLeast` and sorting. */
export const SEVERITIES: readonly Severity[] = ['critical', 'high', 'medium', 'low', 'info'];

export type FindingEntityKind =
  'role' | 'identityPool' | 'userPool' | 'provider' | 'managedPolicy' | 'design';

export interface FindingEntity {
  kind: FindingEntityKind;
  /** Design id of the entity (stable); `design` for design-wide findings. */
  id: string;
  /** Display name. */
  name: string;
}

export interface FindingLocation {
  /**
   * Which policy: `trust`, `inline '<name>'`, `managed '<name>'`, `boundary '<name>'`.
   * Absent when the finding is about a non-policy setting.
   */
  policy?: string;
  /** JSON path inside the policy (`$.Statement[0].Condition`) or, without `policy`, inside the design file. */
  jsonPath?: string;
  /**
   * JSON path of the same spot inside the design file (`$.roles[2].inlinePolicies[0].document.Statement[0]`).
   * Absent for generated trust policies, which are not stored in the file.
   */
  designPath?: string;
  /** 1-based line of `designPath` in the design file as written by `serializeDesign`. */
  line?: number;
}

export interface Finding {
  /** Stable per check + entity + location, e.g. `COG-TRUST-NO-AUD:role/role-guest@trust$.Statement[0]`. */
  id: string;
  /** Id of the check that produced it, e.g. `trust-missing-aud`. */
  checkId: string;
  severity: Severity;
  title: string;
  entity: FindingEntity;
  location?: FindingLocation;
  /** Why it matters, with the concrete values involved. */
  rationale: string;
  /** How to fix it. */
  fix: string;
}

interface CheckDescription {
  /** e.g. `trust-missing-aud`. */
  id: string;
  /** Prefix of finding ids, e.g. `COG-TRUST-NO-AUD`. */
  code: string;
  /** Default (highest) severity; single findings may be lower when the check says so. */
  severity: Severity;
  title: string;
  /** What the check looks for (SARIF fullDescription). */
  description: string;
  /** General remediation (SARIF help). */
  help: string;
}

/** A check that needs only the design. */
export interface DesignCheck extends CheckDescription {
  needsCatalog: false;
  run(context: ReviewContext): Finding[];
}

/** A check that needs the IAM action catalog (only run when one is given). */
export interface CatalogCheck extends CheckDescription {
  needsCatalog: true;
  run(context: ReviewContext, catalog: IamCatalog): Promise<Finding[]>;
}

export type ReviewCheck = DesignCheck | CatalogCheck;

export interface ReviewOptions {
  catalog?: IamCatalog;
  /** AWS managed policy documents (shared/iam/aws-managed-policies.ts); attached ones are then reviewed too. */
  awsManagedPolicies?: AwsManagedPolicySource;
}

export type { DesignDocument };
