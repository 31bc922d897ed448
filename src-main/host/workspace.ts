// Browser mode's workspace: the one folder the loopback API may read and write. Anyone holding the
// token (or a script that stole it) can call the API, so every path it is given is confined here:
// no `..` segment, nothing outside the root, and no symbolic link — of the file or of any folder
// on the way — that resolves outside it. Reading then happens on the resolved path.

import { lstat, readdir, realpath } from 'node:fs/promises';
import { basename, dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import type { HostResponse } from '../../shared/host/api';
import { HostFailure } from './errors';

const designSuffix = '.cognito-design.json';

export interface Workspace {
  /** The workspace folder as given (absolute). */
  root: string;
  /** The path to show and the real path to read; throws `outside-workspace` for anything else. */
  resolveForOpen(path: string): Promise<{ path: string; readPath: string }>;
  /** The path to write a design to; its folder must exist inside the workspace. */
  resolveForSave(path: string): Promise<string>;
  /** The path to write any other file to (an export); the caller checks its extension. */
  resolveForWrite(path: string): Promise<string>;
  list(directory: string | undefined): Promise<HostResponse<'listWorkspace'>>;
}

function outside(path: string): HostFailure {
  return new HostFailure(
    'outside-workspace',
    `${path} is outside the workspace folder; browser mode only opens and saves files inside it.`,
  );
}

function isInside(root: string, candidate: string): boolean {
  const fromRoot = relative(root, candidate);
  return fromRoot === '' || (!fromRoot.startsWith('..') && !isAbsolute(fromRoot));
}

async function exists(path: string): Promise<boolean> {
  try {
    await lstat(path);
    return true;
  } catch {
    return false;
  }
}

export function createWorkspace(root: string): Workspace {
  const absoluteRoot = resolve(root);
  let realRoot: Promise<string> | undefined;
  const rootReal = (): Promise<string> => (realRoot ??= realpath(absoluteRoot));

  /** The lexical absolute path, refusing `..` anywhere and anything outside the root. */
  function lexical(path: string): string {
    if (path.includes('\0') || path.split(/[\\/]/).includes('..')) throw outside(path);
    const absolute = isAbsolute(path) ? resolve(path) : resolve(absoluteRoot, path);
    if (!isInside(absoluteRoot, absolute)) throw outside(path);
    return absolute;
  }

  /** Resolves symbolic links; the result must still be inside the (real) root. */
  async function real(path: string, shown: string): Promise<string> {
    let resolved: string;
    try {
      resolved = await realpath(path);
    } catch {
      // A dangling link points somewhere we cannot check; anything else is simply missing.
      if (await exists(path)) throw outside(shown);
      return path;
    }
    if (!isInside(await rootReal(), resolved)) throw outside(shown);
    return resolved;
  }

  async function resolveForOpen(path: string): Promise<{ path: string; readPath: string }> {
    const absolute = lexical(path);
    await real(dirname(absolute), path);
    return { path: absolute, readPath: await real(absolute, path) };
  }

  async function resolveForSave(path: string): Promise<string> {
    lexical(path);
    if (!basename(path).toLowerCase().endsWith(designSuffix)) {
      throw new HostFailure(
        'invalid-path',
        `${basename(path)} is not a design file name: in browser mode designs are saved as *${designSuffix}.`,
      );
    }
    return resolveForWrite(path);
  }

  async function resolveForWrite(path: string): Promise<string> {
    const absolute = lexical(path);
    const folder = await real(dirname(absolute), path);
    // The atomic write renames over the target: a link there would be replaced, not followed, but
    // a link leaving the workspace says someone planted it, so refuse rather than guess.
    await real(absolute, path);
    return join(folder, basename(absolute));
  }

  async function list(directory: string | undefined): Promise<HostResponse<'listWorkspace'>> {
    const shown = directory ?? '';
    const folder = await real(lexical(shown === '' ? '.' : shown), shown);
    let entries;
    try {
      entries = await readdir(folder, { withFileTypes: true });
    } catch {
      throw new HostFailure('not-found', `The folder ${shown || '.'} of the workspace cannot be read.`);
    }
    const listed: { name: string; kind: 'directory' | 'design' }[] = [];
    for (const entry of entries) {
      if (entry.name.startsWith('.')) continue;
      if (entry.isDirectory()) listed.push({ name: entry.name, kind: 'directory' });
      else if (entry.isFile() && entry.name.toLowerCase().endsWith('.json'))
        listed.push({ name: entry.name, kind: 'design' });
    }
    listed.sort((a, b) =>
      a.kind === b.kind ? a.name.localeCompare(b.name) : a.kind === 'directory' ? -1 : 1,
    );
    const fromRoot = relative(await rootReal(), folder);
    return { root: absoluteRoot, directory: fromRoot.split(sep).join('/'), entries: listed };
  }

  return { root: absoluteRoot, resolveForOpen, resolveForSave, resolveForWrite, list };
}
