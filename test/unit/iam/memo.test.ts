// The tables of results by text keep memory bounded: a batch may bring any number of texts.
import { describe, expect, it } from 'vitest';
import { GroupedMemo, remembered } from '../../../shared/iam/memo';

describe('results remembered by text', () => {
  it('computes once per text and starts over when the table is full', () => {
    const table = new Map<string, number>();
    let computed = 0;
    const lengthOf = (text: string): number =>
      remembered(table, text, () => (computed += 1) && text.length, 3);
    expect([lengthOf('a'), lengthOf('bb'), lengthOf('a'), lengthOf('ccc')]).toEqual([1, 2, 1, 3]);
    expect(computed).toBe(3);
    lengthOf('dddd');
    expect(table.size).toBe(1);
    lengthOf('a');
    expect(computed).toBe(5);
  });

  it('keeps groups apart and bounds the entries of all groups together', () => {
    const memo = new GroupedMemo<string>(4);
    let computed = 0;
    const get = (group: string, key: string): string =>
      memo.get(group, key, () => {
        computed += 1;
        return `${group}/${key}`;
      });
    // The same key in two groups is two entries, never confused (no joined key to collide).
    expect([get('1:a', 'b'), get('1:a', 'b'), get('', '1:ab')]).toEqual(['1:a/b', '1:a/b', '/1:ab']);
    expect(computed).toBe(2);
    for (const key of ['c', 'd', 'e']) get('g', key);
    expect(computed).toBe(5);
    // The fifth entry started the tables over: the first is computed again.
    get('1:a', 'b');
    expect(computed).toBe(6);
  });
});
