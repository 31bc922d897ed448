// A plan as text for people (the CLI prints it; the desktop dialog shows the same parts).

import type { Plan } from './plan-types';

export function formatPlanText(plan: Plan): string {
  const lines = [`Account ${plan.accountId}, region ${plan.region}`];
  if (plan.changes.length === 0) {
    lines.push('No changes: the account matches the design.');
  } else {
    lines.push(`${plan.changes.length} change(s), in the order they are applied:`);
    for (const change of plan.changes) {
      const marks = [change.adopt ? 'ADOPT' : '', change.deletion ? 'DELETE' : ''].filter(Boolean).join(' ');
      lines.push('', `${change.step}. ${change.resource}: ${change.summary}${marks ? ` [${marks}]` : ''}`);
      if (change.diff) lines.push(...change.diff.split('\n').map((line) => `     ${line}`));
    }
  }
  for (const note of plan.notes) lines.push(`Note: ${note}`);
  const adopted = new Set(plan.changes.filter((change) => change.adopt).map((change) => change.resource));
  if (adopted.size > 0) {
    lines.push(
      '',
      `${adopted.size} existing resource(s) lack the tag cognito-studio:managed and would be adopted: ${[...adopted].join(', ')}.`,
    );
  }
  const deletions = plan.changes.filter((change) => change.deletion).length;
  if (deletions > 0) lines.push(`${deletions} deletion(s): applied only with --allow-delete.`);
  return `${lines.join('\n')}\n`;
}
