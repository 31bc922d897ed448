// Principal / NotPrincipal matching for resource and trust policies.
// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_principal.html
import { isRecord } from './variables';

export type PrincipalKind =
  'assumedRole' | 'role' | 'user' | 'federatedUser' | 'root' | 'otherArn' | 'account' | 'name';

export interface RequestPrincipal {
  readonly text: string;
  readonly kind: PrincipalKind;
  readonly partition: string;
  readonly account: string | undefined;
  /** Role name for roles and role sessions (role ARNs may carry a path; session ARNs never do). */
  readonly roleName: string | undefined;
}

/**
 * How a statement's principal names the caller:
 * - `direct`: `*`, or the exact ARN of the caller (for a role session: the assumed-role session ARN);
 * - `role`: the ARN of the role whose session is calling;
 * - `account`: the caller's account (`123456789012` or `arn:aws:iam::123456789012:root`), which delegates
 *   the decision to the account's identity-based policies;
 * - `none`.
 */
export type PrincipalMatch = 'direct' | 'role' | 'account' | 'none';

const parsedPrincipals = new Map<string, RequestPrincipal>();

export function parseRequestPrincipal(text: string): RequestPrincipal {
  const cached = parsedPrincipals.get(text);
  if (cached) return cached;
  const parsed = parsePrincipalText(text);
  if (parsedPrincipals.size > 10_000) parsedPrincipals.clear();
  parsedPrincipals.set(text, parsed);
  return parsed;
}

function parsePrincipalText(text: string): RequestPrincipal {
  if (/^\d{12}$/.test(text))
    return { text, kind: 'account', partition: 'aws', account: text, roleName: undefined };
  const parts = text.split(':');
  if (parts[0] !== 'arn' || parts.length < 6)
    return { text, kind: 'name', partition: '', account: undefined, roleName: undefined };
  const partition = parts[1] ?? '';
  const service = parts[2] ?? '';
  const account = parts[4] || undefined;
  const resource = parts.slice(5).join(':');
  const segments = resource.split('/');
  if (service === 'sts' && segments[0] === 'assumed-role' && segments.length >= 3) {
    return { text, kind: 'assumedRole', partition, account, roleName: segments[1] };
  }
  if (service === 'sts' && segments[0] === 'federated-user')
    return { text, kind: 'federatedUser', partition, account, roleName: undefined };
  if (service === 'iam' && segments[0] === 'role' && segments.length >= 2) {
    return { text, kind: 'role', partition, account, roleName: segments[segments.length - 1] };
  }
  if (service === 'iam' && segments[0] === 'user')
    return { text, kind: 'user', partition, account, roleName: undefined };
  if (service === 'iam' && resource === 'root')
    return { text, kind: 'root', partition, account, roleName: undefined };
  return { text, kind: 'otherArn', partition, account, roleName: undefined };
}

export interface CompiledPrincipal {
  readonly wildcard: boolean;
  /** Exact principal strings from AWS (ARNs), Federated, Service and CanonicalUser entries. */
  readonly exact: ReadonlySet<string>;
  readonly accounts: ReadonlySet<string>;
  /** `partition:account:roleName` of role ARNs, to recognise their sessions. */
  readonly roles: ReadonlySet<string>;
  /** Every entry as written, for explanations. */
  readonly entries: readonly string[];
}

/** Compiles a Principal / NotPrincipal value. Unreadable entries are skipped (the validator reports them). */
export function compilePrincipal(value: unknown): CompiledPrincipal {
  const exact = new Set<string>();
  const accounts = new Set<string>();
  const roles = new Set<string>();
  const entries: string[] = [];
  let wildcard = false;
  const addAws = (entry: string): void => {
    entries.push(`AWS: ${entry}`);
    if (entry === '*') {
      wildcard = true;
      return;
    }
    if (/^\d{12}$/.test(entry)) {
      accounts.add(entry);
      return;
    }
    const parts = entry.split(':');
    if (parts[0] === 'arn' && parts[2] === 'iam' && parts.slice(5).join(':') === 'root' && parts[4]) {
      accounts.add(parts[4]);
      return;
    }
    exact.add(entry);
    const principal = parsePrincipalText(entry);
    if (principal.kind === 'role' && principal.account && principal.roleName) {
      roles.add(`${principal.partition}:${principal.account}:${principal.roleName}`);
    }
  };
  if (value === '*') {
    wildcard = true;
    entries.push('*');
  } else if (isRecord(value)) {
    for (const [type, raw] of Object.entries(value)) {
      const list = Array.isArray(raw) ? raw : [raw];
      for (const entry of list) {
        if (typeof entry !== 'string') continue;
        if (type === 'AWS') addAws(entry);
        else if (type === 'Federated' || type === 'Service' || type === 'CanonicalUser') {
          entries.push(`${type}: ${entry}`);
          exact.add(entry);
        }
      }
    }
  }
  return { wildcard, exact, accounts, roles, entries };
}

export function matchPrincipal(compiled: CompiledPrincipal, principal: RequestPrincipal): PrincipalMatch {
  // **Assumption**: AWS documents that a grant to the session ARN escapes the permissions boundary and
  // session policies; `"*"` is treated the same way, as @cloud-copilot/iam-simulate does.
  if (compiled.wildcard || compiled.exact.has(principal.text)) {
    // A role ARN naming the calling role itself is role-level, not a session grant.
    return principal.kind === 'role' && !compiled.wildcard ? 'role' : 'direct';
  }
  if (principal.kind === 'assumedRole' && principal.account && principal.roleName) {
    if (compiled.roles.has(`${principal.partition}:${principal.account}:${principal.roleName}`))
      return 'role';
  }
  if (principal.account && compiled.accounts.has(principal.account)) {
    return principal.kind === 'root' || principal.kind === 'account' ? 'direct' : 'account';
  }
  return 'none';
}

/**
 * Whether NotPrincipal exempts the caller. AWS checks each layer of the caller's identity: "When
 * evaluating assumed-role users, AWS checks the account first, then the role, then the assumed-role
 * user", so a role session is exempt only when its account, its role and its session ARN are all listed
 * (a user: its account and its ARN).
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_notprincipal.html
 */
export function notPrincipalExempts(compiled: CompiledPrincipal, principal: RequestPrincipal): boolean {
  if (compiled.wildcard) return true;
  const accountListed = principal.account !== undefined && compiled.accounts.has(principal.account);
  switch (principal.kind) {
    case 'assumedRole':
      return (
        accountListed &&
        compiled.exact.has(principal.text) &&
        compiled.roles.has(`${principal.partition}:${principal.account ?? ''}:${principal.roleName ?? ''}`)
      );
    case 'role':
    case 'user':
    case 'federatedUser':
    case 'otherArn':
      return accountListed && compiled.exact.has(principal.text);
    case 'root':
    case 'account':
      return accountListed;
    default:
      return compiled.exact.has(principal.text);
  }
}
