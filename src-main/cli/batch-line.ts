// One pass over a line of `evaluate --batch` input that finds what JSON.parse does not check —
// nesting depth and duplicate keys — and where each policy document's text sits, so a document
// seen before is recognised by its text without being parsed again. A document the caller already
// knows (recognised where it starts) is stepped over without being scanned: it passed this scan at
// the same place before, so it holds no duplicate key and nests no deeper there.

import { pathOf, stringEnd } from '../../shared/model/json-duplicate-keys';

export interface PolicySpan<Known = unknown> {
  /** `identityPolicies[0]`, `sessionPolicies[1]`, `permissionsBoundary`, `resourcePolicy`. */
  name: string;
  start: number;
  /** Exclusive. */
  end: number;
  /** What `recognise` returned for this document; undefined when it was scanned. */
  known?: Known;
}

export interface LineScan<Known = unknown> {
  /** Offset of the bracket that nests too deep. */
  deepAt?: number;
  duplicate?: { key: string; offset: number; path: string };
  /** Object values of the policy members, in text order. */
  spans: PolicySpan<Known>[];
}

/**
 * Recognises a document that was scanned at the same place (`name`) before and whose text starts
 * at `start`: returns it with the offset just past its text, or undefined.
 */
export type RecogniseDocument<Known> = (
  name: string,
  start: number,
) => { end: number; known: Known } | undefined;

const listMembers = new Set(['identityPolicies', 'sessionPolicies']);
const singleMembers = new Set(['permissionsBoundary', 'resourcePolicy']);

/**
 * Above this many keys an object's keys are looked up in a set: a hostile line of a million keys
 * would otherwise take hours of pairwise comparisons.
 */
const KEYS_IN_A_LIST = 32;

/**
 * The scanner's stack, one entry per open bracket, kept between lines (a scan runs to its end
 * before the next starts) so that a line allocates little more than its keys and spans.
 */
const isObjectAt: boolean[] = [];
const expectingKeyAt: boolean[] = [];
/** The member key or array index being read at each depth. */
const stepAt: Array<string | number> = [];
const startAt: number[] = [];
/** Set on the entry of a policy document: its name in the input. */
const policyAt: Array<string | undefined> = [];
const keysAt: string[][] = [];
const keySetAt: Array<Set<string> | undefined> = [];

/** The name of a policy document opening with `depth` brackets open, if the stack places it there. */
function policyName(depth: number): string | undefined {
  if (depth === 1 && singleMembers.has(stepAt[0] as string)) return stepAt[0] as string;
  if (depth === 2 && !isObjectAt[1] && listMembers.has(stepAt[0] as string))
    return `${stepAt[0] as string}[${stepAt[1] as number}]`;
  return undefined;
}

/** Records `key` in the object at `level`; false when the object already has it. */
function addKey(level: number, key: string): boolean {
  const keys = keysAt[level] as string[];
  let set = keySetAt[level];
  if (set === undefined && keys.length >= KEYS_IN_A_LIST) keySetAt[level] = set = new Set(keys);
  if (set !== undefined) {
    if (set.has(key)) return false;
    set.add(key);
  } else if (keys.includes(key)) return false;
  keys.push(key);
  return true;
}

/** Scans JSON text; structure errors are left to JSON.parse (the result is then meaningless). */
export function scanLine<Known>(
  text: string,
  maxDepth: number,
  recognise?: RecogniseDocument<Known>,
): LineScan<Known> {
  const spans: PolicySpan<Known>[] = [];
  let depth = 0;
  for (let index = 0; index < text.length; index += 1) {
    const code = text.charCodeAt(index);
    if (code === 34) {
      const end = stringEnd(text, index);
      const level = depth - 1;
      if (level >= 0 && isObjectAt[level] && expectingKeyAt[level]) {
        let key = text.slice(index + 1, end);
        if (key.includes('\\')) {
          try {
            key = JSON.parse(`"${key}"`) as string;
          } catch {
            return { spans };
          }
        }
        if (!addKey(level, key)) {
          const path = pathOf(stepAt.slice(0, depth).map((step) => ({ step })));
          return { duplicate: { key, offset: index, path }, spans };
        }
        stepAt[level] = key;
        expectingKeyAt[level] = false;
      }
      index = end;
    } else if (code === 123 || code === 91) {
      if (depth >= maxDepth) return { deepAt: index, spans };
      const isObject = code === 123;
      const policy = isObject ? policyName(depth) : undefined;
      const recognised = policy === undefined ? undefined : recognise?.(policy, index);
      if (policy !== undefined && recognised) {
        spans.push({ name: policy, start: index, end: recognised.end, known: recognised.known });
        index = recognised.end - 1;
        continue;
      }
      isObjectAt[depth] = isObject;
      expectingKeyAt[depth] = isObject;
      stepAt[depth] = isObject ? '' : 0;
      startAt[depth] = index;
      policyAt[depth] = policy;
      if (isObject) {
        const keys = keysAt[depth];
        if (keys) keys.length = 0;
        else keysAt[depth] = [];
        keySetAt[depth] = undefined;
      }
      depth += 1;
    } else if (code === 125 || code === 93) {
      if (depth > 0) {
        depth -= 1;
        const policy = policyAt[depth];
        if (policy !== undefined)
          spans.push({ name: policy, start: startAt[depth] as number, end: index + 1 });
      }
    } else if (code === 44 && depth > 0) {
      const level = depth - 1;
      if (isObjectAt[level]) expectingKeyAt[level] = true;
      else stepAt[level] = (stepAt[level] as number) + 1;
    }
  }
  return { spans };
}

/** The line with every policy document replaced by `{}`: what is left to parse when all are known. */
export function skeletonOf(text: string, spans: readonly PolicySpan[]): string {
  if (spans.length === 0) return text;
  let result = '';
  let from = 0;
  for (const span of spans) {
    result += `${text.slice(from, span.start)}{}`;
    from = span.end;
  }
  return result + text.slice(from);
}
