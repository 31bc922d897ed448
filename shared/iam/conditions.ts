// Condition evaluation: blocks AND, keys AND, values OR; absent keys, IfExists, negated operators and the
// ForAnyValue / ForAllValues set operators as AWS documents them.
// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html
// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-single-vs-multi-valued-context-keys.html
import { arnMatches, parseRequestArn } from './arn';
import type { CompiledCondition, CompiledConditionValue } from './compile';
import type { BaseOperator } from './operators';
import type { ContextValue } from './types';
import { ipInRange, parseBool, parseDate, parseIpRange, parseNumber, type IpRange } from './values';
import { resolveTemplateGlob, resolveTemplateText, type VariableLookup } from './variables';
import { globMatches } from './wildcard';

/** Filled in when an explanation is wanted. */
export interface ConditionDetail {
  policyValues: string[];
  requestValues: string[] | undefined;
  reason: string;
  unresolved: string[];
}

const enum Test {
  Match,
  NoMatch,
  /** The value cannot be compared (unresolved variable, wrong type): never counts as a match either way. */
  Unusable,
}

export function evaluateCondition(
  condition: CompiledCondition,
  lookup: VariableLookup,
  detail?: ConditionDetail,
): boolean {
  const operator = condition.operator;
  const requestValue: ContextValue | undefined = condition.operator
    ? lookup.get(condition.lowerKey)
    : undefined;
  if (detail) {
    detail.requestValues =
      requestValue === undefined
        ? undefined
        : typeof requestValue === 'string'
          ? [requestValue]
          : [...requestValue];
    detail.policyValues = condition.values.map((value) => describePolicyValue(value, lookup));
  }
  if (!operator || condition.operatorError) {
    if (detail)
      detail.reason = `${condition.operatorError ?? 'unknown operator'}: the condition never matches`;
    return false;
  }
  const base = operator.base;
  const present = requestValue !== undefined;
  if (base.type === 'null') {
    // Null "true" asks for an absent key, "false" for a present one.
    const matched = condition.values.some((value) => value.bool !== undefined && value.bool === !present);
    if (detail)
      detail.reason = `key ${present ? 'present' : 'absent'}: Null ${matched ? 'matches' : 'does not match'}`;
    return matched;
  }
  if (!present) {
    let matched = false;
    let why: string;
    if (operator.ifExists) {
      matched = true;
      why = '…IfExists treats it as a match';
    } else if (operator.set === 'ForAllValues') {
      matched = true;
      why = 'ForAllValues matches when the key is absent';
    } else if (operator.set === 'ForAnyValue') {
      why = 'ForAnyValue needs at least one request value';
    } else if (base.negated) {
      matched = true;
      why = `the negated operator ${base.name} matches an absent key`;
    } else {
      why = 'the condition does not match';
    }
    if (detail) detail.reason = `key absent: ${why}`;
    return matched;
  }
  if (operator.set) {
    const values = typeof requestValue === 'string' ? [requestValue] : requestValue;
    const anyValue = operator.set === 'ForAnyValue';
    let matched = !anyValue;
    let deciding: string | undefined;
    for (const value of values) {
      const valueMatched = singleValueMatches(base, condition.values, value, lookup, detail?.unresolved);
      if (valueMatched === anyValue) {
        matched = anyValue;
        deciding = value;
        if (!detail) break;
      }
    }
    if (detail) {
      detail.reason = anyValue
        ? matched
          ? `request value "${deciding ?? ''}" matches`
          : values.length === 0
            ? 'the key has no values; ForAnyValue needs one'
            : 'no request value matches'
        : matched
          ? 'every request value matches'
          : `request value "${deciding ?? ''}" does not match, so ForAllValues fails`;
    }
    return matched;
  }
  if (typeof requestValue !== 'string') {
    // AWS: "Multivalued context keys require a condition set operator"; a single-valued operator
    // does not match a key with several values. **Assumption** for one-element lists: still multi-valued.
    if (detail) {
      detail.reason =
        requestValue.length === 1
          ? `the key was given as a list, so it is multi-valued (assumption, even with one value); ${operator.canonical} needs ForAnyValue: or ForAllValues:, so it does not match`
          : `the key is multi-valued (${requestValue.length} values); ${operator.canonical} needs ForAnyValue: or ForAllValues:, so it does not match`;
    }
    return false;
  }
  const matched = singleValueMatches(base, condition.values, requestValue, lookup, detail?.unresolved);
  if (detail) {
    detail.reason = base.negated
      ? matched
        ? `request value "${requestValue}" matches none of the policy values`
        : `request value "${requestValue}" matches a policy value (or a value is unusable), so ${base.name} fails`
      : matched
        ? `request value "${requestValue}" matches`
        : `request value "${requestValue}" matches no policy value`;
    if (detail.unresolved.length > 0) detail.reason += `; unresolved: ${detail.unresolved.join(', ')}`;
  }
  return matched;
}

