// The policy part of `cognito-studio validate`: every policy document of a design, validated by
// shared/iam (structure) and by the action catalog (unknown actions, condition keys, resources).
// The CLI and the policy editor both call these functions, so the editor's markers are exactly the
// problems the CLI reports for that policy.

import { parsePolicy, validatePolicy, type PolicyIssue, type PolicyKind } from '../iam';
import { validatePolicyAgainstCatalog, type IamCatalog } from '../iam/catalog';
import type { DesignDocument } from '../model/types';

export interface DesignPolicyProblem {
  severity: 'error' | 'warning';
  /** JSON path inside the design file. */
  path: string;
  message: string;
  code: string;
}

export interface LocatedPolicy {
  /** JSON path of the policy document inside the design. */
  path: string;
  kind: PolicyKind;
  document: unknown;
}

/** The stored policy documents of a design (hand-written trust policies, inline and managed policies). */
export function designPolicyDocuments(design: DesignDocument): LocatedPolicy[] {
  const policies: LocatedPolicy[] = [];
  design.roles.forEach((role, roleIndex) => {
    if (role.trustPolicy.mode === 'custom') {
      policies.push({
        path: `$.roles[${roleIndex}].trustPolicy.document`,
        kind: 'trust',
        document: role.trustPolicy.document,
      });
    }
    role.inlinePolicies.forEach((policy, policyIndex) => {
      policies.push({
        path: `$.roles[${roleIndex}].inlinePolicies[${policyIndex}].document`,
        kind: 'identity',
        document: policy.document,
      });
    });
  });
  design.managedPolicies.forEach((policy, index) => {
    policies.push({
      path: `$.managedPolicies[${index}].document`,
      kind: 'identity',
      document: policy.document,
    });
  });
  return policies;
}

/**
 * The problems of one policy: shared/iam's validation, then (except for trust policies, whose only
 * action is the STS federation call) the catalog's warnings. `input` is the document or its text;
 * text issues carry lines and columns and include JSON syntax errors and duplicate keys.
 */
export async function policyProblems(
  input: string | unknown,
  kind: PolicyKind,
  catalog: IamCatalog,
): Promise<PolicyIssue[]> {
  const parsed = typeof input === 'string' ? parsePolicy(input, { kind }) : undefined;
  const issues = parsed ? parsed.issues : validatePolicy(input, { kind });
  const document = parsed ? parsed.document : input;
  if (kind !== 'trust' && document !== undefined)
    issues.push(...(await validatePolicyAgainstCatalog(document, catalog)));
  return issues;
}

/** Every policy problem of a design, with paths inside the design file. */
export async function designPolicyProblems(
  design: DesignDocument,
  catalog: IamCatalog,
): Promise<DesignPolicyProblem[]> {
  const problems: DesignPolicyProblem[] = [];
  for (const policy of designPolicyDocuments(design)) {
    for (const issue of await policyProblems(policy.document, policy.kind, catalog)) {
      problems.push({
        severity: issue.severity,
        path: `${policy.path}${issue.path.replace(/^\$/, '')}`,
        message: issue.message,
        code: issue.code,
      });
    }
  }
  return problems;
}
