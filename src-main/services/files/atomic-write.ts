// Atomic replacement of a file: the new content is written to a temporary file in the same
// directory, flushed to disk, then renamed over the target, and the directory entry is flushed.
// A crash or error at any point leaves either the old file or the new one, never a truncated mix.

import { randomBytes } from 'node:crypto';
import { link, open, readdir, rename, stat, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { describeFileError, FileServiceError } from './errors';

/** The few file-system calls the atomic write makes (replaceable to test failure paths). */
export interface AtomicFileSystem {
  open: typeof open;
  rename: typeof rename;
  stat: typeof stat;
  unlink: typeof unlink;
  /** Used only when an existing file must not be replaced; Node's own when left out. */
  link?: typeof link;
  /** Lists the directory to find temporary files of killed writes; Node's own when left out. */
  readdir?: (path: string) => Promise<string[]>;
}

const nodeFileSystem: AtomicFileSystem = { open, rename, stat, unlink, link };

async function existingMode(fileSystem: AtomicFileSystem, path: string): Promise<number> {
  try {
    return (await fileSystem.stat(path)).mode & 0o777;
  } catch {
    return 0o644;
  }
}

/** Flushes the directory entry of a rename; some platforms (Windows) cannot open directories. */
async function syncDirectory(fileSystem: AtomicFileSystem, directory: string): Promise<void> {
  let handle;
  try {
    handle = await fileSystem.open(directory, 'r');
    await handle.sync();
  } catch {
    // The rename already happened; a directory that cannot be flushed is the platform's limit.
  } finally {
    await handle?.close();
  }
}

export interface AtomicWriteOptions {
  /** Replaceable to test failure paths. */
  fileSystem?: AtomicFileSystem;
  /** Permissions of the written file; by default those of the file it replaces (or 0644). */
  mode?: number;
  /**
   * False: an existing file is never replaced (error code `already-exists`). A hard link refuses
   * to overwrite, which closes the race between an existence check and the write. Default true.
   */
  replace?: boolean;
}

/** Puts the temporary file in place without ever replacing an existing file at the target. */
async function linkWithoutReplacing(
  fileSystem: AtomicFileSystem,
  temporaryPath: string,
  targetPath: string,
): Promise<void> {
  try {
    await (fileSystem.link ?? link)(temporaryPath, targetPath);
  } catch (error) {
    if ((error as { code?: unknown }).code === 'EEXIST') {
      throw new FileServiceError('already-exists', `Cannot save ${targetPath}: the file already exists.`, {
        cause: error,
      });
    }
    throw error;
  }
  await fileSystem.unlink(temporaryPath).catch(() => undefined);
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * Removes temporary files an earlier write of the same target left behind when it was killed
 * between creating and renaming them (an interrupted save, a killed CLI). Only names of exactly
 * our pattern are touched. A write of the same file running in parallel in another process would
 * lose its temporary file and report an error; it never leaves a damaged target.
 */
async function removeLeftovers(fileSystem: AtomicFileSystem, directory: string, name: string): Promise<void> {
  const pattern = new RegExp(`^\\.${escapeRegExp(name)}\\.[0-9a-f]{12}\\.tmp$`);
  let entries: string[];
  try {
    entries = await (fileSystem.readdir ?? ((path: string) => readdir(path)))(directory);
  } catch {
    return;
  }
  await Promise.all(
    entries
      .filter((entry) => pattern.test(entry))
      .map((entry) => fileSystem.unlink(join(directory, entry)).catch(() => undefined)),
  );
}

export async function writeFileAtomic(
  targetPath: string,
  content: string,
  options: AtomicWriteOptions = {},
): Promise<void> {
  const fileSystem = options.fileSystem ?? nodeFileSystem;
  const directory = dirname(targetPath);
  // An unpredictable name, created exclusively ('wx'): a file or link planted under a guessed
  // name makes the open fail instead of being written through.
  const temporaryPath = join(directory, `.${basename(targetPath)}.${randomBytes(6).toString('hex')}.tmp`);
  const mode = options.mode ?? (await existingMode(fileSystem, targetPath));
  await removeLeftovers(fileSystem, directory, basename(targetPath));
  try {
    const handle = await fileSystem.open(temporaryPath, 'wx', mode);
    try {
      await handle.writeFile(content, 'utf8');
      await handle.sync();
    } finally {
      await handle.close();
    }
    if (options.replace === false) await linkWithoutReplacing(fileSystem, temporaryPath, targetPath);
    else await fileSystem.rename(temporaryPath, targetPath);
  } catch (error) {
    await fileSystem.unlink(temporaryPath).catch(() => undefined);
    throw describeFileError(error, 'save', targetPath);
  }
  await syncDirectory(fileSystem, directory);
}
