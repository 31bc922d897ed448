// Quick fixes: edits of the policy text that repair one problem. Edits come from jsonc-parser's
// `modify`, so the rest of the text (formatting, other statements) stays as written.

import { applyEdits, modify, type Edit } from 'jsonc-parser';
import { lenientDocument, statementOf, stringList, actionsOfEntry } from './catalog-lookup';
import type { IamCatalog } from '../iam/catalog';

export interface QuickFix {
  title: string;
  edits: Edit[];
}

const FORMAT = { formattingOptions: { insertSpaces: true, tabSize: 2, eol: '\n' } };
const SUB = '${cognito-identity.amazonaws.com:sub}';

export function applyQuickFix(text: string, fix: QuickFix): string {
  return applyEdits(text, fix.edits);
}

/** `"Version": "2012-10-17"`, without which policy variables are literal text. */
export function addVersionFix(text: string): QuickFix {
  return { title: 'Set "Version": "2012-10-17"', edits: modify(text, ['Version'], '2012-10-17', FORMAT) };
}

/**
 * Adds the `aud` (identity pools) and `amr` conditions Cognito trust policies need to a statement.
 * https://docs.aws.amazon.com/cognito/latest/developerguide/role-trust-and-permissions.html
 */
export function trustConditionsFix(
  text: string,
  statementIndex: number,
  poolIds: readonly string[],
  amr: 'authenticated' | 'unauthenticated',
): QuickFix {
  const statement = statementOf(lenientDocument(text), statementIndex);
  const base = ['Statement', statementIndex, 'Condition'];
  const condition = (statement?.Condition ?? {}) as Record<string, Record<string, unknown>>;
  let edits: Edit[] = [];
  let current = text;
  const set = (path: (string | number)[], value: unknown): void => {
    const step = modify(current, path, value, FORMAT);
    current = applyEdits(current, step);
    edits = [{ offset: 0, length: text.length, content: current }];
  };
  if (!condition.StringEquals?.['cognito-identity.amazonaws.com:aud'])
    set(
      [...base, 'StringEquals', 'cognito-identity.amazonaws.com:aud'],
      poolIds.length === 1 ? poolIds[0] : [...poolIds],
    );
  if (!condition['ForAnyValue:StringLike']?.['cognito-identity.amazonaws.com:amr'])
    set([...base, 'ForAnyValue:StringLike', 'cognito-identity.amazonaws.com:amr'], amr);
  return { title: `Require aud (this design's identity pools) and amr "${amr}"`, edits };
}

/**
 * Scopes an S3 or DynamoDB statement to the caller's identity: S3 object ARNs get the identity id as
 * their first key segment; DynamoDB statements get a `dynamodb:LeadingKeys` condition.
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_examples_s3_cognito-bucket.html
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_examples_dynamodb_rows.html
 */
export function scopeToIdentityFix(text: string, statementIndex: number): QuickFix | undefined {
  const statement = statementOf(lenientDocument(text), statementIndex);
  if (!statement) return undefined;
  const actions = stringList(statement.Action).map((action) => action.toLowerCase());
  if (actions.some((action) => action.startsWith('dynamodb:'))) {
    const path = [
      'Statement',
      statementIndex,
      'Condition',
      'ForAllValues:StringEquals',
      'dynamodb:LeadingKeys',
    ];
    return {
      title: 'Only items whose partition key is the identity id',
      edits: modify(text, path, [SUB], FORMAT),
    };
  }
  if (!actions.some((action) => action.startsWith('s3:'))) return undefined;
  const resources = stringList(statement.Resource);
  const scoped = resources.map((resource) => {
    const bucket = /^arn:([\w-]+):s3:::([^/*]+)(\/.*)?$/.exec(resource);
    if (!bucket || resource.includes(SUB)) return resource;
    return `arn:${bucket[1]}:s3:::${bucket[2]}/${SUB}/*`;
  });
  if (scoped.every((resource, index) => resource === resources[index])) return undefined;
  const value = typeof statement.Resource === 'string' ? scoped[0] : scoped;
  return {
    title: 'Only objects under the identity id prefix',
    edits: modify(text, ['Statement', statementIndex, 'Resource'], value, FORMAT),
  };
}

/** Replaces a statement's actions by the read-only (List, Read) actions they cover. */
export async function readOnlyActionsFix(
  text: string,
  statementIndex: number,
  catalog: IamCatalog,
): Promise<QuickFix | undefined> {
  const statement = statementOf(lenientDocument(text), statementIndex);
  if (!statement) return undefined;
  const kept: string[] = [];
  let changed = false;
  for (const entry of stringList(statement.Action)) {
    const actions = await actionsOfEntry(catalog, entry);
    const readable = actions.filter(
      (action) => action.accessLevel === 'Read' || action.accessLevel === 'List',
    );
    if (actions.length > 0 && readable.length === actions.length) kept.push(entry);
    else {
      changed = true;
      kept.push(...readable.map((action) => `${action.service}:${action.name}`));
    }
  }
  if (!changed) return undefined;
  return {
    title: 'Keep only read-only actions (List, Read)',
    edits: modify(text, ['Statement', statementIndex, 'Action'], [...new Set(kept)], FORMAT),
  };
}
