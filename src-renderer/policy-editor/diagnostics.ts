// Markers of a policy text: the problems `cognito-studio validate` reports for it (same function),
// then the review findings that point into the document. Ranges come from the issue's JSON path.

import { parseTree, type Node } from 'jsonc-parser';
import type * as Monaco from 'monaco-editor/editor/editor.api';
import type { PolicyIssue } from '../../shared/iam/types';
import { policyProblems } from '../../shared/policy-language/design-problems';
import type { PolicyLanguageContext } from '../../shared/policy-language/context';
import { rangeOfJsonPath } from '../../shared/policy-language/json-position';
import type { Finding } from '../../shared/review';

function issueRange(
  text: string,
  tree: Node | undefined,
  model: Monaco.editor.ITextModel,
  issue: PolicyIssue,
) {
  if (issue.code === 'invalid-json' && issue.line !== undefined) {
    const column = issue.column ?? 1;
    return {
      startLineNumber: issue.line,
      startColumn: column,
      endLineNumber: issue.line,
      endColumn: column + 1,
    };
  }
  const range = rangeOfJsonPath(text, issue.path, tree) ?? { start: 0, end: Math.min(1, text.length) };
  const start = model.getPositionAt(range.start);
  const end = model.getPositionAt(range.end);
  return {
    startLineNumber: start.lineNumber,
    startColumn: start.column,
    endLineNumber: end.lineNumber,
    endColumn: end.column,
  };
}

export async function policyMarkers(
  monaco: typeof Monaco,
  model: Monaco.editor.ITextModel,
  context: PolicyLanguageContext,
  findings: readonly Finding[],
): Promise<Monaco.editor.IMarkerData[]> {
  const text = model.getValue();
  if (text.trim() === '') return [];
  const issues = await policyProblems(text, context.kind, context.catalog);
  const tree = parseTree(text);
  const markers: Monaco.editor.IMarkerData[] = issues.map((issue) => ({
    ...issueRange(text, tree, model, issue),
    severity: issue.severity === 'error' ? monaco.MarkerSeverity.Error : monaco.MarkerSeverity.Warning,
    message: issue.message,
    code: issue.code,
    source: 'validate',
  }));
  for (const finding of findings) {
    const path = finding.location?.jsonPath ?? '$';
    const severe =
      finding.severity === 'critical' || finding.severity === 'high' || finding.severity === 'medium';
    markers.push({
      ...issueRange(text, tree, model, { path, code: finding.checkId, message: '', severity: 'warning' }),
      severity: severe ? monaco.MarkerSeverity.Warning : monaco.MarkerSeverity.Info,
      message: `${finding.title} (${finding.severity}): ${finding.rationale} Fix: ${finding.fix}`,
      code: finding.checkId,
      source: 'review',
    });
  }
  return markers;
}
