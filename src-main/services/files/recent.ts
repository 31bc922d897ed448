// The list of recently opened or saved designs (File > Open Recent), kept in the app data directory.
// It is a convenience: a missing or damaged list file counts as empty rather than failing the app.

import { mkdir, readFile, stat } from 'node:fs/promises';
import { dirname, isAbsolute } from 'node:path';
import { z } from 'zod';
import { writeFileAtomic } from './atomic-write';

const recentFileSchema = z.object({ files: z.array(z.string().min(1).max(4096)) });

export interface RecentFiles {
  /** Most recent first; files that no longer exist are left out. */
  list(): Promise<string[]>;
  /** Moves `path` to the front and returns the new list. */
  add(path: string): Promise<string[]>;
}

function isDesignPath(path: string): boolean {
  return isAbsolute(path) && path.toLowerCase().endsWith('.json');
}

async function isFile(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isFile();
  } catch {
    return false;
  }
}

export function createRecentFiles(storePath: string, limit = 10): RecentFiles {
  async function readStored(): Promise<string[]> {
    try {
      const parsed = recentFileSchema.safeParse(JSON.parse(await readFile(storePath, 'utf8')));
      // The app only ever stores absolute paths of design files; anything else was put there by hand.
      return parsed.success ? parsed.data.files.filter(isDesignPath).slice(0, limit) : [];
    } catch {
      return [];
    }
  }

  async function list(): Promise<string[]> {
    const stored = await readStored();
    const present = await Promise.all(stored.map(isFile));
    return stored.filter((_, index) => present[index]);
  }

  // Saves run concurrently; each add reads, changes and rewrites the list, so adds take turns or
  // a later write would drop what an earlier one added.
  let queue: Promise<unknown> = Promise.resolve();

  function add(path: string): Promise<string[]> {
    const next = queue.then(() => addNow(path));
    queue = next.catch(() => undefined);
    return next;
  }

  async function addNow(path: string): Promise<string[]> {
    const files = [path, ...(await readStored()).filter((existing) => existing !== path)].slice(0, limit);
    // Which designs a person works on is their business: the list is readable by its owner only.
    await mkdir(dirname(storePath), { recursive: true, mode: 0o700 });
    await writeFileAtomic(storePath, `${JSON.stringify({ files }, null, 2)}\n`, { mode: 0o600 });
    return files;
  }

  return { list, add };
}
