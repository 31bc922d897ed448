// Reads a text file with a size limit, so a huge or endless file (a device, a wrong pick in the
// open dialog) can neither exhaust memory nor hang the app.

import { constants } from 'node:fs';
import { open } from 'node:fs/promises';
import { describeFileError, FileServiceError } from './errors';

function formatMebibytes(bytes: number): string {
  return `${(bytes / (1024 * 1024)).toFixed(1)} MiB`;
}

export async function readTextFileLimited(path: string, maxBytes: number): Promise<string> {
  let handle;
  try {
    // Non-blocking, so that opening a named pipe returns at once (and is then refused as not a
    // regular file) instead of waiting for a writer. Regular files read as usual; Windows has no
    // such flag and no such pipes in the file system.
    handle = await open(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
    const info = await handle.stat();
    // Worded (and caused) like the EISDIR that opening a directory gives on some platforms.
    if (info.isDirectory()) {
      throw describeFileError(Object.assign(new Error('is a directory'), { code: 'EISDIR' }), 'open', path);
    }
    if (!info.isFile())
      throw new FileServiceError('not-a-file', `Cannot open ${path}: it is not a regular file.`);
    if (info.size > maxBytes) {
      throw new FileServiceError(
        'too-large',
        `Cannot open ${path}: it is ${formatMebibytes(info.size)}, more than the ${formatMebibytes(maxBytes)} limit for design files.`,
      );
    }
    // Keep reading until end of file rather than trusting stat(): a file that grew after stat()
    // (or reports size 0, like /proc files) is still held to the limit.
    const chunks: Buffer[] = [];
    let length = 0;
    for (;;) {
      const chunk = Buffer.alloc(Math.min(Math.max(info.size, 64 * 1024), maxBytes + 1));
      const { bytesRead } = await handle.read(chunk, 0, chunk.length, length);
      if (bytesRead === 0) break;
      chunks.push(chunk.subarray(0, bytesRead));
      length += bytesRead;
      if (length > maxBytes) {
        throw new FileServiceError(
          'too-large',
          `Cannot open ${path}: it is larger than the ${formatMebibytes(maxBytes)} limit for design files.`,
        );
      }
    }
    try {
      return new TextDecoder('utf-8', { fatal: true }).decode(Buffer.concat(chunks, length));
    } catch {
      throw new FileServiceError('invalid-content', `Cannot open ${path}: it is not UTF-8 text.`);
    }
  } catch (error) {
    throw describeFileError(error, 'open', path);
  } finally {
    await handle?.close();
  }
}
