// The axes of an access matrix: which actions and which resources to ask about. By default they
// come from the design itself — every action and every Resource written in its permission
// policies — and can be narrowed by service and access level or replaced by a typed list.
// Resources are kept as templates: policy variables are resolved per persona, so
// `…/private/${cognito-identity.amazonaws.com:sub}/*` becomes each persona's own prefix.

import { substituteVariables } from '../iam/index';
import type { ContextValue } from '../iam/types';
import type { DesignDocument } from '../model/types';

/** One action of the catalog with its access level (`Read`, `Write`, `List`, `Tagging`, `Permissions management`). */
export interface CatalogActionLevel {
  name: string;
  accessLevel: string;
}

/** What the axes need from the IAM action catalog: each service's actions with their access level. */
export interface ActionLevelSource {
  actionsOf(service: string): Promise<CatalogActionLevel[]>;
}

/** An action to evaluate and its access level when the catalog knows it. */
export interface MatrixAction {
  action: string;
  accessLevel?: string;
}

/** A Resource as written in a policy, with the policy's Version (variables resolve only in 2012-10-17). */
export interface ResourceTemplate {
  text: string;
  version: string | undefined;
}

/** Access levels of the service authorization reference, in its order. */
export const ACCESS_LEVELS = ['List', 'Read', 'Write', 'Permissions management', 'Tagging'] as const;

function permissionDocuments(design: DesignDocument): unknown[] {
  return [
    ...design.roles.flatMap((role) => role.inlinePolicies.map((policy) => policy.document)),
    ...design.managedPolicies.map((policy) => policy.document),
  ];
}

function statementsOf(document: unknown): Array<Record<string, unknown>> {
  if (typeof document !== 'object' || document === null) return [];
  const statement = (document as { Statement?: unknown }).Statement;
  const list = Array.isArray(statement) ? statement : [statement];
  return list.filter((item): item is Record<string, unknown> => typeof item === 'object' && item !== null);
}

function strings(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];
}

/** Actions written in the design's permission policies (`Action` elements), as written. */
export function writtenActions(design: DesignDocument): string[] {
  const written = new Set<string>();
  for (const document of permissionDocuments(design))
    for (const statement of statementsOf(document)) strings(statement.Action).forEach((a) => written.add(a));
  return [...written].sort();
}

/** Service prefixes (lower case) of the actions written in the design. */
export function servicesOfDesign(design: DesignDocument): string[] {
  const services = new Set<string>();
  for (const action of writtenActions(design)) {
    const colon = action.indexOf(':');
    if (colon > 0) services.add(action.slice(0, colon).toLowerCase());
  }
  return [...services].sort();
}

function wildcardPattern(text: string): RegExp {
  const escaped = text
    .replace(/[.+^${}()|[\]\\]/g, '\\$&')
    .replace(/\*/g, '.*')
    .replace(/\?/g, '.');
  return new RegExp(`^${escaped}$`, 'i');
}

async function levelsOf(
  service: string,
  source: ActionLevelSource,
  cache: Map<string, Promise<CatalogActionLevel[]>>,
): Promise<CatalogActionLevel[]> {
  let entry = cache.get(service);
  if (!entry) {
    entry = source.actionsOf(service);
    cache.set(service, entry);
  }
  return entry;
}

/**
 * Actions written in the design with wildcards (`s3:Get*`) expanded through the catalog; an action
 * the catalog does not know, or a bare `*`, is kept as written.
 */
export async function designActions(
  design: DesignDocument,
  source: ActionLevelSource,
): Promise<MatrixAction[]> {
  const cache = new Map<string, Promise<CatalogActionLevel[]>>();
  const result = new Map<string, MatrixAction>();
  for (const written of writtenActions(design)) {
    const colon = written.indexOf(':');
    if (colon <= 0) {
      result.set(written, { action: written });
      continue;
    }
    const service = written.slice(0, colon);
    const known = await levelsOf(service.toLowerCase(), source, cache);
    const pattern = wildcardPattern(written.slice(colon + 1));
    const matching = known.filter((entry) => pattern.test(entry.name));
    if (matching.length === 0) result.set(written, { action: written });
    for (const entry of matching) {
      const action = `${service.toLowerCase()}:${entry.name}`;
      result.set(action.toLowerCase(), { action, accessLevel: entry.accessLevel });
    }
  }
  return sortActions([...result.values()]);
}

