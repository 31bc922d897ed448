// Loading and saving design files (design.md §4). `loadDesign` never throws and never hangs: it
// rejects oversized text before parsing, deep nesting before JSON.parse (so no recursive step can
// overflow the stack), then checks `format` and `version`, migrates older versions and validates.
//
// Issue codes added here: not-text, too-large, too-deep, invalid-json, not-a-design,
// unsupported-version, migration-failed, internal.

import { fitsUtf8, parseJsonText, positionAt, scanJsonText } from './json-text';
import { migrateToCurrent, OLDEST_SUPPORTED_VERSION } from './migrations';
import type { DesignDocument, ModelIssue } from './types';
import { DESIGN_FORMAT, DESIGN_VERSION } from './types';
import { describeValue, hasErrors, parseDesign } from './validate';

export { serializeDesign } from './serialize';

/**
 * The one size limit of a design file, in UTF-8 bytes: what the app saves (host API schema), what
 * the host and the CLI open and what the loader accepts, so a design that could be saved always
 * opens again.
 */
export const MAX_DESIGN_BYTES = 20 * 1024 * 1024;
/** Default size limit of `loadDesign`. */
export const DEFAULT_MAX_DESIGN_BYTES = MAX_DESIGN_BYTES;
/** Deepest nesting of arrays and objects accepted; real designs stay far below (≈ 12 levels). */
export const MAX_NESTING_DEPTH = 100;

export interface LoadOptions {
  /** Size limit in UTF-8 bytes (default MAX_DESIGN_BYTES, 20 MiB). */
  maxBytes?: number;
  /** Named in every issue (`file`), for messages like `design.json: $.roles[0].name: …`. */
  fileName?: string;
  /**
   * Return the design even when it has semantic errors (dangling references, limits, …) as long
   * as its structure is valid, so an editor can open it and show what to fix. Default false:
   * anything with an error is rejected.
   */
  allowSemanticErrors?: boolean;
}

export type LoadResult =
  | {
      ok: true;
      design: DesignDocument;
      /** Warnings (and, with `allowSemanticErrors`, semantic errors). */
      issues: ModelIssue[];
      /** Set when the file was written in an older format version and has been migrated. */
      migratedFrom?: number;
    }
  | { ok: false; issues: ModelIssue[] };

export function loadDesign(text: string, options: LoadOptions = {}): LoadResult {
  let result: LoadResult;
  try {
    result = load(text, options);
  } catch (error) {
    // Defensive: every known failure is reported above; this keeps the promise of never throwing.
    const reason = error instanceof Error ? error.message : String(error);
    result = { ok: false, issues: [issue('internal', '$', `the design could not be read: ${reason}`)] };
  }
  if (options.fileName !== undefined) {
    for (const item of result.issues) item.file = options.fileName;
  }
  return result;
}

function load(text: string, options: LoadOptions): LoadResult {
  if (typeof text !== 'string')
    return fail(issue('not-text', '$', `expected the file's text, got ${describeValue(text)}`));
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_DESIGN_BYTES;
  if (!fitsUtf8(text, maxBytes)) {
    return fail(issue('too-large', '$', `the file is larger than the limit of ${formatBytes(maxBytes)}`));
  }
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;

  // One scan of the text for its depth and its keys (parseJsonText compares them with the parsed value's).
  const scan = scanJsonText(body, MAX_NESTING_DEPTH);
  if (scan.tooDeepAt >= 0) {
    return fail({
      ...issue('too-deep', '$', `arrays and objects are nested more than ${MAX_NESTING_DEPTH} levels deep`),
      ...positionAt(body, scan.tooDeepAt),
    });
  }

  const parsed = parseJsonText(body, scan.keys);
  if (!parsed.ok) {
    const where = parsed.position ? ` (line ${parsed.position.line}, column ${parsed.position.column})` : '';
    return fail({
      ...issue('invalid-json', '$', `not valid JSON${where}: ${parsed.reason}`),
      ...parsed.position,
    });
  }
  const value = parsed.value;
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return fail(issue('not-a-design', '$', `a design file holds a JSON object, got ${describeValue(value)}`));
  }
  const document = value as Record<string, unknown>;

  if (document.format !== DESIGN_FORMAT) {
    const got =
      document.format === undefined ? 'no "format" field' : `"format" ${describeValue(document.format)}`;
    return fail(
      issue(
        'not-a-design',
        '$.format',
        `not a Cognito Access Studio design: expected "format": "${DESIGN_FORMAT}", found ${got}`,
      ),
    );
  }
  const version = document.version;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < OLDEST_SUPPORTED_VERSION) {
    return fail(
      issue(
        'unsupported-version',
        '$.version',
        `"version" must be a whole number from ${OLDEST_SUPPORTED_VERSION} to ${DESIGN_VERSION}, got ${describeValue(version)}`,
      ),
    );
  }
  if (version > DESIGN_VERSION) {
    return fail(
      issue(
        'unsupported-version',
        '$.version',
        `this design was saved by a newer version of Cognito Access Studio (format version ${version}); this version reads up to ${DESIGN_VERSION}. Update the application to open it.`,
      ),
    );
  }

  const migrated = version < DESIGN_VERSION ? migrateToCurrent(document, version) : { document, issues: [] };
  const checked = parseDesign(migrated.document);
  const issues = [...migrated.issues, ...checked.issues];
  if (!checked.design || (hasErrors(issues) && !options.allowSemanticErrors)) return { ok: false, issues };
  return version < DESIGN_VERSION
    ? { ok: true, design: checked.design, issues, migratedFrom: version }
    : { ok: true, design: checked.design, issues };
}

/** One line per issue: `file:line:column: path: message` (parts that are unknown are left out). */
export function formatIssue(item: ModelIssue): string {
  const location = [item.file, item.line, item.line !== undefined ? item.column : undefined]
    .filter((part) => part !== undefined)
    .join(':');
  const prefix = location ? `${location}: ` : '';
  return `${prefix}${item.severity}: ${item.path}: ${item.message}`;
}

function issue(code: string, path: string, message: string): ModelIssue {
  return { severity: 'error', code, path, message };
}

function fail(item: ModelIssue): LoadResult {
  return { ok: false, issues: [item] };
}

function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${Math.round((bytes / (1024 * 1024)) * 10) / 10} MB`;
  if (bytes >= 1024) return `${Math.round((bytes / 1024) * 10) / 10} KB`;
  return `${bytes} bytes`;
}
