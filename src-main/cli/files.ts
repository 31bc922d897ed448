// File reading and writing for the CLI. Every failure becomes a one-line CliInputError naming the file.

import {
  closeSync,
  fsyncSync,
  linkSync,
  openSync,
  readFileSync,
  renameSync,
  statSync,
  unlinkSync,
  writeSync,
} from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { MAX_NESTING_DEPTH } from '../../shared/model/io';
import { findExcessiveNesting, positionAt } from '../../shared/model/json-text';
import { CliInputError, oneLine } from './errors';

/** Inputs larger than this are refused rather than read into memory. */
export const MAX_INPUT_BYTES = 64 * 1024 * 1024;

/**
 * Deeper JSON is refused before parsing: the engines and formatters walk values recursively and
 * would overflow the stack. Policies, claims and AWS CLI dumps are far shallower.
 */
export const MAX_JSON_DEPTH = MAX_NESTING_DEPTH;

/**
 * Reads a regular file as UTF-8. Anything else is refused before reading: a named pipe would block
 * until a writer appears, a device may never end. Invalid UTF-8 is refused rather than replaced,
 * since a silently altered ARN or condition value gives a wrong answer.
 */
export function readTextFile(path: string): string {
  let size: number;
  try {
    const stats = statSync(path);
    if (stats.isDirectory()) throw new CliInputError(`${path}: is a directory, expected a file`);
    if (!stats.isFile()) throw new CliInputError(`${path}: not a regular file`);
    size = stats.size;
  } catch (error) {
    if (error instanceof CliInputError) throw error;
    throw new CliInputError(`${path}: ${describeFsError(error)}`);
  }
  if (size > MAX_INPUT_BYTES) {
    throw new CliInputError(`${path}: file is ${size} bytes, larger than the ${MAX_INPUT_BYTES}-byte limit`);
  }
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch (error) {
    throw new CliInputError(`${path}: ${describeFsError(error)}`);
  }
  if (bytes.length > MAX_INPUT_BYTES) {
    throw new CliInputError(`${path}: file grew past the ${MAX_INPUT_BYTES}-byte limit while being read`);
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new CliInputError(`${path}: not UTF-8 text (invalid byte sequence)`);
  }
}

/** Parses JSON text; a syntax error or excessive nesting names the file, line and column. */
export function parseJsonText(text: string, fileName: string): unknown {
  const body = stripByteOrderMark(text);
  const deepAt = findExcessiveNesting(body, MAX_JSON_DEPTH);
  if (deepAt >= 0) {
    const { line, column } = positionAt(body, deepAt);
    throw new CliInputError(
      `${fileName}: JSON nested more than ${MAX_JSON_DEPTH} levels deep at line ${line}, column ${column}`,
    );
  }
  try {
    return JSON.parse(body);
  } catch (error) {
    throw new CliInputError(`${fileName}: malformed JSON: ${describeJsonError(body, error)}`);
  }
}

export function readJsonFile(path: string): unknown {
  return parseJsonText(readTextFile(path), path);
}

function stripByteOrderMark(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/** Turns V8's JSON.parse message into "reason at line L, column C" (or "at column C" for one line of text). */
export function describeJsonError(
  text: string,
  error: unknown,
  options: { singleLine?: boolean } = {},
): string {
  const message = oneLine(error);
  const position = /at position (\d+)/.exec(message);
  const reason = message
    .replace(/\s*\(line \d+ column \d+\)/, '')
    .replace(/\s*in JSON at position \d+/, '')
    .replace(/, ".*" is not valid JSON$/, '');
  if (text.trim() === '') return 'the file is empty';
  if (!position) return reason;
  const offset = Number(position[1]);
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  const column = offset - before.lastIndexOf('\n');
  return options.singleLine ? `${reason} at column ${column}` : `${reason} at line ${line}, column ${column}`;
}

function describeFsError(error: unknown): string {
  const code = (error as { code?: unknown }).code;
  switch (code) {
    case 'ENOENT':
      return 'no such file';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'EISDIR':
      return 'is a directory, expected a file';
    case 'ENOTDIR':
      return 'a part of the path is not a directory';
    default:
      return oneLine(error);
  }
}

/**
 * Writes a file atomically: a temporary file next to the target, fsync, then a rename. Without
 * `force` an existing file is never replaced (a hard link refuses to overwrite, closing the race
 * between the existence check and the write).
 */
export function writeFileAtomic(path: string, content: string, options: { force: boolean }): void {
  const directory = dirname(path);
  const temporary = join(
    directory,
    `.${basename(path)}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`,
  );
  let descriptor: number | undefined;
  try {
    descriptor = openSync(temporary, 'wx', 0o644);
    writeSync(descriptor, content);
    fsyncSync(descriptor);
    closeSync(descriptor);
    descriptor = undefined;
    if (options.force) {
      renameSync(temporary, path);
    } else {
      linkWithoutOverwrite(temporary, path);
    }
    syncDirectory(directory);
  } catch (error) {
    if (descriptor !== undefined) closeSync(descriptor);
    removeQuietly(temporary);
    if (error instanceof CliInputError) throw error;
    throw new CliInputError(`${path}: cannot write: ${describeFsError(error)}`);
  }
}

function linkWithoutOverwrite(temporary: string, path: string): void {
  try {
    linkSync(temporary, path);
  } catch (error) {
    if ((error as { code?: unknown }).code === 'EEXIST') {
      throw new CliInputError(`${path}: file exists; use --force to replace it`);
    }
    throw error;
  }
  removeQuietly(temporary);
}

function syncDirectory(directory: string): void {
  let descriptor: number | undefined;
  try {
    descriptor = openSync(directory, 'r');
    fsyncSync(descriptor);
  } catch {
    // Some platforms (Windows) cannot fsync a directory; the rename itself is still atomic.
  } finally {
    if (descriptor !== undefined) closeSync(descriptor);
  }
}

function removeQuietly(path: string): void {
  try {
    unlinkSync(path);
  } catch {
    // Already gone: nothing to clean up.
  }
}
