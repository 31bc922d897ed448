// The requests the policy summary asks the IAM engine about, for one catalog action: identity A's
// resources (the policy's own Resource entries and the action's ARN templates, with A's identity id
// substituted) and A's item keys (`dynamodb:LeadingKeys`, `s3:prefix`), then the same requests made
// by identity B. An action is granted when A is allowed on one of them; it is scoped per identity
// when B is denied every request A is allowed.

import { supportedConditionKeys, type CatalogAction } from '../iam/catalog';
import { arnFormatWitness } from '../iam/catalog-patterns';
import { compilePolicy, evaluateDecision, substituteVariables } from '../iam/index';
import type { CompiledPolicy, ContextValue } from '../iam/types';
import { stringList } from './catalog-lookup';
import type { SummarySession } from './summary-session';

export interface ActionOutcome {
  allowed: boolean;
  /** Whether B is denied everything A is allowed; undefined when the action takes no resource. */
  scoped: boolean | undefined;
}

/**
 * Condition keys that name which items of a resource a request touches, with the value a request
 * for the identity's own items carries when the policy names none, and the actions whose requests
 * always carry the key. Other requests may leave it out (a PartiQL SELECT scanning the table, a
 * ListBucket without a prefix), which a `ForAllValues` condition lets through: those requests are
 * asked about too.
 * https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/specifying-conditions.html
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-single-vs-multi-valued-context-keys.html
 * https://docs.aws.amazon.com/AmazonS3/latest/userguide/walkthrough1.html (s3:prefix per user)
 */
const ITEM_KEYS: Record<string, { key: string; own: (id: string) => ContextValue; always: Set<string> }> = {
  'dynamodb:leadingkeys': {
    key: 'dynamodb:LeadingKeys',
    own: (id) => [id],
    always: new Set(
      [
        'GetItem',
        'PutItem',
        'UpdateItem',
        'DeleteItem',
        'BatchGetItem',
        'BatchWriteItem',
        'ConditionCheckItem',
        'Query',
      ].map((name) => `dynamodb:${name.toLowerCase()}`),
    ),
  },
  's3:prefix': { key: 's3:prefix', own: (id) => `${id}/`, always: new Set() },
};

const SUB = 'cognito-identity.amazonaws.com:sub';

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A concrete value a wildcard pattern matches: `*` and `?` become one letter, empty ARN fields stay empty. */
function instantiate(pattern: string, session: SummarySession): string {
  const parts = pattern.split(':');
  if (parts[0] === 'arn' && parts.length >= 6) {
    const fill = (value: string | undefined, concrete: string): string =>
      value !== undefined && /[*?]/.test(value) ? concrete : (value ?? '');
    parts[1] = fill(parts[1], session.account.partition);
    parts[3] = fill(parts[3], session.account.region);
    parts[4] = fill(parts[4], session.account.accountId);
  }
  return parts.join(':').replace(/[*?]/g, 'x');
}

/** An ARN of the template with the identity id in every name (`arn:aws:s3:::<id>/<id>`). */
function templateInstance(arnFormat: string, session: SummarySession, id: string): string {
  return arnFormat.replace(/\$\{([^}]*)\}/g, (_, name: string) => {
    const lower = name.toLowerCase();
    if (lower === 'partition') return session.account.partition;
    if (lower === 'region') return session.account.region;
    if (lower === 'account') return session.account.accountId;
    return id;
  });
}

export interface SummaryEvaluator {
  /**
   * The evaluator of one service's actions (the service's resource types decide what an ARN names).
   * `needScope: false` once the service is known not to be scoped: the first allowed request answers.
   */
  forService(actions: readonly CatalogAction[]): (action: CatalogAction, needScope: boolean) => ActionOutcome;
  /** Whether A may call an action of a service the policy never names, on any resource. */
  unnamedServiceAllowed(): boolean;
}

