// The review report as one self-contained HTML file: inline CSS and an inline SVG graph, no
// scripts, and a Content-Security-Policy that forbids every external request. Readable printed
// (print CSS: no background colours needed, tables do not split rows, sections start cleanly).

import type { MatrixCell } from '../../cognito/types';
import { SEVERITIES, type Finding } from '../types';
import { escapeHtml as e } from './escape';
import { findingWhere, type ReportPersona, type ReviewReport } from './report-data';

const CELL: Record<MatrixCell, { text: string; className: string }> = {
  Allowed: { text: 'Allowed', className: 'allow' },
  ExplicitlyDenied: { text: 'Explicit deny', className: 'deny' },
  ImplicitlyDenied: { text: 'Denied', className: 'implicit' },
  NoCredentials: { text: 'No credentials', className: 'none' },
};

const STYLE = `
:root { color-scheme: light; --fg: #111827; --muted: #4b5563; --line: #d1d5db; --accent: #1d4ed8; }
* { box-sizing: border-box; }
body { font: 14px/1.5 system-ui, -apple-system, "Segoe UI", sans-serif; color: var(--fg); margin: 0 auto; max-width: 1100px; padding: 24px; }
h1 { font-size: 24px; margin: 0 0 4px; }
h2 { font-size: 19px; margin: 32px 0 8px; border-bottom: 2px solid var(--line); padding-bottom: 4px; }
h3 { font-size: 16px; margin: 20px 0 6px; }
code, .mono { font-family: ui-monospace, "SFMono-Regular", Menlo, Consolas, monospace; font-size: 12px; overflow-wrap: anywhere; }
table { border-collapse: collapse; width: 100%; margin: 8px 0; }
th, td { border: 1px solid var(--line); padding: 4px 6px; text-align: left; vertical-align: top; }
th { background: #f3f4f6; }
dl.meta { display: grid; grid-template-columns: max-content 1fr; gap: 2px 16px; margin: 8px 0; }
dl.meta dt { color: var(--muted); }
dl.meta dd { margin: 0; overflow-wrap: anywhere; }
.graph { border: 1px solid var(--line); border-radius: 8px; padding: 8px; overflow: auto; }
.graph svg { max-width: 100%; height: auto; }
.finding { border: 1px solid var(--line); border-left-width: 6px; border-radius: 6px; padding: 8px 12px; margin: 8px 0; }
.finding h4 { margin: 0 0 4px; font-size: 15px; }
.finding p { margin: 4px 0; }
.sev { display: inline-block; font-size: 11px; font-weight: 700; text-transform: uppercase; padding: 0 6px; border-radius: 4px; border: 1px solid currentColor; margin-right: 6px; }
.sev-critical { color: #7f1d1d; border-left-color: #7f1d1d; } .sev-high { color: #b91c1c; border-left-color: #b91c1c; }
.sev-medium { color: #b45309; border-left-color: #b45309; } .sev-low { color: #1d4ed8; border-left-color: #1d4ed8; }
.sev-info { color: #4b5563; border-left-color: #4b5563; }
.finding.sev-critical, .finding.sev-high, .finding.sev-medium, .finding.sev-low, .finding.sev-info { color: var(--fg); }
.trace { margin: 4px 0 12px; padding-left: 20px; }
.trace li { margin: 2px 0; }
.pass::before { content: "✓ "; color: #15803d; } .fail::before { content: "✗ "; color: #b91c1c; } .info::before { content: "• "; color: var(--muted); }
.assumption { font-size: 11px; border: 1px solid #b45309; color: #b45309; border-radius: 4px; padding: 0 4px; margin-left: 4px; }
td.allow { background: #dcfce7; font-weight: 600; } td.deny { background: #fee2e2; } td.implicit { color: var(--muted); } td.none { color: var(--muted); font-style: italic; }
.muted { color: var(--muted); }
@media print {
  body { max-width: none; padding: 0; font-size: 11px; }
  h2 { break-after: avoid; } h3, h4 { break-after: avoid; }
  .finding, tr, .graph { break-inside: avoid; }
  thead { display: table-header-group; }
  td.allow, td.deny, th { print-color-adjust: exact; -webkit-print-color-adjust: exact; }
  a { color: inherit; text-decoration: none; }
}
`;

function findingHtml(finding: Finding): string {
  return `<div class="finding sev-${finding.severity}">
<h4><span class="sev sev-${finding.severity}">${e(finding.severity)}</span>${e(finding.title)}</h4>
<p><strong>Where:</strong> ${e(findingWhere(finding))}</p>
<p><strong>Why it matters:</strong> ${e(finding.rationale)}</p>
<p><strong>Fix:</strong> ${e(finding.fix)}</p>
<p class="muted mono">${e(finding.id)}</p>
</div>`;
}

