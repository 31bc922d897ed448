// File reading and writing for the CLI. Every failure becomes a one-line CliInputError naming the file.

import { lstat, open, stat } from 'node:fs/promises';
import { MAX_NESTING_DEPTH } from '../../shared/model/io';
import {
  parseJsonText as parseLocatedJson,
  positionAt,
  scanJsonText,
  type JsonParseResult,
} from '../../shared/model/json-text';
import {
  FileServiceError,
  readTextFileLimited,
  writeFileAtomic as writeFileAtomically,
} from '../services/files';
import { CliInputError, oneLine } from './errors';
import type { CliOutput } from './output';

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
export async function readTextFile(path: string): Promise<string> {
  try {
    return await readTextFileLimited(path, MAX_INPUT_BYTES);
  } catch (error) {
    throw new CliInputError(`${path}: ${describeFileFailure(error)}`);
  }
}

/** Parses JSON text; a syntax error or excessive nesting names the file, line and column. */
export function parseJsonText(text: string, fileName: string): unknown {
  const body = stripByteOrderMark(text);
  // One scan for the depth and the keys written (a repeated key is then located only if there is one).
  const scan = scanJsonText(body, MAX_JSON_DEPTH);
  if (scan.tooDeepAt >= 0) {
    const { line, column } = positionAt(body, scan.tooDeepAt);
    throw new CliInputError(
      `${fileName}: JSON nested more than ${MAX_JSON_DEPTH} levels deep at line ${line}, column ${column}`,
    );
  }
  const parsed = parseLocatedJson(body, scan.keys);
  if (parsed.ok) return parsed.value;
  throw new CliInputError(`${fileName}: malformed JSON: ${describeJsonError(body, parsed)}`);
}

export async function readJsonFile(path: string): Promise<unknown> {
  return parseJsonText(await readTextFile(path), path);
}

function stripByteOrderMark(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/** "reason at line L, column C" (or "at column C" for one line of text) of a failed parse. */
export function describeJsonError(
  text: string,
  failure: Extract<JsonParseResult, { ok: false }>,
  options: { singleLine?: boolean } = {},
): string {
  if (text.trim() === '') return 'the file is empty';
  const { reason, position } = failure;
  if (!position) return reason;
  return options.singleLine
    ? `${reason} at column ${position.column}`
    : `${reason} at line ${position.line}, column ${position.column}`;
}

/** The CLI's short wording of a file failure; the file name is prefixed by the caller. */
export function describeFileFailure(error: unknown): string {
  if (!(error instanceof FileServiceError)) return oneLine(error);
  switch (error.code) {
    case 'too-large':
      return `file is larger than the ${MAX_INPUT_BYTES}-byte limit`;
    case 'invalid-content':
      return 'not UTF-8 text (invalid byte sequence)';
    case 'already-exists':
      return 'file exists; use --force to replace it';
    case 'not-a-file':
      return errnoOf(error.cause) === 'EISDIR' ? 'is a directory, expected a file' : 'not a regular file';
    default:
      return describeFsError(error.cause ?? error);
  }
}

function errnoOf(error: unknown): unknown {
  return (error as { code?: unknown } | undefined)?.code;
}

function describeFsError(error: unknown): string {
  switch (errnoOf(error)) {
    case 'ENOENT':
      return 'no such file';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'ENOTDIR':
      return 'a part of the path is not a directory';
    case 'ENOSPC':
      return 'the disk is full (no space left on the device)';
    case 'EDQUOT':
      return 'the disk quota is exhausted';
    case 'EROFS':
      return 'the file system is read-only';
    default:
      return oneLine(error);
  }
}

/**
 * Writes an output file (`-o`). `-` is standard output. A new or regular file is written
 * atomically (temporary file, fsync, rename), an existing one only with `force`. Anything that is
 * not a regular file is never replaced: a device or pipe (also through a link such as /dev/stdout)
 * is written through, a directory is refused, and a symbolic link to a regular file is refused
 * (following it could overwrite a file the user never named; replacing it would break the link).
 */
export async function writeOutputFile(
  path: string,
  content: string,
  options: { force: boolean },
  output: CliOutput,
): Promise<void> {
  if (path === '-') {
    output.out(content);
    return;
  }
  const kind = await outputKind(path);
  if (kind === 'directory') throw new CliInputError(`${path}: is a directory, expected a file`);
  if (kind === 'link-to-file')
    throw new CliInputError(
      `${path}: is a symbolic link; it is neither followed nor replaced (write to the file it points to, or remove the link)`,
    );
  if (kind === 'special') {
    // The process's own standard streams are written directly: opening their /proc link again
    // fails for sockets (ENXIO) and would start at offset 0 of a redirected file.
    const stream = /^\/(?:dev\/(stdout|stderr|fd\/([12]))|proc\/self\/fd\/([12]))$/.exec(path);
    if (stream) {
      const descriptor =
        stream[1] === 'stdout' ? '1' : stream[1] === 'stderr' ? '2' : (stream[2] ?? stream[3]);
      if (descriptor === '1') output.out(content);
      else output.err(content);
      return;
    }
    return writeThrough(path, content);
  }
  return writeFileAtomic(path, content, options);
}

type OutputKind = 'absent' | 'file' | 'directory' | 'special' | 'link-to-file';

/** The standard streams, whose links lead to whatever the shell connected (a terminal, a pipe, a file). */
const standardStreamPath = /^\/(dev\/(stdout|stderr|fd\/\d+)|proc\/self\/fd\/\d+)$/;

async function outputKind(path: string): Promise<OutputKind> {
  let info;
  try {
    info = await lstat(path);
  } catch (error) {
    if (errnoOf(error) === 'ENOENT') return 'absent';
    throw new CliInputError(`${path}: cannot write: ${describeFsError(error)}`);
  }
  if (info.isFile()) return 'file';
  if (info.isDirectory()) return 'directory';
  if (!info.isSymbolicLink()) return 'special';
  let target;
  try {
    target = await stat(path);
  } catch {
    return 'link-to-file';
  }
  if (target.isDirectory()) return 'directory';
  if (!target.isFile() || standardStreamPath.test(path)) return 'special';
  return 'link-to-file';
}

async function writeThrough(path: string, content: string): Promise<void> {
  let handle;
  try {
    handle = await open(path, 'w');
    await handle.writeFile(content, 'utf8');
  } catch (error) {
    throw new CliInputError(`${path}: cannot write: ${describeFsError(error)}`);
  } finally {
    await handle?.close().catch(() => undefined);
  }
}

/**
 * Writes a file atomically (a temporary file next to the target, flushed, then put in place).
 * Without `force` an existing file is never replaced.
 */
export async function writeFileAtomic(
  path: string,
  content: string,
  options: { force: boolean },
): Promise<void> {
  try {
    await writeFileAtomically(path, content, { mode: 0o644, replace: options.force });
  } catch (error) {
    const reason = describeFileFailure(error);
    throw new CliInputError(
      error instanceof FileServiceError && error.code === 'already-exists'
        ? `${path}: ${reason}`
        : `${path}: cannot write: ${reason}`,
    );
  }
}
