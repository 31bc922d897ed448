// One pass over a line of `evaluate --batch` input that finds what JSON.parse does not check —
// nesting depth and duplicate keys — and where each policy document's text sits, so a document
// seen before is recognised by its text without being parsed again. The request's context is placed
// the same way: the requests of one identity repeat it on every line. A document the caller already
// knows (recognised where it starts) is stepped over without being scanned: it passed this scan at
// the same place before, so it holds no duplicate key and nests no deeper there.

import { countParsedKeys, ObjectKeys, pathOf, stringEnd } from '../../shared/model/json-duplicate-keys';

export interface PolicySpan<Known = unknown> {
  /**
   * `identityPolicies[0]`, `sessionPolicies[1]`, `permissionsBoundary`, `resourcePolicy`, or
   * `request.context` (CONTEXT_SPAN).
   */
  name: string;
  /** The top-level member holding it (`identityPolicies`, …, `request` for the context). */
  member: string;
  /** Its index in that member's list; -1 when the member holds it alone. */
  index: number;
  start: number;
  /** Exclusive. */
  end: number;
  /** What `recognise` returned for this document; undefined when it was scanned. */
  known?: Known;
  /** The document's text, once cut from the line. */
  text?: string;
  /** `countLineKeys`: the keys counted in the document. */
  keys?: number;
  /**
   * Set by the caller for a new document it neither looks up nor keeps by its text (a place whose
   * documents have not repeated for a long while, see `evaluate-batch.ts`).
   */
  unkept: boolean;
}

/**
 * A span with every field present, so that all spans share one shape: the per-line code that reads
 * them then stays fast instead of being re-optimised for each new mix of fields.
 */
function newSpan<Known>(
  place: Place,
  start: number,
  end: number,
  known: Known | undefined,
  keys: number | undefined,
): PolicySpan<Known> {
  const { name, member, index } = place;
  return { name, member, index, start, end, known, text: undefined, keys, unkept: false };
}

/** Where a span sits: its name and what it is made of (see PolicySpan). */
export type Place = Pick<PolicySpan, 'name' | 'member' | 'index'>;

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

interface Frame {
  /** Keys seen so far; undefined for arrays. */
  keys: ObjectKeys | undefined;
  step: string | number;
  expectingKey: boolean;
  start: number;
  /** Set on the frame of a policy document: its place in the input. */
  policy?: Place;
}

const listMembers = new Set(['identityPolicies', 'sessionPolicies']);
const singleMembers = new Set(['permissionsBoundary', 'resourcePolicy']);
/** The place of the request's context among the spans. */
export const CONTEXT_SPAN = 'request.context';

/**
 * The place of an object opening `depth` brackets deep in the line, if a policy document or the
 * context sits there: `topKey` is the top-level object's current key (undefined when the line is
 * not an object), `inObject` and `parentStep` tell of the bracket around it at depth 2 (an
 * object's current key, an array's current index). Both scanners place spans by this one rule.
 */
function placeAt(depth: number, topKey: unknown, inObject: boolean, parentStep: unknown): Place | undefined {
  if (typeof topKey !== 'string') return undefined;
  if (depth === 1) return singlePlaces.find((place) => place.member === topKey);
  if (depth !== 2) return undefined;
  if (inObject) return topKey === 'request' && parentStep === 'context' ? contextPlace : undefined;
  const list = listPlaces.find((candidate) => candidate.member === topKey);
  if (!list) return undefined;
  const index = parentStep as number;
  const place = list.places[index] ?? { name: `${list.member}[${index}]`, member: list.member, index };
  if (index < KEPT_LIST_PLACES) list.places[index] = place;
  return place;
}

/**
 * Places are made once and shared by every line, so that a place's name is the same string on
 * each line: the caller looks places up by name several times a line, and a string made anew
 * would be hashed anew each time. The first few of each list are kept (a line of thousands of
 * documents must not grow this for good).
 */
const KEPT_LIST_PLACES = 64;
const singlePlaces: readonly Place[] = [...singleMembers].map((member) => ({
  name: member,
  member,
  index: -1,
}));
const listPlaces = [...listMembers].map((member) => ({ member, places: [] as Place[] }));
const contextPlace: Place = { name: CONTEXT_SPAN, member: 'request', index: -1 };

/**
 * What `countParsedKeys` counts in a line's parsed value, without the policy documents at the
 * places of `left` (the caller counts their keys another way).
 */
export function countKeysOutside(value: unknown, left: readonly Place[]): number {
  if (left.length === 0 || typeof value !== 'object' || value === null || Array.isArray(value))
    return countParsedKeys(value);
  let count = 0;
  for (const key in value) {
    count += 1;
    const member = (value as Record<string, unknown>)[key];
    if (listMembers.has(key) && Array.isArray(member)) {
      for (let index = 0; index < member.length; index += 1) {
        if (!isLeft(left, key, index)) count += countParsedKeys(member[index]);
      }
    } else if (!(singleMembers.has(key) && isLeft(left, key, -1))) count += countParsedKeys(member);
  }
  return count;
}

function isLeft(left: readonly Place[], member: string, index: number): boolean {
  for (const place of left) if (place.member === member && place.index === index) return true;
  return false;
}

