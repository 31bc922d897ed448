import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { readLines, type InputLine } from '../../../src-main/cli/line-reader';

async function groupsOf(chunks: string[], maxLineBytes: number, groupBytes?: number): Promise<InputLine[][]> {
  const groups: InputLine[][] = [];
  const stream = Readable.from(chunks.map((chunk) => Buffer.from(chunk)));
  for await (const group of readLines(stream, maxLineBytes, groupBytes)) groups.push(group);
  return groups;
}

const texts = (groups: InputLine[][]): (string | undefined)[] => groups.flat().map((line) => line.text);

describe('readLines', () => {
  it('hands out a chunk of many lines in groups of about the group size, in order', async () => {
    const lines = Array.from({ length: 100 }, (_, index) => `{"n":${String(index).padStart(3, '0')}}`);
    const chunk = `${lines.join('\n')}\n`; // 10 bytes a line with its newline
    const groups = await groupsOf([chunk], 1000, 95);
    expect(texts(groups)).toEqual(lines);
    expect(groups.flat().map((line) => line.lineNumber)).toEqual(lines.map((_, index) => index + 1));
    // A group ends with the line that reaches 95 bytes: ten lines of 10 bytes.
    expect(groups.map((group) => group.length)).toEqual(Array(10).fill(10));
  });

  it('makes one group per chunk read when the group size is unbounded', async () => {
    const groups = await groupsOf(['a\nb\nc', 'd\ne\n', 'f\n'], 1000, Number.POSITIVE_INFINITY);
    expect(groups.map((group) => group.map((line) => line.text))).toEqual([['a', 'b'], ['cd', 'e'], ['f']]);
  });

  it('keeps a line that spans chunks whole, whatever the group size', async () => {
    const groups = await groupsOf(['{"a":', '1}\r\n\n  \n{"b":2}'], 1000, 1);
    expect(texts(groups)).toEqual(['{"a":1}', '{"b":2}']);
    expect(groups.flat().map((line) => line.lineNumber)).toEqual([1, 4]);
  });

  it('answers a line over the limit with a reason and goes on with the next', async () => {
    const groups = await groupsOf([`${'x'.repeat(50)}\nok\n`], 20, 1);
    const [long, next] = groups.flat();
    expect(long).toEqual({ lineNumber: 1, reason: 'line is longer than the 20-byte limit per line' });
    expect(next).toEqual({ lineNumber: 2, text: 'ok' });
  });
});
