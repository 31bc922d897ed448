// Structural checks of a statement's Condition element.
// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition.html
import { pathWithIndex, pathWithKey } from './json-path';
import { parseOperator } from './operators';
import type { PolicyIssue } from './types';
import { parseBool, parseDate, parseIpRange, parseNumber } from './values';
import { isRecord, parseTemplate, variablesVersion } from './variables';
import { splitArnText } from './arn';

type Report = (issue: PolicyIssue) => void;

const conditionKeyPattern = /^[A-Za-z0-9][A-Za-z0-9._-]*:[^\s]+$/;

/** Global keys AWS documents as multivalued (plus Cognito's amr, design.md §5.2). */
const multivaluedKeys = new Set([
  'aws:calledvia',
  'aws:principalorgpaths',
  'aws:principalservicenameslist',
  'aws:resourceorgpaths',
  'aws:tagkeys',
  'cognito-identity.amazonaws.com:amr',
]);

/** Global keys AWS documents as single-valued (a set operator on them is a mistake). */
const singleValuedKeys = new Set([
  'aws:currenttime',
  'aws:epochtime',
  'aws:principalaccount',
  'aws:principalarn',
  'aws:principaltype',
  'aws:securetransport',
  'aws:sourceaccount',
  'aws:sourcearn',
  'aws:sourceip',
  'aws:sourcevpc',
  'aws:sourcevpce',
  'aws:userid',
  'aws:username',
  'cognito-identity.amazonaws.com:aud',
  'cognito-identity.amazonaws.com:sub',
]);

function isSingleValuedKey(lowerKey: string): boolean {
  return singleValuedKeys.has(lowerKey) || /^aws:(principaltag|requesttag|resourcetag)\//.test(lowerKey);
}

/**
 * Checks one statement's Condition. `effect` enables the set-operator advice of
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-single-vs-multi-valued-context-keys.html
 */
export function validateCondition(
  condition: unknown,
  path: string,
  version: string | undefined,
  report: Report,
  effect?: unknown,
): void {
  if (!isRecord(condition)) {
    report({
      severity: 'error',
      path,
      code: 'condition-not-object',
      message: 'Condition must be an object of operators, e.g. {"StringEquals": {"aws:username": "alice"}}',
    });
    return;
  }
  for (const [operatorText, block] of Object.entries(condition)) {
    const operatorPath = pathWithKey(path, operatorText);
    const parse = parseOperator(operatorText);
    if ('error' in parse) {
      report({ severity: 'error', path: operatorPath, code: parse.code, message: parse.error });
    } else if (parse.operator.canonical !== operatorText) {
      report({
        severity: 'warning',
        path: operatorPath,
        code: 'operator-spelling',
        message: `write the operator as "${parse.operator.canonical}"`,
      });
    }
    if (!isRecord(block)) {
      report({
        severity: 'error',
        path: operatorPath,
        code: 'condition-block-not-object',
        message: `"${operatorText}" must map condition keys to values`,
      });
      continue;
    }
    if (Object.keys(block).length === 0) {
      report({
        severity: 'error',
        path: operatorPath,
        code: 'empty-condition-block',
        message: `"${operatorText}" has no condition keys`,
      });
    }
    const operator = 'operator' in parse ? parse.operator : undefined;
    for (const [key, rawValues] of Object.entries(block)) {
      const keyPath = pathWithKey(operatorPath, key);
      if (!conditionKeyPattern.test(key)) {
        report({
          severity: 'error',
          path: keyPath,
          code: 'invalid-condition-key',
          message: `"${key}" is not a condition key (expected service:key, e.g. aws:SourceIp)`,
        });
      }
      if (operator && operator.base.type !== 'null')
        checkMultivaluedUse(key, operator.set, effect, condition, keyPath, report);
      const list = Array.isArray(rawValues) ? rawValues : [rawValues];
      if (list.length === 0) {
        report({
          severity: 'error',
          path: keyPath,
          code: 'empty-condition-values',
          message: `no values for "${key}": the condition can never match`,
        });
      }
      list.forEach((value, index) => {
        const valuePath = Array.isArray(rawValues) ? pathWithIndex(keyPath, index) : keyPath;
        if (typeof value !== 'string' && typeof value !== 'number' && typeof value !== 'boolean') {
          report({
            severity: 'error',
            path: valuePath,
            code: 'condition-value-type',
            message: 'condition values must be strings, numbers or booleans',
          });
          return;
        }
        if (!operator) return;
        checkValue(String(value), operator.base.type, operator.base.variables, valuePath, version, report);
      });
    }
  }
}

