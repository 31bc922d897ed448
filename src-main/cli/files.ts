// File reading and writing for the CLI. Every failure becomes a one-line CliInputError naming the file.

import { MAX_NESTING_DEPTH } from '../../shared/model/io';
import {
  findExcessiveNesting,
  parseJsonText as parseLocatedJson,
  positionAt,
  type JsonParseResult,
} from '../../shared/model/json-text';
import {
  FileServiceError,
  readTextFileLimited,
  writeFileAtomic as writeFileAtomically,
} from '../services/files';
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
  const deepAt = findExcessiveNesting(body, MAX_JSON_DEPTH);
  if (deepAt >= 0) {
    const { line, column } = positionAt(body, deepAt);
    throw new CliInputError(
      `${fileName}: JSON nested more than ${MAX_JSON_DEPTH} levels deep at line ${line}, column ${column}`,
    );
  }
  const parsed = parseLocatedJson(body);
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
    default:
      return oneLine(error);
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
