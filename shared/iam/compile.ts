// Policies compiled once into matchers (lower-cased actions, globs, pre-split variables, parsed typed
// condition values), so that an access matrix evaluates without re-reading JSON.
import { compileArnPattern, splitArnText, type ArnPattern } from './arn';
import { pathWithIndex, pathWithKey } from './json-path';
import { readJsonText } from './json-text';
import { GroupedMemo, lowerCaseName, remembered } from './memo';
import { parseOperator, type ParsedOperator } from './operators';
import { compilePrincipal, type CompiledPrincipal } from './principal';
import type { CompiledPolicy, PolicyInput, PolicyKind } from './types';
import { parseBool, parseDate, parseIpRange, parseNumber, type IpRange } from './values';
import { isRecord, parseTemplate, variablesVersion, type Template } from './variables';
import { compileGlob, type GlobPattern } from './wildcard';

export interface CompiledAction {
  readonly text: string;
  /** `*` alone. */
  readonly all: boolean;
  /** Lower-cased service prefix; undefined when the entry can never match (no `service:` prefix). */
  readonly service: string | undefined;
  readonly action: GlobPattern | undefined;
}

export interface CompiledResource {
  readonly text: string;
  readonly all: boolean;
  /** ARN patterns; otherwise `plain` compares the whole text. */
  readonly arn: ArnPattern | undefined;
  readonly plain: Template | undefined;
  readonly shortWithoutWildcard: boolean;
}

export interface CompiledConditionValue {
  readonly text: string;
  /** Why the value can never match (wrong JSON type, not a number, …). */
  readonly invalid: string | undefined;
  /** Present when the value holds policy variables or escapes (resolved per request). */
  readonly template: Template | undefined;
  readonly glob: GlobPattern | undefined;
  readonly number: number | undefined;
  readonly ip: IpRange | undefined;
  readonly bool: boolean | undefined;
  readonly arn: ArnPattern | undefined;
}

export interface CompiledCondition {
  readonly path: string;
  readonly operatorText: string;
  readonly operator: ParsedOperator | undefined;
  readonly operatorError: string | undefined;
  readonly key: string;
  readonly lowerKey: string;
  readonly values: readonly CompiledConditionValue[];
}

export interface CompiledStatement {
  readonly policyName: string;
  readonly index: number;
  readonly path: string;
  readonly sid: string | undefined;
  readonly effect: 'Allow' | 'Deny';
  readonly actions: readonly CompiledAction[];
  readonly notAction: boolean;
  /** Undefined when the statement has neither Resource nor NotResource (trust policies). */
  readonly resources: readonly CompiledResource[] | undefined;
  readonly notResource: boolean;
  /** Undefined when the statement has neither Principal nor NotPrincipal. */
  readonly principal: CompiledPrincipal | undefined;
  readonly notPrincipal: boolean;
  readonly conditions: readonly CompiledCondition[];
  /** Why the statement can never apply (no Effect, no Action, …); it is then skipped. */
  readonly defect: string | undefined;
}

export interface CompiledPolicyDetails extends CompiledPolicy {
  readonly kind: PolicyKind | undefined;
  readonly statements: readonly CompiledStatement[];
  /** Problems that make the whole document unusable (not JSON, no Statement). */
  readonly defects: readonly string[];
}

/** What `compilePolicyDetails` makes: a class of this module, so that no input can pass for one. */
class CompiledPolicyRecord implements CompiledPolicyDetails {
  readonly compiled = true as const;

  constructor(
    readonly name: string,
    readonly version: string | undefined,
    readonly statements: readonly CompiledStatement[],
    readonly kind: PolicyKind | undefined,
    readonly defects: readonly string[],
  ) {}
}

/**
 * Compiled actions, resources and condition values by their text and what else they depend on
 * (see memo.ts); compiled entries are never modified.
 */
