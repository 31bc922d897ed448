// The batch line scanner finds duplicate keys, too-deep nesting and the policy documents' places.
// Its duplicate keys must be exactly those of the design loader's scanner (findDuplicateKey), on
// texts with repeated keys, escapes and objects of many keys, and the places must cut out each
// document's own text.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  CONTEXT_SPAN,
  countKeysOutside,
  countLineKeys,
  scanLine,
  type Place,
} from '../../../src-main/cli/batch-line';
import { countParsedKeys, findDuplicateKey } from '../../../shared/model/json-duplicate-keys';

interface Json {
  text: string;
  /** How many brackets deep it nests (0 for a scalar). */
  depth: number;
}

const deepest = (items: Json[]): number => Math.max(0, ...items.map((item) => item.depth));

/** JSON text of a tree whose objects may repeat keys (written directly: JSON.stringify cannot). */
const { json } = fc.letrec<{ json: Json }>((tie) => ({
  json: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc
      .constantFrom('1', 'true', 'null', '"a"', '"q\\"uote"', '"{[,]}"', '-2.5e3')
      .map((text) => ({ text, depth: 0 })),
    fc.array(tie('json'), { maxLength: 4 }).map((items) => ({
      text: `[${items.map((item) => item.text).join(',')}]`,
      depth: 1 + deepest(items),
    })),
    fc
      .array(
        fc.tuple(
          fc.constantFrom(
            'a',
            'b',
            'Effect',
            'a\\u0062',
            'ab',
            '\\"',
            'x y',
            'Statement',
            'c:d',
            '__proto__',
            'identityPolicies',
            'permissionsBoundary',
            'request',
            'context',
          ),
          tie('json'),
        ),
        { maxLength: 5 },
      )
      .map((members) => ({
        text: `{${members.map(([key, value]) => `"${key}": ${value.text}`).join(', ')}}`,
        depth: 1 + deepest(members.map(([, value]) => value)),
      })),
  ),
}));