/** Positive operators: any usable value matches. Negated: every value usable and none matches. */
function singleValueMatches(
  base: BaseOperator,
  values: readonly CompiledConditionValue[],
  requestValue: string,
  lookup: VariableLookup,
  unresolved: string[] | undefined,
): boolean {
  if (base.negated) {
    for (const value of values)
      if (testValue(base, value, requestValue, lookup, unresolved) !== Test.NoMatch) return false;
    return true;
  }
  for (const value of values)
    if (testValue(base, value, requestValue, lookup, unresolved) === Test.Match) return true;
  return false;
}

/**
 * Request values read as addresses and dates, by their text: a batch or a matrix compares the same
 * few (`aws:SourceIp`, `aws:CurrentTime`) with every condition of every request. Bounded; entries are
 * never modified.
 */
const requestAddresses = new Map<string, IpRange | undefined>();
const requestDates = new Map<string, number | undefined>();

function readRequestValue<T>(
  cache: Map<string, T | undefined>,
  text: string,
  read: (text: string) => T | undefined,
): T | undefined {
  if (cache.has(text)) return cache.get(text);
  const value = read(text);
  if (cache.size >= 1000) cache.clear();
  cache.set(text, value);
  return value;
}

function requestAddress(text: string): IpRange | undefined {
  return readRequestValue(requestAddresses, text, (value) => parseIpRange(value, false));
}

/** Compares one policy value with one request value, as the positive form of the operator. */
function testValue(
  base: BaseOperator,
  value: CompiledConditionValue,
  requestValue: string,
  lookup: VariableLookup,
  unresolved: string[] | undefined,
): Test {
  if (value.invalid !== undefined) return Test.Unusable;
  switch (base.type) {
    case 'string': {
      if (base.wildcards) {
        const glob = value.template
          ? resolveTemplateGlob(value.template, lookup, false, unresolved)
          : value.glob;
        if (!glob) return Test.Unusable;
        return globMatches(glob, requestValue) ? Test.Match : Test.NoMatch;
      }
      const text = value.template ? resolveTemplateText(value.template, lookup, unresolved) : value.text;
      if (text === undefined) return Test.Unusable;
      const equal = base.ignoreCase
        ? text.toLowerCase() === requestValue.toLowerCase()
        : text === requestValue;
      return equal ? Test.Match : Test.NoMatch;
    }
    case 'numeric':
    case 'date': {
      const policy = value.number;
      const request =
        base.type === 'numeric'
          ? parseNumber(requestValue)
          : readRequestValue(requestDates, requestValue, parseDate);
      if (policy === undefined || request === undefined) return Test.Unusable;
      return compare(base, request, policy) ? Test.Match : Test.NoMatch;
    }
    case 'bool': {
      const policy = value.template
        ? parseBool(resolveTemplateText(value.template, lookup, unresolved) ?? '')
        : value.bool;
      const request = parseBool(requestValue);
      if (policy === undefined || request === undefined) return Test.Unusable;
      return policy === request ? Test.Match : Test.NoMatch;
    }
    case 'binary': {
      const text = value.template ? resolveTemplateText(value.template, lookup, unresolved) : value.text;
      if (text === undefined) return Test.Unusable;
      return text === requestValue ? Test.Match : Test.NoMatch;
    }
    case 'ip': {
      const address = requestAddress(requestValue);
      if (!value.ip || !address) return Test.Unusable;
      return ipInRange(address, value.ip) ? Test.Match : Test.NoMatch;
    }
    case 'arn': {
      // **Assumption**: a request value that is not an ARN (`arn:` and six parts) cannot be compared, so
      // it satisfies no Arn operator, negated ones included, like unreadable numbers, dates and addresses.
      const request = parseRequestArn(requestValue, false);
      if (!value.arn || !request.segments) return Test.Unusable;
      const matched = arnMatches(value.arn, request, lookup, unresolved);
      return matched === undefined ? Test.Unusable : matched ? Test.Match : Test.NoMatch;
    }
    default:
      return Test.Unusable;
  }
}

function compare(base: BaseOperator, request: number, policy: number): boolean {
  switch (base.comparison) {
    case 'lessThan':
      return request < policy;
    case 'lessThanEquals':
      return request <= policy;
    case 'greaterThan':
      return request > policy;
    case 'greaterThanEquals':
      return request >= policy;
    default:
      return request === policy;
  }
}

function describePolicyValue(value: CompiledConditionValue, lookup: VariableLookup): string {
  if (!value.template) return value.text;
  let text = '';
  for (const part of value.template.parts) {
    if (part.kind === 'variable') {
      const resolved = resolveTemplateText({ text: part.raw, parts: [part], hasVariables: true }, lookup);
      text += resolved ?? part.raw;
    } else {
      text += part.text;
    }
  }
  return text;
}
