// Review findings as the canvas shows them: one badge per entity with the count of its findings,
// coloured by the most severe one.

import { SEVERITIES, type Finding } from '../../shared/review/types';
import type { UiState } from './types';

export function findingBadges(findings: readonly Finding[]): UiState['findings'] {
  const badges: UiState['findings'] = {};
  for (const finding of findings) {
    const id = finding.entity.id;
    const badge = badges[id];
    if (!badge) {
      badges[id] = { count: 1, severity: finding.severity };
      continue;
    }
    const moreSevere = SEVERITIES.indexOf(finding.severity) < SEVERITIES.indexOf(badge.severity);
    badges[id] = { count: badge.count + 1, severity: moreSevere ? finding.severity : badge.severity };
  }
  return badges;
}

/** Findings of one entity, in the order given (the review sorts most severe first). */
export function findingsOf(findings: readonly Finding[], entityId: string): Finding[] {
  return findings.filter((finding) => finding.entity.id === entityId);
}
