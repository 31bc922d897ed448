// Whether `validatePolicy` would report at least one error, answered without building its issues.
// A batch validates every new document and almost all are valid: building the JSON path, message
// and warning objects of the full validator for them was a fifth of the work per line. This check
// mirrors each error rule of validate.ts, validate-elements.ts and validate-condition.ts (and
// nothing else: warnings never stop evaluation); the caller runs `validatePolicy` only when it
// answers true, to word the error. test/unit/iam/validate-errors.test.ts holds the two to the same
// answer on many valid and invalid documents: a rule changed there must be changed here too.
import { splitArnText } from './arn';
import { remembered } from './memo';
import { parseOperator } from './operators';
import type { PolicyKind } from './types';
import { STATEMENT_ELEMENTS } from './validate';
import { parseBool, parseDate, parseIpRange, parseNumber } from './values';
import { isRecord, parseTemplate, variablesVersion } from './variables';

const statementElements = new Set(STATEMENT_ELEMENTS);
const principalTypes = new Set(['AWS', 'Federated', 'Service', 'CanonicalUser']);
const actionPattern = /^(\*|[A-Za-z0-9-]+:[A-Za-z0-9*?]+)$/;
const conditionKeyPattern = /^[A-Za-z0-9][A-Za-z0-9._-]*:[^\s]+$/;

/** Keys of the objects read so far by the check under way (see `policyKeyCount`). */
let keysRead = 0;

/**
 * The keys in `document` (every key of every object in it, as `countParsedKeys` counts them) when
 * it has no error, else undefined. Counted by the walk of `policyHasErrors`, which reads the keys
 * of every object of a document without errors: any other object (in an Action list, as a
 * condition value, …) is itself an error. A batch compares this with the keys in the document's
 * text to find a duplicate key (JSON.parse keeps one of each) without walking the document again.
 */
export function policyKeyCount(document: unknown, kind: PolicyKind = 'identity'): number | undefined {
  keysRead = 0;
  return policyHasErrors(document, kind) ? undefined : keysRead;
}

/** `Object.keys(value)`, counted (see `policyKeyCount`). */
function readKeys(value: Record<string, unknown>): string[] {
  const keys = Object.keys(value);
  keysRead += keys.length;
  return keys;
}

/** True when `validatePolicy(document, { kind })` has an issue of severity "error". */
export function policyHasErrors(document: unknown, kind: PolicyKind = 'identity'): boolean {
  try {
    return documentHasErrors(document, kind);
  } catch {
    // The full validator turns a failure into an "unreadable" error; it decides and words it.
    return true;
  }
}

function documentHasErrors(document: unknown, kind: PolicyKind): boolean {
  if (!isRecord(document)) return true;
  for (const key of readKeys(document)) {
    if (key !== 'Version' && key !== 'Id' && key !== 'Statement') return true;
  }
  const version = document.Version;
  if (version !== undefined && version !== variablesVersion && version !== '2008-10-17') return true;
  if (document.Id !== undefined && typeof document.Id !== 'string') return true;
  const statement = document.Statement;
  // Only a valid Version reaches here: the string itself, or undefined.
  const versionText = version as string | undefined;
  if (Array.isArray(statement)) {
    let sids: Set<string> | undefined;
    for (const entry of statement) {
      if (statementHasErrors(entry, kind, versionText)) return true;
      const sid = (entry as Record<string, unknown>).Sid;
      if (typeof sid === 'string' && sid !== '') {
        sids ??= new Set();
        if (sids.has(sid)) return true;
        sids.add(sid);
      }
    }
    return false;
  }
  if (isRecord(statement)) return statementHasErrors(statement, kind, versionText);
  return true;
}

/**
 * The statement's own errors and those of the variables in its strings. In a statement without
 * errors every string sits where this check reads it, so checking the variables there covers
 * every string `validateVariables` walks.
 */
function statementHasErrors(statement: unknown, kind: PolicyKind, version: string | undefined): boolean {
  if (!isRecord(statement)) return true;
  for (const key of readKeys(statement)) if (!statementElements.has(key)) return true;
  const sid = statement.Sid;
  if (sid !== undefined && (typeof sid !== 'string' || malformedVariable(sid, version))) return true;
  if (statement.Effect !== 'Allow' && statement.Effect !== 'Deny') return true;
  if (pairHasErrors(statement.Action, statement.NotAction, true, version, isAction)) return true;
  if (kind === 'trust' && (statement.Resource !== undefined || statement.NotResource !== undefined))
    return true;
  if (pairHasErrors(statement.Resource, statement.NotResource, kind !== 'trust', version, isResource))
    return true;
  if (principalHasErrors(statement, kind, version)) return true;
  return statement.Condition !== undefined && conditionHasErrors(statement.Condition, version);
}

function isAction(value: string): boolean {
  return actionPattern.test(value);
}

