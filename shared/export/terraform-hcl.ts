// Writing Terraform's native syntax (HCL): quoted strings, values and blocks.
// https://developer.hashicorp.com/terraform/language/expressions/strings

import { IacText, type IacRef, type IacValue } from './iac-text';

/** A Terraform expression written as is (a reference such as `var.region`), never quoted. */
export class HclExpression {
  constructor(readonly source: string) {}
}

export type HclValue =
  HclExpression | string | number | boolean | null | HclValue[] | { [key: string]: HclValue };

/**
 * The body of a quoted template for literal text: quotes, backslashes and control characters are
 * escaped, and `${` / `%{` are doubled so Terraform keeps them literal — an IAM policy variable such as
 * `${aws:PrincipalTag/tenant}` is written `$${aws:PrincipalTag/tenant}`.
 */
export function escapeTemplateLiteral(value: string): string {
  let result = '';
  for (const character of value) {
    const code = character.codePointAt(0) ?? 0;
    if (character === '\\') result += '\\\\';
    else if (character === '"') result += '\\"';
    else if (character === '\n') result += '\\n';
    else if (character === '\r') result += '\\r';
    else if (character === '\t') result += '\\t';
    else if (code < 0x20 || code === 0x7f || code === 0x2028 || code === 0x2029) {
      result += `\\u${code.toString(16).padStart(4, '0')}`;
    } else result += character;
  }
  // Function replacements: in a replacement string `$$` would mean a single `$`.
  return result.replaceAll('${', () => '$${').replaceAll('%{', () => '%%{');
}

export function hclString(value: string): string {
  return `"${escapeTemplateLiteral(value)}"`;
}

/** A text of literal parts and references: a plain string, a bare expression or an interpolation. */
export function hclText(value: IacText, expression: (ref: IacRef) => string): HclValue {
  const [only] = value.segments;
  if (value.segments.length === 1 && only !== undefined && typeof only !== 'string') {
    return new HclExpression(expression(only));
  }
  const body = value.segments
    .map((segment) =>
      typeof segment === 'string' ? escapeTemplateLiteral(segment) : `\${${expression(segment)}}`,
    )
    .join('');
  return new HclExpression(`"${body}"`);
}

/** Converts a JSON-like export value, resolving texts. */
export function hclFromIac(value: IacValue, expression: (ref: IacRef) => string): HclValue {
  if (value instanceof IacText) return hclText(value, expression);
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map((item) => hclFromIac(item, expression));
  return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, hclFromIac(item, expression)]));
}

/** Renders a value; nested lines are indented by `indent` spaces more than the first. */
export function renderHclValue(value: HclValue, indent: number): string {
  const inner = ' '.repeat(indent + 2);
  const closing = ' '.repeat(indent);
  if (value instanceof HclExpression) return value.source;
  if (value === null) return 'null';
  if (typeof value === 'string') return hclString(value);
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) {
    if (value.length === 0) return '[]';
    return `[\n${value.map((item) => `${inner}${renderHclValue(item, indent + 2)},`).join('\n')}\n${closing}]`;
  }
  const entries = Object.entries(value);
  if (entries.length === 0) return '{}';
  // Keys are quoted (a quoted key is a template too, hence the same escaping).
  return `{\n${entries
    .map(([key, item]) => `${inner}${hclString(key)} = ${renderHclValue(item, indent + 2)}`)
    .join('\n')}\n${closing}}`;
}

/** A block body: attributes (undefined ones are left out) and nested blocks, in order. */
export type HclBody = Array<[string, HclValue | undefined] | HclBlock>;

export interface HclBlock {
  /** `resource "aws_iam_role" "reader"` or `mapping_rule`. */
  header: string;
  body: HclBody;
}

export function block(header: string, body: HclBody): HclBlock {
  return { header, body };
}

export function renderHclBlock(value: HclBlock, indent = 0): string {
  const pad = ' '.repeat(indent);
  const lines = value.body.flatMap((entry) => {
    if (!Array.isArray(entry)) return [renderHclBlock(entry, indent + 2)];
    const [name, item] = entry;
    return item === undefined ? [] : [`${pad}  ${name} = ${renderHclValue(item, indent + 2)}`];
  });
  if (lines.length === 0) return `${pad}${value.header} {}`;
  return `${pad}${value.header} {\n${lines.join('\n')}\n${pad}}`;
}
