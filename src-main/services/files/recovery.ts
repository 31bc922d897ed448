// The autosave of an unsaved document, kept in the app data directory so that a crash loses at
// most a few seconds of work. The renderer offers to restore it on the next start. Besides the
// design it holds the policy editor's drafts (text that is not valid JSON yet); files written
// before drafts existed have none and read as before. A damaged file is never deleted or
// overwritten: it is moved aside and the message says where and what is wrong.

import { mkdir, readFile, rename, rm } from 'node:fs/promises';
import { basename, dirname, extname, join } from 'node:path';
import { z } from 'zod';
import { policyDraftsSchema } from '../../../shared/host/api';
import { writeFileAtomic } from './atomic-write';
import { describeFileError } from './errors';

const recoveryRecordSchema = z.object({
  savedAt: z.string(),
  path: z.string().min(1).max(4096).optional(),
  content: z.string(),
  policyDrafts: policyDraftsSchema.optional(),
});
export type RecoveryRecord = z.infer<typeof recoveryRecordSchema>;

/** A recovery file that could not be read, kept under another name. */
export interface UnreadableRecovery {
  unreadable: { message: string; keptAt: string };
}

export interface RecoveryStore {
  write(
    content: string,
    path: string | undefined,
    policyDrafts?: RecoveryRecord['policyDrafts'],
  ): Promise<void>;
  /** The last autosave; undefined when there is none; `unreadable` (moved aside) when it is damaged. */
  read(): Promise<RecoveryRecord | UnreadableRecovery | undefined>;
  clear(): Promise<void>;
  /** Moves the file aside (its design could not be loaded) and returns where it is now. */
  setAside(): Promise<string | undefined>;
}

/** What is wrong with the file's JSON text or shape, naming the JSON path of the first problem. */
function problemOf(text: string): string | undefined {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return `it is not valid JSON (${error instanceof Error ? error.message : String(error)})`;
  }
  const parsed = recoveryRecordSchema.safeParse(value);
  if (parsed.success) return undefined;
  const issue = parsed.error.issues[0];
  const steps = (issue?.path ?? []).map((part) =>
    typeof part === 'number'
      ? `[${part}]`
      : /^[A-Za-z_]\w*$/.test(String(part))
        ? `.${String(part)}`
        : `[${JSON.stringify(String(part))}]`,
  );
  return `at $${steps.join('')}: ${issue?.message ?? 'unexpected content'}`;
}

export function createRecoveryStore(filePath: string, now: () => Date = () => new Date()): RecoveryStore {
  async function write(
    content: string,
    path: string | undefined,
    policyDrafts?: RecoveryRecord['policyDrafts'],
  ): Promise<void> {
    const record: RecoveryRecord = {
      savedAt: now().toISOString(),
      ...(path === undefined ? {} : { path }),
      content,
      ...(policyDrafts && Object.keys(policyDrafts).length > 0 ? { policyDrafts } : {}),
    };
    // The autosave holds the whole design (account ids, role and policy details): owner only.
    try {
      await mkdir(dirname(filePath), { recursive: true, mode: 0o700 });
    } catch (error) {
      throw describeFileError(error, 'create the recovery folder for', filePath);
    }
    await writeFileAtomic(filePath, JSON.stringify(record), { mode: 0o600 });
  }

  async function setAside(): Promise<string | undefined> {
    const stamp = now().toISOString().replace(/[:.]/g, '-');
    const keptAt = join(
      dirname(filePath),
      `${basename(filePath, extname(filePath))}-unreadable-${stamp}.json`,
    );
    try {
      await rename(filePath, keptAt);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw describeFileError(error, 'set aside', filePath);
    }
    return keptAt;
  }

  async function read(): Promise<RecoveryRecord | UnreadableRecovery | undefined> {
    let text: string;
    try {
      text = await readFile(filePath, 'utf8');
    } catch {
      return undefined;
    }
    const problem = problemOf(text);
    if (problem === undefined) return recoveryRecordSchema.parse(JSON.parse(text));
    const keptAt = await setAside();
    if (keptAt === undefined) return undefined;
    return {
      unreadable: {
        message: `The autosaved work in ${filePath} could not be read: ${problem}. It was kept as ${keptAt}.`,
        keptAt,
      },
    };
  }

  async function clear(): Promise<void> {
    try {
      await rm(filePath, { force: true });
    } catch (error) {
      throw describeFileError(error, 'remove', filePath);
    }
  }

  return { write, read, clear, setAside };
}
