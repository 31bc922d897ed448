// Limits of design.md §5.1, as the model's validation reports them (issue code `limit`).

import { validateDesign } from '../../model/validate';
import { designLocation, makeFinding } from '../findings';
import type { DesignCheck, Finding, FindingEntity } from '../types';
import type { ReviewContext } from '../context';

/** The entity a design path points into (`$.identityPools[0].roleMappings[1]` → that identity pool). */
function entityAt(context: ReviewContext, path: string): FindingEntity {
  const match = /^\$\.(identityPools|userPools|roles|providers|managedPolicies)\[(\d+)\]/.exec(path);
  const index = Number(match?.[2]);
  const design = context.design;
  if (match?.[1] === 'identityPools' && design.identityPools[index])
    return {
      kind: 'identityPool',
      id: design.identityPools[index].id,
      name: design.identityPools[index].name,
    };
  if (match?.[1] === 'userPools' && design.userPools[index])
    return { kind: 'userPool', id: design.userPools[index].id, name: design.userPools[index].name };
  if (match?.[1] === 'roles' && design.roles[index])
    return { kind: 'role', id: design.roles[index].id, name: design.roles[index].name };
  if (match?.[1] === 'providers' && design.providers[index])
    return { kind: 'provider', id: design.providers[index].id, name: design.providers[index].name };
  if (match?.[1] === 'managedPolicies' && design.managedPolicies[index])
    return {
      kind: 'managedPolicy',
      id: design.managedPolicies[index].id,
      name: design.managedPolicies[index].name,
    };
  return { kind: 'design', id: 'design', name: design.name };
}

/**
 * A title that says what is wrong: only a count or length above a maximum is "exceeded"; a missing
 * required part (a Rules mapping without rules) or a value below a minimum is not.
 * Rules: https://docs.aws.amazon.com/cognitoidentity/latest/APIReference/API_RulesConfigurationType.html (1–400 rules).
 */
export function limitTitle(path: string, message: string): string {
  const service = /^\$\.(roles|managedPolicies)\[/.test(path) ? 'IAM' : 'Amazon Cognito';
  if (/needs at least one rule/.test(message)) return 'Rules role mapping without rules';
  if (/\bat most\b|\blimited to\b|\bmore than\b|\bexceeds\b/.test(message))
    return `${service} limit exceeded`;
  if (/characters/.test(message)) return `Value outside the ${service} length limits`;
  return `Configuration ${service} does not accept`;
}

export const limitsExceeded: DesignCheck = {
  id: 'limit-exceeded',
  code: 'COG-LIMIT',
  severity: 'high',
  title: 'Outside an Amazon Cognito or IAM limit',
  description:
    'The design exceeds a documented Amazon Cognito identity-pool limit (role mappings, rules, social providers, principal tags, …); AWS rejects or may reject the configuration.',
  help: 'Stay within the documented quotas: https://docs.aws.amazon.com/cognito/latest/developerguide/limits.html',
  needsCatalog: false,
  run(context) {
    const findings: Finding[] = [];
    for (const issue of validateDesign(context.design)) {
      if (issue.code !== 'limit') continue;
      findings.push(
        makeFinding(this, {
          entity: entityAt(context, issue.path),
          location: designLocation(issue.path),
          severity: issue.severity === 'error' ? 'high' : 'low',
          title: limitTitle(issue.path, issue.message),
          rationale: `${issue.path}: ${issue.message}. ${issue.severity === 'error' ? 'AWS rejects this configuration.' : 'AWS may refuse it unless the quota was raised.'}`,
          fix: /needs at least one rule/.test(issue.message)
            ? 'Add at least one rule to the mapping, or change its type to Token (or remove it so the default authenticated role applies).'
            : 'Bring the value within the documented limit (or request a quota increase where AWS allows one).',
        }),
      );
    }
    return findings;
  },
};

export const limitChecks: DesignCheck[] = [limitsExceeded];
