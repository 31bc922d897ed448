// Plain-text report for the command line.

import { SEVERITIES, type Finding } from './types';

function where(finding: Finding): string {
  const location = finding.location;
  const entity = `${finding.entity.kind} ${finding.entity.name}`;
  if (!location) return entity;
  const parts = [entity];
  if (location.policy) parts.push(`${location.policy}${location.jsonPath ? ` ${location.jsonPath}` : ''}`);
  else if (location.jsonPath) parts.push(location.jsonPath);
  if (location.line !== undefined) parts.push(`line ${location.line}`);
  return parts.join(', ');
}

/** One block per finding (most severe first, as given) and a summary line. */
export function formatFindingsText(findings: readonly Finding[]): string {
  if (findings.length === 0) return 'No findings.\n';
  const blocks = findings.map((finding) =>
    [
      `${finding.severity.toUpperCase()}  ${finding.title}  [${finding.checkId}]`,
      `  where: ${where(finding)}`,
      `  why:   ${finding.rationale}`,
      `  fix:   ${finding.fix}`,
      `  id:    ${finding.id}`,
    ].join('\n'),
  );
  const counts = SEVERITIES.map((severity) => ({
    severity,
    count: findings.filter((finding) => finding.severity === severity).length,
  }))
    .filter((entry) => entry.count > 0)
    .map((entry) => `${entry.count} ${entry.severity}`);
  return `${blocks.join('\n\n')}\n\n${findings.length} finding${findings.length === 1 ? '' : 's'}: ${counts.join(', ')}\n`;
}