function checkMultivaluedUse(
  key: string,
  set: 'ForAnyValue' | 'ForAllValues' | undefined,
  effect: unknown,
  condition: Record<string, unknown>,
  path: string,
  report: Report,
): void {
  const lowerKey = key.toLowerCase();
  if (!set && multivaluedKeys.has(lowerKey)) {
    report({
      severity: 'warning',
      path,
      code: 'multivalued-key-without-set-operator',
      message: `${key} is multivalued: without ForAnyValue: or ForAllValues: this condition never matches a request carrying several values`,
    });
  }
  if (set && isSingleValuedKey(lowerKey)) {
    report({
      severity: 'warning',
      path,
      code: 'set-operator-on-single-valued-key',
      message: `${key} is single-valued: AWS advises against ${set}:, which can make a policy overly permissive`,
    });
  }
  if (set === 'ForAllValues' && effect === 'Allow' && !requiresPresence(condition, lowerKey)) {
    report({
      severity: 'warning',
      path,
      code: 'for-all-values-allows-absent-key',
      message: `ForAllValues is true when ${key} is absent, so this Allow also applies to requests without it; add "Null": {"${key}": "false"}`,
    });
  }
}

/** Whether the Condition also demands the key be present (`Null` false). */
function requiresPresence(condition: Record<string, unknown>, lowerKey: string): boolean {
  for (const [operatorText, block] of Object.entries(condition)) {
    if (operatorText.toLowerCase() !== 'null' || !isRecord(block)) continue;
    for (const [key, value] of Object.entries(block)) {
      const values = Array.isArray(value) ? value : [value];
      if (key.toLowerCase() === lowerKey && values.some((entry) => String(entry).toLowerCase() === 'false'))
        return true;
    }
  }
  return false;
}

function checkValue(
  text: string,
  type: string,
  variablesAllowed: boolean,
  path: string,
  version: string | undefined,
  report: Report,
): void {
  const hasVariable =
    version === variablesVersion &&
    parseTemplate(text, version).parts.some((part) => part.kind === 'variable');
  if (hasVariable && !variablesAllowed) {
    report({
      severity: 'warning',
      path,
      code: 'variable-not-substituted',
      message: `policy variables are not substituted in ${type} comparisons; "${text}" is compared literally`,
    });
  }
  if (hasVariable && variablesAllowed) return;
  const invalid = (expected: string): void =>
    report({
      severity: 'error',
      path,
      code: 'invalid-condition-value',
      message: `"${text}" is not ${expected}`,
    });
  switch (type) {
    case 'numeric':
      if (parseNumber(text) === undefined) invalid('a number');
      break;
    case 'date':
      if (parseDate(text) === undefined)
        invalid('a date (ISO 8601 such as 2024-05-01T12:00:00Z, or epoch seconds)');
      break;
    case 'bool':
    case 'null':
      if (parseBool(text) === undefined) invalid('true or false');
      break;
    case 'ip':
      if (parseIpRange(text, true) === undefined) invalid('an IPv4 or IPv6 address or CIDR block');
      break;
    case 'arn':
      if ((splitArnText(text, version === variablesVersion)?.length ?? 0) < 5)
        invalid('an ARN (arn:partition:service:region:account:resource)');
      break;
    default:
      break;
  }
}