function personaHtml(persona: ReportPersona): string {
  const outcome =
    persona.outcome === 'credentials'
      ? `role <code>${e(persona.roleArn ?? '')}</code>`
      : `no credentials: <code>${e(persona.error?.code ?? '')}</code> ${e(persona.error?.message ?? '')}`;
  const details =
    persona.outcome === 'credentials'
      ? `<dl class="meta">
<dt>Assumed role</dt><dd><code>${e(persona.assumedRoleArn ?? '')}</code></dd>
<dt>Identity id</dt><dd><code>${e(persona.identityId ?? '')}</code> <span class="muted">(simulated)</span></dd>
${
  Object.keys(persona.principalTags ?? {}).length > 0
    ? `<dt>Principal tags</dt><dd>${Object.entries(persona.principalTags ?? {})
        .map(([key, value]) => `<code>${e(key)}=${e(value)}</code>`)
        .join(', ')}</dd>`
    : ''
}
${(persona.sessionPolicies ?? []).length > 0 ? `<dt>Session policies</dt><dd>${(persona.sessionPolicies ?? []).map((name) => e(name)).join(', ')}</dd>` : ''}
</dl>`
      : '';
  const trace = persona.trace
    .map(
      (step) =>
        `<li class="${step.outcome}"><strong>${e(step.title)}</strong>${step.assumption ? '<span class="assumption">assumption</span>' : ''} — ${e(step.detail)}</li>`,
    )
    .join('\n');
  return `<h3>${e(persona.name)} <span class="muted">(${e(persona.identityPool)})</span></h3>
<p>${outcome}</p>
${details}
<ol class="trace">
${trace}
</ol>`;
}

function matrixHtml(report: ReviewReport): string {
  const matrix = report.matrix;
  if (matrix.personas.length === 0) return '<p>The design has no personas: no access matrix.</p>';
  const header = matrix.personas
    .map(
      (persona) =>
        `<th scope="col">${e(persona.name)}${persona.complete ? '' : ' <span class="muted">(incomplete)</span>'}</th>`,
    )
    .join('');
  const rows = matrix.allowedRows
    .map(
      (row) =>
        `<tr><th scope="row"><code>${e(row.action)}</code><br><code class="muted">${e(row.resource)}</code></th>${row.decisions
          .map((decision) => `<td class="${CELL[decision].className}">${CELL[decision].text}</td>`)
          .join('')}</tr>`,
    )
    .join('\n');
  const counts = matrix.decisions;
  return `<p>${matrix.personas.length} personas × ${matrix.actions} actions × ${matrix.resources} resources: ${counts.Allowed} allowed, ${counts.ImplicitlyDenied} denied (no statement allows), ${counts.ExplicitlyDenied} explicitly denied, ${counts.NoCredentials} without credentials. Resources are written as in the policies; policy variables take each persona's own values.</p>
${
  matrix.allowedRows.length === 0
    ? '<p>No persona is allowed any of these requests.</p>'
    : `<table><thead><tr><th scope="col">Action / resource</th>${header}</tr></thead><tbody>
${rows}
</tbody></table>`
}
<p class="muted">${matrix.deniedRows} action × resource combinations that no persona is allowed are not listed.</p>`;
}

export function reportToHtml(report: ReviewReport): string {
  const design = report.design;
  const counts = report.findings.counts;
  const findingCount = report.findings.items.length;
  const sections = SEVERITIES.filter((severity) => counts[severity] > 0).map(
    (severity) =>
      `<h3>${severity[0]?.toUpperCase()}${severity.slice(1)} (${counts[severity]})</h3>\n${report.findings.items
        .filter((finding) => finding.severity === severity)
        .map(findingHtml)
        .join('\n')}`,
  );
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="${e(report.tool.name)} ${e(report.tool.version)}">
<title>Security review: ${e(design.name)}</title>
<style>${STYLE}</style>
</head>
<body>
<header>
<h1>Security review: ${e(design.name)}</h1>
${design.description ? `<p>${e(design.description)}</p>` : ''}
<dl class="meta">
<dt>Generated</dt><dd>${e(report.generatedAt)}</dd>
<dt>Tool</dt><dd>${e(report.tool.name)} ${e(report.tool.version)}</dd>
${design.file ? `<dt>File</dt><dd><code>${e(design.file)}</code></dd>` : ''}
<dt>Design SHA-256</dt><dd><code>${e(design.sha256)}</code></dd>
<dt>Account</dt><dd><code>${e(design.account.accountId)}</code> · ${e(design.account.partition)} · ${e(design.account.region)}</dd>
</dl>
</header>
<main>
<h2>Summary</h2>
<table>
<thead><tr><th>Providers</th><th>User pools</th><th>Identity pools</th><th>Roles</th><th>Managed policies</th><th>Personas</th><th>Findings</th></tr></thead>
<tbody><tr><td>${design.counts.providers}</td><td>${design.counts.userPools}</td><td>${design.counts.identityPools}</td><td>${design.counts.roles}</td><td>${design.counts.managedPolicies}</td><td>${design.counts.personas}</td><td>${
    findingCount === 0
      ? 'none'
      : SEVERITIES.filter((severity) => counts[severity] > 0)
          .map((severity) => `${counts[severity]} ${severity}`)
          .join(', ')
  }</td></tr></tbody>
</table>
<h2>Design graph</h2>
<div class="graph">${report.graphSvg}</div>
<h2>Findings</h2>
${report.findings.catalogChecks ? '' : '<p class="muted">IAM catalog checks (unknown actions, condition keys, resource ARNs) are not included; <code>cognito-studio report</code> runs them.</p>'}
${findingCount === 0 ? '<p>No findings.</p>' : sections.join('\n')}
<h2>Personas</h2>
${report.personas.length === 0 ? '<p>The design has no personas.</p>' : report.personas.map(personaHtml).join('\n')}
<h2>Access matrix</h2>
${matrixHtml(report)}
</main>
</body>
</html>
`;
}
