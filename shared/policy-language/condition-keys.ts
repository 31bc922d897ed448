// Condition keys a statement may test: those of its actions (from the catalog), the keys Cognito
// puts into the session, and the global keys. Ranked so the statement's own keys come first.
// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-keys.html

import { supportedConditionKeys } from '../iam/catalog';
import { lenientDocument, statementActions, statementOf } from './catalog-lookup';
import type { PolicyLanguageContext } from './context';
import type { PathSegment } from './json-position';
import { statementIndexOf } from './json-position';

export interface ConditionKeyEntry {
  key: string;
  detail?: string;
  documentation?: string;
  /** 0 = the statement's actions, 1 = the session, 2 = global. */
  rank: number;
}

const COGNITO_TRUST_KEYS: ConditionKeyEntry[] = [
  {
    key: 'cognito-identity.amazonaws.com:aud',
    detail: 'String',
    documentation:
      'The identity pool id. Without it, any identity pool of any account could assume the role.',
    rank: 0,
  },
  {
    key: 'cognito-identity.amazonaws.com:amr',
    detail: 'ArrayOfString',
    documentation:
      '"authenticated" or "unauthenticated" plus the provider. Multivalued: use ForAnyValue:StringLike.',
    rank: 0,
  },
  {
    key: 'cognito-identity.amazonaws.com:sub',
    detail: 'String',
    documentation: 'The identity id.',
    rank: 0,
  },
];

export async function conditionKeysFor(
  text: string,
  conditionPath: readonly PathSegment[],
  context: PolicyLanguageContext,
): Promise<ConditionKeyEntry[]> {
  const entries = new Map<string, ConditionKeyEntry>();
  const add = (entry: ConditionKeyEntry): void => {
    if (!entries.has(entry.key.toLowerCase())) entries.set(entry.key.toLowerCase(), entry);
  };
  if (context.kind === 'trust') COGNITO_TRUST_KEYS.forEach(add);
  const index = statementIndexOf(conditionPath) ?? 0;
  const actions = await statementActions(context.catalog, statementOf(lenientDocument(text), index));
  for (const action of actions)
    for (const key of supportedConditionKeys(action))
      add({ key, detail: `${action.service}:${action.name}`, rank: 0 });
  for (const variable of context.variables) {
    if (variable.name.startsWith('aws:PrincipalTag/') || variable.name.startsWith('cognito-identity'))
      add({ key: variable.name, detail: 'session', documentation: variable.description, rank: 1 });
  }
  for (const key of await context.catalog.listGlobalConditionKeys()) add({ key, detail: 'global', rank: 2 });
  return [...entries.values()];
}
