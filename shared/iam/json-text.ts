// A small JSON reader that remembers where every value sits in the text, so policy issues can name a
// line and column, and reports duplicate keys (JSON.parse silently keeps the last one, and so does AWS:
// a second "StringEquals" block in one Condition quietly replaces the first).
import { canonicalJsonPath, pathWithIndex, pathWithKey } from './json-path';

export interface TextPosition {
  /** 1-based. */
  line: number;
  /** 1-based, in UTF-16 code units (what editors count). */
  column: number;
}

export interface JsonSyntaxError extends TextPosition {
  message: string;
}

export interface JsonReadResult {
  value?: unknown;
  error?: JsonSyntaxError;
  /** Position of each member key (object members) or value (array items, `$`), by JSON path. */
  positions: Map<string, TextPosition>;
  duplicateKeys: Array<{ path: string; key: string }>;
}

/** Deeper nesting than this is refused rather than risking the stack; real policies nest about 5 levels. */
export const maximumJsonDepth = 128;
/** Larger texts are refused; AWS's own limits for any policy type are far below this. */
export const maximumJsonLength = 1_000_000;

class JsonFailure {
  constructor(
    readonly message: string,
    readonly offset: number,
  ) {}
}

export function readJsonText(text: string): JsonReadResult {
  const positions = new Map<string, TextPosition>();
  const duplicateKeys: Array<{ path: string; key: string }> = [];
  if (text.length > maximumJsonLength) {
    return {
      error: {
        message: `policy text is ${text.length} characters; the limit is ${maximumJsonLength}`,
        line: 1,
        column: 1,
      },
      positions,
      duplicateKeys,
    };
  }
  const lineStarts = computeLineStarts(text);
  const reader = new Reader(
    text,
    (path, offset) => positions.set(path, positionInLines(lineStarts, offset)),
    duplicateKeys,
  );
  try {
    const value = reader.readDocument();
    return { value, positions, duplicateKeys };
  } catch (failure) {
    if (failure instanceof JsonFailure) {
      return {
        error: { message: failure.message, ...positionInLines(lineStarts, failure.offset) },
        positions,
        duplicateKeys,
      };
    }
    throw failure;
  }
}

/**
 * Line and column of a JSON path inside JSON text (the member's key, or the array item); undefined if the
 * text does not parse up to it or lacks it. Paths may also use plain dots for odd keys (`.aws:username`).
 */
export function locateJsonPath(text: string, path: string): TextPosition | undefined {
  if (typeof text !== 'string') return undefined;
  return jsonPathLocator(text)(path);
}

/** `locateJsonPath` for many paths in one text: the text is read once. */
export function jsonPathLocator(text: string): (path: string) => TextPosition | undefined {
  const positions = readJsonText(text).positions;
  return (path) => {
    if (typeof path !== 'string') return undefined;
    const exact = positions.get(path);
    if (exact) return exact;
    const canonical = canonicalJsonPath(path);
    return canonical === undefined ? undefined : positions.get(canonical);
  };
}

/** Offsets at which each line of the text starts, for `positionInLines`. */
export function computeLineStarts(text: string): number[] {
  const starts = [0];
  for (let index = 0; index < text.length; index++) {
    if (text.charCodeAt(index) === 10) starts.push(index + 1);
  }
  return starts;
}

/** Line and column of an offset, by binary search over `computeLineStarts(text)`. */
export function positionInLines(lineStarts: readonly number[], offset: number): TextPosition {
  let low = 0;
  let high = lineStarts.length - 1;
  while (low < high) {
    const middle = (low + high + 1) >> 1;
    if ((lineStarts[middle] ?? 0) <= offset) low = middle;
    else high = middle - 1;
  }
  return { line: low + 1, column: offset - (lineStarts[low] ?? 0) + 1 };
}

class Reader {
  private offset = 0;

  constructor(
    private readonly text: string,
    private readonly record: (path: string, offset: number) => void,
    private readonly duplicateKeys: Array<{ path: string; key: string }>,
  ) {}

  readDocument(): unknown {
    this.skipWhitespace();
    if (this.offset >= this.text.length)
      throw new JsonFailure('the text is empty; expected a JSON object', this.offset);
    this.record('$', this.offset);
    const value = this.readValue('$', 0);
    this.skipWhitespace();
    if (this.offset < this.text.length)
      throw new JsonFailure('unexpected text after the end of the JSON value', this.offset);
    return value;
  }

  private readValue(path: string, depth: number): unknown {
    if (depth > maximumJsonDepth)
      throw new JsonFailure(`nesting deeper than ${maximumJsonDepth} levels`, this.offset);
    const character = this.text[this.offset];
    switch (character) {
      case '{':
        return this.readObject(path, depth);
      case '[':
        return this.readArray(path, depth);
      case '"':
        return this.readString();
      case 't':
        return this.readLiteral('true', true);
      case 'f':
        return this.readLiteral('false', false);
      case 'n':
        return this.readLiteral('null', null);
      default:
        if (character === '-' || (character !== undefined && character >= '0' && character <= '9'))
          return this.readNumber();
        if (character === undefined)
          throw new JsonFailure('unexpected end of text; expected a value', this.offset);
        throw new JsonFailure(
          `unexpected character ${JSON.stringify(character)}; expected a value`,
          this.offset,
        );
    }
  }

