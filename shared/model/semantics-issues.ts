// Shared plumbing of the semantic checks: an issue collector addressed by path segments and the
// indexes several checks need.

import type { PathSegment } from './paths';
import { formatPath } from './paths';
import type { AppClient, DesignDocument, ModelIssue, Provider, UserPool } from './types';

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

/** Indexes used by several checks, so that no check is quadratic in the size of the design. */
export interface DesignIndex {
  roleIds: ReadonlySet<string>;
  providersById: ReadonlyMap<string, Provider>;
  userPoolsById: ReadonlyMap<string, UserPool>;
  /** User pool design id → app client design id → client. */
  clientsByPool: ReadonlyMap<string, ReadonlyMap<string, AppClient>>;
  /** User pool design id → usernames of its sample users. */
  usernamesByPool: ReadonlyMap<string, ReadonlySet<string>>;
}

export function buildIndex(design: DesignDocument): DesignIndex {
  return {
    roleIds: new Set(design.roles.map((role) => role.id)),
    providersById: new Map(design.providers.map((provider) => [provider.id, provider])),
    userPoolsById: new Map(design.userPools.map((pool) => [pool.id, pool])),
    clientsByPool: new Map(
      design.userPools.map((pool) => [pool.id, new Map(pool.clients.map((client) => [client.id, client]))]),
    ),
    usernamesByPool: new Map(
      design.userPools.map((pool) => [pool.id, new Set(pool.users.map((user) => user.username))]),
    ),
  };
}
