// The condition operators AWS documents, their value types and how they treat absent keys.
// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html

import { remembered } from './memo';

export type OperatorType = 'string' | 'numeric' | 'date' | 'bool' | 'binary' | 'ip' | 'arn' | 'null';
export type Comparison = 'equals' | 'lessThan' | 'lessThanEquals' | 'greaterThan' | 'greaterThanEquals';

export interface BaseOperator {
  readonly name: string;
  readonly type: OperatorType;
  /**
   * Negated operators (StringNotEquals, NotIpAddress, …) match when the request value matches none of the
   * policy values, and match when the key is absent.
   */
  readonly negated: boolean;
  readonly comparison: Comparison;
  readonly ignoreCase: boolean;
  /** `*` and `?` in policy values are wildcards. */
  readonly wildcards: boolean;
  /** Policy variables are substituted in the values (string, ARN, Bool and Binary comparisons). */
  readonly variables: boolean;
}

function operator(
  name: string,
  type: OperatorType,
  options: Partial<Omit<BaseOperator, 'name' | 'type'>> = {},
): BaseOperator {
  return {
    name,
    type,
    negated: options.negated ?? false,
    comparison: options.comparison ?? 'equals',
    ignoreCase: options.ignoreCase ?? false,
    wildcards: options.wildcards ?? false,
    variables:
      options.variables ?? (type === 'string' || type === 'arn' || type === 'bool' || type === 'binary'),
  };
}

function ordered(prefix: 'Numeric' | 'Date', type: OperatorType): BaseOperator[] {
  return [
    operator(`${prefix}Equals`, type),
    operator(`${prefix}NotEquals`, type, { negated: true }),
    operator(`${prefix}LessThan`, type, { comparison: 'lessThan' }),
    operator(`${prefix}LessThanEquals`, type, { comparison: 'lessThanEquals' }),
    operator(`${prefix}GreaterThan`, type, { comparison: 'greaterThan' }),
    operator(`${prefix}GreaterThanEquals`, type, { comparison: 'greaterThanEquals' }),
  ];
}

export const baseOperators: readonly BaseOperator[] = [
  operator('StringEquals', 'string'),
  operator('StringNotEquals', 'string', { negated: true }),
  operator('StringEqualsIgnoreCase', 'string', { ignoreCase: true }),
  operator('StringNotEqualsIgnoreCase', 'string', { negated: true, ignoreCase: true }),
  operator('StringLike', 'string', { wildcards: true }),
  operator('StringNotLike', 'string', { negated: true, wildcards: true }),
  ...ordered('Numeric', 'numeric'),
  ...ordered('Date', 'date'),
  operator('Bool', 'bool'),
  operator('BinaryEquals', 'binary'),
  operator('IpAddress', 'ip'),
  operator('NotIpAddress', 'ip', { negated: true }),
  // ArnEquals and ArnLike behave the same: each of the six ARN parts is compared with wildcards.
  operator('ArnEquals', 'arn', { wildcards: true }),
  operator('ArnLike', 'arn', { wildcards: true }),
  operator('ArnNotEquals', 'arn', { negated: true, wildcards: true }),
  operator('ArnNotLike', 'arn', { negated: true, wildcards: true }),
  operator('Null', 'null'),
];

const operatorsByLowerName = new Map(baseOperators.map((entry) => [entry.name.toLowerCase(), entry]));

export type SetOperator = 'ForAnyValue' | 'ForAllValues';

export interface ParsedOperator {
  /** As written in the policy. */
  readonly written: string;
  /** Canonical spelling, e.g. `ForAnyValue:StringLikeIfExists`. */
  readonly canonical: string;
  readonly set: SetOperator | undefined;
  readonly base: BaseOperator;
  readonly ifExists: boolean;
}

export type OperatorParse = { operator: ParsedOperator } | { error: string; code: string };

/**
 * Operator names already read (see memo.ts): policies use a handful of names, and a batch of new
 * documents reads each one twice (validation, then compilation).
 */
const readOperators = new Map<string, OperatorParse>();

/**
 * Reads an operator name. Names are matched case-insensitively (as the policy engine reads them);
 * the validator warns when the spelling differs from the canonical one.
 */
export function parseOperator(written: string): OperatorParse {
  return remembered(readOperators, written, readOperator, 1000);
}

function readOperator(written: string): OperatorParse {
  let rest = written;
  let set: SetOperator | undefined;
  const colon = rest.indexOf(':');
  if (colon >= 0) {
    const prefix = rest.slice(0, colon).toLowerCase();
    if (prefix === 'foranyvalue') set = 'ForAnyValue';
    else if (prefix === 'forallvalues') set = 'ForAllValues';
    else
      return {
        code: 'unknown-set-operator',
        error: `unknown set operator "${rest.slice(0, colon)}:" (use ForAnyValue: or ForAllValues:)`,
      };
    rest = rest.slice(colon + 1);
  }
  let ifExists = false;
  let base = operatorsByLowerName.get(rest.toLowerCase());
  if (!base && rest.toLowerCase().endsWith('ifexists')) {
    base = operatorsByLowerName.get(rest.slice(0, -'IfExists'.length).toLowerCase());
    ifExists = base !== undefined;
  }
  if (!base) return { code: 'unknown-operator', error: `unknown condition operator "${written}"` };
  if (base.type === 'null' && ifExists) {
    return {
      code: 'null-if-exists',
      error: 'Null cannot take IfExists: Null already tests whether the key exists',
    };
  }
  if (base.type === 'null' && set) {
    return {
      code: 'null-with-set-operator',
      error: `Null cannot take ${set}: it tests whether the key exists`,
    };
  }
  const canonical = `${set ? `${set}:` : ''}${base.name}${ifExists ? 'IfExists' : ''}`;
  return { operator: { written, canonical, set, base, ifExists } };
}
