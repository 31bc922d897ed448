// Structural validation of a policy document: every element, with a JSON path and a stable code per issue.
// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_grammar.html
// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements.html
import { pathWithIndex, pathWithKey } from './json-path';
import type { PolicyIssue, PolicyKind } from './types';
import { validateCondition } from './validate-condition';
import { validatePrincipal, validateVariables } from './validate-elements';
import { isRecord, variablesVersion } from './variables';

type Report = (issue: PolicyIssue) => void;

/** The elements of a statement, in the order of the IAM policy grammar. */
export const STATEMENT_ELEMENTS: readonly string[] = [
  'Sid',
  'Effect',
  'Principal',
  'NotPrincipal',
  'Action',
  'NotAction',
  'Resource',
  'NotResource',
  'Condition',
];
const statementElements = new Set(STATEMENT_ELEMENTS);
const actionPattern = /^(\*|[A-Za-z0-9-]+:[A-Za-z0-9*?]+)$/;

export function validatePolicy(document: unknown, options?: { kind?: PolicyKind }): PolicyIssue[] {
  const issues: PolicyIssue[] = [];
  const report: Report = (issue) => issues.push(issue);
  const kind: PolicyKind = options?.kind ?? 'identity';
  try {
    validateDocument(document, kind, report);
  } catch (error) {
    report({
      severity: 'error',
      path: '$',
      code: 'unreadable',
      message: `the policy could not be read: ${error instanceof Error ? error.message : String(error)}`,
    });
  }
  return issues;
}

function validateDocument(document: unknown, kind: PolicyKind, report: Report): void {
  if (!isRecord(document)) {
    report({
      severity: 'error',
      path: '$',
      code: 'not-an-object',
      message: 'a policy must be a JSON object with "Version" and "Statement"',
    });
    return;
  }
  for (const key of Object.keys(document)) {
    if (key !== 'Version' && key !== 'Id' && key !== 'Statement') {
      report({
        severity: 'error',
        path: pathWithKey('$', key),
        code: 'unknown-element',
        message: `"${key}" is not a policy element (Version, Id, Statement)`,
      });
    }
  }
  const version = document.Version;
  if (version === undefined) {
    report({
      severity: 'warning',
      path: '$',
      code: 'missing-version',
      message:
        'no "Version": AWS assumes 2008-10-17, where policy variables are literal text; add "Version": "2012-10-17"',
    });
  } else if (version !== variablesVersion && version !== '2008-10-17') {
    report({
      severity: 'error',
      path: '$.Version',
      code: 'invalid-version',
      message: `Version must be "2012-10-17" (or the old "2008-10-17"), not ${JSON.stringify(version)}`,
    });
  } else if (version === '2008-10-17') {
    report({
      severity: 'warning',
      path: '$.Version',
      code: 'old-version',
      message: 'Version 2008-10-17 treats policy variables as literal text; use "2012-10-17"',
    });
  }
  if (document.Id !== undefined && typeof document.Id !== 'string') {
    report({ severity: 'error', path: '$.Id', code: 'invalid-id', message: 'Id must be a string' });
  }
  const statement = document.Statement;
  const versionText = typeof version === 'string' ? version : undefined;
  if (statement === undefined) {
    report({
      severity: 'error',
      path: '$',
      code: 'missing-statement',
      message: 'the policy has no "Statement"',
    });
  } else if (Array.isArray(statement)) {
    if (statement.length === 0)
      report({
        severity: 'warning',
        path: '$.Statement',
        code: 'empty-statement',
        message: 'the Statement list is empty: the policy grants nothing',
      });
    const sids = new Map<string, number>();
    statement.forEach((entry, index) => {
      const path = pathWithIndex('$.Statement', index);
      validateStatement(entry, path, kind, versionText, report);
      if (isRecord(entry) && typeof entry.Sid === 'string' && entry.Sid !== '') {
        const previous = sids.get(entry.Sid);
        if (previous !== undefined) {
          report({
            severity: 'error',
            path: pathWithKey(path, 'Sid'),
            code: 'duplicate-sid',
            message: `Sid "${entry.Sid}" is already used by statement ${previous}; Sids must be unique`,
          });
        } else {
          sids.set(entry.Sid, index);
        }
      }
    });
  } else if (isRecord(statement)) {
    validateStatement(statement, '$.Statement', kind, versionText, report);
  } else {
    report({
      severity: 'error',
      path: '$.Statement',
      code: 'invalid-statement',
      message: 'Statement must be an object or an array of objects',
    });
  }
  validateVariables(document, versionText, report);
}

