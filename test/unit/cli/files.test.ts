// The CLI's file helpers, in process: JSON error positions and the atomic, no-overwrite write.

import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CliInputError } from '../../../src-main/cli/errors';
import { parseJsonText, readJsonFile, writeFileAtomic } from '../../../src-main/cli/files';
import { temporaryDirectory } from './run-cli';

async function messageOf(action: () => unknown): Promise<string> {
  try {
    await action();
  } catch (error) {
    expect(error).toBeInstanceOf(CliInputError);
    return (error as Error).message;
  }
  throw new Error('expected an error');
}

describe('parseJsonText', () => {
  it('names the file, line and column of a syntax error', async () => {
    // The stray "x" is the first character of line 3, column 3.
    expect(await messageOf(() => parseJsonText('{\n  "a": 1,\n  x\n}', 'in.json'))).toMatch(
      /^in\.json: malformed JSON: .* at line 3, column 3$/,
    );
  });

  it('says when the file is empty and accepts a byte-order mark', async () => {
    expect(await messageOf(() => parseJsonText('  \n', 'empty.json'))).toBe(
      'empty.json: malformed JSON: the file is empty',
    );
    expect(parseJsonText('\ufeff{"a": 1}', 'bom.json')).toEqual({ a: 1 });
  });

  it('reports a missing file in one line', async () => {
    expect(await messageOf(() => readJsonFile('/nonexistent/dir/file.json'))).toBe(
      '/nonexistent/dir/file.json: no such file',
    );
  });
});

describe('writeFileAtomic', () => {
  it('writes the content and leaves no temporary file behind', async () => {
    const directory = temporaryDirectory();
    const target = join(directory, 'out.json');
    await writeFileAtomic(target, '{"a": 1}\n', { force: false });
    expect(readFileSync(target, 'utf8')).toBe('{"a": 1}\n');
    expect(readdirSync(directory)).toEqual(['out.json']);
  });

  it('keeps an existing file unless forced', async () => {
    const directory = temporaryDirectory();
    const target = join(directory, 'out.json');
    writeFileSync(target, 'old');
    expect(await messageOf(() => writeFileAtomic(target, 'new', { force: false }))).toBe(
      `${target}: file exists; use --force to replace it`,
    );
    expect(readFileSync(target, 'utf8')).toBe('old');
    expect(readdirSync(directory)).toEqual(['out.json']);
    await writeFileAtomic(target, 'new', { force: true });
    expect(readFileSync(target, 'utf8')).toBe('new');
    expect(readdirSync(directory)).toEqual(['out.json']);
  });

  it('reports a folder that does not exist', async () => {
    expect(
      await messageOf(() => writeFileAtomic('/nonexistent/dir/out.json', 'x', { force: false })),
    ).toContain('/nonexistent/dir/out.json: cannot write');
  });
});
