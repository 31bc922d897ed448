// The review report as Markdown (for a pull request or a wiki): the same sections as the HTML,
// with the graph left out (Markdown cannot embed an SVG without a second file) and named instead.

import type { MatrixCell } from '../../cognito/types';
import { SEVERITIES } from '../types';
import { escapeMarkdown as m } from './escape';
import { findingWhere, type ReviewReport } from './report-data';

const CELL: Record<MatrixCell, string> = {
  Allowed: '**Allowed**',
  ExplicitlyDenied: 'Explicit deny',
  ImplicitlyDenied: 'Denied',
  NoCredentials: 'No credentials',
};

const OUTCOME_MARK = { pass: '✓', fail: '✗', info: '•' } as const;

export function reportToMarkdown(report: ReviewReport): string {
  const design = report.design;
  const counts = report.findings.counts;
  const lines: string[] = [
    `# Security review: ${m(design.name)}`,
    '',
    ...(design.description ? [m(design.description), ''] : []),
    `- Generated: ${m(report.generatedAt)}`,
    `- Tool: ${m(report.tool.name)} ${m(report.tool.version)}`,
    ...(design.file ? [`- File: ${m(design.file)}`] : []),
    `- Design SHA-256: ${design.sha256}`,
    `- Account: ${m(design.account.accountId)} · ${m(design.account.partition)} · ${m(design.account.region)}`,
    '',
    '## Summary',
    '',
    '| Providers | User pools | Identity pools | Roles | Managed policies | Personas | Findings |',
    '| --- | --- | --- | --- | --- | --- | --- |',
    `| ${design.counts.providers} | ${design.counts.userPools} | ${design.counts.identityPools} | ${design.counts.roles} | ${design.counts.managedPolicies} | ${design.counts.personas} | ${
      report.findings.items.length === 0
        ? 'none'
        : SEVERITIES.filter((severity) => counts[severity] > 0)
            .map((severity) => `${counts[severity]} ${severity}`)
            .join(', ')
    } |`,
    '',
    'The design graph is included in the HTML report (`--format html`).',
    '',
    '## Findings',
    '',
  ];
  if (!report.findings.catalogChecks)
    lines.push(
      'IAM catalog checks (unknown actions, condition keys, resource ARNs) are not included; `cognito-studio report` runs them.',
      '',
    );
  if (report.findings.items.length === 0) lines.push('No findings.', '');
  for (const severity of SEVERITIES) {
    const items = report.findings.items.filter((finding) => finding.severity === severity);
    if (items.length === 0) continue;
    lines.push(`### ${severity[0]?.toUpperCase()}${severity.slice(1)} (${items.length})`, '');
    for (const finding of items) {
      lines.push(
        `#### ${m(finding.title)}`,
        '',
        `- Where: ${m(findingWhere(finding))}`,
        `- Why it matters: ${m(finding.rationale)}`,
        `- Fix: ${m(finding.fix)}`,
        `- Id: ${m(finding.id)}`,
        '',
      );
    }
  }
  lines.push('## Personas', '');
  if (report.personas.length === 0) lines.push('The design has no personas.', '');
  for (const persona of report.personas) {
    lines.push(`### ${m(persona.name)} (${m(persona.identityPool)})`, '');
    if (persona.outcome === 'credentials') {
      lines.push(
        `- Role: ${m(persona.roleArn ?? '')}`,
        `- Assumed role: ${m(persona.assumedRoleArn ?? '')}`,
        `- Identity id: ${m(persona.identityId ?? '')} (simulated)`,
      );
      const tags = Object.entries(persona.principalTags ?? {});
      if (tags.length > 0)
        lines.push(`- Principal tags: ${tags.map(([key, value]) => m(`${key}=${value}`)).join(', ')}`);
      if ((persona.sessionPolicies ?? []).length > 0)
        lines.push(`- Session policies: ${(persona.sessionPolicies ?? []).map(m).join(', ')}`);
    } else {
      lines.push(`- No credentials: ${m(persona.error?.code ?? '')}: ${m(persona.error?.message ?? '')}`);
    }
    lines.push('', 'Trace:', '');
    persona.trace.forEach((step, index) =>
      lines.push(
        `${index + 1}. ${OUTCOME_MARK[step.outcome]} **${m(step.title)}**${step.assumption ? ' _(assumption)_' : ''} — ${m(step.detail)}`,
      ),
    );
    lines.push('');
  }
  const matrix = report.matrix;
  lines.push('## Access matrix', '');
  if (matrix.personas.length === 0) {
    lines.push('The design has no personas: no access matrix.', '');
  } else {
    const decisions = matrix.decisions;
    lines.push(
      `${matrix.personas.length} personas × ${matrix.actions} actions × ${matrix.resources} resources: ${decisions.Allowed} allowed, ${decisions.ImplicitlyDenied} denied (no statement allows), ${decisions.ExplicitlyDenied} explicitly denied, ${decisions.NoCredentials} without credentials. Resources are written as in the policies; policy variables take each persona's own values.`,
      '',
    );
    if (matrix.allowedRows.length > 0) {
      lines.push(
        `| Action | Resource | ${matrix.personas.map((persona) => m(persona.name)).join(' | ')} |`,
        `| --- | --- | ${matrix.personas.map(() => '---').join(' | ')} |`,
        ...matrix.allowedRows.map(
          (row) =>
            `| ${m(row.action)} | ${m(row.resource)} | ${row.decisions.map((decision) => CELL[decision]).join(' | ')} |`,
        ),
        '',
      );
    } else lines.push('No persona is allowed any of these requests.', '');
    lines.push(
      `${matrix.deniedRows} action × resource combinations that no persona is allowed are not listed.`,
      '',
    );
  }
  return `${lines.join('\n')}`;
}