const compiledActions = new Map<string, CompiledAction>();
/** By policy version (keyPart), then text. */
const compiledResources = new GroupedMemo<CompiledResource>();
/** By operator and policy version (keyPart of each), then text. */
const compiledConditionValues = new GroupedMemo<CompiledConditionValue>();

/** A key part that cannot run into the next one: `-` for none, else the length, `:` and the text. */
function keyPart(text: string | undefined): string {
  return text === undefined ? '-' : `${text.length}:${text}`;
}

/**
 * The group keys of the tables above, made once each: a key joined anew for every lookup would be
 * hashed anew too, and a batch looks one up for every resource and condition value it compiles.
 * By operator (undefined for resources), then version; bounded like the tables.
 */
const groupKeys = new Map<string | undefined, Map<string | undefined, string>>();

function groupKey(operatorText: string | undefined, version: string | undefined): string {
  let byVersion = groupKeys.get(operatorText);
  if (byVersion === undefined) {
    if (groupKeys.size >= 1000) groupKeys.clear();
    groupKeys.set(operatorText, (byVersion = new Map()));
  }
  let key = byVersion.get(version);
  if (key === undefined) {
    if (byVersion.size >= 16) byVersion.clear();
    key = operatorText === undefined ? keyPart(version) : keyPart(operatorText) + keyPart(version);
    byVersion.set(version, key);
  }
  return key;
}

export function isCompiledPolicy(value: unknown): value is CompiledPolicyDetails {
  return value instanceof CompiledPolicyRecord;
}

export function compilePolicy(input: PolicyInput, kind?: PolicyKind): CompiledPolicy {
  return compilePolicyDetails(input, kind);
}

/**
 * As compilePolicy, but each statement compiles its resources and conditions only when a request
 * first gets that far (its action matched), so a document evaluated once costs little more than the
 * statements that concern the request. The document is read at that later time: pass only one that
 * nothing changes afterwards (freshly parsed JSON, as a batch line's).
 */
export function compileParsedPolicy(input: PolicyInput, kind?: PolicyKind): CompiledPolicy {
  return compilePolicyDetails(input, kind, true);
}

export function compilePolicyDetails(
  input: PolicyInput | undefined,
  kind?: PolicyKind,
  lazy = false,
): CompiledPolicyDetails {
  const name = typeof input?.name === 'string' && input.name !== '' ? input.name : 'policy';
  const defects: string[] = [];
  let document: unknown = input?.document;
  if (typeof document === 'string') {
    const read = readJsonText(document);
    if (read.error)
      defects.push(
        `the policy is not valid JSON: ${read.error.message} (line ${read.error.line}, column ${read.error.column})`,
      );
    document = read.value;
  }
  const statements: StatementCompiler[] = [];
  let version: string | undefined;
  if (!isRecord(document)) {
    if (defects.length === 0) defects.push('the policy is not a JSON object');
  } else {
    version = typeof document.Version === 'string' ? document.Version : undefined;
    const raw = document.Statement;
    if (Array.isArray(raw)) {
      for (let index = 0; index < raw.length; index += 1)
        statements.push(new StatementCompiler(raw[index], index, false, name, version));
    } else if (isRecord(raw)) {
      statements.push(new StatementCompiler(raw, 0, true, name, version));
    } else {
      defects.push('the policy has no Statement object or array');
    }
  }
  // Compiled now unless the document is known not to change (see compileParsedPolicy).
  if (!lazy) for (const statement of statements) statement.compileAll();
  return new CompiledPolicyRecord(name, version, statements, kind, defects);
}

function stringList(value: unknown): string[] | undefined {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.filter((entry): entry is string => typeof entry === 'string');
  return undefined;
}