/** Scans JSON text; structure errors are left to JSON.parse (the result is then meaningless). */
export function scanLine<Known>(
  text: string,
  maxDepth: number,
  recognise?: RecogniseDocument<Known>,
): LineScan<Known> {
  const stack: Frame[] = [];
  const spans: PolicySpan<Known>[] = [];
  for (let index = 0; index < text.length; index += 1) {
    const code = text.charCodeAt(index);
    if (code === 34) {
      const end = stringEnd(text, index);
      const frame = stack[stack.length - 1];
      if (frame?.keys && frame.expectingKey) {
        const raw = text.slice(index + 1, end);
        let key = raw;
        if (raw.includes('\\')) {
          try {
            key = JSON.parse(`"${raw}"`) as string;
          } catch {
            return { spans };
          }
        }
        if (!frame.keys.add(key)) return { duplicate: { key, offset: index, path: pathOf(stack) }, spans };
        frame.step = key;
        frame.expectingKey = false;
      }
      index = end;
    } else if (code === 123 || code === 91) {
      if (stack.length >= maxDepth) return { deepAt: index, spans };
      const policy =
        code === 123
          ? placeAt(stack.length, stack[0]?.step, stack[1]?.keys !== undefined, stack[1]?.step)
          : undefined;
      const recognised = policy === undefined ? undefined : recognise?.(policy.name, index);
      if (policy !== undefined && recognised) {
        spans.push(newSpan(policy, index, recognised.end, recognised.known, undefined));
        index = recognised.end - 1;
        continue;
      }
      stack.push(
        code === 123
          ? { keys: new ObjectKeys(), step: '', expectingKey: true, start: index, policy }
          : { keys: undefined, step: 0, expectingKey: false, start: index },
      );
    } else if (code === 125 || code === 93) {
      const frame = stack.pop();
      if (frame?.policy !== undefined)
        spans.push(newSpan<Known>(frame.policy, frame.start, index + 1, undefined, undefined));
    } else if (code === 44) {
      const frame = stack[stack.length - 1];
      if (frame?.keys) frame.expectingKey = true;
      else if (frame) frame.step = (frame.step as number) + 1;
    }
  }
  return { spans };
}

export interface KeyCountScan<Known = unknown> {
  /** Strings in key position in the scanned text, outside recognised documents. */
  keys: number;
  /** As for `scanLine`. */
  spans: PolicySpan<Known>[];
}

/**
 * The quick form of `scanLine`, for lines with no fault: it counts keys instead of recording them
 * and places the policy documents the same way. A line holds a duplicate key exactly when this
 * count differs from the keys of its parsed value (`countParsedKeys`: JSON.parse keeps one of each).
 * Undefined when only `scanLine` can tell what is wrong: a bracket nests deeper than `maxDepth`, or
 * a key of the top-level object or of its request is escaped.
 */
export function countLineKeys<Known>(
  text: string,
  maxDepth: number,
  recognise?: RecogniseDocument<Known>,
): KeyCountScan<Known> | undefined {
  const spans: PolicySpan<Known>[] = [];
  /** Per open bracket: true for an object. */
  const objects: boolean[] = [];
  /** Start and name of the open policy document, if any (it sits at depth 1 or 2, never nested). */
  let policyStart = -1;
  let policyKeys = 0;
  let policyDepth = -1;
  let policy: Place = { name: '', member: '', index: -1 };
  let topKey = '';
  /** The current key of the request object (depth 2 under `request`). */
  let requestKey = '';
  /** Index of the current element of the array the top-level object holds (depth 2). */
  let topIndex = 0;
  let expectingKey = false;
  let keys = 0;
  for (let index = 0; index < text.length; index += 1) {
    const code = text.charCodeAt(index);
    if (code === 34) {
      const end = stringEnd(text, index);
      if (expectingKey) {
        keys += 1;
        expectingKey = false;
        if (objects.length === 1) {
          topKey = text.slice(index + 1, end);
          if (topKey.includes('\\')) return undefined;
        } else if (objects.length === 2 && topKey === 'request') {
          requestKey = text.slice(index + 1, end);
          if (requestKey.includes('\\')) return undefined;
        }
      }
      index = end;
    } else if (code === 123 || code === 91) {
      const depth = objects.length;
      if (depth >= maxDepth) return undefined;
      if (code === 123 && policyStart < 0) {
        const inObject = objects[1] === true;
        const place = placeAt(
          depth,
          objects[0] === true ? topKey : undefined,
          inObject,
          inObject ? requestKey : topIndex,
        );
        if (place !== undefined) {
          const recognised = recognise?.(place.name, index);
          if (recognised) {
            spans.push(newSpan(place, index, recognised.end, recognised.known, undefined));
            index = recognised.end - 1;
            continue;
          }
          policyStart = index;
          policyKeys = keys;
          policyDepth = depth;
          policy = place;
        }
      }
      if (depth === 1 && code === 91) topIndex = 0;
      objects.push(code === 123);
      expectingKey = code === 123;
    } else if (code === 125 || code === 93) {
      objects.pop();
      expectingKey = false;
      if (objects.length === policyDepth && policyStart >= 0) {
        spans.push(newSpan<Known>(policy, policyStart, index + 1, undefined, keys - policyKeys));
        policyStart = -1;
        policyDepth = -1;
      }
    } else if (code === 44) {
      const depth = objects.length;
      if (objects[depth - 1] === true) expectingKey = true;
      else if (depth === 2) topIndex += 1;
    }
  }
  return { keys, spans };
}

/**
 * The line with the known documents and context replaced by `{}` and, unless `knownOnly`, every
 * policy document (a context not known stays: it is parsed with the line).
 */
export function skeletonOf(text: string, spans: readonly PolicySpan[], knownOnly: boolean): string {
  let result = '';
  let from = 0;
  let cut = false;
  for (const span of spans) {
    if (span.known === undefined && (knownOnly || span.name === CONTEXT_SPAN)) continue;
    result += `${text.slice(from, span.start)}{}`;
    from = span.end;
    cut = true;
  }
  return cut ? result + text.slice(from) : text;
}
