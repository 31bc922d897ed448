// Reads text line by line from a file or standard input with a cap on each line instead of on the
// whole input, so memory does not grow with the number of lines and one huge line cannot exhaust
// it. Lines are handed out in groups (one per chunk read) to keep the per-line overhead small.

import { isUtf8 } from 'node:buffer';
import { constants } from 'node:fs';
import { open } from 'node:fs/promises';
import type { Readable } from 'node:stream';
import { FileServiceError, describeFileError } from '../services/files';

export type InputLine =
  { lineNumber: number; text: string } | { lineNumber: number; text?: undefined; reason: string };

const CHUNK_BYTES = 1024 * 1024;
/**
 * Bytes of lines per group handed out by default. Lines are decoded when their group is made, and
 * a group's text lives until all of it is answered: a group as large as a chunk (some 450 lines of
 * a batch) was live through every young-generation collection, which copied it and then moved it
 * to the old generation. Smaller groups keep that to a few lines, so the collections stay cheap.
 */
export const GROUP_BYTES = 64 * 1024;

/**
 * Opens a regular file for streaming (a named pipe or device is refused before reading, as for
 * every CLI input), or standard input for `-`.
 */
export async function openLineSource(path: string): Promise<{ stream: Readable; close(): Promise<void> }> {
  if (path === '-') return { stream: process.stdin, close: async () => undefined };
  let handle;
  try {
    // Non-blocking, so that a named pipe is refused at once instead of waiting for a writer.
    handle = await open(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
    const info = await handle.stat();
    if (info.isDirectory()) {
      throw describeFileError(Object.assign(new Error('is a directory'), { code: 'EISDIR' }), 'open', path);
    }
    if (!info.isFile())
      throw new FileServiceError('not-a-file', `Cannot open ${path}: it is not a regular file.`);
  } catch (error) {
    await handle?.close();
    throw describeFileError(error, 'open', path);
  }
  const opened = handle;
  return {
    stream: opened.createReadStream({ highWaterMark: CHUNK_BYTES, autoClose: false }),
    close: () => opened.close(),
  };
}

/**
 * The lines of `stream` in groups of about `groupBytes` (a group ends with the line that reaches
 * it, or with the chunk read). A line longer than `maxLineBytes` or not valid UTF-8 comes as
 * `{ reason }` (its bytes are skipped, never held); blank lines are left out; a byte-order mark at
 * the start and `\r` before `\n` are dropped.
 */
export async function* readLines(
  stream: Readable,
  maxLineBytes: number,
  groupBytes = GROUP_BYTES,
): AsyncGenerator<InputLine[]> {
  let pending: Buffer[] = [];
  let pendingBytes = 0;
  let tooLong = false;
  let lineNumber = 0;
  let first = true;

  function finish(tail: Buffer | undefined, group: InputLine[]): void {
    lineNumber += 1;
    if (tooLong) {
      group.push({ lineNumber, reason: `line is longer than the ${maxLineBytes}-byte limit per line` });
    } else {
      let bytes =
        pending.length === 0 ? (tail ?? Buffer.alloc(0)) : Buffer.concat(tail ? [...pending, tail] : pending);
      if (first && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) bytes = bytes.subarray(3);
      if (bytes[bytes.length - 1] === 13) bytes = bytes.subarray(0, bytes.length - 1);
      if (!isUtf8(bytes)) group.push({ lineNumber, reason: 'not UTF-8 text (invalid byte sequence)' });
      else {
        const text = bytes.toString('utf8');
        if (text.trim() !== '') group.push({ lineNumber, text });
      }
    }
    first = false;
    pending = [];
    pendingBytes = 0;
    tooLong = false;
  }

  function keep(part: Buffer): void {
    if (tooLong || part.length === 0) return;
    pendingBytes += part.length;
    if (pendingBytes > maxLineBytes) {
      tooLong = true;
      pending = [];
    } else pending.push(part);
  }

  for await (const chunk of stream as AsyncIterable<Buffer>) {
    let group: InputLine[] = [];
    let groupStart = 0;
    let start = 0;
    for (;;) {
      const newline = chunk.indexOf(10, start);
      if (newline < 0) break;
      const part = chunk.subarray(start, newline);
      if (!tooLong && pendingBytes + part.length > maxLineBytes) tooLong = true;
      finish(tooLong ? undefined : part, group);
      start = newline + 1;
      if (start - groupStart >= groupBytes && group.length > 0) {
        yield group;
        group = [];
        groupStart = start;
      }
    }
    // Copied: the stream may reuse its buffer, and a small view would pin the whole chunk.
    if (start < chunk.length) keep(Buffer.from(chunk.subarray(start)));
    if (group.length > 0) yield group;
  }
  if (pendingBytes > 0 || tooLong) {
    const group: InputLine[] = [];
    finish(undefined, group);
    yield group;
  }
}
