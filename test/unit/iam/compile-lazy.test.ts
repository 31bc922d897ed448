// compileParsedPolicy (statements compile their resources and conditions on first use) must answer
// every request exactly as compilePolicy does, in full explanations too, and whichever requests a
// lazily compiled policy has seen before.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileParsedPolicy, compilePolicy, evaluate, evaluateDeciding } from '../../../shared/iam';
import type { CompiledPolicy, EvaluationInput, PolicyInput, PolicyKind } from '../../../shared/iam';
import { inputArbitrary, requestArbitrary } from '../iam-differential/arbitraries';

type Compile = (input: PolicyInput, kind?: PolicyKind) => CompiledPolicy;

function compiledInput(input: EvaluationInput, compile: Compile): EvaluationInput {
  const each = (policy: unknown, kind: PolicyKind): CompiledPolicy => {
    const { name, document } = policy as PolicyInput;
    // A fresh copy per compilation, as a batch line parses its own.
    return compile({ name, document: JSON.parse(JSON.stringify(document)) as unknown }, kind);
  };
  const result: EvaluationInput = {
    request: input.request,
    identityPolicies: input.identityPolicies.map((policy) => each(policy, 'identity')),
  };
  if (input.sessionPolicies)
    result.sessionPolicies = input.sessionPolicies.map((policy) => each(policy, 'session'));
  if (input.permissionsBoundary)
    result.permissionsBoundary = each(input.permissionsBoundary, 'permissionsBoundary');
  if (input.resourcePolicy) result.resourcePolicy = each(input.resourcePolicy, 'resource');
  return result;
}

const everyShape = inputArbitrary({ boundary: true, resourcePolicy: true, sessionPolicy: true });

describe('lazily compiled policies', () => {
  it('explain every generated request as eagerly compiled ones do', () => {
    fc.assert(
      fc.property(everyShape, (input) => {
        const eager = compiledInput(input, compilePolicy);
        expect(evaluate(compiledInput(input, compileParsedPolicy))).toEqual(evaluate(eager));
        expect(evaluateDeciding(compiledInput(input, compileParsedPolicy))).toEqual(evaluateDeciding(eager));
      }),
      { seed: 20261127, numRuns: 1500 },
    );
  });

  it('answer a sequence of requests the same, whatever the first ones compiled', () => {
    fc.assert(
      fc.property(
        everyShape,
        fc.array(requestArbitrary, { minLength: 1, maxLength: 6 }),
        (input, requests) => {
          const lazy = compiledInput(input, compileParsedPolicy);
          const eager = compiledInput(input, compilePolicy);
          for (const request of requests) {
            expect(evaluateDeciding({ ...lazy, request })).toEqual(evaluateDeciding({ ...eager, request }));
            expect(evaluate({ ...lazy, request })).toEqual(evaluate({ ...eager, request }));
          }
        },
      ),
      { seed: 20261128, numRuns: 600 },
    );
  });

  it('leave the statements of another action uncompiled until a request reaches them', () => {
    const document = {
      Version: '2012-10-17',
      Statement: [
        {
          Effect: 'Allow',
          Action: 'sqs:SendMessage',
          Resource: '*',
          Condition: { Bool: { 'aws:x': 'true' } },
        },
      ],
    };
    const policy = compileParsedPolicy({ name: 'p', document }, 'identity');
    const request = {
      principal: 'arn:aws:iam::123456789012:user/a',
      action: 's3:GetObject',
      resource: '*',
      context: {},
    };
    expect(evaluateDeciding({ request, identityPolicies: [policy] }).decision).toBe('ImplicitlyDenied');
    // Read at first use: a condition changed before any request reached the statement is seen.
    document.Statement[0]!.Condition = { Bool: { 'aws:x': 'false' } };
    const allowed = { ...request, action: 'sqs:SendMessage', context: { 'aws:x': 'false' } };
    expect(evaluateDeciding({ request: allowed, identityPolicies: [policy] }).decision).toBe('Allowed');
    // compilePolicy reads the whole document at once, so later changes are never seen.
    const eager = compilePolicy({ name: 'p', document }, 'identity');
    document.Statement[0]!.Condition = { Bool: { 'aws:x': 'true' } };
    expect(evaluateDeciding({ request: allowed, identityPolicies: [eager] }).decision).toBe('Allowed');
  });
});