describe('batch line scanner', () => {
  it('finds the duplicate key findDuplicateKey finds, at the same offset and path', () => {
    fc.assert(
      fc.property(json, ({ text }) => {
        expect(scanLine(text, 1000).duplicate).toEqual(findDuplicateKey(text));
      }),
      { numRuns: 3000 },
    );
  });

  it('finds a duplicate among many keys of one object, and none when they all differ', () => {
    const keys = Array.from({ length: 80 }, (_, index) => `"k${index}":${index}`);
    const distinct = `{"request":{${keys.join(',')}}}`;
    expect(scanLine(distinct, 64).duplicate).toBeUndefined();
    const repeated = `{"request":{${keys.join(',')},"k3":0}}`;
    expect(scanLine(repeated, 64).duplicate).toEqual({
      key: 'k3',
      offset: repeated.lastIndexOf('"k3"'),
      path: '$.request',
    });
  });

  it('reports nesting deeper than the limit', () => {
    fc.assert(
      fc.property(json, fc.integer({ min: 1, max: 6 }), ({ text, depth }, limit) => {
        const scan = scanLine(text, limit);
        // A duplicate key met before the deep bracket ends the scan first.
        if (scan.duplicate) return;
        expect(scan.deepAt !== undefined).toBe(depth > limit);
      }),
      { numRuns: 2000 },
    );
  });

  // A line with a context, two identity policies (one empty, one with brackets inside a string)
  // and a permissions boundary.
  const identity = '{"Version":"2012-10-17","Statement":[{"Sid":"[{\\"","Effect":"Allow"}]}';
  const boundary = '{"Statement":{"Effect":"Deny","Action":["*"]}}';
  const line = `{"request":{"context":{"k":["{"]}},"identityPolicies":[${identity}, {}],"permissionsBoundary":${boundary}}`;

  it('places each policy document and the request context, its text cut out exactly', () => {
    const scan = scanLine(line, 64);
    expect(scan.spans.map((span) => [span.name, line.slice(span.start, span.end)])).toEqual([
      ['request.context', '{"k":["{"]}'],
      ['identityPolicies[0]', identity],
      ['identityPolicies[1]', '{}'],
      ['permissionsBoundary', boundary],
    ]);
  });

  it('counts keys so that a line has a duplicate exactly when the count exceeds its parsed keys', () => {
    fc.assert(
      fc.property(json, fc.integer({ min: 1, max: 6 }), ({ text, depth }, limit) => {
        const counted = countLineKeys(text, limit);
        // Left to scanLine only for nesting too deep or an escaped top-level key.
        if (!text.includes('\\')) expect(counted === undefined).toBe(depth > limit);
        if (counted === undefined) {
          expect(depth > limit || text.includes('\\')).toBe(true);
          return;
        }
        expect(depth <= limit).toBe(true);
        const hasDuplicate = countParsedKeys(JSON.parse(text)) !== counted.keys;
        expect(hasDuplicate).toBe(findDuplicateKey(text) !== undefined);
        const scan = scanLine(text, limit);
        if (!scan.duplicate) {
          expect(counted.spans.map(({ keys: _keys, ...place }) => place)).toEqual(scan.spans);
          for (const span of counted.spans)
            expect(span.keys).toBe(countParsedKeys(JSON.parse(text.slice(span.start, span.end))));
        }
      }),
      { numRuns: 5000 },
    );
  });

  it('finds a duplicate with the documents counted apart, as evaluate --batch counts them', () => {
    // The keys outside the policy documents, then each document's own: all agree exactly when
    // the line holds no duplicate key (evaluate-batch.ts counts a new document as it reads it).
    const documentAt = (value: unknown, place: Place): unknown => {
      const held = (value as Record<string, unknown>)[place.member];
      return place.index < 0 ? held : (held as unknown[])[place.index];
    };
    let withDocuments = 0;
    fc.assert(
      fc.property(json, ({ text, depth }) => {
        const counted = countLineKeys(text, 64);
        if (counted === undefined || depth > 64) return;
        const value: unknown = JSON.parse(text);
        const documents = counted.spans.filter((span) => span.name !== CONTEXT_SPAN);
        if (documents.length > 0) withDocuments += 1;
        const inside = documents.reduce((sum, span) => sum + (span.keys ?? 0), 0);
        const agree =
          countKeysOutside(value, documents) === counted.keys - inside &&
          documents.every((span) => countParsedKeys(documentAt(value, span)) === span.keys);
        expect(agree).toBe(findDuplicateKey(text) === undefined);
      }),
      { numRuns: 5000 },
    );
    expect(withDocuments).toBeGreaterThan(50);
    // Two documents at one place with as many keys each: only the count outside them tells.
    const twice = '{"identityPolicies":[{"a":1}],"identityPolicies":[{"b":2}]}';
    const first = countLineKeys(twice, 64)?.spans[0];
    expect(first).toMatchObject({ name: 'identityPolicies[0]', member: 'identityPolicies', index: 0 });
    expect(countKeysOutside(JSON.parse(twice), first ? [first] : [])).toBe(1);
    expect(countLineKeys(twice, 64)?.keys).toBe(4);
  });

  it('names every document of a long list by its index, on one line after another', () => {
    const documents = Array.from({ length: 100 }, (_, index) => `{"Id":"d${index}"}`);
    const text = `{"identityPolicies":[${documents.join(',')}],"sessionPolicies":[{}]}`;
    for (let round = 0; round < 2; round += 1) {
      const spans = countLineKeys(text, 64)?.spans ?? [];
      expect(spans.map((span) => [span.name, span.member, span.index])).toEqual([
        ...documents.map((_, index) => [`identityPolicies[${index}]`, 'identityPolicies', index]),
        ['sessionPolicies[0]', 'sessionPolicies', 0],
      ]);
      expect(scanLine(text, 64).spans.map((span) => span.name)).toEqual(spans.map((span) => span.name));
    }
  });

  it('places the documents of a line as scanLine does, and counts a repeated __proto__ twice', () => {
    const counted = countLineKeys(line, 64);
    expect(counted?.spans.map(({ keys: _keys, ...place }) => place)).toEqual(scanLine(line, 64).spans);
    expect(counted?.spans.map((span) => span.keys)).toEqual([1, 4, 0, 3]);
    const repeated = '{"request":{"__proto__":{},"__proto__":1}}';
    expect(countLineKeys(repeated, 64)?.keys).toBe(3);
    expect(countParsedKeys(JSON.parse(repeated))).toBe(2);
  });

  it('places a context only as the request object\'s own "context" member', () => {
    const placed = (line: string): string[] =>
      (countLineKeys(line, 64)?.spans ?? []).map(
        (span) => `${span.name} ${line.slice(span.start, span.end)}`,
      );
    expect(placed('{"request":{"a":{"context":{}},"context":{"k":"v"}}}')).toEqual([
      'request.context {"k":"v"}',
    ]);
    expect(placed('{"context":{"k":"v"},"request":{"b":[{"context":{}}]}}')).toEqual([]);
    expect(placed('{"request":[{"context":{"k":"v"}}]}')).toEqual([]);
    // An escaped key of the request is decoded by scanLine alone, which places it the same way.
    const escaped = '{"request":{"\\u0063ontext":{"k":"v"}}}';
    expect(countLineKeys(escaped, 64)).toBeUndefined();
    expect(scanLine(escaped, 64).spans.map((span) => span.name)).toEqual(['request.context']);
  });
});
