// The `evaluate` input format of the CLI contract (design.md §9):
// {"request": {"principal", "action", "resource", "resourceAccount"?, "context": {key: string | string[]}},
//  "identityPolicies": [doc…], "sessionPolicies"?: [doc…], "permissionsBoundary"?: doc, "resourcePolicy"?: doc}
// Unknown keys are rejected: a misspelt "sessionPolicy" silently ignored would give a wrong answer.

import { z } from 'zod';
import { policyHasErrors, validatePolicy } from '../../shared/iam';
import type { CompiledPolicy, EvaluationInput, PolicyDocument, PolicyInput } from '../../shared/iam';
import { CliInputError } from './errors';
import { quoteInput } from './output';

const policyDocument = z
  .looseObject({})
  .refine((value) => !Array.isArray(value), 'expected a policy document object');

const evaluationInputSchema = z
  .object({
    request: z
      .object({
        principal: z.string().min(1),
        action: z.string().min(1),
        resource: z.string().min(1),
        resourceAccount: z.string().min(1).optional(),
        context: z.record(z.string(), z.union([z.string(), z.array(z.string())])).optional(),
      })
      .strict(),
    identityPolicies: z.array(policyDocument),
    sessionPolicies: z.array(policyDocument).optional(),
    permissionsBoundary: policyDocument.optional(),
    resourcePolicy: policyDocument.optional(),
  })
  .strict();

type InputShape = z.infer<typeof evaluationInputSchema>;

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function onlyKeys(value: Record<string, unknown>, allowed: ReadonlySet<string>): boolean {
  for (const key in value) if (!allowed.has(key)) return false;
  return true;
}

const inputKeys = new Set([
  'request',
  'identityPolicies',
  'sessionPolicies',
  'permissionsBoundary',
  'resourcePolicy',
]);
const requestKeys = new Set(['principal', 'action', 'resource', 'resourceAccount', 'context']);

function isText(value: unknown): boolean {
  return typeof value === 'string' && value.length > 0;
}

function isContext(value: unknown): boolean {
  if (value === undefined) return true;
  if (!isPlainObject(value)) return false;
  for (const key in value) {
    const entry = value[key];
    if (typeof entry === 'string') continue;
    if (!Array.isArray(entry) || !entry.every((item) => typeof item === 'string')) return false;
  }
  return true;
}

/** Exactly what `evaluationInputSchema` accepts (the fast path; anything else goes to zod). */
function isWellFormed(value: unknown): value is InputShape {
  if (!isPlainObject(value) || !onlyKeys(value, inputKeys)) return false;
  const request = value.request;
  if (!isPlainObject(request) || !onlyKeys(request, requestKeys)) return false;
  if (!isText(request.principal) || !isText(request.action) || !isText(request.resource)) return false;
  if (request.resourceAccount !== undefined && !isText(request.resourceAccount)) return false;
  if (!isContext(request.context)) return false;
  const policies = (list: unknown): boolean => Array.isArray(list) && list.every(isPlainObject);
  if (!policies(value.identityPolicies)) return false;
  if (value.sessionPolicies !== undefined && !policies(value.sessionPolicies)) return false;
  if (value.permissionsBoundary !== undefined && !isPlainObject(value.permissionsBoundary)) return false;
  return value.resourcePolicy === undefined || isPlainObject(value.resourcePolicy);
}

/** `$.a[0]["b:c"]` from a path array. */
export function formatJsonPath(path: ReadonlyArray<PropertyKey>): string {
  let text = '$';
  for (const segment of path) {
    if (typeof segment === 'number') text += `[${segment}]`;
    else if (typeof segment === 'string' && /^[A-Za-z_$][\w$]*$/.test(segment)) text += `.${segment}`;
    else text += `[${JSON.stringify(String(segment))}]`;
  }
  return text;
}

export type PolicyKindOfInput = 'identity' | 'session' | 'permissionsBoundary' | 'resource';

/**
 * Turns one policy document of the input into an engine argument, or throws a CliInputError.
 * `name` is the policy's place in the input (`identityPolicies[0]`). Batch mode passes a caching one.
 */
export type PreparePolicy = (
  document: Record<string, unknown>,
  name: string,
  kind: PolicyKindOfInput,
  where: string,
) => PolicyInput | CompiledPolicy;

/**
 * Checks the input shape and every policy (errors only; warnings do not stop evaluation) and
 * returns the engine input. `where` prefixes messages (file name, or `file:line` in batch mode).
 */
export function parseEvaluationInput(
  value: unknown,
  where: string,
  preparePolicy: PreparePolicy = checkedPolicy,
): EvaluationInput {
  // The schema's own check, written out: a batch runs it per line, and zod costs more than the
  // evaluation of a cached policy. zod runs only to word what is wrong.
  const parsed = isWellFormed(value)
    ? { success: true as const, data: value }
    : evaluationInputSchema.safeParse(value);
  if (!parsed.success) {
    // A misspelt key also makes the real one "missing": naming the unknown key is the better hint.
    const issue =
      parsed.error.issues.find((candidate) => candidate.code === 'unrecognized_keys') ??
      parsed.error.issues[0];
    const path = formatJsonPath(issue?.path ?? []);
    const message =
      issue?.code === 'unrecognized_keys'
        ? `unknown key(s) ${issue.keys.map((key) => `"${quoteInput(key)}"`).join(', ')}`
        : (issue?.message ?? 'invalid input');
    throw new CliInputError(`${where}: ${path}: ${message}`);
  }
  const input = parsed.data;
  const identityPolicies = input.identityPolicies.map((document, index) =>
    preparePolicy(document, `identityPolicies[${index}]`, 'identity', where),
  );
  const result: EvaluationInput = {
    request: { ...input.request, context: input.request.context ?? {} },
    identityPolicies,
  };
  if (input.sessionPolicies) {
    result.sessionPolicies = input.sessionPolicies.map((document, index) =>
      preparePolicy(document, `sessionPolicies[${index}]`, 'session', where),
    );
  }
  if (input.permissionsBoundary) {
    result.permissionsBoundary = preparePolicy(
      input.permissionsBoundary,
      'permissionsBoundary',
      'permissionsBoundary',
      where,
    );
  }
  if (input.resourcePolicy) {
    result.resourcePolicy = preparePolicy(input.resourcePolicy, 'resourcePolicy', 'resource', where);
  }
  return result;
}

/** The first validation error of a policy as `$.identityPolicies[0].Statement[1]: message`, or undefined. */
export function policyError(
  document: Record<string, unknown>,
  name: string,
  kind: PolicyKindOfInput,
): string | undefined {
  // Most documents are valid: the full validator (paths, messages, warnings) runs only to word an error.
  return policyHasErrors(document, kind) ? firstPolicyError(document, name, kind) : undefined;
}

/**
 * The first error of the full validator, worded with the policy's place, for a document that
 * `policyHasErrors` found faulty (undefined should the two disagree: the document is then used).
 */
export function firstPolicyError(
  document: Record<string, unknown>,
  name: string,
  kind: PolicyKindOfInput,
): string | undefined {
  const firstError = validatePolicy(document, { kind }).find((issue) => issue.severity === 'error');
  if (!firstError) return undefined;
  const innerPath = firstError.path.replace(/^\$/, '');
  return `$.${name}${innerPath}: ${firstError.message}`;
}

function checkedPolicy(
  document: Record<string, unknown>,
  name: string,
  kind: PolicyKindOfInput,
  where: string,
): PolicyInput {
  const error = policyError(document, name, kind);
  if (error) throw new CliInputError(`${where}: ${error}`);
  return { name, document: document as PolicyDocument };
}
