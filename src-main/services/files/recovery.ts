// The autosave of an unsaved document, kept in the app data directory so that a crash loses at
// most a few seconds of work. The renderer offers to restore it on the next start.

import { mkdir, readFile, rm } from 'node:fs/promises';
import { dirname } from 'node:path';
import { z } from 'zod';
import { writeFileAtomic } from './atomic-write';
import { describeFileError } from './errors';

const recoveryRecordSchema = z.object({
  savedAt: z.string(),
  path: z.string().min(1).max(4096).optional(),
  content: z.string(),
});
export type RecoveryRecord = z.infer<typeof recoveryRecordSchema>;

export interface RecoveryStore {
  write(content: string, path: string | undefined): Promise<void>;
  /** The last autosave, or undefined when there is none or it cannot be read. */
  read(): Promise<RecoveryRecord | undefined>;
  clear(): Promise<void>;
}

export function createRecoveryStore(filePath: string, now: () => Date = () => new Date()): RecoveryStore {
  async function write(content: string, path: string | undefined): Promise<void> {
    const record: RecoveryRecord = {
      savedAt: now().toISOString(),
      ...(path === undefined ? {} : { path }),
      content,
    };
    // The autosave holds the whole design (account ids, role and policy details): owner only.
    try {
      await mkdir(dirname(filePath), { recursive: true, mode: 0o700 });
    } catch (error) {
      throw describeFileError(error, 'create the recovery folder for', filePath);
    }
    await writeFileAtomic(filePath, JSON.stringify(record), { mode: 0o600 });
  }

  async function read(): Promise<RecoveryRecord | undefined> {
    let text: string;
    try {
      text = await readFile(filePath, 'utf8');
    } catch {
      return undefined;
    }
    try {
      const parsed = recoveryRecordSchema.safeParse(JSON.parse(text));
      return parsed.success ? parsed.data : undefined;
    } catch {
      return undefined;
    }
  }

  async function clear(): Promise<void> {
    try {
      await rm(filePath, { force: true });
    } catch (error) {
      throw describeFileError(error, 'remove', filePath);
    }
  }

  return { write, read, clear };
}
