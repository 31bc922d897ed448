// The policy summary beside the editor: per service, which access levels the policy grants (Full:
// the engine allows every catalog action of that level on some resource, Limited: some, None) and
// whether its resources are scoped per identity (what identity A is allowed, identity B of the same
// role is denied). Deny, NotAction, NotResource and conditions count as the engine evaluates them;
// access levels come from the catalog, never from action-name prefixes.

import type { CatalogAction, IamCatalog } from '../iam/catalog';
import type { AccountContext } from '../model/types';
import { stringList } from './catalog-lookup';
import { createSummaryEvaluator, type SummaryEvaluator } from './summary-requests';
import { sampleSummarySession, type SummarySession } from './summary-session';

export const ACCESS_LEVELS = ['List', 'Read', 'Write', 'Permissions management', 'Tagging'] as const;
export type AccessLevel = (typeof ACCESS_LEVELS)[number];
export type Grant = 'Full' | 'Limited' | 'None';

export interface ServiceSummary {
  /** Service prefix, or `every other service` / `every service` for services the policy does not name. */
  service: string;
  levels: Record<AccessLevel, Grant>;
  /** Identity B is denied every resource identity A is allowed, for every granted action that takes resources. */
  perIdentity: boolean;
}

export interface SummaryOptions {
  /** The sessions to evaluate; by default a signed-in identity of a sample pool. */
  session?: SummarySession;
  /** Stops the work when the document changed meanwhile (the result is then empty). */
  signal?: AbortSignal;
}

const SAMPLE_ACCOUNT: AccountContext = { accountId: '111122223333', partition: 'aws', region: 'us-east-1' };
/** Longest stretch of evaluation between two pauses. */
const SLICE_MS = 12;
const GLOBAL_KEY = /^(aws|cognito-identity\.amazonaws\.com):/i;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function statementsOf(document: unknown): Array<Record<string, unknown>> {
  if (!isRecord(document)) return [];
  const statement = document.Statement;
  return (Array.isArray(statement) ? statement : [statement]).filter(isRecord);
}

/** `Permissions management, Write` counts for both levels. */
function levelsOf(action: CatalogAction): AccessLevel[] {
  return ACCESS_LEVELS.filter((level) => action.accessLevel.split(/,\s*/).includes(level));
}

function serviceOf(entry: string): string {
  const separator = entry.indexOf(':');
  return separator < 0 ? entry : entry.slice(0, separator);
}

function actionEntries(statement: Record<string, unknown>): string[] {
  return [...stringList(statement.Action), ...stringList(statement.NotAction)];
}

/** Whether a statement can match actions of services none of its entries names. */
function reachesUnnamed(statement: Record<string, unknown>): boolean {
  return (
    statement.NotAction !== undefined ||
    stringList(statement.Action).some((entry) => /[*?]/.test(serviceOf(entry)))
  );
}

/**
 * Whether every action of every service the policy does not name meets the same statements: those
 * statements match any action (`*`), any resource (`*`) and test only global keys. Then one request
 * decides for all of them; otherwise each service of the catalog is evaluated.
 */
function unnamedServicesAlike(statements: Array<Record<string, unknown>>): boolean {
  return statements.filter(reachesUnnamed).every((statement) => {
    const wildcards = actionEntries(statement).filter((entry) => /[*?]/.test(serviceOf(entry)));
    const keys = isRecord(statement.Condition)
      ? Object.values(statement.Condition).flatMap((block) => (isRecord(block) ? Object.keys(block) : []))
      : [];
    return (
      wildcards.every((entry) => entry === '*' || entry === '*:*') &&
      statement.NotResource === undefined &&
      stringList(statement.Resource).every((resource) => resource === '*') &&
      keys.every((key) => GLOBAL_KEY.test(key))
    );
  });
}

interface Tally {
  counts: Record<AccessLevel, { allowed: number; total: number }>;
  granted: boolean;
  scoped: boolean;
}

function emptyTally(): Tally {
  const counts = Object.fromEntries(ACCESS_LEVELS.map((level) => [level, { allowed: 0, total: 0 }]));
  return { counts: counts as Tally['counts'], granted: false, scoped: true };
}

