// Validation of a design document: the schema (schema.ts) first, then the cross-entity rules
// (semantics.ts). Issues carry a JSON path and a sentence for people; codes are stable:
//   schema:               a field has the wrong type, format or range
//   unknown-field:        a field the format does not define (warning; the field is dropped)
//   reserved-key:         a `__proto__` key, which JavaScript objects cannot hold safely
//   duplicate-id, duplicate-name, dangling-reference, invalid-reference, provider-key-mismatch,
//   limit, unknown-layout-node, …: see semantics.ts

import type { z } from 'zod';
import { formatPath } from './paths';
import { designDocumentSchema } from './schema';
import { checkSemantics } from './semantics';
import type { DesignDocument, ModelIssue } from './types';

export interface ParsedDesign {
  /** Present when the document has the right structure (semantic errors may still be listed). */
  design?: DesignDocument;
  issues: ModelIssue[];
}

/** Every issue of a document (already migrated to the current version): schema, then semantics. */
export function validateDesign(document: unknown): ModelIssue[] {
  return parseDesign(document).issues;
}

/** Checks the structure and, when it holds, the semantics; returns the typed design when structurally valid. */
export function parseDesign(document: unknown): ParsedDesign {
  const structural = parseStructure(document);
  if (!structural.design) return structural;
  return { design: structural.design, issues: [...structural.issues, ...checkSemantics(structural.design)] };
}

export function hasErrors(issues: readonly ModelIssue[]): boolean {
  return issues.some((issue) => issue.severity === 'error');
}

function parseStructure(document: unknown): ParsedDesign {
  const reserved = findReservedKeys(document);
  if (reserved.length > 0) return { issues: reserved };
  const first = designDocumentSchema.safeParse(document, { reportInput: true });
  if (first.success) return { design: first.data, issues: [] };

  const unknownFields = first.error.issues.filter((issue) => issue.code === 'unrecognized_keys');
  const warnings = unknownFields.flatMap(unknownFieldWarnings);
  const errors = first.error.issues.filter((issue) => issue.code !== 'unrecognized_keys').map(schemaIssue);
  if (errors.length > 0) return { issues: [...errors, ...warnings] };

  // Only unknown fields: drop them from a copy and parse again.
  const copy = JSON.parse(JSON.stringify(document)) as unknown;
  for (const issue of unknownFields) {
    const owner = valueAt(copy, issue.path);
    if (owner && typeof owner === 'object' && issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) delete (owner as Record<string, unknown>)[key];
    }
  }
  const second = designDocumentSchema.safeParse(copy, { reportInput: true });
  if (second.success) return { design: second.data, issues: warnings };
  return { issues: [...second.error.issues.map(schemaIssue), ...warnings] };
}

function unknownFieldWarnings(issue: z.core.$ZodIssue): ModelIssue[] {
  if (issue.code !== 'unrecognized_keys') return [];
  return issue.keys.map((key) => ({
    severity: 'warning' as const,
    code: 'unknown-field',
    path: formatPath([...issue.path, key]),
    message: `unknown field "${key}" is not part of the design format and will be dropped`,
  }));
}

function schemaIssue(issue: z.core.$ZodIssue): ModelIssue {
  return {
    severity: 'error',
    code: 'schema',
    path: formatPath(issue.path),
    message: describeSchemaIssue(issue),
  };
}

function describeSchemaIssue(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case 'invalid_type':
      if (issue.input === undefined) return 'required field is missing';
      return `expected ${issue.expected === 'nonoptional' ? 'a value' : article(issue.expected)}, got ${describeValue(issue.input)}`;
    case 'invalid_union':
      if ('discriminator' in issue && issue.discriminator) {
        // Discriminated unions add the allowed discriminator values (not in zod's issue type).
        const allowed = (issue as { options?: unknown[] }).options ?? [];
        const options = allowed.map((option) => `"${String(option)}"`).join(', ');
        return `must be one of ${options}${issue.input === undefined ? '' : ` (got ${describeValue(valueOfKey(issue.input, issue.discriminator))})`}`;
      }
      return 'does not match any allowed shape';
    case 'invalid_value':
      if (issue.values.length === 1)
        return `must be ${JSON.stringify(issue.values[0])} (got ${describeValue(issue.input)})`;
      return `must be one of ${issue.values.map((value) => JSON.stringify(value)).join(', ')} (got ${describeValue(issue.input)})`;
    default:
      return issue.message;
  }
}

