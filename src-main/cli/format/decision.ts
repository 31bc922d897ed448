// Readable and JSON renderings of one IAM decision.

import type { EvaluationResult, StatementExplanation } from '../../../shared/iam';

/** The fields of a deciding statement a reader needs to find it in its policy. */
export interface StatementReference {
  policyName: string;
  policyKind: string;
  index: number;
  sid?: string;
  effect: 'Allow' | 'Deny';
  path: string;
  reason: string;
}

export function statementReference(statement: StatementExplanation): StatementReference {
  const reference: StatementReference = {
    policyName: statement.policyName,
    policyKind: statement.policyKind,
    index: statement.index,
    effect: statement.effect,
    path: statement.path,
    reason: statement.reason,
  };
  if (statement.sid !== undefined && statement.sid !== '') reference.sid = statement.sid;
  return reference;
}

/** One line naming a statement: `Allow identityPolicies[0] $.Statement[1] (Sid "Read")`. */
export function describeStatement(statement: StatementExplanation | StatementReference): string {
  const sid = statement.sid ? ` (Sid "${statement.sid}")` : '';
  return `${statement.effect} ${statement.policyName} ${statement.path}${sid}`;
}

/** Multi-line text: decision, summary, deciding statements with their reasons, then policy types. */
export function formatDecisionText(result: EvaluationResult, indent = ''): string {
  const lines: string[] = [`${indent}Decision: ${result.decision}`];
  if (result.summary) lines.push(`${indent}  ${result.summary}`);
  if (result.decidingStatements.length > 0) {
    lines.push(`${indent}Deciding statements:`);
    for (const statement of result.decidingStatements) {
      lines.push(`${indent}  - ${describeStatement(statement)}`);
      if (statement.reason) lines.push(`${indent}      ${statement.reason}`);
    }
  } else if (result.decision === 'ImplicitlyDenied') {
    lines.push(`${indent}Deciding statements: none (no statement allows this request)`);
  }
  const present = result.policyTypes.filter((type) => type.present);
  if (present.length > 0) {
    lines.push(`${indent}Policy types: ${present.map((type) => `${type.kind} ${type.decision}`).join(', ')}`);
  }
  return `${lines.join('\n')}\n`;
}
