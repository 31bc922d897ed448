// Hover text (Markdown) for a policy: actions (description, access level, resource types, condition
// keys), condition keys (type, description) and policy variables (what Cognito puts there).

import { findNodeAtOffset, getLocation, parseTree } from 'jsonc-parser';
import { supportedConditionKeys } from '../iam/catalog';
import { actionsOfEntry } from './catalog-lookup';
import type { PolicyLanguageContext } from './context';
import { NOT_IN_COGNITO_SESSIONS } from './session-variables';

export interface PolicyHover {
  markdown: string;
  start: number;
  end: number;
}

function variableHover(
  text: string,
  offset: number,
  context: PolicyLanguageContext,
): PolicyHover | undefined {
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  const lineEnd = text.indexOf('\n', offset);
  const line = text.slice(lineStart, lineEnd < 0 ? text.length : lineEnd);
  for (const match of line.matchAll(/\$\{([^}]*)\}/g)) {
    const start = lineStart + (match.index ?? 0);
    const end = start + match[0].length;
    if (offset < start || offset > end) continue;
    // `${name, 'default'}`: the name before the comma. Escapes `${*}`, `${?}`, `${$}` are literal characters.
    const inner = (match[1] ?? '').trim();
    if (['*', '?', '$'].includes(inner))
      return { markdown: `\`${match[0]}\` is an escape: a literal \`${inner}\`.`, start, end };
    const [name = '', fallback] = inner.split(/\s*,\s*/);
    const variable = context.variables.find((entry) => entry.name.toLowerCase() === name.toLowerCase());
    const defaultNote = fallback ? `\n\nWithout a value, the default ${fallback} is used.` : '';
    if (variable) {
      const sample = variable.sample ? `\n\nSample persona: \`${variable.sample}\`` : '';
      const only = variable.conditionsOnly ? '\n\n**Conditions only, multivalued.**' : '';
      return {
        markdown: `**\${${variable.name}}** — ${variable.description}${only}${sample}${defaultNote}`,
        start,
        end,
      };
    }
    const absent = NOT_IN_COGNITO_SESSIONS.test(name)
      ? 'does not exist in a Cognito identity pool session: it never resolves.'
      : 'is not set in the sessions of this policy.';
    return { markdown: `**\${${name}}** ${absent}${defaultNote}`, start, end };
  }
  return undefined;
}

export async function hoverPolicy(
  text: string,
  offset: number,
  context: PolicyLanguageContext,
): Promise<PolicyHover | undefined> {
  const variable = variableHover(text, offset, context);
  if (variable) return variable;
  const root = parseTree(text);
  const node = root ? findNodeAtOffset(root, offset) : undefined;
  if (!node || node.type !== 'string' || typeof node.value !== 'string') return undefined;
  const range = { start: node.offset, end: node.offset + node.length };
  const path = getLocation(text, offset).path;
  const element = path.findLast((segment) => typeof segment === 'string');
  if (!getLocation(text, offset).isAtPropertyKey && (element === 'Action' || element === 'NotAction')) {
    const actions = await actionsOfEntry(context.catalog, node.value);
    if (actions.length === 0) return undefined;
    if (actions.length > 1)
      return {
        ...range,
        markdown: `**${node.value}** matches ${actions.length} actions: ${actions
          .slice(0, 12)
          .map((action) => action.name)
          .join(', ')}${actions.length > 12 ? ', …' : ''}`,
      };
    const action = actions[0]!;
    const types = action.resourceTypes.map((type) => `\`${type.name}\`${type.required ? ' (required)' : ''}`);
    const keys = supportedConditionKeys(action);
    return {
      ...range,
      markdown: [
        `**${action.service}:${action.name}** — ${action.accessLevel}`,
        action.description,
        `Resource types: ${action.wildcardOnly || types.length === 0 ? '`*` only' : types.join(', ')}`,
        keys.length > 0 ? `Condition keys: ${keys.map((key) => `\`${key}\``).join(', ')}` : '',
      ]
        .filter(Boolean)
        .join('\n\n'),
    };
  }
  const conditionAt = path.indexOf('Condition');
  if (
    conditionAt >= 0 &&
    path.length === conditionAt + 3 &&
    node.parent?.type === 'property' &&
    node.parent.children?.[0] === node
  ) {
    const session = context.variables.find((entry) => entry.name.toLowerCase() === node.value.toLowerCase());
    const key = await context.catalog.getConditionKey(node.value);
    if (!key && !session) return undefined;
    return {
      ...range,
      markdown: [
        `**${node.value}**${key ? ` — ${key.type}` : ''}`,
        key?.description ?? '',
        session ? `In this session: ${session.description}` : '',
      ]
        .filter(Boolean)
        .join('\n\n'),
    };
  }
  return undefined;
}
