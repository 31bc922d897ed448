// Malformed input is a category of its own: the import must answer (ok or problems), never throw.

import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { importAwsDumps } from '../../../shared/import';

const directory = join(__dirname, '../../fixtures/aws-dumps/field-app');
const fixtures = readdirSync(directory).map((name) => ({
  name,
  content: JSON.parse(readFileSync(join(directory, name), 'utf8')) as Record<string, unknown>,
}));

/** Replaces the value at a random path of a JSON value. */
function mutate(value: unknown, path: number[], replacement: unknown): unknown {
  if (path.length === 0 || value === null || typeof value !== 'object') return replacement;
  const entries = Array.isArray(value)
    ? value.map((item, index) => [String(index), item] as const)
    : Object.entries(value);
  if (entries.length === 0) return replacement;
  const [head, ...rest] = path;
  const index = (head ?? 0) % entries.length;
  const copy: Record<string, unknown> | unknown[] = Array.isArray(value)
    ? [...value]
    : { ...(value as Record<string, unknown>) };
  const key = entries[index]![0];
  (copy as Record<string, unknown>)[key] = mutate(entries[index]![1], rest, replacement);
  return copy;
}

describe('import of garbage', () => {
  it('never throws on arbitrary JSON', () => {
    fc.assert(
      fc.property(fc.array(fc.jsonValue(), { maxLength: 4 }), (contents) => {
        const result = importAwsDumps(
          contents.map((content, index) => ({ name: `f${index}.json`, content })),
        );
        expect(typeof result.ok).toBe('boolean');
      }),
      { numRuns: 300 },
    );
  });

  it('never throws when any field of a real dump holds a wrong value', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: fixtures.length - 1 }),
        fc.array(fc.nat(), { minLength: 1, maxLength: 6 }),
        fc.jsonValue({ maxDepth: 2 }),
        (which, path, replacement) => {
          const files = fixtures.map((file, index) =>
            index === which ? { ...file, content: mutate(file.content, path, replacement) } : file,
          );
          const result = importAwsDumps(files);
          if (!result.ok) expect(result.problems[0]?.file).toBe(fixtures[which]!.name);
        },
      ),
      { numRuns: 400 },
    );
  });

  it('rejects an empty list of files', () => {
    expect(importAwsDumps([]).ok).toBe(false);
  });
});
