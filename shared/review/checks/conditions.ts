// Condition checks: set operators that quietly stop restricting.
// "The ForAllValues set operator also returns true if there are no context keys in the request",
// and AWS recommends a `Null` condition with `false` on the key to prevent that:
// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-single-vs-multi-valued-context-keys.html
// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition_examples-multi-valued-context-keys.html

import { designAndTrustPolicies } from '../design-policies';
import { makeFinding } from '../findings';
import { scanStatements, type ScannedCondition, type ScannedStatement } from '../policy-scan';
import type { DesignCheck, Finding } from '../types';

const SET_PREFIX = /^(ForAllValues|ForAnyValue):/i;

/**
 * Keys every request of a Cognito identity-pool session carries (design.md §5.3): the session's own
 * `cognito-identity.amazonaws.com:*` keys and the global keys the IAM User Guide lists as always in
 * the request context (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-keys.html).
 * ForAllValues on them cannot be skipped by leaving the key out.
 */
const ALWAYS_PRESENT = new Set(
  [
    'cognito-identity.amazonaws.com:aud',
    'cognito-identity.amazonaws.com:amr',
    'cognito-identity.amazonaws.com:sub',
    'aws:PrincipalArn',
    'aws:PrincipalAccount',
    'aws:PrincipalType',
    'aws:userid',
    'aws:CurrentTime',
    'aws:EpochTime',
    'aws:SecureTransport',
  ].map((key) => key.toLowerCase()),
);

function isForAllValues(condition: ScannedCondition): boolean {
  return /^ForAllValues:/i.test(condition.operator);
}

/**
 * Whether this condition fails when the key is missing, so that the statement requires the key:
 * `Null` with `false` only; `ForAnyValue:…` (needs a value); a single-valued, not negated operator
 * without `IfExists`. Negated operators, `…IfExists` and `ForAllValues:…` all match a missing key.
 */
function requiresKey(condition: ScannedCondition): boolean {
  const operator = condition.operator;
  if (operator === 'Null')
    return condition.values.length > 0 && condition.values.every((value) => value.toLowerCase() === 'false');
  if (/IfExists$/.test(operator) || isForAllValues(condition)) return false;
  if (/^ForAnyValue:/i.test(operator)) return true;
  return !/Not(Equals|EqualsIgnoreCase|Like|IpAddress)/.test(operator.replace(SET_PREFIX, ''));
}

function consequence(key: string): string {
  return key.toLowerCase() === 'dynamodb:leadingkeys'
    ? ' A Scan, or any request that names no partition key, has no dynamodb:LeadingKeys, so it reaches every item of the table.'
    : '';
}

function statementActions(statement: ScannedStatement): string {
  if (statement.notActions.length > 0)
    return `everything except ${statement.notActions.map((entry) => entry.value).join(', ')}`;
  return statement.actions.map((entry) => entry.value).join(', ') || 'its actions';
}

export const forAllValuesMissingKey: DesignCheck = {
  id: 'for-all-values-missing-key',
  code: 'COG-FORALLVALUES-MISSING-KEY',
  severity: 'medium',
  title: 'ForAllValues condition in an Allow statement does not require the key',
  description:
    'An Allow statement restricts a context key that may be absent from the request with ForAllValues:…, and nothing in the statement requires the key. ForAllValues is true when the key is missing, so the statement then allows the request without the restriction (IfExists does not change that).',
  help: 'Add "Null": {"<key>": "false"} to the same statement so the key must be present, as the IAM User Guide recommends for ForAllValues.',
  needsCatalog: false,
  run(context) {
    const findings: Finding[] = [];
    for (const policy of designAndTrustPolicies(context)) {
      for (const statement of scanStatements(policy.document)) {
        if (statement.effect !== 'Allow') continue;
        for (const condition of statement.conditions) {
          const key = condition.key.toLowerCase();
          if (!isForAllValues(condition) || ALWAYS_PRESENT.has(key)) continue;
          const onKey = statement.conditions.filter((other) => other.key.toLowerCase() === key);
          if (onKey.some(requiresKey)) continue;
          const ifExists = onKey
            .filter((other) => /IfExists$/.test(other.operator))
            .map((other) => other.operator);
          const ifExistsNote =
            ifExists.length > 0
              ? ` ${[...new Set(ifExists)].join(', ')} does not help: IfExists also matches a missing key.`
              : '';
          findings.push(
            makeFinding(this, {
              entity: policy.entity,
              location: policy.location(condition.path),
              rationale:
                `${policy.label} ${statement.path} allows ${statementActions(statement)} when every value of ${condition.key} matches (${condition.operator}). ` +
                `ForAllValues is also true when the request has no ${condition.key} at all, and nothing else in the statement requires the key, so the Allow then applies without the restriction.` +
                consequence(condition.key) +
                ifExistsNote,
              fix: `Add "Null": {"${condition.key}": "false"} to the Condition of ${statement.path} so requests without the key are not allowed by it.`,
            }),
          );
        }
      }
    }
    return findings;
  },
};

export const conditionChecks: DesignCheck[] = [forAllValuesMissingKey];
