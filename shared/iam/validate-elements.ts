// Validation of the Principal / NotPrincipal elements and of policy variables (see validate.ts).
// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_principal.html
// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_variables.html
import { pathWithIndex, pathWithKey } from './json-path';
import type { PolicyIssue, PolicyKind } from './types';
import { findPolicyVariables, isRecord, parseTemplate, variablesVersion, walkStrings } from './variables';

type Report = (issue: PolicyIssue) => void;

const principalTypes = new Set(['AWS', 'Federated', 'Service', 'CanonicalUser']);

export function validatePrincipal(
  statement: Record<string, unknown>,
  path: string,
  kind: PolicyKind,
  report: Report,
): void {
  const has = statement.Principal !== undefined;
  const hasNegated = statement.NotPrincipal !== undefined;
  const needsPrincipal = kind === 'resource' || kind === 'trust';
  if (!needsPrincipal) {
    if (has || hasNegated) {
      report({
        severity: 'error',
        path: pathWithKey(path, has ? 'Principal' : 'NotPrincipal'),
        code: 'principal-not-allowed',
        message: `a ${kind} policy cannot name a Principal: it applies to whoever it is attached to`,
      });
    }
    return;
  }
  if (has && hasNegated)
    report({
      severity: 'error',
      path,
      code: 'principal-and-notprincipal',
      message: 'use either Principal or NotPrincipal, not both',
    });
  if (!has && !hasNegated) {
    report({
      severity: 'error',
      path,
      code: 'missing-principal',
      message: `a ${kind === 'trust' ? 'trust' : 'resource-based'} policy statement needs a Principal`,
    });
    return;
  }
  const element = has ? 'Principal' : 'NotPrincipal';
  if (!has && (kind === 'trust' || statement.Effect === 'Allow')) {
    // https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_notprincipal.html
    report({
      severity: 'error',
      path: pathWithKey(path, 'NotPrincipal'),
      code: 'notprincipal-not-supported',
      message:
        kind === 'trust'
          ? 'NotPrincipal cannot be used in a role trust policy'
          : 'NotPrincipal is supported only with "Effect": "Deny"',
    });
  }
  const value = statement[element];
  const elementPath = pathWithKey(path, element);
  if (value === '*') return;
  if (!isRecord(value)) {
    report({
      severity: 'error',
      path: elementPath,
      code: 'invalid-principal',
      message: `${element} must be "*" or an object such as {"AWS": "arn:aws:iam::123456789012:root"}`,
    });
    return;
  }
  for (const [type, entries] of Object.entries(value)) {
    const typePath = pathWithKey(elementPath, type);
    if (!principalTypes.has(type)) {
      report({
        severity: 'error',
        path: typePath,
        code: 'invalid-principal-type',
        message: `"${type}" is not a principal type (AWS, Federated, Service, CanonicalUser)`,
      });
      continue;
    }
    const list = Array.isArray(entries) ? entries : [entries];
    list.forEach((entry, index) => {
      const entryPath = Array.isArray(entries) ? pathWithIndex(typePath, index) : typePath;
      if (typeof entry !== 'string' || entry === '') {
        report({
          severity: 'error',
          path: entryPath,
          code: 'invalid-principal',
          message: 'principal entries must be non-empty strings',
        });
      } else if (entry !== '*' && entry.includes('*')) {
        report({
          severity: 'error',
          path: entryPath,
          code: 'principal-partial-wildcard',
          message: `"${entry}": a wildcard cannot match part of a principal; use "*" alone or a Condition`,
        });
      }
    });
  }
}

export function validateVariables(
  document: Record<string, unknown>,
  version: string | undefined,
  report: Report,
): void {
  for (const { variable, path } of findPolicyVariables(document)) {
    const where = /\.(NotAction|Action|Principal|NotPrincipal|Effect|Sid)\b/.exec(path)?.[1];
    if (version !== variablesVersion) {
      report({
        severity: 'warning',
        path,
        code: 'variable-without-version',
        message: `\${${variable}} is literal text unless the policy has "Version": "2012-10-17"`,
      });
    } else if (where) {
      report({
        severity: 'warning',
        path,
        code: 'variable-not-substituted',
        message: `policy variables are not substituted in ${where}; \${${variable}} is literal text there`,
      });
    }
  }
  const walk = walkStrings('$.Statement', (value, path) => {
    for (const part of parseTemplate(value, variablesVersion).parts) {
      if (part.kind === 'variable' && part.malformed) {
        report({
          severity: 'error',
          path: path(),
          code: 'malformed-variable',
          message: `${part.raw}: ${part.malformed}`,
        });
      }
    }
  });
  if (version === variablesVersion) walk(document.Statement);
}
