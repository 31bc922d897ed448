// Where the cursor is inside policy text, read with jsonc-parser so half-typed documents still
// give a useful answer: the JSON path, whether a key or a value is being written, the string being
// typed and the text range a completion replaces.

import { findNodeAtLocation, findNodeAtOffset, getLocation, parseTree, type Node } from 'jsonc-parser';
import { parseJsonPath } from '../iam/json-path';

export type PathSegment = string | number;

export interface PolicyPosition {
  /** Path of the key or value at the cursor (a key being written ends the path). */
  path: PathSegment[];
  /** A member name is being written (or the cursor is where one would start). */
  atKey: boolean;
  /** The text typed so far inside the string (without the opening quote), or the bare word. */
  typed: string;
  /** Offsets of the text a completion replaces (the whole string token, quotes included, when in one). */
  replaceStart: number;
  replaceEnd: number;
  /** The cursor is inside a string literal. */
  inString: boolean;
}

export function policyPositionAt(text: string, offset: number): PolicyPosition {
  const location = getLocation(text, offset);
  const root = parseTree(text);
  const node = root ? findNodeAtOffset(root, offset, true) : undefined;
  if (node && node.type === 'string') {
    const end = node.offset + node.length;
    const closed = node.length > 1 && text[end - 1] === '"';
    if (offset > node.offset && (closed ? offset < end : offset <= end)) {
      return {
        path: location.path,
        atKey: location.isAtPropertyKey,
        typed: text.slice(node.offset + 1, offset),
        replaceStart: node.offset,
        replaceEnd: end,
        inString: true,
      };
    }
  }
  const word = /[A-Za-z0-9:*?_./${}-]*$/.exec(text.slice(0, offset))?.[0] ?? '';
  const openQuote = text[offset - word.length - 1] === '"' && !inStringBefore(text, offset - word.length - 1);
  const start = offset - word.length - (openQuote ? 1 : 0);
  return {
    path: location.path,
    atKey: location.isAtPropertyKey,
    typed: word,
    replaceStart: start,
    replaceEnd: offset,
    inString: openQuote,
  };
}

/** Whether the quote at `index` closes a string (an odd number of unescaped quotes before it on the line). */
function inStringBefore(text: string, index: number): boolean {
  const lineStart = text.lastIndexOf('\n', index - 1) + 1;
  let quotes = 0;
  for (let position = lineStart; position < index; position++) {
    if (text[position] === '\\') position++;
    else if (text[position] === '"') quotes++;
  }
  return quotes % 2 === 1;
}

/** The node of a JSON path (`$.Statement[1].Effect`) in text; for a member, its value node. */
export function nodeAtJsonPath(text: string, jsonPath: string, tree?: Node): Node | undefined {
  const root = tree ?? parseTree(text);
  const steps = parseJsonPath(jsonPath);
  if (!root || !steps) return undefined;
  for (let length = steps.length; length >= 0; length--) {
    const node = findNodeAtLocation(root, steps.slice(0, length));
    if (node) return node;
  }
  return undefined;
}

/**
 * The text range an issue or finding at `jsonPath` underlines: the member (key and value) when the
 * path names an object member, else the value. Falls back to the nearest existing ancestor.
 */
export function rangeOfJsonPath(
  text: string,
  jsonPath: string,
  /** The text's tree from `parseTree`, when many paths of one text are looked up. */
  tree?: Node,
): { start: number; end: number } | undefined {
  const node = nodeAtJsonPath(text, jsonPath, tree);
  if (!node) return undefined;
  const target = node.parent?.type === 'property' ? node.parent : node;
  // A whole object or array member spans many lines; underline its key (or opening bracket) only.
  if (target.type === 'property' && (node.type === 'object' || node.type === 'array')) {
    const key = target.children?.[0];
    if (key) return { start: key.offset, end: key.offset + key.length };
  }
  if (target.type === 'object' || target.type === 'array')
    return { start: target.offset, end: target.offset + 1 };
  return { start: target.offset, end: target.offset + target.length };
}

/** The statement index a path lies in (`['Statement', 2, …]` → 2; a single statement object → 0). */
export function statementIndexOf(path: readonly PathSegment[]): number | undefined {
  if (path[0] !== 'Statement') return undefined;
  return typeof path[1] === 'number' ? path[1] : 0;
}
