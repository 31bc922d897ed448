// Malformed input as a test category of its own (design.md §10): garbage, truncations, wrong types,
// deep nesting and huge inputs. The loader must answer with issues, never throw, never hang.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadDesign, MAX_NESTING_DEPTH, serializeDesign } from '../../../shared/model/io';
import type { LoadResult } from '../../../shared/model/io';
import { aDesign, aPersona, aRule, aRoleMapping, aUser } from '../builders/design';

const EXAMPLES = ['photo-sharing', 'b2b-saas', 'analytics-sdk'].map((name) =>
  readFileSync(join(__dirname, `../../../assets/examples/${name}.cognito-design.json`), 'utf8'),
);

function expectWellFormedIssues(result: LoadResult): void {
  for (const issue of result.issues) {
    expect(issue.path.startsWith('$')).toBe(true);
    expect(typeof issue.message).toBe('string');
    expect(issue.message.length).toBeGreaterThan(0);
    expect(issue.message).not.toMatch(/\n\s+at /);
  }
  if (!result.ok) expect(result.issues.some((issue) => issue.severity === 'error')).toBe(true);
}

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** Every path inside a JSON value, as key lists. */
function pathsOf(value: Json, prefix: Array<string | number> = []): Array<Array<string | number>> {
  const here = prefix.length > 0 ? [prefix] : [];
  if (Array.isArray(value))
    return [...here, ...value.flatMap((item, index) => pathsOf(item, [...prefix, index]))];
  if (value && typeof value === 'object')
    return [...here, ...Object.entries(value).flatMap(([key, item]) => pathsOf(item, [...prefix, key]))];
  return here;
}

function jsonType(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  return typeof value;
}

function replaceAt(root: Json, path: Array<string | number>, replacement: Json): Json {
  const copy = JSON.parse(JSON.stringify(root)) as Json;
  let owner = copy as Record<string | number, Json>;
  for (const segment of path.slice(0, -1)) owner = owner[segment] as Record<string | number, Json>;
  owner[path[path.length - 1] as string | number] = replacement;
  return copy;
}

