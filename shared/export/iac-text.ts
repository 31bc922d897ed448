// Values of an infrastructure-as-code export before they are written as CloudFormation or Terraform.
// A string that mentions something the export creates or takes as input (an identity pool id, a
// user pool id, a role ARN, …) becomes a `Text` of literal parts and references, so that each
// writer can turn it into `Ref`/`Fn::GetAtt`/`Fn::Sub` or a Terraform expression instead of
// hard-coding the id the design happened to record.

/** Something the export refers to rather than spells out; ids are design ids. */
export type IacRef =
  | { ref: 'identityPoolId'; identityPoolId: string }
  | { ref: 'userPoolId'; userPoolId: string }
  /** The region part of a user pool id (`us-east-1` of `us-east-1_AbC`). */
  | { ref: 'userPoolRegion'; userPoolId: string }
  | { ref: 'userPoolClientId'; userPoolId: string; clientId: string }
  /** The ARN of a role the export creates (a dependency on the role resource). */
  | { ref: 'roleArn'; roleId: string }
  /** The ARN of a customer managed policy the export creates (a dependency on the policy resource). */
  | { ref: 'managedPolicyArn'; policyId: string }
  | { ref: 'samlProviderArn'; providerId: string }
  | { ref: 'oidcProviderArn'; providerId: string }
  | { ref: 'partition' }
  | { ref: 'accountId' };

/** A string made of literal parts and references, in order. */
export class IacText {
  constructor(readonly segments: ReadonlyArray<string | IacRef>) {}

  /** The text when it has no reference. */
  literal(): string | undefined {
    return this.segments.every((segment) => typeof segment === 'string') ? this.segments.join('') : undefined;
  }
}

/** JSON with strings replaced by `IacText` (object keys stay literal: neither format can compute them). */
export type IacValue = IacText | number | boolean | null | IacValue[] | { [key: string]: IacValue };

export function text(...segments: Array<string | IacRef>): IacText {
  return new IacText(segments.filter((segment) => segment !== ''));
}

/** A literal string found in policy documents and what the export writes instead. */
export interface Replacement {
  needle: string;
  segments: Array<string | IacRef>;
}

// Characters that continue an id or an ARN: a match followed or preceded by one of them is part of
// a longer name and is left alone.
const NAME_CHARACTER = /[A-Za-z0-9_+=,.@-]/;

/** Splits `value` into literal parts and the replacements it mentions (longest needle first). */
export function substitute(value: string, replacements: readonly Replacement[]): IacText {
  const sorted = [...replacements]
    .filter((entry) => entry.needle !== '')
    .sort((a, b) => b.needle.length - a.needle.length);
  const segments: Array<string | IacRef> = [];
  let literalStart = 0;
  let index = 0;
  while (index < value.length) {
    const match = sorted.find(
      (entry) =>
        value.startsWith(entry.needle, index) &&
        !NAME_CHARACTER.test(value.charAt(index - 1) || ' ') &&
        !NAME_CHARACTER.test(value.charAt(index + entry.needle.length) || ' '),
    );
    if (!match) {
      index += 1;
      continue;
    }
    segments.push(value.slice(literalStart, index), ...match.segments);
    index += match.needle.length;
    literalStart = index;
  }
  segments.push(value.slice(literalStart));
  return text(...mergeLiterals(segments));
}

function mergeLiterals(segments: Array<string | IacRef>): Array<string | IacRef> {
  const merged: Array<string | IacRef> = [];
  for (const segment of segments) {
    const last = merged[merged.length - 1];
    if (typeof segment === 'string' && typeof last === 'string') merged[merged.length - 1] = last + segment;
    else merged.push(segment);
  }
  return merged;
}

/** A policy document (or any JSON) with every string value passed through `substitute`. */
export function substituteJson(value: unknown, replacements: readonly Replacement[]): IacValue {
  if (typeof value === 'string') return substitute(value, replacements);
  if (typeof value === 'number' || typeof value === 'boolean' || value === null) return value;
  if (Array.isArray(value)) return value.map((item) => substituteJson(item, replacements));
  if (typeof value === 'object') {
    // fromEntries defines own properties, so a hostile `__proto__` key stays a plain key.
    return Object.fromEntries(
      Object.entries(value as Record<string, unknown>)
        .filter(([, item]) => item !== undefined)
        .map(([key, item]) => [key, substituteJson(item, replacements)]),
    );
  }
  return null;
}
