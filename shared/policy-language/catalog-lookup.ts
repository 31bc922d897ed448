// Catalog look-ups shared by completion, hover and the summary: the actions an Action entry stands
// for, and the statement a cursor is in, read leniently from half-typed text.

import { parse } from 'jsonc-parser';
import { actionPatternMatches } from '../iam/catalog-patterns';
import type { CatalogAction, IamCatalog } from '../iam/catalog';

/** The catalog actions an Action entry (`s3:GetObject`, `s3:Get*`) names; empty for `*` or unknown services. */
export async function actionsOfEntry(catalog: IamCatalog, entry: string): Promise<CatalogAction[]> {
  const separator = entry.indexOf(':');
  if (separator <= 0) return [];
  const service = entry.slice(0, separator);
  const pattern = entry.slice(separator + 1);
  if (/[*?]/.test(service) || !(await catalog.hasService(service))) return [];
  if (!/[*?]/.test(pattern)) {
    const action = await catalog.getAction(service, pattern);
    return action ? [action] : [];
  }
  const names = (await catalog.listActions(service)).filter((name) => actionPatternMatches(pattern, name));
  const actions = await Promise.all(names.map((name) => catalog.getAction(service, name)));
  return actions.filter((action): action is CatalogAction => action !== undefined);
}

/** String entries of an element written as a string or a list of strings. */
export function stringList(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];
}

/** The document as far as it can be read (jsonc-parser recovers from errors). */
export function lenientDocument(text: string): unknown {
  return parse(text, [], { allowTrailingComma: true, disallowComments: false });
}

/** The statement object with the given index (or the single statement object). */
export function statementOf(document: unknown, index: number): Record<string, unknown> | undefined {
  if (typeof document !== 'object' || document === null) return undefined;
  const statement = (document as Record<string, unknown>).Statement;
  const entry = Array.isArray(statement) ? statement[index] : index === 0 ? statement : undefined;
  return typeof entry === 'object' && entry !== null && !Array.isArray(entry)
    ? (entry as Record<string, unknown>)
    : undefined;
}

/** The catalog actions of a statement's Action entries. */
export async function statementActions(
  catalog: IamCatalog,
  statement: Record<string, unknown> | undefined,
): Promise<CatalogAction[]> {
  if (!statement) return [];
  const lists = await Promise.all(
    stringList(statement.Action).map((entry) => actionsOfEntry(catalog, entry)),
  );
  return lists.flat();
}
