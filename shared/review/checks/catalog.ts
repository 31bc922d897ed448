// Catalog checks: actions, condition keys and resource ARNs checked against the IAM action catalog
// (only when the review is given one). The policy analysis itself is shared/iam's
// `validatePolicyAgainstCatalog`; this module turns its warnings into findings.

import { validatePolicyAgainstCatalog, type IamCatalog } from '../../iam/catalog';
import type { ReviewContext } from '../context';
import { designAndTrustPolicies, type ReviewedPolicy } from '../design-policies';
import { makeFinding } from '../findings';
import type { CatalogCheck, Finding } from '../types';

/** Runs the catalog validation once per review and shares it between the three checks. */
const cache = new WeakMap<
  ReviewContext,
  Promise<Array<{ policy: ReviewedPolicy; code: string; path: string; message: string }>>
>();

function catalogIssues(context: ReviewContext, catalog: IamCatalog) {
  let pending = cache.get(context);
  if (!pending) {
    pending = (async () => {
      const all: Array<{ policy: ReviewedPolicy; code: string; path: string; message: string }> = [];
      for (const policy of designAndTrustPolicies(context)) {
        for (const issue of await validatePolicyAgainstCatalog(policy.document, catalog))
          all.push({ policy, code: issue.code, path: issue.path, message: issue.message });
      }
      return all;
    })();
    cache.set(context, pending);
  }
  return pending;
}

function catalogCheck(
  definition: Omit<CatalogCheck, 'run' | 'needsCatalog'>,
  codes: string[],
  rationaleTail: string,
): CatalogCheck {
  const check: CatalogCheck = {
    ...definition,
    needsCatalog: true,
    async run(context, catalog) {
      const findings: Finding[] = [];
      for (const issue of await catalogIssues(context, catalog)) {
        if (!codes.includes(issue.code)) continue;
        findings.push(
          makeFinding(check, {
            entity: issue.policy.entity,
            location: issue.policy.location(issue.path),
            rationale: `${issue.policy.label}: ${issue.message} ${rationaleTail}`,
            fix: definition.help,
          }),
        );
      }
      return findings;
    },
  };
  return check;
}

export const catalogUnknownAction = catalogCheck(
  {
    id: 'catalog-unknown-action',
    code: 'COG-CATALOG-UNKNOWN-ACTION',
    severity: 'low',
    title: 'Unknown action',
    description:
      'An Action entry names a service or action the IAM catalog does not know, or a wildcard that matches no action.',
    help: 'Correct the spelling (service prefix and action name as in the Service Authorization Reference).',
  },
  ['unknown-service', 'unknown-action', 'action-matches-nothing'],
  'A misspelled action grants (or denies) nothing, which usually hides a permission the app expects.',
);

export const catalogConditionKey = catalogCheck(
  {
    id: 'catalog-condition-key',
    code: 'COG-CATALOG-CONDITION-KEY',
    severity: 'medium',
    title: 'Condition key not valid for the action',
    description: "A condition uses a key that the statement's actions never carry in their requests.",
    help: 'Use a condition key the actions support (see the Service Authorization Reference), or split the statement.',
  },
  ['condition-key-not-supported'],
  'The condition then never holds (or, with IfExists and negated operators, always holds), so an Allow never applies and a Deny may not protect what it reads.',
);

export const catalogResourceMismatch = catalogCheck(
  {
    id: 'catalog-resource-mismatch',
    code: 'COG-CATALOG-RESOURCE',
    severity: 'low',
    title: 'Resource ARN matches no resource type of the action',
    description: "A Resource entry cannot name any resource type the statement's actions accept.",
    help: 'Use the ARN format of the action\'s resource types (or "*" for actions without resource-level permissions).',
  },
  ['resource-type-mismatch'],
  'The statement never applies to that resource.',
);

export const catalogChecks: CatalogCheck[] = [
  catalogUnknownAction,
  catalogConditionKey,
  catalogResourceMismatch,
];
