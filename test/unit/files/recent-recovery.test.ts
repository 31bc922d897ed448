import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createRecentFiles, createRecoveryStore } from '../../../src-main/services/files';
import { useTemporaryDirectories } from './temporary-directory';

const temporaryDirectory = useTemporaryDirectories();

async function designFiles(directory: string, names: string[]): Promise<string[]> {
  return Promise.all(
    names.map(async (name) => {
      const path = join(directory, name);
      await writeFile(path, '{}');
      return path;
    }),
  );
}

describe('recent files', () => {
  it('lists the most recent first, without duplicates, up to the limit', async () => {
    const directory = await temporaryDirectory();
    const [a, b, c, d] = await designFiles(directory, ['a.json', 'b.json', 'c.json', 'd.json']);
    const recent = createRecentFiles(join(directory, 'data', 'recent.json'), 3);
    await recent.add(a!);
    await recent.add(b!);
    await recent.add(a!);
    expect(await recent.list()).toEqual([a, b]);
    await recent.add(c!);
    await recent.add(d!);
    expect(await recent.list()).toEqual([d, c, a]);
  });

  it('leaves out files that were deleted and treats a damaged list as empty', async () => {
    const directory = await temporaryDirectory();
    const store = join(directory, 'recent.json');
    const recent = createRecentFiles(store);
    await recent.add(join(directory, 'gone.json'));
    expect(await recent.list()).toEqual([]);
    await writeFile(store, '{"files": [1, 2');
    expect(await recent.list()).toEqual([]);
    const [kept] = await designFiles(directory, ['kept.json']);
    expect(await recent.add(kept!)).toEqual([kept]);
  });
});

describe('recovery store', () => {
  it('writes, reads and clears the autosave with its time and original path', async () => {
    const directory = await temporaryDirectory();
    const store = createRecoveryStore(
      join(directory, 'recovery', 'recovery.json'),
      () => new Date('2026-01-02T03:04:05.000Z'),
    );
    expect(await store.read()).toBeUndefined();
    await store.write('{"name":"draft"}', '/home/me/draft.cognito-design.json');
    expect(await store.read()).toEqual({
      content: '{"name":"draft"}',
      savedAt: '2026-01-02T03:04:05.000Z',
      path: '/home/me/draft.cognito-design.json',
    });
    await store.clear();
    expect(await store.read()).toBeUndefined();
    await store.clear();
  });

  it('reports a damaged recovery file as no recovery instead of failing', async () => {
    const directory = await temporaryDirectory();
    const path = join(directory, 'recovery.json');
    await mkdir(directory, { recursive: true });
    await writeFile(path, '{"savedAt": 12');
    expect(await createRecoveryStore(path).read()).toBeUndefined();
    await writeFile(path, '{"savedAt": "x"}');
    expect(await createRecoveryStore(path).read()).toBeUndefined();
    expect(await readFile(path, 'utf8')).toBe('{"savedAt": "x"}');
  });
});