function validateStatement(
  statement: unknown,
  path: string,
  kind: PolicyKind,
  version: string | undefined,
  report: Report,
): void {
  if (!isRecord(statement)) {
    report({
      severity: 'error',
      path,
      code: 'statement-not-object',
      message: 'each statement must be a JSON object',
    });
    return;
  }
  for (const key of Object.keys(statement)) {
    if (!statementElements.has(key)) {
      report({
        severity: 'error',
        path: pathWithKey(path, key),
        code: 'unknown-element',
        message: `"${key}" is not a statement element (Sid, Effect, Principal, NotPrincipal, Action, NotAction, Resource, NotResource, Condition)`,
      });
    }
  }
  if (statement.Sid !== undefined) {
    if (typeof statement.Sid !== 'string') {
      report({
        severity: 'error',
        path: pathWithKey(path, 'Sid'),
        code: 'invalid-sid',
        message: 'Sid must be a string',
      });
    } else if (
      (kind === 'identity' || kind === 'session' || kind === 'permissionsBoundary') &&
      !/^[A-Za-z0-9]*$/.test(statement.Sid)
    ) {
      report({
        severity: 'warning',
        path: pathWithKey(path, 'Sid'),
        code: 'sid-characters',
        message: 'IAM identity-based policies accept only letters and digits in Sid',
      });
    }
  }
  if (statement.Effect === undefined) {
    report({
      severity: 'error',
      path,
      code: 'missing-effect',
      message: 'the statement has no "Effect" ("Allow" or "Deny")',
    });
  } else if (statement.Effect !== 'Allow' && statement.Effect !== 'Deny') {
    report({
      severity: 'error',
      path: pathWithKey(path, 'Effect'),
      code: 'invalid-effect',
      message: `Effect must be "Allow" or "Deny", not ${JSON.stringify(statement.Effect)}`,
    });
  }
  validatePair(statement, path, 'Action', 'NotAction', true, report, (value, valuePath) => {
    if (!actionPattern.test(value)) {
      report({
        severity: 'error',
        path: valuePath,
        code: 'invalid-action',
        message: `"${value}" is not an action (service:Action, wildcards * and ? allowed, or "*")`,
      });
    }
  });
  if (kind === 'trust' && (statement.Resource !== undefined || statement.NotResource !== undefined)) {
    // IAM refuses trust policies with a Resource: the role they are attached to is the resource.
    report({
      severity: 'error',
      path: pathWithKey(path, statement.Resource !== undefined ? 'Resource' : 'NotResource'),
      code: 'resource-in-trust-policy',
      message: 'a role trust policy cannot have Resource or NotResource: the role itself is the resource',
    });
  }
  validatePair(statement, path, 'Resource', 'NotResource', kind !== 'trust', report, (value, valuePath) => {
    if (value === '*') return;
    const segments = value.split(':');
    if (segments[0] !== 'arn') {
      report({
        severity: 'error',
        path: valuePath,
        code: 'invalid-resource',
        message: `"${value}" is not an ARN or "*"`,
      });
    } else if (segments.length < 6 && !value.includes('*')) {
      report({
        severity: 'error',
        path: valuePath,
        code: 'invalid-resource',
        message: `"${value}" has fewer than six ARN parts (arn:partition:service:region:account:resource)`,
      });
    }
  });
  validatePrincipal(statement, path, kind, report);
  if (statement.Condition !== undefined)
    validateCondition(statement.Condition, pathWithKey(path, 'Condition'), version, report, statement.Effect);
}

function validatePair(
  statement: Record<string, unknown>,
  path: string,
  name: string,
  negatedName: string,
  required: boolean,
  report: Report,
  checkValue: (value: string, valuePath: string) => void,
): void {
  const has = statement[name] !== undefined;
  const hasNegated = statement[negatedName] !== undefined;
  if (has && hasNegated) {
    report({
      severity: 'error',
      path,
      code: `${name.toLowerCase()}-and-${negatedName.toLowerCase()}`,
      message: `use either ${name} or ${negatedName}, not both`,
    });
  }
  if (!has && !hasNegated) {
    if (required)
      report({
        severity: 'error',
        path,
        code: `missing-${name.toLowerCase()}`,
        message: `the statement needs ${name} or ${negatedName}`,
      });
    return;
  }
  const element = has ? name : negatedName;
  const value = statement[element];
  const elementPath = pathWithKey(path, element);
  if (typeof value === 'string') {
    checkValue(value, elementPath);
  } else if (Array.isArray(value)) {
    if (value.length === 0)
      report({
        severity: 'error',
        path: elementPath,
        code: `empty-${element.toLowerCase()}`,
        message: `${element} is an empty list`,
      });
    value.forEach((entry, index) => {
      const entryPath = pathWithIndex(elementPath, index);
      if (typeof entry === 'string') checkValue(entry, entryPath);
      else
        report({
          severity: 'error',
          path: entryPath,
          code: `invalid-${element.toLowerCase()}`,
          message: `${element} entries must be strings`,
        });
    });
  } else {
    report({
      severity: 'error',
      path: elementPath,
      code: `invalid-${element.toLowerCase()}`,
      message: `${element} must be a string or an array of strings`,
    });
  }
}
