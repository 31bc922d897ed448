// Rules role mapping (design.md §5.2 step 6): rules in order, the first match wins.
// https://docs.aws.amazon.com/cognito/latest/developerguide/role-based-access-control.html

import type { MappingRule } from '../model/types';
import { claimValues } from './token';
import type { Claims } from './types';

const VERBS: Record<MappingRule['matchType'], string> = {
  Equals: 'equal',
  NotEqual: 'differ from',
  StartsWith: 'start with',
  Contains: 'contain',
};

export interface RuleOutcome {
  rule: MappingRule;
  matched: boolean;
  /** Claim values compared (undefined: the claim is absent). */
  values: string[] | undefined;
  reason: string;
  /** The verdict relied on our undocumented reading of array or non-string claims. */
  assumption: boolean;
}

/**
 * Evaluates one rule. A missing claim never matches (AWS: "If the match type is NotEqual and the claim doesn't
 * exist, the rule is not evaluated"). Comparisons are case-sensitive.
 * **Assumption** (undocumented): an array claim matches `Equals`/`StartsWith`/`Contains` if any element does and
 * `NotEqual` if no element equals; numbers and booleans compare as their JSON text; object claims never match.
 */
export function evaluateRule(rule: MappingRule, claims: Claims): RuleOutcome {
  const values = claimValues(claims, rule.claim);
  const raw = claims[rule.claim];
  if (values === undefined) {
    const present =
      Object.prototype.hasOwnProperty.call(claims, rule.claim) && raw !== undefined && raw !== null;
    return {
      rule,
      matched: false,
      values: undefined,
      reason: present
        ? `claim ${rule.claim} is an object, which a rule cannot compare (assumption): no match`
        : `the token has no claim ${rule.claim}: the rule is skipped${rule.matchType === 'NotEqual' ? ' (a missing claim is not "not equal")' : ''}`,
      assumption: present,
    };
  }
  const isArray = Array.isArray(raw);
  const nonString = !isArray && typeof raw !== 'string';
  const assumption = isArray || nonString;
  const shown = isArray ? `[${values.join(', ')}]` : JSON.stringify(values[0]);
  let matched: boolean;
  switch (rule.matchType) {
    case 'Equals':
      matched = values.some((value) => value === rule.value);
      break;
    case 'NotEqual':
      matched = values.length > 0 && values.every((value) => value !== rule.value);
      break;
    case 'StartsWith':
      matched = values.some((value) => value.startsWith(rule.value));
      break;
    case 'Contains':
      matched = values.some((value) => value.includes(rule.value));
      break;
  }
  const verb = VERBS[rule.matchType];
  const question = isArray
    ? rule.matchType === 'NotEqual'
      ? `does no element of ${shown} equal "${rule.value}"?`
      : `does an element of ${shown} ${verb} "${rule.value}"?`
    : `does ${shown} ${verb} "${rule.value}"?`;
  return {
    rule,
    matched,
    values,
    reason: `${question} ${matched ? 'yes' : 'no'}${assumption ? ' (array or non-string claim: assumption)' : ''}`,
    assumption,
  };
}
