// The file services against hostile or careless surroundings: special files picked in a dialog,
// other local users reading the autosave, planted temporary files and a tampered recent list.

import { execFileSync } from 'node:child_process';
import { mkdir, open, readFile, readlink, rename, stat, symlink, unlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  type AtomicFileSystem,
  createRecentFiles,
  createRecoveryStore,
  readTextFileLimited,
  writeFileAtomic,
} from '../../../src-main/services/files';
import { useTemporaryDirectories } from './temporary-directory';

const temporaryDirectory = useTemporaryDirectories();

describe('reading special files', () => {
  it('refuses a named pipe at once instead of waiting for a writer', async () => {
    const fifo = join(await temporaryDirectory(), 'design.json');
    execFileSync('mkfifo', [fifo]);
    // No writer ever comes: a read that waited for one would never settle and the test would time
    // out; no race against a clock that a loaded machine could lose.
    await expect(readTextFileLimited(fifo, 1024)).rejects.toMatchObject({
      code: 'not-a-file',
      message: `Cannot open ${fifo}: it is not a regular file.`,
    });
  });

  it('refuses a character device', async () => {
    await expect(readTextFileLimited('/dev/zero', 1024)).rejects.toMatchObject({ code: 'not-a-file' });
  });
});

describe('the recovery file', () => {
  it('is readable by its owner only, in a folder only its owner can enter', async () => {
    const data = await temporaryDirectory();
    const path = join(data, 'recovery', 'recovery.json');
    await createRecoveryStore(path).write('{"name":"secret design"}', undefined);
    expect((await stat(path)).mode & 0o777).toBe(0o600);
    expect((await stat(join(data, 'recovery'))).mode & 0o777).toBe(0o700);
  });

  it('becomes owner-only even when an older copy was readable by others', async () => {
    const data = await temporaryDirectory();
    const path = join(data, 'recovery', 'recovery.json');
    await mkdir(join(data, 'recovery'));
    await writeFile(path, '{}', { mode: 0o644 });
    await createRecoveryStore(path).write('{}', undefined);
    expect((await stat(path)).mode & 0o777).toBe(0o600);
  });
});

describe('the recent files list', () => {
  it('is readable by its owner only', async () => {
    const data = await temporaryDirectory();
    const design = join(data, 'a.json');
    await writeFile(design, '{}');
    const store = join(data, 'app', 'recent-files.json');
    await createRecentFiles(store).add(design);
    expect((await stat(store)).mode & 0o777).toBe(0o600);
  });

  it('leaves out entries a tampered list holds that are not absolute paths to design files', async () => {
    const data = await temporaryDirectory();
    const design = join(data, 'a.json');
    const notDesign = join(data, 'notes.txt');
    await writeFile(design, '{}');
    await writeFile(notDesign, 'x');
    const store = join(data, 'recent-files.json');
    await writeFile(store, JSON.stringify({ files: ['a.json', notDesign, design] }));
    expect(await createRecentFiles(store).list()).toEqual([design]);
  });
});

describe('atomic save next to planted files', () => {
  it('never writes through a link planted at the temporary file’s name', async () => {
    const directory = await temporaryDirectory();
    const victim = join(directory, 'victim.txt');
    const target = join(directory, 'design.json');
    await writeFile(victim, 'precious');
    await writeFile(target, '{"good":true}');
    // The attacker wins the race: a link appears at the temporary name just before it is created.
    const racedFileSystem: AtomicFileSystem = {
      open: (async (path: string, ...rest: unknown[]) => {
        if (String(path).endsWith('.tmp')) await symlink(victim, path);
        return (open as (...args: unknown[]) => unknown)(path, ...rest);
      }) as typeof open,
      rename,
      stat,
      unlink,
    };
    await expect(
      writeFileAtomic(target, '{"saved":true}', { fileSystem: racedFileSystem }),
    ).rejects.toMatchObject({ code: 'io-error' });
    expect(await readFile(victim, 'utf8')).toBe('precious');
    expect(await readFile(target, 'utf8')).toBe('{"good":true}');
  });

  it('replaces a link at the target with the file and leaves what it pointed to alone', async () => {
    const directory = await temporaryDirectory();
    const victim = join(directory, 'victim.json');
    const target = join(directory, 'design.json');
    await writeFile(victim, '{"victim":true}');
    await symlink(victim, target);
    await writeFileAtomic(target, '{"saved":true}');
    expect(await readFile(victim, 'utf8')).toBe('{"victim":true}');
    await expect(readlink(target)).rejects.toMatchObject({ code: 'EINVAL' });
    expect(await readFile(target, 'utf8')).toBe('{"saved":true}');
  });
});