/** A compiled statement whose resources, conditions and path are worked out on first use. */
class StatementCompiler implements CompiledStatement {
  readonly sid: string | undefined;
  readonly effect: 'Allow' | 'Deny';
  readonly actions: readonly CompiledAction[];
  readonly notAction: boolean;
  readonly notResource: boolean;
  readonly principal: CompiledPrincipal | undefined;
  readonly notPrincipal: boolean;
  readonly defect: string | undefined;
  /** The statement's JSON until everything is compiled. */
  private statement: Record<string, unknown>;
  private compiledResources: readonly CompiledResource[] | undefined | null = null;
  private compiledConditions: readonly CompiledCondition[] | undefined;
  private compiledPath: string | undefined;

  constructor(
    raw: unknown,
    readonly index: number,
    private readonly single: boolean,
    readonly policyName: string,
    private readonly version: string | undefined,
  ) {
    const statement = isRecord(raw) ? raw : {};
    this.statement = statement;
    const defects: string[] = [];
    if (!isRecord(raw)) defects.push('the statement is not a JSON object');
    const effectText = statement.Effect;
    if (effectText !== 'Allow' && effectText !== 'Deny') defects.push('Effect must be "Allow" or "Deny"');
    const notAction = statement.Action === undefined && statement.NotAction !== undefined;
    const actionTexts = stringList(notAction ? statement.NotAction : statement.Action);
    if (!actionTexts) defects.push('the statement has no Action or NotAction');
    const notPrincipal = statement.Principal === undefined && statement.NotPrincipal !== undefined;
    const principalValue = notPrincipal ? statement.NotPrincipal : statement.Principal;
    this.sid = typeof statement.Sid === 'string' ? statement.Sid : undefined;
    this.effect = effectText === 'Deny' ? 'Deny' : 'Allow';
    this.actions = (actionTexts ?? []).map((text) => remembered(compiledActions, text, compileAction));
    this.notAction = notAction;
    this.notResource = statement.Resource === undefined && statement.NotResource !== undefined;
    this.principal = principalValue === undefined ? undefined : compilePrincipal(principalValue);
    this.notPrincipal = notPrincipal;
    this.defect = defects.length > 0 ? defects.join('; ') : undefined;
  }

  get path(): string {
    this.compiledPath ??= this.single ? '$.Statement' : pathWithIndex('$.Statement', this.index);
    return this.compiledPath;
  }

  get resources(): readonly CompiledResource[] | undefined {
    if (this.compiledResources === null) {
      const value = this.notResource ? this.statement.NotResource : this.statement.Resource;
      const version = this.version;
      this.compiledResources =
        value === undefined
          ? undefined
          : (stringList(value) ?? []).map((text) =>
              compiledResources.get(groupKey(undefined, version), text, () => compileResource(text, version)),
            );
    }
    return this.compiledResources;
  }

  get conditions(): readonly CompiledCondition[] {
    this.compiledConditions ??= compileConditions(
      this.statement.Condition,
      pathWithKey(this.path, 'Condition'),
      this.version,
    );
    return this.compiledConditions;
  }

  /** Compiles what is otherwise left for first use, and lets the document go. */
  compileAll(): void {
    void this.resources;
    void this.conditions;
    this.statement = {};
  }
}

function compileAction(text: string): CompiledAction {
  if (text === '*') return { text, all: true, service: '', action: undefined };
  const colon = text.indexOf(':');
  const actionPart = colon < 0 ? '' : text.slice(colon + 1);
  if (colon <= 0 || actionPart === '' || /\s/.test(actionPart))
    return { text, all: false, service: undefined, action: undefined };
  return {
    text,
    all: false,
    service: text.slice(0, colon).toLowerCase(),
    action: compileGlob(actionPart, true),
  };
}

function compileResource(text: string, version: string | undefined): CompiledResource {
  if (text === '*') return { text, all: true, arn: undefined, plain: undefined, shortWithoutWildcard: false };
  const arn = compileArnPattern(text, version, true);
  if (arn)
    return {
      text,
      all: false,
      arn: arn.pattern,
      plain: undefined,
      shortWithoutWildcard: arn.shortWithoutWildcard,
    };
  return {
    text,
    all: false,
    arn: undefined,
    plain: parseTemplate(text, version),
    shortWithoutWildcard: false,
  };
}