/** Every action of the given services, from the catalog. */
export async function serviceActions(
  services: readonly string[],
  source: ActionLevelSource,
): Promise<MatrixAction[]> {
  const actions: MatrixAction[] = [];
  for (const service of [...new Set(services.map((name) => name.toLowerCase()))]) {
    for (const entry of await source.actionsOf(service))
      actions.push({ action: `${service}:${entry.name}`, accessLevel: entry.accessLevel });
  }
  return sortActions(actions);
}

/** Parses a typed list of actions (one per line or comma separated; `#` starts a comment). */
export function parseActionList(text: string): { actions: string[]; invalid: string[] } {
  const items = text
    .split(/\r?\n/)
    .map((line) => line.replace(/#.*$/, ''))
    .flatMap((line) => line.split(','))
    .map((item) => item.trim())
    .filter((item) => item !== '');
  const invalid = items.filter((item) => item !== '*' && !/^[a-z0-9-]+:[A-Za-z0-9*?]+$/i.test(item));
  const actions = [...new Set(items.filter((item) => !invalid.includes(item)))];
  return { actions, invalid };
}

/** Adds access levels from the catalog to typed actions (wildcards stay as typed, without a level). */
export async function withAccessLevels(
  actions: readonly string[],
  source: ActionLevelSource,
): Promise<MatrixAction[]> {
  const cache = new Map<string, Promise<CatalogActionLevel[]>>();
  const result: MatrixAction[] = [];
  for (const action of actions) {
    const colon = action.indexOf(':');
    if (colon <= 0 || /[*?]/.test(action)) {
      result.push({ action });
      continue;
    }
    const known = await levelsOf(action.slice(0, colon).toLowerCase(), source, cache);
    const name = action.slice(colon + 1).toLowerCase();
    const entry = known.find((candidate) => candidate.name.toLowerCase() === name);
    result.push(entry ? { action, accessLevel: entry.accessLevel } : { action });
  }
  return result;
}

/**
 * Keeps the actions of the given access levels. The catalog writes combined levels such as
 * `Permissions management, Write`; an action matches when any of its levels is chosen. Actions
 * without a known level are kept, so a typed wildcard never silently disappears.
 */
export function filterByAccessLevel(
  actions: readonly MatrixAction[],
  levels: readonly string[],
): MatrixAction[] {
  if (levels.length === 0) return [...actions];
  const wanted = new Set(levels.map((level) => level.toLowerCase()));
  return actions.filter(
    (entry) =>
      !entry.accessLevel ||
      entry.accessLevel.split(',').some((level) => wanted.has(level.trim().toLowerCase())),
  );
}

function sortActions(actions: MatrixAction[]): MatrixAction[] {
  return actions.sort((a, b) => (a.action < b.action ? -1 : a.action > b.action ? 1 : 0));
}

/** Every Resource written in the design's permission policies, once per text and policy Version. */
export function designResources(design: DesignDocument): ResourceTemplate[] {
  const seen = new Map<string, ResourceTemplate>();
  for (const document of permissionDocuments(design)) {
    const version = (document as { Version?: unknown } | null)?.Version;
    for (const statement of statementsOf(document)) {
      for (const text of strings(statement.Resource)) {
        const template = { text, version: typeof version === 'string' ? version : undefined };
        seen.set(`${template.version}\n${text}`, template);
      }
    }
  }
  return [...seen.values()].sort((a, b) => (a.text < b.text ? -1 : a.text > b.text ? 1 : 0));
}

/** The service of an ARN (`arn:aws:s3:::b` → `s3`); `*` and non-ARNs have none. */
export function serviceOfResource(text: string): string | undefined {
  const match = /^arn:[^:]*:([^:]+):/.exec(text);
  return match?.[1]?.toLowerCase();
}

/** Typed resources: one ARN (or `*`) per line; variables resolve as in a 2012-10-17 policy. */
export function parseResourceList(text: string): ResourceTemplate[] {
  const items = text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('#'));
  return [...new Set(items)].map((item) => ({ text: item, version: '2012-10-17' }));
}

/** A template with one session's values substituted for its policy variables. */
export function resolveResource(template: ResourceTemplate, context: Record<string, ContextValue>): string {
  return substituteVariables(template.text, context, template.version).value;
}
