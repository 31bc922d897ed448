import type { Decision, EvaluationInput, EvaluationResult } from './types';

export function evaluate(_input: EvaluationInput): EvaluationResult {
  return { decision: 'ImplicitlyDenied', decidingStatements: [], statements: [], policyTypes: [], summary: '' };
}

export function evaluateDecision(_input: EvaluationInput): Decision {
  return 'ImplicitlyDenied';
}
