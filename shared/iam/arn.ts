// ARN patterns for the Resource element and the Arn* condition operators.
// Resource: https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_resource.html —
// wildcards work within each colon-separated segment; `*` in the resource part matches any characters,
// including `/` and `:`; a `*` ending a short ARN expands over the missing segments.
// Arn* operators: "each of the six colon-delimited components of the ARN is checked separately".
import { parseTemplate, resolveTemplateGlob, type Template, type VariableLookup } from './variables';
import { compileGlob, globMatches, type GlobPattern } from './wildcard';

/** One segment: a glob compiled once, or a template resolved per request (it holds variables). */
export type SegmentPattern = { glob: GlobPattern } | { template: Template; lowerCase: boolean };

export interface ArnPattern {
  /** partition, service, region, account, resource. */
  readonly segments: readonly [
    SegmentPattern,
    SegmentPattern,
    SegmentPattern,
    SegmentPattern,
    SegmentPattern,
  ];
}

export interface RequestArn {
  readonly text: string;
  /** partition, service, region, account (for resources: lower-cased), resource — or undefined if not an ARN. */
  readonly segments: readonly [string, string, string, string, string] | undefined;
}

/**
 * Splits ARN text on the colons written in the policy, not those inside `${…}` (variable names contain
 * colons). Returns the segments after `arn`; the last holds the rest, colons included.
 */
export function splitArnText(text: string, variablesActive: boolean): string[] | undefined {
  if (!text.startsWith('arn:')) return undefined;
  const segments: string[] = [];
  let start = 4;
  let index = 4;
  while (index < text.length && segments.length < 4) {
    if (variablesActive && text.startsWith('${', index)) {
      const close = text.indexOf('}', index);
      if (close > 0) {
        index = close + 1;
        continue;
      }
    }
    if (text.charCodeAt(index) === 58) {
      segments.push(text.slice(start, index));
      start = index + 1;
    }
    index++;
  }
  segments.push(text.slice(start));
  return segments;
}

function segmentPattern(text: string, version: string | undefined, lowerCase: boolean): SegmentPattern {
  const template = parseTemplate(text, version);
  return template.hasVariables ? { template, lowerCase } : { glob: compileGlob(text, lowerCase) };
}

export interface CompiledArnPattern {
  readonly pattern: ArnPattern;
  /** Fewer than six segments and no wildcard: such an ARN is not valid in a policy. */
  readonly shortWithoutWildcard: boolean;
}

/**
 * Compiles an ARN pattern. `caseInsensitiveHead` folds partition/service/region/account (Resource element);
 * the Arn* operators compare all parts case-sensitively.
 */
export function compileArnPattern(
  text: string,
  version: string | undefined,
  caseInsensitiveHead: boolean,
): CompiledArnPattern | undefined {
  const variablesActive = version === '2012-10-17';
  const segments = splitArnText(text, variablesActive);
  if (!segments) return undefined;
  const shortArn = segments.length < 5;
  const shortWithoutWildcard = shortArn && !text.includes('*');
  while (segments.length < 5) segments.push('*');
  const [partition = '', service = '', region = '', account = '', resource = ''] = segments;
  return {
    shortWithoutWildcard,
    pattern: {
      segments: [
        segmentPattern(partition, version, caseInsensitiveHead),
        segmentPattern(service, version, caseInsensitiveHead),
        segmentPattern(region, version, caseInsensitiveHead),
        segmentPattern(account, version, caseInsensitiveHead),
        segmentPattern(resource, version, false),
      ],
    },
  };
}

const parsedResources = new Map<string, RequestArn>();
const parsedConditionArns = new Map<string, RequestArn>();

/** Splits a request ARN; cached because an access matrix asks for the same resources again and again. */
export function parseRequestArn(text: string, lowerCaseHead: boolean): RequestArn {
  const cache = lowerCaseHead ? parsedResources : parsedConditionArns;
  const cached = cache.get(text);
  if (cached) return cached;
  const segments = splitArnText(text, false);
  let parsed: RequestArn;
  if (!segments || segments.length < 5) {
    parsed = { text, segments: undefined };
  } else {
    const [partition = '', service = '', region = '', account = '', resource = ''] = segments;
    parsed = lowerCaseHead
      ? {
          text,
          segments: [
            partition.toLowerCase(),
            service.toLowerCase(),
            region.toLowerCase(),
            account.toLowerCase(),
            resource,
          ],
        }
      : { text, segments: [partition, service, region, account, resource] };
  }
  if (cache.size > 20_000) cache.clear();
  cache.set(text, parsed);
  return parsed;
}

/**
 * Whether a request ARN matches. Segments without variables are compared first, so a request that differs
 * in a fixed part never depends on a variable. Returns undefined when a needed variable cannot be resolved
 * (its name is added to `unresolved`).
 */
export function arnMatches(
  pattern: ArnPattern,
  request: RequestArn,
  lookup: VariableLookup,
  unresolved?: string[],
): boolean | undefined {
  const requestSegments = request.segments;
  if (!requestSegments) return false;
  for (let index = 0; index < 5; index++) {
    const segment = pattern.segments[index] as SegmentPattern;
    if ('glob' in segment && !globMatches(segment.glob, requestSegments[index] as string)) return false;
  }
  let result: boolean | undefined = true;
  for (let index = 0; index < 5; index++) {
    const segment = pattern.segments[index] as SegmentPattern;
    if ('glob' in segment) continue;
    const glob = resolveTemplateGlob(segment.template, lookup, segment.lowerCase, unresolved);
    if (glob === undefined) result = undefined;
    else if (!globMatches(glob, requestSegments[index] as string)) return false;
  }
  return result;
}
