// Reading a policy from JSON text or a value: issues with JSON paths and, for text, lines and columns.
import { jsonPathLocator, locateJsonPath, readJsonText, type TextPosition } from './json-text';
import type { PolicyDocument, PolicyIssue, PolicyKind } from './types';
import { validatePolicy } from './validate';
import { isRecord } from './variables';

export { jsonPathLocator, locateJsonPath };

export interface ParsedPolicy {
  /** The document whenever the input is a JSON object, even with issues (check for `error` severity). */
  document?: PolicyDocument;
  issues: PolicyIssue[];
}

/** Parses and validates a policy. Never throws. */
export function parsePolicy(input: string | unknown, options?: { kind?: PolicyKind }): ParsedPolicy {
  try {
    if (typeof input !== 'string') return finish(input, validatePolicy(input, options));
    const read = readJsonText(input);
    if (read.error) {
      return {
        issues: [
          {
            severity: 'error',
            path: '$',
            code: 'invalid-json',
            message: `not valid JSON: ${read.error.message}`,
            line: read.error.line,
            column: read.error.column,
          },
        ],
      };
    }
    const issues = validatePolicy(read.value, options);
    for (const duplicate of read.duplicateKeys) {
      issues.push({
        severity: 'error',
        path: duplicate.path,
        code: 'duplicate-key',
        message: `"${duplicate.key}" appears more than once here; only the last one would take effect`,
      });
    }
    for (const issue of issues) {
      const position = nearestPosition(read.positions, issue.path);
      if (position) {
        issue.line = position.line;
        issue.column = position.column;
      }
    }
    return finish(read.value, issues);
  } catch (error) {
    return {
      issues: [
        {
          severity: 'error',
          path: '$',
          code: 'unreadable',
          message: `the policy could not be read: ${error instanceof Error ? error.message : String(error)}`,
        },
      ],
    };
  }
}

function finish(value: unknown, issues: PolicyIssue[]): ParsedPolicy {
  return isRecord(value) ? { document: value as PolicyDocument, issues } : { issues };
}

/** The position of the path, or of its closest ancestor that has one. */
function nearestPosition(positions: Map<string, TextPosition>, path: string): TextPosition | undefined {
  let current = path;
  for (;;) {
    const position = positions.get(current);
    if (position) return position;
    const cut = Math.max(current.lastIndexOf('.'), current.lastIndexOf('['));
    if (cut <= 0) return positions.get('$');
    current = current.slice(0, cut);
  }
}