  private readObject(path: string, depth: number): Record<string, unknown> {
    const result: Record<string, unknown> = {};
    const seen = new Set<string>();
    this.offset++;
    this.skipWhitespace();
    if (this.text[this.offset] === '}') {
      this.offset++;
      return result;
    }
    for (;;) {
      this.skipWhitespace();
      if (this.text[this.offset] !== '"') {
        throw new JsonFailure(
          this.text[this.offset] === '}' ? 'trailing comma before "}"' : 'expected a quoted property name',
          this.offset,
        );
      }
      const keyOffset = this.offset;
      const key = this.readString();
      const memberPath = pathWithKey(path, key);
      if (seen.has(key)) this.duplicateKeys.push({ path: memberPath, key });
      seen.add(key);
      this.record(memberPath, keyOffset);
      this.skipWhitespace();
      if (this.text[this.offset] !== ':')
        throw new JsonFailure(`expected ":" after property name ${JSON.stringify(key)}`, this.offset);
      this.offset++;
      this.skipWhitespace();
      const value = this.readValue(memberPath, depth + 1);
      Object.defineProperty(result, key, { value, enumerable: true, writable: true, configurable: true });
      this.skipWhitespace();
      const separator = this.text[this.offset];
      if (separator === ',') {
        this.offset++;
      } else if (separator === '}') {
        this.offset++;
        return result;
      } else {
        throw new JsonFailure(
          separator === undefined ? 'unexpected end of text; expected "}"' : 'expected "," or "}"',
          this.offset,
        );
      }
    }
  }

  private readArray(path: string, depth: number): unknown[] {
    const result: unknown[] = [];
    this.offset++;
    this.skipWhitespace();
    if (this.text[this.offset] === ']') {
      this.offset++;
      return result;
    }
    for (;;) {
      this.skipWhitespace();
      if (this.text[this.offset] === ']') throw new JsonFailure('trailing comma before "]"', this.offset);
      const itemPath = pathWithIndex(path, result.length);
      this.record(itemPath, this.offset);
      result.push(this.readValue(itemPath, depth + 1));
      this.skipWhitespace();
      const separator = this.text[this.offset];
      if (separator === ',') {
        this.offset++;
      } else if (separator === ']') {
        this.offset++;
        return result;
      } else {
        throw new JsonFailure(
          separator === undefined ? 'unexpected end of text; expected "]"' : 'expected "," or "]"',
          this.offset,
        );
      }
    }
  }

  private readString(): string {
    const start = this.offset;
    this.offset++;
    let result = '';
    let chunkStart = this.offset;
    for (;;) {
      const code = this.text.charCodeAt(this.offset);
      if (Number.isNaN(code)) throw new JsonFailure('unterminated string', start);
      if (code === 34) {
        result += this.text.slice(chunkStart, this.offset);
        this.offset++;
        return result;
      }
      if (code < 32)
        throw new JsonFailure('control character inside a string (use \\n, \\t, …)', this.offset);
      if (code === 92) {
        result += this.text.slice(chunkStart, this.offset);
        result += this.readEscape();
        chunkStart = this.offset;
      } else {
        this.offset++;
      }
    }
  }

  private readEscape(): string {
    const escapeOffset = this.offset;
    const character = this.text[this.offset + 1];
    this.offset += 2;
    switch (character) {
      case '"':
        return '"';
      case '\\':
        return '\\';
      case '/':
        return '/';
      case 'b':
        return '\b';
      case 'f':
        return '\f';
      case 'n':
        return '\n';
      case 'r':
        return '\r';
      case 't':
        return '\t';
      case 'u': {
        const hex = this.text.slice(this.offset, this.offset + 4);
        if (!/^[0-9a-fA-F]{4}$/.test(hex))
          throw new JsonFailure('invalid \\u escape; expected 4 hex digits', escapeOffset);
        this.offset += 4;
        return String.fromCharCode(parseInt(hex, 16));
      }
      default:
        throw new JsonFailure(`invalid escape "\\${character ?? ''}" in string`, escapeOffset);
    }
  }

  private readNumber(): number {
    const match = /^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/.exec(
      this.text.slice(this.offset, this.offset + 400),
    );
    if (!match) throw new JsonFailure('invalid number', this.offset);
    this.offset += match[0].length;
    return Number(match[0]);
  }

  private readLiteral<T>(word: string, value: T): T {
    if (this.text.startsWith(word, this.offset)) {
      this.offset += word.length;
      return value;
    }
    throw new JsonFailure(`unexpected word; expected ${word}`, this.offset);
  }

  private skipWhitespace(): void {
    for (;;) {
      const code = this.text.charCodeAt(this.offset);
      if (code === 32 || code === 10 || code === 13 || code === 9) this.offset++;
      else return;
    }
  }
}