async function tallyService(
  catalog: IamCatalog,
  service: string,
  evaluator: SummaryEvaluator,
  tally: Tally,
  slices: Slices,
): Promise<void> {
  const names = await catalog.listActions(service);
  const actions = (await Promise.all(names.map((name) => catalog.getAction(service, name)))).filter(
    (action): action is CatalogAction => action !== undefined,
  );
  const outcomeOf = evaluator.forService(actions);
  let granted = false;
  let resourceGranted = false;
  for (const action of actions) {
    if (!(await slices.next())) return;
    const outcome = outcomeOf(action, tally.scoped);
    for (const level of levelsOf(action)) {
      tally.counts[level].total += 1;
      if (outcome.allowed) tally.counts[level].allowed += 1;
    }
    granted ||= outcome.allowed;
    if (outcome.scoped !== undefined) resourceGranted = true;
    if (outcome.scoped === false) tally.scoped = false;
  }
  // Actions that take no resource (`*` only) cannot be scoped to anyone.
  if (granted && !resourceGranted) tally.scoped = false;
  tally.granted ||= granted;
}

function summaryOf(service: string, tally: Tally): ServiceSummary {
  const levels = {} as Record<AccessLevel, Grant>;
  for (const level of ACCESS_LEVELS) {
    const { allowed, total } = tally.counts[level];
    levels[level] = allowed === 0 ? 'None' : allowed === total ? 'Full' : 'Limited';
  }
  return { service, levels, perIdentity: tally.granted && tally.scoped };
}

interface Slices {
  /** False once the work is abandoned; pauses when the current slice has run long enough. */
  next(): Promise<boolean>;
}

/** Short slices of work with pauses between them, so a large policy never holds the renderer for long. */
function slicesOf(signal: AbortSignal | undefined): Slices {
  let started = performance.now();
  return {
    async next() {
      if (performance.now() - started > SLICE_MS) {
        await new Promise((resolve) => setTimeout(resolve, 0));
        started = performance.now();
      }
      return !signal?.aborted;
    },
  };
}

export async function summarisePolicy(
  document: unknown,
  catalog: IamCatalog,
  options: SummaryOptions = {},
): Promise<ServiceSummary[]> {
  const statements = statementsOf(document);
  const evaluator = createSummaryEvaluator(document, options.session ?? sampleSummarySession(SAMPLE_ACCOUNT));
  const named = new Set<string>();
  for (const entry of statements.flatMap(actionEntries)) {
    const service = serviceOf(entry).toLowerCase();
    if (!/[*?]/.test(service) && (await catalog.hasService(service))) named.add(service);
  }
  const allowsUnnamed = statements.some(
    (statement) => statement.Effect === 'Allow' && reachesUnnamed(statement),
  );
  const slices = slicesOf(options.signal);
  const summaries: ServiceSummary[] = [];
  for (const service of [...named].sort()) {
    const tally = emptyTally();
    await tallyService(catalog, service, evaluator, tally, slices);
    if (!(await slices.next())) return [];
    // Beside an "every other service" row a service the policy names is shown even when it gets nothing.
    if (tally.granted || allowsUnnamed) summaries.push(summaryOf(service, tally));
  }
  if (!allowsUnnamed) return summaries;
  const label = named.size > 0 ? 'every other service' : 'every service';
  if (unnamedServicesAlike(statements)) {
    if (!evaluator.unnamedServiceAllowed()) return summaries;
    const levels = Object.fromEntries(ACCESS_LEVELS.map((level) => [level, 'Full'])) as Record<
      AccessLevel,
      Grant
    >;
    return [...summaries, { service: label, levels, perIdentity: false }];
  }
  const tally = emptyTally();
  for (const service of await catalog.listServices()) {
    if (named.has(service.toLowerCase())) continue;
    await tallyService(catalog, service, evaluator, tally, slices);
    if (!(await slices.next())) return [];
  }
  return tally.granted ? [...summaries, summaryOf(label, tally)] : summaries;
}
