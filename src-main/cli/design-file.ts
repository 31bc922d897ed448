// Reading a design file for a command. Anything that keeps the design from loading is bad input
// (exit 2) with one line naming the file, the JSON path and the reason.

import { loadDesign, type LoadResult } from '../../shared/model/io';
import type { DesignDocument, ModelIssue } from '../../shared/model/types';
import { CliInputError } from './errors';
import { readTextFile } from './files';

/** Issue codes meaning "this is not a readable design file at all" rather than "this design has errors". */
export const UNREADABLE_DESIGN_CODES: ReadonlySet<string> = new Set([
  'not-text',
  'too-large',
  'too-deep',
  'invalid-json',
  'not-a-design',
  'unsupported-version',
  'migration-failed',
  'internal',
]);

/** `design.json:3:7: $.roles[0].name: message` — location parts that are unknown are left out. */
export function describeIssue(file: string, issue: ModelIssue): string {
  const mentionsLine = /\(line \d+/.test(issue.message);
  const position =
    issue.line !== undefined && !mentionsLine
      ? `:${issue.line}${issue.column !== undefined ? `:${issue.column}` : ''}`
      : '';
  const path = issue.path === '$' ? '' : `${issue.path}: `;
  return `${file}${position}: ${path}${issue.message}`;
}

/** Loads a design, allowing semantic errors so that `validate` can list them all. */
export async function readDesignForValidation(path: string): Promise<LoadResult> {
  return loadDesign(await readTextFile(path), { fileName: path, allowSemanticErrors: true });
}

/** Loads a design that must be valid; otherwise one line with the first error and how to see the rest. */
export async function readDesign(path: string): Promise<DesignDocument> {
  const result = loadDesign(await readTextFile(path), { fileName: path });
  if (result.ok) return result.design;
  const errors = result.issues.filter((issue) => issue.severity === 'error');
  const first = errors[0] ?? result.issues[0];
  if (!first) throw new CliInputError(`${path}: the design could not be loaded`);
  const more =
    errors.length > 1
      ? ` (and ${errors.length - 1} more error(s); run 'cognito-studio validate ${path}')`
      : '';
  const prefix = UNREADABLE_DESIGN_CODES.has(first.code ?? '') ? '' : 'invalid design: ';
  throw new CliInputError(`${prefix}${describeIssue(path, first)}${more}`);
}
