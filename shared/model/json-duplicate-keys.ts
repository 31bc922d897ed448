// Duplicate keys in JSON objects. JSON.parse keeps the last of `"Effect":"Deny","Effect":"Allow"`
// without a word (and so does AWS), so a reviewer would read a Deny that is not there. A linear
// scan of text that JSON.parse has already accepted; it keeps the keys of the objects it is in.

import { pathWithIndex, pathWithKey } from '../iam/json-path';

export interface DuplicateKey {
  /** The key as JSON.parse reads it (escapes decoded). */
  key: string;
  /** Offset of the second occurrence's opening quote. */
  offset: number;
  /** JSON path of the object holding the key twice, e.g. `$.Statement[0]`. */
  path: string;
}

interface Frame {
  /** Keys seen so far; undefined for arrays. */
  keys: ObjectKeys | undefined;
  /** The member key or array index currently being read. */
  step: string | number;
  expectingKey: boolean;
}

/** JSON path of the object on top of a scanner's stack (every frame but the innermost names a step). */
export function pathOf(stack: ReadonlyArray<{ step: string | number }>): string {
  let path = '$';
  for (let depth = 0; depth < stack.length - 1; depth += 1) {
    const step = (stack[depth] as { step: string | number }).step;
    path = typeof step === 'number' ? pathWithIndex(path, step) : pathWithKey(path, step);
  }
  return path;
}

/** End offset (the closing quote) of the string starting at `start` (its opening quote). */
export function stringEnd(text: string, start: number): number {
  let from = start + 1;
  for (;;) {
    const quote = text.indexOf('"', from);
    if (quote < 0) return text.length;
    let backslashes = 0;
    while (text.charCodeAt(quote - 1 - backslashes) === 92) backslashes += 1;
    if (backslashes % 2 === 0) return quote;
    from = quote + 1;
  }
}

/**
 * The keys seen so far in one object: a list while there are few, a set past KEYS_IN_A_LIST, so an
 * object of many keys (a layout's positions, a hostile line of a million keys) is not compared
 * pairwise. Shared by the scanners here and of `evaluate --batch` lines.
 */
export class ObjectKeys {
  private readonly list: string[] = [];
  private set: Set<string> | undefined;

  /** Records `key`; false when the object already has it. */
  add(key: string): boolean {
    if (this.set !== undefined) {
      if (this.set.has(key)) return false;
      this.set.add(key);
      return true;
    }
    if (this.list.includes(key)) return false;
    this.list.push(key);
    if (this.list.length > KEYS_IN_A_LIST) this.set = new Set(this.list);
    return true;
  }
}

/** Up to this many keys a list is quicker to search than a set is to build. */
const KEYS_IN_A_LIST = 32;

/**
 * Keys of every object in a value JSON.parse made. JSON.parse keeps one of each key of an object,
 * so this is less than the keys written in its text (`scanJsonText`, the batch line scan) exactly
 * when some object repeats a key: a count settles that there is none without recording every
 * object's keys. `for…in` skips the array of keys Object.keys would make; were some code to add an
 * enumerable property to Object.prototype, it would count too, which can only make the count
 * differ and send the text to the scan that locates a repeated key, never hide one.
 */
export function countParsedKeys(value: unknown): number {
  if (typeof value !== 'object' || value === null) return 0;
  let count = 0;
  if (Array.isArray(value)) {
    for (const item of value) count += countParsedKeys(item);
    return count;
  }
  for (const key in value) count += 1 + countParsedKeys((value as Record<string, unknown>)[key]);
  return count;
}

/** The first key that appears twice in one object of valid JSON `text`, or undefined. */
export function findDuplicateKey(text: string): DuplicateKey | undefined {
  const stack: Frame[] = [];
  for (let index = 0; index < text.length; index += 1) {
    const code = text.charCodeAt(index);
    if (code === 34) {
      const end = stringEnd(text, index);
      const frame = stack[stack.length - 1];
      if (frame?.keys && frame.expectingKey) {
        const raw = text.slice(index + 1, end);
        const key = raw.includes('\\') ? (JSON.parse(`"${raw}"`) as string) : raw;
        if (!frame.keys.add(key)) return { key, offset: index, path: pathOf(stack) };
        frame.step = key;
        frame.expectingKey = false;
      }
      index = end;
    } else if (code === 123) {
      stack.push({ keys: new ObjectKeys(), step: '', expectingKey: true });
    } else if (code === 91) {
      stack.push({ keys: undefined, step: 0, expectingKey: false });
    } else if (code === 125 || code === 93) {
      stack.pop();
    } else if (code === 44) {
      const frame = stack[stack.length - 1];
      if (frame?.keys) frame.expectingKey = true;
      else if (frame) frame.step = (frame.step as number) + 1;
    }
  }
  return undefined;
}