describe('loadDesign on malformed input', () => {
  it('answers garbage strings with issues', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 300 }), (text) => {
        const result = loadDesign(text);
        expect(result.ok).toBe(false);
        expectWellFormedIssues(result);
      }),
      { numRuns: 1000 },
    );
  });

  it('answers arbitrary JSON with issues', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const result = loadDesign(JSON.stringify(value) ?? 'null');
        expect(result.ok).toBe(false);
        expectWellFormedIssues(result);
      }),
      { numRuns: 1000 },
    );
  });

  it('answers objects shaped almost like a design with issues', () => {
    const almost = fc.record(
      {
        format: fc.constantFrom('cognito-access-studio/design', 'other', 1),
        version: fc.oneof(fc.constantFrom(1, 2, 3), fc.jsonValue()),
        name: fc.jsonValue(),
        account: fc.jsonValue(),
        providers: fc.array(fc.jsonValue(), { maxLength: 3 }),
        userPools: fc.jsonValue(),
        identityPools: fc.array(
          fc.dictionary(fc.constantFrom('id', 'poolId', 'roleMappings', 'name'), fc.jsonValue()),
          { maxLength: 3 },
        ),
        roles: fc.jsonValue(),
        layout: fc.jsonValue(),
      },
      { requiredKeys: [] },
    );
    fc.assert(
      fc.property(almost, (value) => {
        const result = loadDesign(JSON.stringify(value));
        expect(result.ok).toBe(false);
        expectWellFormedIssues(result);
      }),
      { numRuns: 1000 },
    );
  });

  it('answers every truncation of the examples with issues', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...EXAMPLES),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (text, fraction) => {
          const cut = Math.floor(text.length * fraction);
          const result = loadDesign(text.slice(0, cut));
          expectWellFormedIssues(result);
          // Only dropping trailing whitespace keeps the document whole.
          expect(result.ok).toBe(text.slice(0, cut).trim() === text.trim());
        },
      ),
      { numRuns: 500 },
    );
  });

  it('reports a value of the wrong type at any path where the format fixes the type', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...EXAMPLES),
        fc.nat(),
        fc.oneof(
          fc.constant(null),
          fc.boolean(),
          fc.integer(),
          fc.string({ maxLength: 5 }),
          fc.constant([]),
          fc.constant({}),
        ),
        (text, pick, replacement) => {
          const document = JSON.parse(text) as Json;
          const paths = pathsOf(document);
          const path = paths[pick % paths.length] as Array<string | number>;
          let original: Json = document;
          for (const segment of path) original = (original as Record<string | number, Json>)[segment] as Json;
          fc.pre(jsonType(original) !== jsonType(replacement));
          const result = loadDesign(JSON.stringify(replaceAt(document, path, replacement as Json)));
          expectWellFormedIssues(result);
          // Policy documents and persona claims are free-form JSON checked elsewhere (the IAM engine);
          // everywhere else a type change is an error.
          const freeForm = path.includes('document') || path.includes('claims');
          if (!freeForm) expect(result.ok).toBe(false);
        },
      ),
      { numRuns: 1000 },
    );
  });

  it('rejects deep nesting anywhere without overflowing the stack', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: MAX_NESTING_DEPTH + 1, max: 200_000 }),
        fc.constantFrom('[', '{"a":'),
        fc.boolean(),
        (depth, opener, closed) => {
          const closer = opener === '[' ? ']' : '}';
          const nested = `${opener.repeat(depth)}1${closed ? closer.repeat(depth) : ''}`;
          const text = EXAMPLES[2]!.replace('"description": ', `"nested": ${nested}, "description": `);
          const result = loadDesign(text);
          expect(result.ok).toBe(false);
          expect(result.issues[0]?.code).toBe('too-deep');
        },
      ),
      { numRuns: 50 },
    );
  });

  it('rejects huge inputs before parsing them', () => {
    const huge = `{"format":"cognito-access-studio/design","version":2,"name":"${'x'.repeat(21 * 1024 * 1024)}"}`;
    const result = loadDesign(huge);
    expect(result.ok).toBe(false);
    expect(result.issues).toHaveLength(1);
    expect(result.issues[0]?.code).toBe('too-large');
  });

  it('loads a large valid design (2,000 roles, 400 rules, 10,000 users and personas)', () => {
    const builder = aDesign().withUserPool({ id: 'pool' });
    for (let index = 0; index < 2000; index += 1)
      builder.withRole({ id: `role-${index}x`, name: `LargeRole${index}` });
    const design = builder
      .with((draft) => {
        draft.userPools[0]!.clients[0]!.id = 'web';
        draft.userPools[0]!.users = Array.from({ length: 10_000 }, (_, index) => aUser(`user${index}`));
      })
      .withIdentityPool({
        id: 'big-pool',
        roleMappings: [
          aRoleMapping(
            { type: 'userPoolClient', userPoolId: 'pool', clientId: 'web' },
            {
              type: 'Rules',
              rules: Array.from({ length: 400 }, (_, index) =>
                aRule(`role-${index}x`, { id: `big-rule-${index}` }),
              ),
            },
          ),
        ],
      })
      .with((draft) => {
        draft.personas = Array.from({ length: 10_000 }, (_, index) =>
          aPersona('big-pool', {
            id: `big-persona-${index}`,
            login: { type: 'userPool', userPoolId: 'pool', clientId: 'web', username: `user${index}` },
          }),
        );
      })
      .build();
    const text = serializeDesign(design);
    const result = loadDesign(text);
    expect(result.ok).toBe(true);
    expect(result.issues).toEqual([expect.objectContaining({ severity: 'warning', code: 'limit' })]);
  });
});

describe('serializeDesign round trip', () => {
  it('round-trips generated designs and is stable', () => {
    const names = fc.string({ minLength: 1, maxLength: 30 }).filter((name) => name.trim().length > 0);
    fc.assert(
      fc.property(
        names,
        fc.dictionary(
          fc
            .string({ minLength: 1, maxLength: 10 })
            .filter((key) => !key.toLowerCase().startsWith('aws:') && key !== '__proto__'),
          fc.string({ maxLength: 20 }),
          { maxKeys: 8 },
        ),
        fc.array(fc.record({ x: fc.double({ noNaN: true, noDefaultInfinity: true }), y: fc.integer() }), {
          maxLength: 4,
        }),
        (name, tags, points) => {
          const builder = aDesign().withName(name);
          points.forEach((point, index) =>
            builder
              .withRole({ id: `r${index}`, name: `R${index}`, tags })
              .withPosition(`r${index}`, point.x, point.y),
          );
          const design = builder.build();
          const text = serializeDesign(design);
          const result = loadDesign(text);
          expect(result.ok).toBe(true);
          if (!result.ok) return;
          expect(serializeDesign(result.design)).toBe(text);
          expect(JSON.parse(text)).toEqual(JSON.parse(JSON.stringify(design)));
        },
      ),
      { numRuns: 300 },
    );
  });
});
