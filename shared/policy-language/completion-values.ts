// Completion of element values: Effect, Version, actions from the catalog, resource ARN templates
// for the statement's actions, enumerable condition values, principals, and policy variables.

import type { CatalogAction } from '../iam/catalog';
import { lenientDocument, statementActions, statementOf } from './catalog-lookup';
import { snippetText, type PolicyCompletion } from './completion-types';
import type { PolicyLanguageContext } from './context';
import { statementIndexOf, type PathSegment, type PolicyPosition } from './json-position';

function valueItem(value: string, detail?: string, documentation?: string): PolicyCompletion {
  return {
    label: value,
    insertText: JSON.stringify(value),
    kind: 'value',
    detail,
    documentation,
    filterText: JSON.stringify(value),
  };
}

/** The element a value belongs to (`Action` for `['Statement', 0, 'Action', 2]`). */
function elementOf(path: readonly PathSegment[]): { element: string | undefined; at: number } {
  const at = typeof path.at(-1) === 'number' ? path.length - 2 : path.length - 1;
  const element = path[at];
  return { element: typeof element === 'string' ? element : undefined, at };
}

/** `s3:Get*` style groups: the leading verb of each action name. */
function verbGroups(names: readonly string[]): Map<string, number> {
  const groups = new Map<string, number>();
  for (const name of names) {
    const verb = /^[A-Z][a-z]+/.exec(name)?.[0];
    if (verb) groups.set(verb, (groups.get(verb) ?? 0) + 1);
  }
  return groups;
}

async function actionItems(typed: string, context: PolicyLanguageContext): Promise<PolicyCompletion[]> {
  const separator = typed.indexOf(':');
  const catalog = context.catalog;
  if (separator < 0) {
    return (await catalog.listServices()).map((service) => ({
      label: `${service}:`,
      insertText: `"${service}:$0"`,
      snippet: true,
      kind: 'module',
      filterText: `"${service}:`,
      retrigger: true,
    }));
  }
  const service = typed.slice(0, separator);
  const names = await catalog.listActions(service);
  if (names.length === 0) return [];
  const actions = await Promise.all(names.map((name) => catalog.getAction(service, name)));
  const items: PolicyCompletion[] = actions
    .filter((action): action is CatalogAction => action !== undefined)
    .map((action) => ({
      label: `${service}:${action.name}`,
      insertText: JSON.stringify(`${service}:${action.name}`),
      kind: 'function',
      detail: action.accessLevel,
      documentation: action.description,
      filterText: JSON.stringify(`${service}:${action.name}`),
      sortText: `1${action.name}`,
    }));
  items.push({
    ...valueItem(`${service}:*`, `all ${names.length} actions`),
    kind: 'function',
    sortText: '0',
  });
  for (const [verb, count] of verbGroups(names)) {
    if (count < 2) continue;
    items.push({
      ...valueItem(`${service}:${verb}*`, `${count} actions`),
      kind: 'function',
      sortText: `0${verb}`,
    });
  }
  return items;
}

/** An ARN format from the catalog as a snippet: account, partition and region filled, the rest placeholders. */
export function arnSnippet(arnFormat: string, context: PolicyLanguageContext): string {
  const known: Record<string, string> = {
    Partition: context.account.partition,
    Region: context.account.region,
    Account: context.account.accountId,
  };
  let placeholder = 0;
  return arnFormat
    .split(/(\$\{\w+\})/)
    .map((part) => {
      const name = /^\$\{(\w+)\}$/.exec(part)?.[1];
      if (!name) return snippetText(part);
      if (known[name] !== undefined) return snippetText(known[name]);
      placeholder += 1;
      return `\${${placeholder}:${name}}`;
    })
    .join('');
}

async function resourceItems(position: PolicyPosition, text: string, context: PolicyLanguageContext) {
  const statement = statementOf(lenientDocument(text), statementIndexOf(position.path) ?? 0);
  const actions = await statementActions(context.catalog, statement);
  const formats = new Map<string, string[]>();
  for (const action of actions) {
    for (const type of action.resourceTypes) {
      const names = formats.get(type.arnFormat) ?? [];
      if (!names.includes(type.name)) names.push(type.name);
      formats.set(type.arnFormat, names);
    }
  }
  const items: PolicyCompletion[] = [...formats].map(([format, types]) => ({
    label: format,
    insertText: `"${arnSnippet(format, context)}"`,
    snippet: true,
    kind: 'snippet',
    detail: `resource type ${types.join(', ')}`,
    documentation: `ARN template of ${types.join(', ')} for the statement's actions. Tab moves between the parts to fill in.`,
    filterText: `"${format}`,
    sortText: `0${format}`,
  }));
  items.push({ ...valueItem('*', 'every resource'), sortText: '1*' });
  return items;
}

