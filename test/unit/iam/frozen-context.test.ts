// A frozen request context is read once and its lower-cased copy reused by later requests; any
// context that can still change is read again on every request.
import { describe, expect, it } from 'vitest';
import { evaluateDecision, type EvaluationInput } from '../../../shared/iam';
import { aRequest, allowWith } from './helpers';

const redTeamOnly = {
  document: allowWith({ Condition: { 'ForAnyValue:StringEquals': { 'aws:PrincipalTag/Team': ['red'] } } }),
};

function decide(context: Record<string, unknown>): string {
  const input: EvaluationInput = {
    request: aRequest({ context: context as EvaluationInput['request']['context'] }),
    identityPolicies: [redTeamOnly],
  };
  return evaluateDecision(input);
}

describe('request contexts shared by requests', () => {
  it('reads a context that is not frozen again after it changed', () => {
    const context: Record<string, unknown> = { 'aws:principaltag/team': 'red' };
    expect(decide(context)).toBe('Allowed');
    context['aws:principaltag/team'] = 'blue';
    expect(decide(context)).toBe('ImplicitlyDenied');
  });

  it('reads a frozen context again when a list in it is not frozen', () => {
    const team = ['red'];
    const context = Object.freeze({ 'AWS:PrincipalTag/TEAM': team });
    expect(decide(context)).toBe('Allowed');
    team[0] = 'blue';
    expect(decide(context)).toBe('ImplicitlyDenied');
  });

  it('answers a context frozen with its lists as the same context unfrozen, request after request', () => {
    const contexts = [{ 'aws:PrincipalTag/Team': ['blue', 'red'] }, { 'aws:PrincipalTag/team': 'green' }, {}];
    for (const context of contexts) {
      const frozen = Object.freeze(
        Object.fromEntries(
          Object.entries(context).map(([key, value]) => [
            key,
            Array.isArray(value) ? Object.freeze([...value]) : value,
          ]),
        ),
      );
      const expected = decide({ ...context });
      expect([decide(frozen), decide(frozen)]).toEqual([expected, expected]);
    }
    expect(contexts.map((context) => decide(context))).toEqual([
      'Allowed',
      'ImplicitlyDenied',
      'ImplicitlyDenied',
    ]);
  });
});
