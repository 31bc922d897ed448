// Policy variables: `${aws:username}`, `${aws:PrincipalTag/team}`, defaults `${key, 'fallback'}` and the
// escapes `${*}`, `${?}`, `${$}`. They are substituted only in policies with "Version": "2012-10-17";
// in any other version they are literal text.
// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_variables.html
// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_version.html
import { pathWithIndex, pathWithKey } from './json-path';
import { remembered } from './memo';
import type { ContextValue } from './types';
import { anyCharacter, anyRun, globFromParts, literalCharacter, type GlobPattern } from './wildcard';

export const variablesVersion = '2012-10-17';

export type TemplatePart =
  | { kind: 'text'; text: string }
  | { kind: 'escape'; text: '*' | '?' | '$' }
  | { kind: 'variable'; raw: string; name: string; key: string; defaultValue?: string; malformed?: string };

/** A string from a policy, split into literal text, escapes and variables. */
export interface Template {
  readonly text: string;
  readonly parts: readonly TemplatePart[];
  readonly hasVariables: boolean;
}

const variableNamePattern = /^[A-Za-z0-9][A-Za-z0-9._-]*:[^\s,'${}]+$/;

/** Splits `text` into parts. With another Version than 2012-10-17 the whole text is one literal part. */
export function parseTemplate(text: string, version: string | undefined): Template {
  if (version !== variablesVersion || !text.includes('${')) {
    return { text, parts: [{ kind: 'text', text }], hasVariables: false };
  }
  // Validation and compilation both read the same strings, and policies repeat them (memo.ts).
  return remembered(templates, text, splitTemplate);
}

const templates = new Map<string, Template>();

function splitTemplate(text: string): Template {
  const parts: TemplatePart[] = [];
  let literalStart = 0;
  let index = text.indexOf('${');
  let hasVariables = false;
  while (index >= 0) {
    const close = text.indexOf('}', index + 2);
    // AWS leaves an unterminated `${` as literal text.
    if (close < 0) break;
    if (index > literalStart) parts.push({ kind: 'text', text: text.slice(literalStart, index) });
    const inner = text.slice(index + 2, close);
    if (inner === '*' || inner === '?' || inner === '$') {
      parts.push({ kind: 'escape', text: inner });
    } else {
      parts.push(parseVariable(text.slice(index, close + 1), inner));
      hasVariables = true;
    }
    literalStart = close + 1;
    index = text.indexOf('${', literalStart);
  }
  if (literalStart < text.length) parts.push({ kind: 'text', text: text.slice(literalStart) });
  return { text, parts, hasVariables: hasVariables || parts.some((part) => part.kind === 'escape') };
}

function parseVariable(raw: string, inner: string): TemplatePart {
  const comma = inner.indexOf(',');
  const name = (comma < 0 ? inner : inner.slice(0, comma)).trim();
  let defaultValue: string | undefined;
  let malformed: string | undefined;
  if (comma >= 0) {
    const defaultText = inner.slice(comma + 1).trim();
    if (defaultText.length >= 2 && defaultText.startsWith("'") && defaultText.endsWith("'")) {
      defaultValue = defaultText.slice(1, -1);
    } else {
      malformed = `the default value must be in single quotes, as in \${${name}, 'value'}`;
    }
  }
  if (!malformed && !variableNamePattern.test(name)) {
    malformed =
      name === ''
        ? 'the variable has no name'
        : `"${name}" is not a condition key name (expected service:key)`;
  }
  const part: TemplatePart = { kind: 'variable', raw, name, key: name.toLowerCase() };
  if (defaultValue !== undefined) part.defaultValue = defaultValue;
  if (malformed) part.malformed = malformed;
  return part;
}

/** Request context by lower-cased condition key (a Map satisfies it). */
export interface VariableLookup {
  get(lowerCaseKey: string): ContextValue | undefined;
}

/**
 * Value of a variable for a request, or undefined when it cannot be resolved. AWS: a missing key, or a
 * multi-valued key, has no value; then the default applies if one is given. **Assumption**: an empty
 * string is a value (a tag may be empty) and is substituted as such.
 */
export function resolveVariable(
  part: Extract<TemplatePart, { kind: 'variable' }>,
  lookup: VariableLookup,
): string | undefined {
  if (part.malformed === undefined) {
    const value = lookup.get(part.key);
    if (typeof value === 'string') return value;
  }
  return part.malformed === undefined ? part.defaultValue : undefined;
}

/** Substitutes a template into plain text; unresolved variables are collected and the result is undefined. */
export function resolveTemplateText(
  template: Template,
  lookup: VariableLookup,
  unresolved?: string[],
): string | undefined {
  if (!template.hasVariables) return template.text;
  let result = '';
  let failed = false;
  for (const part of template.parts) {
    if (part.kind === 'variable') {
      const value = resolveVariable(part, lookup);
      if (value === undefined) {
        failed = true;
        unresolved?.push(part.raw);
      } else {
        result += value;
      }
    } else {
      result += part.text;
    }
  }
  return failed ? undefined : result;
}

/**
 * Substitutes a template into a glob pattern: wildcards in the policy's own text stay wildcards, while
 * substituted values and escapes are literal characters.
 */
export function resolveTemplateGlob(
  template: Template,
  lookup: VariableLookup,
  lowerCase: boolean,
  unresolved?: string[],
): GlobPattern | undefined {
  // An access matrix resolves the same template with the same values again and again: keep the globs.
  let key = lowerCase ? '1' : '0';
  for (const part of template.parts) {
    if (part.kind !== 'variable') continue;
    const value = resolveVariable(part, lookup);
    if (value === undefined) {
      if (!unresolved) return undefined;
      key = '';
      unresolved.push(part.raw);
    } else if (key !== '') {
      key += `\u0000${value}`;
    }
  }
  if (key === '') return undefined;
  let cache = resolvedGlobs.get(template);
  const cached = cache?.get(key);
  if (cached) return cached;
  const glob = buildGlob(template, lookup, lowerCase);
  if (!cache) {
    cache = new Map();
    resolvedGlobs.set(template, cache);
  }
  if (cache.size > 256) cache.clear();
  cache.set(key, glob);
  return glob;
}

const resolvedGlobs = new WeakMap<Template, Map<string, GlobPattern>>();

function buildGlob(template: Template, lookup: VariableLookup, lowerCase: boolean): GlobPattern {
  let characters = '';
  const kinds: number[] = [];
  for (const part of template.parts) {
    if (part.kind === 'text') {
      const text = lowerCase ? part.text.toLowerCase() : part.text;
      characters += text;
      for (let index = 0; index < text.length; index++) {
        const code = text.charCodeAt(index);
        kinds.push(code === 42 ? anyRun : code === 63 ? anyCharacter : literalCharacter);
      }
    } else {
      const value = (part.kind === 'escape' ? part.text : resolveVariable(part, lookup)) ?? '';
      const text = lowerCase ? value.toLowerCase() : value;
      characters += text;
      for (let index = 0; index < text.length; index++) kinds.push(literalCharacter);
    }
  }
  return globFromParts(characters, Uint8Array.from(kinds));
}

/** Builds a case-insensitive lookup over a request context. */
export function contextLookup(context: Record<string, ContextValue>): VariableLookup {
  const lowered = new Map<string, ContextValue>();
  for (const [key, value] of Object.entries(context)) lowered.set(key.toLowerCase(), value);
  return lowered;
}

/**
 * Substitutes policy variables in `text` the way AWS does for a policy of the given Version.
 * Unresolved variables (no value, no default) stay as written and are listed.
 */
export function substituteVariables(
  text: string,
  context: Record<string, ContextValue>,
  version: string | undefined,
): { value: string; unresolved: string[] } {
  const template = parseTemplate(text, version);
  const lookup = contextLookup(context);
  const unresolved: string[] = [];
  let value = '';
  for (const part of template.parts) {
    if (part.kind === 'variable') {
      const resolved = resolveVariable(part, lookup);
      if (resolved === undefined) unresolved.push(part.raw);
      value += resolved ?? part.raw;
    } else {
      value += part.text;
    }
  }
  return { value, unresolved };
}

/**
 * Every policy variable written in a policy document's statements, with its JSON path
 * (whatever the Version: the editor flags variables that AWS would treat as literal text too).
 */
export function findPolicyVariables(
  document: unknown,
): Array<{ variable: string; path: string; defaultValue?: string }> {
  const found: Array<{ variable: string; path: string; defaultValue?: string }> = [];
  if (!isRecord(document)) return found;
  const walk = walkStrings('$.Statement', (value, path) => {
    for (const part of parseTemplate(value, variablesVersion).parts) {
      if (part.kind !== 'variable') continue;
      const entry: { variable: string; path: string; defaultValue?: string } = {
        variable: part.name,
        path: path(),
      };
      if (part.defaultValue !== undefined) entry.defaultValue = part.defaultValue;
      found.push(entry);
    }
  });
  walk(document.Statement);
  return found;
}

/**
 * Calls `onString` for every string below a value that may hold a policy variable (contains `${`),
 * up to 64 levels deep. Paths are built only for those strings: most policy text has none, and
 * building a path for every value dominated validating many policies.
 */
export function walkStrings(
  root: string,
  onString: (value: string, path: () => string) => void,
): (value: unknown) => void {
  const steps: Array<string | number> = [];
  const path = (): string =>
    steps.reduce<string>(
      (text, step) => (typeof step === 'number' ? pathWithIndex(text, step) : pathWithKey(text, step)),
      root,
    );
  const visit = (value: unknown, depth: number): void => {
    if (depth > 64) return;
    if (typeof value === 'string') {
      if (value.includes('${')) onString(value, path);
    } else if (Array.isArray(value)) {
      for (let index = 0; index < value.length; index += 1) {
        steps.push(index);
        visit(value[index], depth + 1);
        steps.pop();
      }
    } else if (isRecord(value)) {
      for (const key of Object.keys(value)) {
        steps.push(key);
        visit(value[key], depth + 1);
        steps.pop();
      }
    }
  };
  return (value) => visit(value, 0);
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
