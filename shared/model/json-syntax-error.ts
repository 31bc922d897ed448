// Locates and describes the first syntax error of text that JSON.parse rejected. Engines word and
// locate their errors differently (Node 20's V8 gives no position for "Unexpected token"), so
// the loader asks this strict (RFC 8259) scanner instead. Iterative, linear, never throws.

export interface JsonSyntaxError {
  /** UTF-16 offset of the offending character (the text length for an early end). */
  offset: number;
  reason: string;
}

type Expect = 'value' | 'firstValue' | 'key' | 'firstKey' | 'colon' | 'afterValue';

const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const ESCAPES = new Set(['"', '\\', '/', 'b', 'f', 'n', 'r', 't']);
const HEX4 = /^[0-9a-fA-F]{4}$/;

export function findJsonSyntaxError(text: string): JsonSyntaxError | undefined {
  const stack: string[] = [];
  let expect: Expect = 'value';
  let index = 0;
  while (true) {
    while (index < text.length && ' \t\n\r'.includes(text.charAt(index))) index += 1;
    if (index >= text.length) {
      if (expect === 'afterValue' && stack.length === 0) return undefined;
      return { offset: text.length, reason: 'unexpected end of the document' };
    }
    const char = text.charAt(index);
    const top = stack[stack.length - 1];
    switch (expect) {
      case 'value':
      case 'firstValue': {
        if (char === ']' && expect === 'firstValue') {
          stack.pop();
          index += 1;
          expect = 'afterValue';
          break;
        }
        if (char === '{' || char === '[') {
          stack.push(char);
          index += 1;
          expect = char === '{' ? 'firstKey' : 'firstValue';
          break;
        }
        const end = scanScalar(text, index);
        if (typeof end !== 'number') return end;
        index = end;
        expect = 'afterValue';
        break;
      }
      case 'key':
      case 'firstKey': {
        if (char === '}' && expect === 'firstKey') {
          stack.pop();
          index += 1;
          expect = 'afterValue';
          break;
        }
        if (char !== '"') return { offset: index, reason: 'expected a property name in double quotes' };
        const end = scanString(text, index);
        if (typeof end !== 'number') return end;
        index = end;
        expect = 'colon';
        break;
      }
      case 'colon':
        if (char !== ':') return { offset: index, reason: 'expected `:` after the property name' };
        index += 1;
        expect = 'value';
        break;
      case 'afterValue':
        if (top === undefined)
          return { offset: index, reason: 'unexpected text after the end of the document' };
        if (char === ',') {
          index += 1;
          expect = top === '{' ? 'key' : 'value';
        } else if ((char === '}' && top === '{') || (char === ']' && top === '[')) {
          stack.pop();
          index += 1;
        } else {
          return {
            offset: index,
            reason:
              top === '{' ? 'expected `,` or `}` after a property' : 'expected `,` or `]` after an item',
          };
        }
        break;
    }
  }
}

/** A string, number or literal starting at `start`; returns the offset after it or the error. */
function scanScalar(text: string, start: number): number | JsonSyntaxError {
  const char = text.charAt(start);
  if (char === '"') return scanString(text, start);
  if (char === '-' || (char >= '0' && char <= '9')) {
    NUMBER.lastIndex = start;
    const match = NUMBER.exec(text);
    return match ? start + match[0].length : { offset: start, reason: 'malformed number' };
  }
  for (const literal of ['true', 'false', 'null']) {
    if (text.startsWith(literal, start)) return start + literal.length;
  }
  if (char === '/') return { offset: start, reason: 'comments are not allowed in JSON' };
  if (char === "'") return { offset: start, reason: 'strings must use double quotes' };
  return { offset: start, reason: 'expected a value' };
}

function scanString(text: string, start: number): number | JsonSyntaxError {
  for (let index = start + 1; index < text.length; index += 1) {
    const code = text.charCodeAt(index);
    if (code === 34) return index + 1;
    if (code < 0x20) return { offset: index, reason: 'control characters must be escaped inside strings' };
    if (code === 92) {
      const escape = text.charAt(index + 1);
      if (escape === 'u') {
        if (!HEX4.test(text.slice(index + 2, index + 6)))
          return { offset: index, reason: 'malformed `\\u` escape' };
        index += 5;
      } else if (ESCAPES.has(escape)) {
        index += 1;
      } else {
        return { offset: index, reason: 'invalid escape sequence in a string' };
      }
    }
  }
  return { offset: text.length, reason: 'unterminated string' };
}
