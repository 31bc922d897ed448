// JSON-lines workloads of batch.bench.ts for `evaluate --batch`: the access-matrix requests of
// iam-workload.ts (20 Cognito roles, policies with conditions and policy variables, ~2.4 KB a
// line) repeated to any length, either with each role's policies repeated on many lines (as a
// review tool sends them) or with every line carrying policies no other line has.
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import type { Writable } from 'node:stream';
import type { EvaluationInput, PolicyDocument } from '../../shared/iam';
import { buildActions, buildRequests, buildRoles, toInput } from './iam-workload';

export async function workloadInputs(): Promise<EvaluationInput[]> {
  const roles = buildRoles();
  const actions = await buildActions();
  return buildRequests(roles, actions).map(toInput);
}

/** A copy of the input whose every policy differs from any other line's (a unique Sid per statement). */
function distinctPolicies(input: EvaluationInput, lineIndex: number): EvaluationInput {
  const rename = (policy: unknown): { name?: string; document: PolicyDocument } => {
    const { name, document } = policy as { name?: string; document: PolicyDocument };
    const statements = Array.isArray(document.Statement) ? document.Statement : [document.Statement];
    return {
      name,
      document: {
        ...document,
        Statement: statements.map((statement, index) => ({ ...statement, Sid: `L${lineIndex}S${index}` })),
      },
    };
  };
  return {
    ...input,
    identityPolicies: input.identityPolicies.map(rename),
    ...(input.permissionsBoundary ? { permissionsBoundary: rename(input.permissionsBoundary) } : {}),
  };
}

/** The CLI's input format (design.md §9) for one request: documents only, no names. */
export function lineOf(input: EvaluationInput): string {
  const documentOf = (policy: unknown): unknown => (policy as { document: unknown }).document;
  return JSON.stringify({
    request: input.request,
    identityPolicies: input.identityPolicies.map(documentOf),
    ...(input.permissionsBoundary ? { permissionsBoundary: documentOf(input.permissionsBoundary) } : {}),
  });
}

/** Line `index` of a workload of the given kind. */
export function workloadLine(inputs: EvaluationInput[], index: number, distinct: boolean): string {
  const input = inputs[index % inputs.length] as EvaluationInput;
  return lineOf(distinct ? distinctPolicies(input, index) : input);
}

/**
 * Writes `count` lines to `stream` respecting back-pressure; returns the bytes written. The
 * same-policies workload repeats with the period of `inputs`, so its lines are rendered once.
 */
export async function writeWorkload(
  stream: Writable,
  inputs: EvaluationInput[],
  count: number,
  distinct: boolean,
): Promise<number> {
  const period = distinct ? undefined : inputs.map((input) => Buffer.from(`${lineOf(input)}\n`));
  let bytes = 0;
  let chunk: Buffer[] = [];
  let chunkBytes = 0;
  for (let index = 0; index < count; index += 1) {
    const line = period?.[index % period.length] ?? Buffer.from(`${workloadLine(inputs, index, true)}\n`);
    chunk.push(line);
    chunkBytes += line.length;
    if (chunkBytes > 1 << 20 || index === count - 1) {
      bytes += chunkBytes;
      if (!stream.write(Buffer.concat(chunk, chunkBytes))) await once(stream, 'drain');
      chunk = [];
      chunkBytes = 0;
    }
  }
  return bytes;
}

export async function writeWorkloadFile(
  path: string,
  inputs: EvaluationInput[],
  count: number,
  distinct: boolean,
): Promise<number> {
  const stream = createWriteStream(path);
  const bytes = await writeWorkload(stream, inputs, count, distinct);
  stream.end();
  await once(stream, 'finish');
  return bytes;
}
