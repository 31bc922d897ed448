// Shared plumbing of the semantic checks: an issue collector addressed by path segments and the
// indexes several checks need.

import type { PathSegment } from './paths';
import { formatPath } from './paths';
import type { ModelIssue, UserPool } from './types';

/** Collects issues; entities are addressed by path segments, formatted once. */
export class IssueList {
  readonly issues: ModelIssue[] = [];

  error(code: string, path: readonly PathSegment[], message: string): void {
    this.issues.push({ severity: 'error', code, path: formatPath(path), message });
  }

  warning(code: string, path: readonly PathSegment[], message: string): void {
    this.issues.push({ severity: 'warning', code, path: formatPath(path), message });
  }
}

/** Indexes used by several checks. */
export interface DesignIndex {
  roleIds: ReadonlySet<string>;
  providerIds: ReadonlySet<string>;
  userPoolsById: ReadonlyMap<string, UserPool>;
}