function article(type: string): string {
  if (type === 'array') return 'an array';
  if (type === 'object') return 'an object';
  if (type === 'record') return 'an object';
  return `a ${type}`;
}

function valueOfKey(input: unknown, key: string): unknown {
  return input && typeof input === 'object' ? (input as Record<string, unknown>)[key] : undefined;
}

/** A short description of a JSON value for messages (never the whole value). */
export function describeValue(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'object') return 'an object';
  if (typeof value === 'string')
    return value.length > 40 ? `the string "${value.slice(0, 40)}…"` : `the string "${value}"`;
  return `${typeof value} ${String(value)}`;
}

function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
  let current: unknown = root;
  for (const segment of path) {
    if (!current || typeof current !== 'object') return undefined;
    current = (current as Record<PropertyKey, unknown>)[segment];
  }
  return current;
}

/**
 * Whether some object in `document` has a `__proto__` key. A walk that keeps no paths: the answer
 * is nearly always no, and a large design is read at start-up; findReservedKeys locates them.
 */
function hasReservedKey(document: unknown): boolean {
  const stack: unknown[] = [document];
  while (stack.length > 0) {
    const value = stack.pop();
    if (typeof value !== 'object' || value === null) continue;
    if (Array.isArray(value)) {
      for (const item of value) if (typeof item === 'object' && item !== null) stack.push(item);
      continue;
    }
    for (const key of Object.keys(value)) {
      if (key === '__proto__') return true;
      const child = (value as Record<string, unknown>)[key];
      if (typeof child === 'object' && child !== null) stack.push(child);
    }
  }
  return false;
}

/**
 * `__proto__` as a JSON key is a real own property after JSON.parse, but copying it into a
 * fresh object changes that object's prototype instead; refuse it rather than silently lose it.
 * Iterative walk: documents may be deep.
 */
function findReservedKeys(document: unknown): ModelIssue[] {
  if (!hasReservedKey(document)) return [];
  interface Entry {
    value: unknown;
    key?: PropertyKey;
    parent?: Entry;
  }
  const pathOf = (entry: Entry): PropertyKey[] => {
    const segments: PropertyKey[] = [];
    for (let current: Entry | undefined = entry; current?.key !== undefined; current = current.parent) {
      segments.unshift(current.key);
    }
    return segments;
  };
  const issues: ModelIssue[] = [];
  const stack: Entry[] = [{ value: document }];
  // Only objects and arrays are walked: most values of a design are strings and numbers.
  const isContainer = (value: unknown): boolean => typeof value === 'object' && value !== null;
  while (stack.length > 0 && issues.length < 20) {
    const entry = stack.pop() as Entry;
    const value = entry.value;
    if (!isContainer(value)) continue;
    if (Array.isArray(value)) {
      value.forEach((item, index) => {
        if (isContainer(item)) stack.push({ value: item, key: index, parent: entry });
      });
      continue;
    }
    for (const key of Object.keys(value as object)) {
      const child = (value as Record<string, unknown>)[key];
      if (key !== '__proto__' && !isContainer(child)) continue;
      if (key === '__proto__') {
        const path = formatPath([...pathOf(entry), key]);
        issues.push({
          severity: 'error',
          code: 'reserved-key',
          path,
          message: 'the key "__proto__" is not allowed',
        });
      } else {
        stack.push({ value: child, key, parent: entry });
      }
    }
  }
  return issues;
}