function isResource(value: string): boolean {
  if (value === '*') return true;
  if (value !== 'arn' && !value.startsWith('arn:')) return false;
  if (value.includes('*')) return true;
  // Six colon-separated parts, counted without splitting.
  let colons = 0;
  for (let at = value.indexOf(':'); at >= 0 && colons < 5; at = value.indexOf(':', at + 1)) colons += 1;
  return colons >= 5;
}

function pairHasErrors(
  value: unknown,
  negated: unknown,
  required: boolean,
  version: string | undefined,
  isValid: (value: string) => boolean,
): boolean {
  if (value !== undefined && negated !== undefined) return true;
  const element = value !== undefined ? value : negated;
  if (element === undefined) return required;
  if (typeof element === 'string') return !isValid(element) || malformedVariable(element, version);
  if (!Array.isArray(element) || element.length === 0) return true;
  for (const entry of element) {
    if (typeof entry !== 'string' || !isValid(entry) || malformedVariable(entry, version)) return true;
  }
  return false;
}

function principalHasErrors(
  statement: Record<string, unknown>,
  kind: PolicyKind,
  version: string | undefined,
): boolean {
  const has = statement.Principal !== undefined;
  const hasNegated = statement.NotPrincipal !== undefined;
  if (kind !== 'resource' && kind !== 'trust') return has || hasNegated;
  if (has === hasNegated) return true;
  if (!has && (kind === 'trust' || statement.Effect === 'Allow')) return true;
  const value = has ? statement.Principal : statement.NotPrincipal;
  if (value === '*') return false;
  if (!isRecord(value)) return true;
  for (const type of readKeys(value)) {
    if (!principalTypes.has(type)) return true;
    const entries = value[type];
    const list = Array.isArray(entries) ? entries : [entries];
    for (const entry of list) {
      if (typeof entry !== 'string' || entry === '') return true;
      if (entry !== '*' && entry.includes('*')) return true;
      if (malformedVariable(entry, version)) return true;
    }
  }
  return false;
}

function conditionHasErrors(condition: unknown, version: string | undefined): boolean {
  if (!isRecord(condition)) return true;
  for (const operatorText of readKeys(condition)) {
    const parse = parseOperator(operatorText);
    if ('error' in parse) return true;
    const block = condition[operatorText];
    if (!isRecord(block)) return true;
    const keys = readKeys(block);
    if (keys.length === 0) return true;
    for (const key of keys) {
      if (!conditionKeyPattern.test(key)) return true;
      const rawValues = block[key];
      if (Array.isArray(rawValues)) {
        if (rawValues.length === 0) return true;
        for (const value of rawValues)
          if (conditionValueHasErrors(value, parse.operator.base, version)) return true;
      } else if (conditionValueHasErrors(rawValues, parse.operator.base, version)) return true;
    }
  }
  return false;
}

function conditionValueHasErrors(
  value: unknown,
  base: { type: string; variables: boolean },
  version: string | undefined,
): boolean {
  if (typeof value !== 'string') {
    if (typeof value !== 'number' && typeof value !== 'boolean') return true;
    return typeHasErrors(String(value), base.type, version);
  }
  if (malformedVariable(value, version)) return true;
  // A value with a variable is checked only once the variable is substituted (when allowed).
  const hasVariable = version === variablesVersion && value.includes('${') && hasVariablePart(value);
  if (hasVariable && base.variables) return false;
  return typeHasErrors(value, base.type, version);
}

/**
 * Whether dates and address ranges are valid, by their text (see memo.ts): the costliest values to
 * read, and the same ones recur across policies.
 */
const validDates = new Map<string, boolean>();
const validRanges = new Map<string, boolean>();

function typeHasErrors(text: string, type: string, version: string | undefined): boolean {
  switch (type) {
    case 'numeric':
      return parseNumber(text) === undefined;
    case 'date':
      return !remembered(validDates, text, isDate);
    case 'bool':
    case 'null':
      return parseBool(text) === undefined;
    case 'ip':
      return !remembered(validRanges, text, isIpRange);
    case 'arn':
      return (splitArnText(text, version === variablesVersion)?.length ?? 0) < 5;
    default:
      return false;
  }
}

const isDate = (text: string): boolean => parseDate(text) !== undefined;
const isIpRange = (text: string): boolean => parseIpRange(text, true) !== undefined;

function hasVariablePart(text: string): boolean {
  for (const part of parseTemplate(text, variablesVersion).parts) if (part.kind === 'variable') return true;
  return false;
}

/** A malformed `${…}` in a string of a 2012-10-17 policy (an error of validateVariables). */
function malformedVariable(text: string, version: string | undefined): boolean {
  if (version !== variablesVersion || !text.includes('${')) return false;
  for (const part of parseTemplate(text, variablesVersion).parts) {
    if (part.kind === 'variable' && part.malformed !== undefined) return true;
  }
  return false;
}