function conditionValueItems(
  path: readonly PathSegment[],
  context: PolicyLanguageContext,
): PolicyCompletion[] {
  const at = path.indexOf('Condition');
  const key = String(path[at + 2] ?? '').toLowerCase();
  const operator = String(path[at + 1] ?? '');
  if (key === 'cognito-identity.amazonaws.com:aud')
    return context.identityPoolIds.map((id) => valueItem(id, 'identity pool of this design'));
  if (key === 'cognito-identity.amazonaws.com:amr')
    return [
      valueItem('authenticated', 'signed-in identities'),
      valueItem('unauthenticated', 'guests'),
      ...context.providerNames.map((name) => valueItem(name, 'provider of this design')),
    ];
  if (/bool/i.test(operator) || key === 'aws:securetransport' || key === 'aws:multifactorauthpresent')
    return [valueItem('true'), valueItem('false')];
  if (key === 'aws:principaltype') return [valueItem('AssumedRole', 'Cognito sessions')];
  return [];
}

function principalValueItems(path: readonly PathSegment[]): PolicyCompletion[] {
  const type = elementOf(path).element;
  if (type === 'Federated') return [valueItem('cognito-identity.amazonaws.com', 'Cognito identity pools')];
  if (type === 'Service') return [valueItem('lambda.amazonaws.com'), valueItem('ec2.amazonaws.com')];
  return [];
}

/** Variables when `${` was typed in a Resource or Condition value; replaces from `${` on. */
function variableItems(position: PolicyPosition, inCondition: boolean, context: PolicyLanguageContext) {
  const open = position.typed.lastIndexOf('${');
  if (open < 0 || position.typed.indexOf('}', open) >= 0) return undefined;
  const start = position.replaceStart + 1 + open;
  const items = context.variables
    .filter((variable) => inCondition || !variable.conditionsOnly)
    .map((variable) => ({
      label: `\${${variable.name}}`,
      insertText: `\${${variable.name}}`,
      kind: 'variable' as const,
      detail: variable.conditionsOnly ? 'conditions only, multivalued' : 'policy variable',
      documentation: `${variable.description}${variable.sample ? `\n\nSample persona: \`${variable.sample}\`` : ''}`,
      filterText: `\${${variable.name}}`,
    }));
  return { items, start };
}

export interface ValueCompletion {
  items: PolicyCompletion[];
  /** Set when the items replace from a later offset than the string start (a variable inside a string). */
  replaceStart?: number;
  replaceEnd?: number;
}

export async function completeValue(
  text: string,
  position: PolicyPosition,
  context: PolicyLanguageContext,
): Promise<ValueCompletion> {
  const path = position.path;
  const { element } = elementOf(path);
  const inCondition = path.includes('Condition');
  if (position.inString && (inCondition || element === 'Resource' || element === 'NotResource')) {
    const variables = variableItems(position, inCondition, context);
    if (variables) {
      const cursor = position.replaceStart + 1 + position.typed.length;
      // An editor that closed the brace already leaves `}` after the cursor: replace it too.
      const end = text[cursor] === '}' ? cursor + 1 : cursor;
      return { items: variables.items, replaceStart: variables.start, replaceEnd: end };
    }
  }
  if (path.length === 1 && path[0] === 'Version') return { items: [valueItem('2012-10-17', 'current')] };
  if (path[0] === 'Statement' && (path.length === 1 || (path.length === 2 && typeof path[1] === 'number')))
    return {
      items: [
        {
          label: 'New statement',
          insertText:
            '{\n\t"Effect": "${1|Allow,Deny|}",\n\t"Action": [\n\t\t"$2"\n\t],\n\t"Resource": [\n\t\t"$3"\n\t]\n}',
          snippet: true,
          kind: 'snippet',
          filterText: '{',
        },
      ],
    };
  if (inCondition) return { items: conditionValueItems(path, context) };
  if (element === 'Effect') return { items: [valueItem('Allow'), valueItem('Deny')] };
  if (element === 'Action' || element === 'NotAction')
    return { items: await actionItems(position.typed, context) };
  if (element === 'Resource' || element === 'NotResource')
    return { items: await resourceItems(position, text, context) };
  if (path.includes('Principal')) return { items: principalValueItems(path) };
  return { items: [] };
}
