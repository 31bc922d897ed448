// Reading JSON text defensively: size before parsing, nesting depth without recursion, and
// syntax errors with line and column, duplicate object keys as errors. Used by the design loader
// and the CLI's JSON inputs; nothing here throws.

import { computeLineStarts, positionInLines, type TextPosition } from '../iam/json-text';
import { countParsedKeys, findDuplicateKey, stringEnd } from './json-duplicate-keys';
import { findJsonSyntaxError } from './json-syntax-error';

export { findDuplicateKey, type DuplicateKey } from './json-duplicate-keys';

export type { TextPosition };

export type JsonParseResult =
  { ok: true; value: unknown } | { ok: false; reason: string; position?: TextPosition };

/** UTF-8 size of a string; stops counting once it passes `stopAbove` (the answer is then > stopAbove). */
export function utf8ByteLength(text: string, stopAbove = Number.POSITIVE_INFINITY): number {
  let bytes = 0;
  for (let index = 0; index < text.length && bytes <= stopAbove; index += 1) {
    const code = text.charCodeAt(index);
    if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    else if (code >= 0xd800 && code <= 0xdbff && index + 1 < text.length) {
      const next = text.charCodeAt(index + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        bytes += 4;
        index += 1;
      } else {
        bytes += 3;
      }
    } else {
      bytes += 3;
    }
  }
  return bytes;
}

/**
 * Whether a string takes at most `maxBytes` in UTF-8. One UTF-16 code unit never takes more than
 * three bytes, so a string up to a third of the limit is not counted at all (a design, a few MB at
 * most, is checked at every read against a 20 MiB limit).
 */
export function fitsUtf8(text: string, maxBytes: number): boolean {
  if (text.length > maxBytes) return false;
  return text.length * 3 <= maxBytes || utf8ByteLength(text, maxBytes) <= maxBytes;
}

/** Line and column of an offset (clamped to the text) in the text. */
export function positionAt(text: string, offset: number): TextPosition {
  return positionInLines(computeLineStarts(text), Math.max(0, Math.min(offset, text.length)));
}

/**
 * Offset of the first `[` or `{` that opens nesting level `maxDepth + 1`, or -1. A linear scan
 * that skips string contents, so it works on any text, valid JSON or not.
 */
export function findExcessiveNesting(text: string, maxDepth: number): number {
  let depth = 0;
  for (let index = 0; index < text.length; index += 1) {
    const code = text.charCodeAt(index);
    if (code === 34) {
      // Most of a design is string contents: jump to the closing quote (or the end of the text).
      index = stringEnd(text, index);
    } else if (code === 91 || code === 123) {
      depth += 1;
      if (depth > maxDepth) return index;
    } else if (code === 93 || code === 125) {
      depth = Math.max(0, depth - 1);
    }
  }
  return -1;
}

export interface JsonTextScan {
  /** As `findExcessiveNesting`: the offset of the first bracket beyond the depth limit, or -1. */
  tooDeepAt: number;
  /** Strings in key position: in valid JSON text, every key of every object as often as it is written. */
  keys: number;
}

/**
 * `findExcessiveNesting` and a count of the keys written in the text, in one linear scan that skips
 * string contents, for `parseJsonText` to learn whether an object repeats a key without recording
 * any (the key count stops where the text nests too deep).
 */
export function scanJsonText(text: string, maxDepth: number): JsonTextScan {
  /** Per open bracket: true for an object. */
  const objects: boolean[] = [];
  let expectingKey = false;
  let keys = 0;
  for (let index = 0; index < text.length; index += 1) {
    const code = text.charCodeAt(index);
    if (code === 34) {
      if (expectingKey) {
        keys += 1;
        expectingKey = false;
      }
      index = stringEnd(text, index);
    } else if (code === 91 || code === 123) {
      if (objects.length >= maxDepth) return { tooDeepAt: index, keys };
      objects.push(code === 123);
      expectingKey = code === 123;
    } else if (code === 93 || code === 125) {
      objects.pop();
      expectingKey = false;
    } else if (code === 44) {
      expectingKey = objects[objects.length - 1] === true;
    }
  }
  return { tooDeepAt: -1, keys };
}

/**
 * JSON.parse with a located, readable error. JSON.parse decides validity; the error is located
 * and described by our own scanner (json-syntax-error.ts) so that every engine reports it the same
 * way, with the engine's own message as the fallback should the two ever disagree. A key written
 * twice in one object is an error too (JSON.parse would silently keep the last one). With
 * `writtenKeys` (`scanJsonText`), the scan that locates such a key runs only when the parsed value
 * has fewer keys than the text.
 */
export function parseJsonText(text: string, writtenKeys?: number): JsonParseResult {
  let value: unknown;
  try {
    value = JSON.parse(text) as unknown;
  } catch (error) {
    const syntax = findJsonSyntaxError(text);
    if (syntax) return { ok: false, reason: syntax.reason, position: positionAt(text, syntax.offset) };
    const raw = error instanceof Error ? error.message : String(error);
    return { ok: false, reason: cleanReason(raw), position: locate(text, raw) };
  }
  const duplicate =
    writtenKeys === undefined || countParsedKeys(value) !== writtenKeys ? findDuplicateKey(text) : undefined;
  if (duplicate) {
    return {
      ok: false,
      reason: duplicateKeyReason(duplicate.key, duplicate.path),
      position: positionAt(text, duplicate.offset),
    };
  }
  return { ok: true, value };
}

/** `duplicate key "Effect" in $.Statement[0] (only the last one would count)`, the key cut to 200 characters. */
export function duplicateKeyReason(key: string, path: string): string {
  const shown = key.length > 200 ? `${key.slice(0, 200)}…` : key;
  return `duplicate key ${JSON.stringify(shown)} in ${path} (only the last one would count)`;
}

function locate(text: string, message: string): TextPosition | undefined {
  const lineColumn = /line (\d+) column (\d+)/.exec(message);
  if (lineColumn) return { line: Number(lineColumn[1]), column: Number(lineColumn[2]) };
  const position = /position (\d+)/.exec(message);
  if (position) return positionAt(text, Number(position[1]));
  if (/end of (JSON )?(input|data)/i.test(message)) return positionAt(text, text.length);
  return undefined;
}

function cleanReason(message: string): string {
  const withoutLocation = message
    .replace(/^JSON\.parse: /, '')
    .replace(/ in JSON at position \d+.*$/, '')
    .replace(/ at line \d+ column \d+ of the JSON data$/, '');
  return withoutLocation.length > 200 ? `${withoutLocation.slice(0, 200)}…` : withoutLocation;
}
