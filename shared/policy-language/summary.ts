// The policy summary beside the editor: per service, which access levels the Allow statements grant
// (Full: every action of that level, Limited: some, None) and whether their resources are scoped to
// the identity. Access levels come from the catalog, never from action-name prefixes.

import { actionPatternMatches } from '../iam/catalog-patterns';
import type { CatalogAction, IamCatalog } from '../iam/catalog';
import { stringList } from './catalog-lookup';

export const ACCESS_LEVELS = ['List', 'Read', 'Write', 'Permissions management', 'Tagging'] as const;
export type AccessLevel = (typeof ACCESS_LEVELS)[number];
export type Grant = 'Full' | 'Limited' | 'None';

export interface ServiceSummary {
  service: string;
  levels: Record<AccessLevel, Grant>;
  /** Every Allow statement of this service names resources under the identity id (or keys rows by it). */
  perIdentity: boolean;
}

const IDENTITY = /\$\{cognito-identity\.amazonaws\.com:sub\}/i;

function statementsOf(document: unknown): Array<Record<string, unknown>> {
  if (typeof document !== 'object' || document === null) return [];
  const statement = (document as Record<string, unknown>).Statement;
  const list = Array.isArray(statement) ? statement : [statement];
  return list.filter(
    (entry): entry is Record<string, unknown> =>
      typeof entry === 'object' && entry !== null && !Array.isArray(entry),
  );
}

/** `Permissions management, Write` counts for both levels. */
function levelsOf(action: CatalogAction): AccessLevel[] {
  return ACCESS_LEVELS.filter((level) => action.accessLevel.split(/,\s*/).includes(level));
}

function scopedToIdentity(statement: Record<string, unknown>): boolean {
  const resources = stringList(statement.Resource);
  if (resources.length > 0 && resources.every((resource) => IDENTITY.test(resource))) return true;
  return IDENTITY.test(JSON.stringify(statement.Condition ?? {}));
}

export async function summarisePolicy(document: unknown, catalog: IamCatalog): Promise<ServiceSummary[]> {
  const granted = new Map<string, { names: Set<string>; scoped: boolean }>();
  for (const statement of statementsOf(document)) {
    if (statement.Effect !== 'Allow') continue;
    for (const entry of stringList(statement.Action)) {
      const separator = entry.indexOf(':');
      const servicePattern = separator < 0 ? entry : entry.slice(0, separator);
      const actionPattern = separator < 0 ? '*' : entry.slice(separator + 1);
      // `*` or `s*:…` spans many services: reported as every service, fully, without loading them all.
      if (/[*?]/.test(servicePattern)) {
        granted.set('*', { names: new Set(['*']), scoped: false });
        continue;
      }
      const services = (await catalog.hasService(servicePattern)) ? [servicePattern.toLowerCase()] : [];
      for (const service of services) {
        const names = (await catalog.listActions(service)).filter((name) =>
          actionPatternMatches(actionPattern, name),
        );
        if (names.length === 0) continue;
        const current = granted.get(service) ?? { names: new Set<string>(), scoped: true };
        names.forEach((name) => current.names.add(name));
        current.scoped &&= scopedToIdentity(statement);
        granted.set(service, current);
      }
    }
  }
  const summaries: ServiceSummary[] = [];
  for (const [service, grant] of [...granted].sort(([a], [b]) => a.localeCompare(b))) {
    if (service === '*') {
      const levels = Object.fromEntries(ACCESS_LEVELS.map((level) => [level, 'Full'])) as Record<
        AccessLevel,
        Grant
      >;
      summaries.push({ service: 'every service', levels, perIdentity: false });
      continue;
    }
    const all = (
      await Promise.all((await catalog.listActions(service)).map((name) => catalog.getAction(service, name)))
    ).filter((action): action is CatalogAction => action !== undefined);
    const levels = {} as Record<AccessLevel, Grant>;
    for (const level of ACCESS_LEVELS) {
      const ofLevel = all.filter((action) => levelsOf(action).includes(level));
      const count = ofLevel.filter((action) => grant.names.has(action.name)).length;
      levels[level] = count === 0 ? 'None' : count === ofLevel.length ? 'Full' : 'Limited';
    }
    summaries.push({ service, levels, perIdentity: grant.scoped });
  }
  return summaries;
}
