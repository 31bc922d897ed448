// Inline validation: the model's issues (validateDesign), computed once per design version and
// looked up by JSON path prefix for the entity the inspector shows.

import { validateDesign } from '../../shared/model/validate';
import type { DesignDocument, ModelIssue } from '../../shared/model/types';
import { useAppStore } from '../state/store';

const cache = new WeakMap<DesignDocument, ModelIssue[]>();

export function issuesOf(design: DesignDocument): ModelIssue[] {
  let issues = cache.get(design);
  if (!issues) {
    issues = validateDesign(design);
    cache.set(design, issues);
  }
  return issues;
}

/**
 * Records the issues the loader already found for a freshly loaded design, so the inspector does
 * not validate a large design a second time while it first renders.
 */
export function primeIssues(design: DesignDocument, issues: ModelIssue[]): void {
  cache.set(design, issues);
}

/** Issues at `path` or below it (`$.roles[1]` matches `$.roles[1].name`, not `$.roles[10]`). */
export function issuesUnder(issues: readonly ModelIssue[], path: string): ModelIssue[] {
  return issues.filter(
    (issue) => issue.path === path || issue.path.startsWith(`${path}.`) || issue.path.startsWith(`${path}[`),
  );
}

export function useIssuesUnder(path: string): ModelIssue[] {
  const design = useAppStore((state) => state.design);
  return issuesUnder(issuesOf(design), path);
}
