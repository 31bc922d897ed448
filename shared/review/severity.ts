// Severity order and helpers (`--fail-on`).

import { SEVERITIES, type Severity } from './types';

/** True when `severity` is `threshold` or more severe (`severityAtLeast('high', 'medium')` → true). */
export function severityAtLeast(severity: Severity, threshold: Severity): boolean {
  return SEVERITIES.indexOf(severity) <= SEVERITIES.indexOf(threshold);
}

/** Parses a severity name (any case); undefined when it is not one. */
export function parseSeverity(text: string): Severity | undefined {
  const lower = text.trim().toLowerCase();
  return SEVERITIES.find((severity) => severity === lower);
}