export function createSummaryEvaluator(document: unknown, session: SummarySession): SummaryEvaluator {
  const policy: CompiledPolicy = compilePolicy({ name: 'summary', document }, 'identity');
  const version = isRecord(document) && typeof document.Version === 'string' ? document.Version : undefined;
  const [idA, idB] = session.identities;
  const contextA = { ...session.context, [SUB]: idA };
  const contextB = { ...session.context, [SUB]: idB };
  const statements = isRecord(document)
    ? (Array.isArray(document.Statement) ? document.Statement : [document.Statement]).filter(isRecord)
    : [];
  const own = (text: string): string =>
    instantiate(substituteVariables(text, contextA, version).value, session);

  // The resources the policy names, as A would meet them: Allow and Deny statements alike, Resource
  // and NotResource (a Deny on everything but A's prefix names the one place A may still go).
  // `*` is covered by the ARN templates.
  const policyResources = statements
    .flatMap((statement) => [...stringList(statement.Resource), ...stringList(statement.NotResource)])
    .filter((resource) => !/^\*+$/.test(resource))
    .map((resource) => substituteVariables(resource, contextA, version).value);
  // Values the policy's conditions give the item keys, as A would meet them.
  const itemValues = new Map<string, string[]>();
  for (const statement of statements) {
    if (!isRecord(statement.Condition)) continue;
    for (const block of Object.values(statement.Condition)) {
      if (!isRecord(block)) continue;
      for (const [key, values] of Object.entries(block)) {
        const lower = key.toLowerCase();
        if (!ITEM_KEYS[lower]) continue;
        const list = itemValues.get(lower) ?? [];
        list.push(...stringList(values).map(own));
        itemValues.set(lower, list);
      }
    }
  }

  function allowed(action: string, resource: string, context: Record<string, ContextValue>): boolean {
    return (
      evaluateDecision({
        request: { principal: session.principal, action, resource, context },
        identityPolicies: [policy],
      }) === 'Allowed'
    );
  }

  /**
   * Per resource type of the service, the ARNs of that type the policy's Resource entries name: the
   * shortest ARN both match. Placeholders are first read as names without `/` or `:`; only when no
   * type of the service fits an entry that way is an entry matched loosely (S3 object keys, log
   * groups), so `identitypool/…/identity/<id>/*` names cognito-sync datasets, not identity pools.
   */
  function namedResources(actions: readonly CatalogAction[]): Map<string, string[]> {
    const formats = new Map<string, string>();
    for (const action of actions)
      for (const type of action.resourceTypes) formats.set(type.name, type.arnFormat);
    const byType = new Map<string, string[]>();
    for (const resource of policyResources) {
      for (const strict of [true, false]) {
        let found = false;
        for (const [type, format] of formats) {
          const witness = arnFormatWitness(resource, format, strict);
          if (witness === undefined) continue;
          found = true;
          byType.set(type, [...(byType.get(type) ?? []), instantiate(witness, session)]);
        }
        if (found) break;
      }
    }
    return byType;
  }

  function resourcesOf(action: CatalogAction, named: Map<string, string[]>): string[] {
    if (action.wildcardOnly || action.resourceTypes.length === 0) return ['*'];
    const resources = new Set<string>();
    for (const type of action.resourceTypes) {
      resources.add(templateInstance(type.arnFormat, session, idA));
      for (const resource of named.get(type.name) ?? []) resources.add(resource);
    }
    return [...resources];
  }

  /** A's item keys for the action: each value the policy names, A's own id, and none where a request may omit the key. */
  function itemContexts(action: CatalogAction): Array<Record<string, ContextValue>> {
    let contexts: Array<Record<string, ContextValue>> = [{}];
    const supported = new Set(supportedConditionKeys(action).map((key) => key.toLowerCase()));
    const name = `${action.service}:${action.name}`.toLowerCase();
    for (const [lower, item] of Object.entries(ITEM_KEYS)) {
      if (!supported.has(lower)) continue;
      const values: ContextValue[] = [item.own(idA), ...(itemValues.get(lower) ?? [])].map((value) =>
        Array.isArray(value) || lower !== 'dynamodb:leadingkeys' ? value : [value],
      );
      contexts = contexts.flatMap((context) => [
        ...values.map((value) => ({ ...context, [item.key]: value })),
        ...(item.always.has(name) ? [] : [context]),
      ]);
    }
    return contexts;
  }

  function outcome(action: CatalogAction, resources: string[], needScope: boolean): ActionOutcome {
    const name = `${action.service}:${action.name}`;
    const takesResource = resources[0] !== '*';
    let granted = false;
    let scoped = true;
    for (const items of itemContexts(action)) {
      const requestA = { ...contextA, ...items };
      const requestB = { ...contextB, ...items };
      for (const resource of resources) {
        if (!allowed(name, resource, requestA)) continue;
        granted = true;
        if (!needScope) return { allowed: true, scoped: takesResource ? false : undefined };
        if (allowed(name, resource, requestB)) scoped = false;
      }
    }
    return { allowed: granted, scoped: granted && takesResource ? scoped : undefined };
  }

  return {
    forService(actions) {
      const named = namedResources(actions);
      return (action, needScope) => outcome(action, resourcesOf(action, named), needScope);
    },
    unnamedServiceAllowed() {
      return allowed('unnamed-service:UnnamedAction', '*', contextA);
    },
  };
}
