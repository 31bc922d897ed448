// One pass over a line of `evaluate --batch` input that finds what JSON.parse does not check —
// nesting depth and duplicate keys — and where each policy document's text sits, so a document
// seen before is recognised by its text without being parsed again.

import { pathOf, stringEnd } from '../../shared/model/json-duplicate-keys';

export interface PolicySpan {
  /** `identityPolicies[0]`, `sessionPolicies[1]`, `permissionsBoundary`, `resourcePolicy`. */
  name: string;
  start: number;
  /** Exclusive. */
  end: number;
}

export interface LineScan {
  /** Offset of the bracket that nests too deep. */
  deepAt?: number;
  duplicate?: { key: string; offset: number; path: string };
  /** Object values of the policy members, in text order. */
  spans: PolicySpan[];
}

interface Frame {
  keys: string[] | undefined;
  step: string | number;
  expectingKey: boolean;
  start: number;
  /** Set on the frame of a policy document: its name in the input. */
  policy?: string;
}

const listMembers = new Set(['identityPolicies', 'sessionPolicies']);
const singleMembers = new Set(['permissionsBoundary', 'resourcePolicy']);

/** The name of a policy document opening at the current position, if the stack places it there. */
function policyName(stack: Frame[]): string | undefined {
  const depth = stack.length;
  const top = stack[0];
  if (depth === 1 && top && singleMembers.has(top.step as string)) return top.step as string;
  if (depth === 2 && top && listMembers.has(top.step as string) && stack[1]?.keys === undefined)
    return `${top.step as string}[${stack[1]?.step as number}]`;
  return undefined;
}

/** Scans JSON text; structure errors are left to JSON.parse (the result is then meaningless). */
export function scanLine(text: string, maxDepth: number): LineScan {
  const stack: Frame[] = [];
  const spans: PolicySpan[] = [];
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
        if (frame.keys.includes(key))
          return { duplicate: { key, offset: index, path: pathOf(stack) }, spans };
        frame.keys.push(key);
        frame.step = key;
        frame.expectingKey = false;
      }
      index = end;
    } else if (code === 123 || code === 91) {
      if (stack.length >= maxDepth) return { deepAt: index, spans };
      const frame: Frame =
        code === 123
          ? { keys: [], step: '', expectingKey: true, start: index }
          : { keys: undefined, step: 0, expectingKey: false, start: index };
      if (code === 123) frame.policy = policyName(stack);
      stack.push(frame);
    } else if (code === 125 || code === 93) {
      const frame = stack.pop();
      if (frame?.policy !== undefined) spans.push({ name: frame.policy, start: frame.start, end: index + 1 });
    } else if (code === 44) {
      const frame = stack[stack.length - 1];
      if (frame?.keys) frame.expectingKey = true;
      else if (frame) frame.step = (frame.step as number) + 1;
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
