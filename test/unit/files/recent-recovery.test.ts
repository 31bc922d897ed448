import { existsSync } from 'node:fs';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
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

  it('keeps policy drafts with the design and reads a file written before drafts existed', async () => {
    const directory = await temporaryDirectory();
    const path = join(directory, 'recovery.json');
    const store = createRecoveryStore(path, () => new Date('2026-01-02T03:04:05.000Z'));
    await store.write('{"name":"d"}', undefined, { 'inline/reader/Read': '{ "Version": ' });
    expect(await store.read()).toEqual({
      content: '{"name":"d"}',
      savedAt: '2026-01-02T03:04:05.000Z',
      policyDrafts: { 'inline/reader/Read': '{ "Version": ' },
    });
    // Without drafts the file has the earlier format, which still reads.
    await store.write('{"name":"d"}', undefined, {});
    expect(JSON.parse(await readFile(path, 'utf8'))).toEqual({
      savedAt: '2026-01-02T03:04:05.000Z',
      content: '{"name":"d"}',
    });
    await writeFile(path, '{"savedAt":"2025-12-01T00:00:00.000Z","content":"{}","path":"/a.json"}');
    expect(await store.read()).toEqual({
      savedAt: '2025-12-01T00:00:00.000Z',
      content: '{}',
      path: '/a.json',
    });
  });

  it('moves a damaged recovery file aside, untouched, and says where and what is wrong', async () => {
    const directory = await temporaryDirectory();
    const path = join(directory, 'recovery.json');
    await mkdir(directory, { recursive: true });
    const store = createRecoveryStore(path, () => new Date('2026-01-02T03:04:05.000Z'));
    const keptAt = join(directory, 'recovery-unreadable-2026-01-02T03-04-05-000Z.json');

    await writeFile(path, '{"savedAt": 12');
    const broken = await store.read();
    expect(broken).toEqual({ unreadable: { message: expect.stringContaining('not valid JSON'), keptAt } });
    expect(await readFile(keptAt, 'utf8')).toBe('{"savedAt": 12');
    expect(existsSync(path)).toBe(false);
    // The next autosave writes a new file; the damaged one stays where it was put.
    await store.write('{}', undefined);
    expect(await readFile(keptAt, 'utf8')).toBe('{"savedAt": 12');
    await rm(keptAt);

    const damaged = '{"savedAt":"x","content":"{}","policyDrafts":{"inline/reader/Read":7}}';
    await writeFile(path, damaged);
    const wrong = await store.read();
    expect(wrong).toEqual({ unreadable: { message: expect.any(String), keptAt } });
    const message = (wrong as { unreadable: { message: string } }).unreadable.message;
    expect(message).toContain(path);
    expect(message).toContain('$.policyDrafts["inline/reader/Read"]');
    expect(message).toContain(keptAt);
    expect(await readFile(keptAt, 'utf8')).toBe(damaged);
    expect(await store.read()).toBeUndefined();
  });

  it('sets a file aside on request (its design could not be loaded)', async () => {
    const directory = await temporaryDirectory();
    const path = join(directory, 'recovery.json');
    const store = createRecoveryStore(path, () => new Date('2026-01-02T03:04:05.000Z'));
    expect(await store.setAside()).toBeUndefined();
    await store.write('not a design', undefined);
    const keptAt = await store.setAside();
    expect(keptAt).toBe(join(directory, 'recovery-unreadable-2026-01-02T03-04-05-000Z.json'));
    expect(JSON.parse(await readFile(keptAt!, 'utf8'))).toMatchObject({ content: 'not a design' });
    expect(await store.read()).toBeUndefined();
  });
});
