// Context-aware completion for policy text: from the JSON position, the keys a policy or statement
// may have, and the values of each element (values in completion-values.ts).
// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_grammar.html

import { baseOperators } from '../iam';
import { conditionKeysFor } from './condition-keys';
import { completeValue } from './completion-values';
import { snippetText, type CompletionResult, type PolicyCompletion } from './completion-types';
import type { PolicyLanguageContext } from './context';
import { policyPositionAt, type PathSegment } from './json-position';

interface KeyDefinition {
  key: string;
  /** Snippet for the value, after `"Key": `. */
  value: string;
  documentation: string;
}

const TOP_LEVEL_KEYS: KeyDefinition[] = [
  {
    key: 'Version',
    value: '"2012-10-17"',
    documentation: 'Policy language version. "2012-10-17" is required for policy variables.',
  },
  { key: 'Id', value: '"$1"', documentation: 'Optional identifier of the policy.' },
  { key: 'Statement', value: '[\n\t{\n\t\t$0\n\t}\n]', documentation: 'The list of statements.' },
];

const STATEMENT_KEYS: KeyDefinition[] = [
  { key: 'Sid', value: '"$1"', documentation: 'Statement id, unique in the policy (letters and digits).' },
  { key: 'Effect', value: '"${1|Allow,Deny|}"', documentation: 'Allow or Deny. Deny always wins.' },
  {
    key: 'Principal',
    value: '{\n\t"${1|Federated,AWS,Service|}": "$2"\n}',
    documentation: 'Who the statement applies to. Only in trust and resource policies.',
  },
  {
    key: 'NotPrincipal',
    value: '{\n\t"${1|AWS,Service|}": "$2"\n}',
    documentation: 'Everyone except these principals. Only in resource policies; avoid.',
  },
  { key: 'Action', value: '[\n\t"$1"\n]', documentation: 'Actions the statement covers, `service:Action`.' },
  { key: 'NotAction', value: '[\n\t"$1"\n]', documentation: 'Every action except these.' },
  { key: 'Resource', value: '[\n\t"$1"\n]', documentation: 'Resource ARNs the statement covers.' },
  { key: 'NotResource', value: '[\n\t"$1"\n]', documentation: 'Every resource except these.' },
  {
    key: 'Condition',
    value: '{\n\t"$1": {\n\t\t"$2": "$3"\n\t}\n}',
    documentation: 'Conditions: operator → key → values. Blocks and keys AND, values OR.',
  },
];

const PRINCIPAL_KEYS: KeyDefinition[] = [
  {
    key: 'Federated',
    value: '"cognito-identity.amazonaws.com"',
    documentation: 'Web identity or SAML provider.',
  },
  { key: 'AWS', value: '"$1"', documentation: 'Accounts, users and roles by ARN.' },
  { key: 'Service', value: '"$1"', documentation: 'AWS service principals.' },
];

function isStatementPath(path: readonly PathSegment[]): boolean {
  return path[0] === 'Statement' && (path.length === 1 || (path.length === 2 && typeof path[1] === 'number'));
}

function conditionDepth(path: readonly PathSegment[]): number | undefined {
  const at = path.indexOf('Condition');
  if (at < 0 || !isStatementPath(path.slice(0, at))) return undefined;
  return path.length - at - 1;
}

function keyItem(definition: KeyDefinition, keyOnly: boolean): PolicyCompletion {
  return {
    label: definition.key,
    insertText: keyOnly ? `"${definition.key}"` : `"${definition.key}": ${definition.value}`,
    snippet: true,
    kind: 'property',
    documentation: definition.documentation,
    filterText: `"${definition.key}"`,
  };
}

function operatorItems(keyOnly: boolean): PolicyCompletion[] {
  const items: PolicyCompletion[] = [];
  for (const operator of baseOperators) {
    const names = [operator.name, `${operator.name}IfExists`];
    if (operator.name !== 'Null') names.push(`ForAnyValue:${operator.name}`, `ForAllValues:${operator.name}`);
    for (const [index, name] of names.entries()) {
      items.push({
        label: name,
        insertText: keyOnly ? `"${name}"` : `"${name}": {\n\t"$1": "$2"\n}`,
        snippet: true,
        kind: 'operator',
        detail: `${operator.type} comparison${operator.negated ? ', negated' : ''}`,
        documentation:
          index === 1
            ? 'Also true when the request lacks the key.'
            : name.startsWith('ForAnyValue:')
              ? 'Multivalued keys: true when any request value matches.'
              : name.startsWith('ForAllValues:')
                ? 'Multivalued keys: true when every request value matches — also when the key is absent.'
                : undefined,
        filterText: `"${name}"`,
        sortText: `${index}${name}`,
      });
    }
  }
  return items;
}

async function conditionKeyItems(
  text: string,
  path: readonly PathSegment[],
  context: PolicyLanguageContext,
  keyOnly: boolean,
): Promise<PolicyCompletion[]> {
  const keys = await conditionKeysFor(text, path, context);
  return keys.map((entry) => {
    const template = entry.key.replace(/\$\{(\w+)\}/g, (_match, name: string) => `\${1:${name}}`);
    const written = snippetText(entry.key) === entry.key ? entry.key : template;
    return {
      label: entry.key,
      insertText: keyOnly ? `"${written}"` : `"${written}": "$0"`,
      snippet: true,
      kind: 'property',
      detail: entry.detail,
      documentation: entry.documentation,
      filterText: `"${entry.key}"`,
      sortText: `${entry.rank}${entry.key}`,
    } satisfies PolicyCompletion;
  });
}

/** Completion items at `offset` in a policy text. */
export async function completePolicy(
  text: string,
  offset: number,
  context: PolicyLanguageContext,
): Promise<CompletionResult> {
  const position = policyPositionAt(text, offset);
  const range = { replaceStart: position.replaceStart, replaceEnd: position.replaceEnd };
  if (!position.atKey) {
    const value = await completeValue(text, position, context);
    return {
      items: value.items,
      replaceStart: value.replaceStart ?? range.replaceStart,
      replaceEnd: value.replaceEnd ?? range.replaceEnd,
    };
  }
  const parent = position.path.slice(0, -1);
  // A value already follows the key being edited: complete the key only.
  const keyOnly = /^\s*:/.test(text.slice(position.replaceEnd));
  let items: PolicyCompletion[] = [];
  if (parent.length === 0) items = TOP_LEVEL_KEYS.map((definition) => keyItem(definition, keyOnly));
  else if (isStatementPath(parent)) {
    const principals = context.kind === 'trust' || context.kind === 'resource';
    items = STATEMENT_KEYS.filter(
      (definition) => principals || (definition.key !== 'Principal' && definition.key !== 'NotPrincipal'),
    )
      .filter((definition) => context.kind !== 'trust' || !definition.key.endsWith('Resource'))
      .filter((definition) => definition.key !== 'NotPrincipal' || context.kind === 'resource')
      .map((definition) => keyItem(definition, keyOnly));
  } else if (parent.at(-1) === 'Principal' || parent.at(-1) === 'NotPrincipal') {
    items = PRINCIPAL_KEYS.map((definition) => keyItem(definition, keyOnly));
  } else {
    const depth = conditionDepth(parent);
    if (depth === 0) items = operatorItems(keyOnly);
    else if (depth === 1) items = await conditionKeyItems(text, parent, context, keyOnly);
  }
  return { ...range, items };
}
