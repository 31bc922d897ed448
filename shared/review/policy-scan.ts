// Reading raw policy JSON for the checks: statements with their JSON paths, action and resource
// lists, condition blocks. Tolerant of malformed policies (the IAM validator reports those); a
// statement that cannot be read is skipped rather than guessed at.

export interface ScannedStatement {
  /** `$.Statement[2]`, or `$.Statement` when Statement is a single object. */
  path: string;
  effect: 'Allow' | 'Deny' | undefined;
  /** Action patterns with their JSON paths; empty when the statement uses NotAction. */
  actions: Array<{ value: string; path: string }>;
  notActions: Array<{ value: string; path: string }>;
  resources: Array<{ value: string; path: string }>;
  notResources: Array<{ value: string; path: string }>;
  /** Condition blocks: operator → key → values. */
  conditions: ScannedCondition[];
  raw: Record<string, unknown>;
}

export interface ScannedCondition {
  operator: string;
  key: string;
  values: string[];
  /** `$.Statement[0].Condition.StringEquals.<key>` (keys with dots are bracket-quoted). */
  path: string;
}

/** JSON-path member access, bracket-quoting names that are not plain identifiers. */
export function memberPath(base: string, name: string): string {
  return /^[A-Za-z_$][\w$]*$/.test(name) ? `${base}.${name}` : `${base}[${JSON.stringify(name)}]`;
}

function stringList(value: unknown, path: string): Array<{ value: string; path: string }> {
  if (typeof value === 'string') return [{ value, path }];
  if (!Array.isArray(value)) return [];
  const result: Array<{ value: string; path: string }> = [];
  value.forEach((item, index) => {
    if (typeof item === 'string') result.push({ value: item, path: `${path}[${index}]` });
  });
  return result;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function scanConditions(condition: unknown, path: string): ScannedCondition[] {
  if (!isRecord(condition)) return [];
  const result: ScannedCondition[] = [];
  for (const [operator, block] of Object.entries(condition)) {
    if (!isRecord(block)) continue;
    const operatorPath = memberPath(path, operator);
    for (const [key, value] of Object.entries(block)) {
      const values =
        typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean'
          ? [String(value)]
          : Array.isArray(value)
            ? value.map(String)
            : [];
      result.push({ operator, key, values, path: memberPath(operatorPath, key) });
    }
  }
  return result;
}

export function scanStatements(document: unknown): ScannedStatement[] {
  if (!isRecord(document)) return [];
  const statement = document.Statement;
  const entries: Array<{ raw: unknown; path: string }> = Array.isArray(statement)
    ? statement.map((raw, index) => ({ raw, path: `$.Statement[${index}]` }))
    : [{ raw: statement, path: '$.Statement' }];
  const result: ScannedStatement[] = [];
  for (const { raw, path } of entries) {
    if (!isRecord(raw)) continue;
    const effect = raw.Effect === 'Allow' || raw.Effect === 'Deny' ? raw.Effect : undefined;
    result.push({
      path,
      effect,
      actions: stringList(raw.Action, `${path}.Action`),
      notActions: stringList(raw.NotAction, `${path}.NotAction`),
      resources: stringList(raw.Resource, `${path}.Resource`),
      notResources: stringList(raw.NotResource, `${path}.NotResource`),
      conditions: scanConditions(raw.Condition, `${path}.Condition`),
      raw,
    });
  }
  return result;
}

/** Case-insensitive glob (`*`, `?`) test, the way IAM matches actions. */
export function actionMatches(pattern: string, action: string): boolean {
  return globToRegExp(pattern, 'i').test(action);
}

export function globToRegExp(pattern: string, flags = ''): RegExp {
  const body = pattern
    .replace(/[.+^${}()|[\]\\]/g, '\\$&')
    .replace(/\*/g, '.*')
    .replace(/\?/g, '.');
  return new RegExp(`^${body}$`, flags);
}

/**
 * Whether an action pattern can grant at least one action that `target` (also a pattern) names:
 * true when either pattern matches the other read literally (`iam:*` vs `iam:PassRole`,
 * `iam:Put*` vs `iam:PutRolePolicy`, `*` vs anything).
 */
export function actionPatternsOverlap(granted: string, target: string): boolean {
  return actionMatches(granted, target) || actionMatches(target, granted);
}

/** Service prefix of an action pattern (`s3` of `s3:Get*`), lower-case; `*` for a bare wildcard. */
export function actionService(action: string): string {
  const index = action.indexOf(':');
  return index < 0 ? action.toLowerCase() : action.slice(0, index).toLowerCase();
}

/** Policy variables `${…}` in a string, without the escapes `${*}`, `${?}`, `${$}`. */
export function variablesIn(text: string): string[] {
  const result: string[] = [];
  for (const match of text.matchAll(/\$\{([^}]*)\}/g)) {
    const inner = (match[1] ?? '').split(',')[0]?.trim() ?? '';
    if (inner === '*' || inner === '?' || inner === '$') continue;
    result.push(inner);
  }
  return result;
}

/**
 * Policy variables without a default value: `${key, 'default'}` resolves to the default when the
 * request lacks the key, so it is never left unresolved.
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_variables.html#policy-vars-default-values
 */
export function variablesWithoutDefault(text: string): string[] {
  const result: string[] = [];
  for (const match of text.matchAll(/\$\{([^}]*)\}/g)) {
    const [name = '', ...rest] = (match[1] ?? '').split(',');
    const key = name.trim();
    if (key === '*' || key === '?' || key === '$' || /^\s*'.*'\s*$/.test(rest.join(','))) continue;
    result.push(key);
  }
  return result;
}

/** Every string in a JSON value with its JSON path (for variable scans). */
export function stringsWithPaths(value: unknown, path = '$'): Array<{ value: string; path: string }> {
  if (typeof value === 'string') return [{ value, path }];
  if (Array.isArray(value))
    return value.flatMap((item, index) => stringsWithPaths(item, `${path}[${index}]`));
  if (isRecord(value)) {
    return Object.entries(value).flatMap(([key, item]) => [
      ...(key.includes('${') ? [{ value: key, path: memberPath(path, key) }] : []),
      ...stringsWithPaths(item, memberPath(path, key)),
    ]);
  }
  return [];
}
