import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readTextFileLimited } from '../../../src-main/services/files';
import { useTemporaryDirectories } from './temporary-directory';

const temporaryDirectory = useTemporaryDirectories();

describe('readTextFileLimited', () => {
  it('reads UTF-8 text within the limit', async () => {
    const path = join(await temporaryDirectory(), 'a.json');
    await writeFile(path, '{"name":"Café"}');
    expect(await readTextFileLimited(path, 1024)).toBe('{"name":"Café"}');
  });

  it('accepts a file of exactly the limit and refuses one byte more', async () => {
    const directory = await temporaryDirectory();
    const exact = join(directory, 'exact.json');
    const over = join(directory, 'over.json');
    await writeFile(exact, 'x'.repeat(100));
    await writeFile(over, 'x'.repeat(101));
    expect(await readTextFileLimited(exact, 100)).toHaveLength(100);
    await expect(readTextFileLimited(over, 100)).rejects.toMatchObject({ code: 'too-large' });
  });

  it('holds files that report no size (such as /proc files) to the limit', async () => {
    await expect(readTextFileLimited('/proc/self/status', 10)).rejects.toMatchObject({ code: 'too-large' });
  });

  it('reports a missing file, a directory and binary content clearly', async () => {
    const directory = await temporaryDirectory();
    await expect(readTextFileLimited(join(directory, 'none.json'), 100)).rejects.toMatchObject({
      code: 'not-found',
      message: `Cannot open ${join(directory, 'none.json')}: no such file or directory.`,
    });
    await expect(readTextFileLimited(directory, 100)).rejects.toMatchObject({ code: 'not-a-file' });
    const binary = join(directory, 'binary.json');
    await writeFile(binary, Buffer.from([0xff, 0xfe, 0x00, 0x80]));
    await expect(readTextFileLimited(binary, 100)).rejects.toMatchObject({
      code: 'invalid-content',
      message: `Cannot open ${binary}: it is not UTF-8 text.`,
    });
  });
});
