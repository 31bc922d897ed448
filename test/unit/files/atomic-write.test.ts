import { chmod, open, readdir, readFile, rename, stat, unlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FileServiceError, writeFileAtomic, type AtomicFileSystem } from '../../../src-main/services/files';
import { useTemporaryDirectories } from './temporary-directory';

const temporaryDirectory = useTemporaryDirectories();
const realFileSystem: AtomicFileSystem = { open, rename, stat, unlink };

describe('writeFileAtomic', () => {
  it('creates a new file with the content', async () => {
    const directory = await temporaryDirectory();
    const target = join(directory, 'a.cognito-design.json');
    await writeFileAtomic(target, '{"name":"new"}');
    expect(await readFile(target, 'utf8')).toBe('{"name":"new"}');
    expect(await readdir(directory)).toEqual(['a.cognito-design.json']);
  });

  it('replaces an existing file and keeps its permissions', async () => {
    const directory = await temporaryDirectory();
    const target = join(directory, 'a.json');
    await writeFile(target, 'old');
    await chmod(target, 0o600);
    await writeFileAtomic(target, 'new content');
    expect(await readFile(target, 'utf8')).toBe('new content');
    expect((await stat(target)).mode & 0o777).toBe(0o600);
  });

  it('keeps the old file intact and leaves no temporary file when the rename fails', async () => {
    const directory = await temporaryDirectory();
    const target = join(directory, 'good.json');
    await writeFile(target, 'the last good copy');
    const failingRename: AtomicFileSystem = {
      ...realFileSystem,
      rename: async () => {
        throw Object.assign(new Error('no space'), { code: 'ENOSPC' });
      },
    };
    const failure = await writeFileAtomic(target, 'half-written', { fileSystem: failingRename }).catch(
      (error: unknown) => error,
    );
    expect(failure).toBeInstanceOf(FileServiceError);
    expect((failure as FileServiceError).message).toBe(`Cannot save ${target}: the disk is full.`);
    expect(await readFile(target, 'utf8')).toBe('the last good copy');
    expect(await readdir(directory)).toEqual(['good.json']);
  });

  it('keeps the old file intact when flushing the temporary file fails', async () => {
    const directory = await temporaryDirectory();
    const target = join(directory, 'good.json');
    await writeFile(target, 'the last good copy');
    const failingSync: AtomicFileSystem = {
      ...realFileSystem,
      open: (async (...args: Parameters<typeof open>) => {
        const handle = await open(...args);
        return Object.assign(handle, {
          sync: async () => {
            throw Object.assign(new Error('I/O error'), { code: 'EIO' });
          },
        });
      }) as typeof open,
    };
    await expect(writeFileAtomic(target, 'replacement', { fileSystem: failingSync })).rejects.toMatchObject({
      code: 'io-error',
    });
    expect(await readFile(target, 'utf8')).toBe('the last good copy');
    expect(await readdir(directory)).toEqual(['good.json']);
  });

  it('names the path when the folder does not exist', async () => {
    const directory = await temporaryDirectory();
    const target = join(directory, 'missing', 'a.json');
    await expect(writeFileAtomic(target, 'x')).rejects.toMatchObject({
      code: 'not-found',
      message: `Cannot save ${target}: no such file or directory.`,
    });
  });

  it('never replaces an existing file when asked not to, and leaves no temporary file', async () => {
    const directory = await temporaryDirectory();
    const target = join(directory, 'a.json');
    await writeFile(target, 'old');
    await expect(writeFileAtomic(target, 'new', { replace: false })).rejects.toMatchObject({
      code: 'already-exists',
    });
    expect(await readFile(target, 'utf8')).toBe('old');
    expect(await readdir(directory)).toEqual(['a.json']);
    const fresh = join(directory, 'b.json');
    await writeFileAtomic(fresh, 'new', { replace: false });
    expect(await readFile(fresh, 'utf8')).toBe('new');
    expect((await readdir(directory)).sort()).toEqual(['a.json', 'b.json']);
  });
});