function compileConditions(raw: unknown, path: string, version: string | undefined): CompiledCondition[] {
  const conditions: CompiledCondition[] = [];
  if (!isRecord(raw)) return conditions;
  for (const [operatorText, block] of Object.entries(raw)) {
    const operatorPath = pathWithKey(path, operatorText);
    const parse = parseOperator(operatorText);
    const operator = 'operator' in parse ? parse.operator : undefined;
    const operatorError = 'error' in parse ? parse.error : undefined;
    if (!isRecord(block)) {
      conditions.push({
        path: operatorPath,
        operatorText,
        operator,
        operatorError: operatorError ?? 'the operator block is not an object of condition keys',
        key: '',
        lowerKey: '',
        values: [],
      });
      continue;
    }
    const group = groupKey(operatorText, version);
    for (const [key, rawValues] of Object.entries(block)) {
      const list = Array.isArray(rawValues) ? rawValues : [rawValues];
      conditions.push({
        path: pathWithKey(operatorPath, key),
        operatorText,
        operator,
        operatorError,
        key,
        lowerKey: lowerCaseName(key),
        values: list.map((value) =>
          typeof value === 'string'
            ? compiledConditionValues.get(group, value, () => compileConditionValue(value, operator, version))
            : compileConditionValue(value, operator, version),
        ),
      });
    }
  }
  return conditions;
}

function compileConditionValue(
  raw: unknown,
  operator: ParsedOperator | undefined,
  version: string | undefined,
): CompiledConditionValue {
  const empty = {
    template: undefined,
    glob: undefined,
    number: undefined,
    ip: undefined,
    bool: undefined,
    arn: undefined,
  };
  if (typeof raw !== 'string' && typeof raw !== 'number' && typeof raw !== 'boolean') {
    return {
      ...empty,
      text: JSON.stringify(raw) ?? String(raw),
      invalid: 'condition values must be strings, numbers or booleans',
    };
  }
  const text = String(raw);
  if (!operator) return { ...empty, text, invalid: undefined };
  const base = operator.base;
  const template = base.variables ? parseTemplate(text, version) : undefined;
  if (base.type === 'arn') {
    // Variables in ARN values are resolved per segment (arn.ts), so the pattern is compiled either way.
    const arn = compileArnPattern(text, version, false);
    const complete =
      arn !== undefined && (splitArnText(text, version === variablesVersion)?.length ?? 0) >= 5;
    return {
      ...empty,
      text,
      template: template?.hasVariables ? template : undefined,
      arn: complete ? arn.pattern : undefined,
      invalid: complete ? undefined : `"${text}" is not an ARN (six colon-separated parts)`,
    };
  }
  if (template?.hasVariables) return { ...empty, text, invalid: undefined, template };
  switch (base.type) {
    case 'string':
      return { ...empty, text, invalid: undefined, glob: base.wildcards ? compileGlob(text) : undefined };
    case 'numeric': {
      const number = parseNumber(text);
      return {
        ...empty,
        text,
        number,
        invalid: number === undefined ? `"${text}" is not a number` : undefined,
      };
    }
    case 'date': {
      const date = parseDate(text);
      return {
        ...empty,
        text,
        number: date,
        invalid: date === undefined ? `"${text}" is not an ISO 8601 date or epoch seconds` : undefined,
      };
    }
    case 'ip': {
      const ip = parseIpRange(text, true);
      return {
        ...empty,
        text,
        ip,
        invalid: ip === undefined ? `"${text}" is not an IPv4 or IPv6 address or CIDR block` : undefined,
      };
    }
    case 'bool':
    case 'null': {
      const bool = parseBool(text);
      return {
        ...empty,
        text,
        bool,
        invalid: bool === undefined ? `"${text}" is not true or false` : undefined,
      };
    }
    default:
      return { ...empty, text, invalid: undefined };
  }
}
