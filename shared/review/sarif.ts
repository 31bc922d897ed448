// SARIF 2.1.0 output for CI (design.md §9 `check --format sarif`).
// https://docs.oasis-open.org/sarif/sarif/v2.1.0/sarif-v2.1.0.html

import { REVIEW_CHECKS } from './registry';
import type { Finding, Severity } from './types';

export const SARIF_SCHEMA_URI =
  'https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json';

export interface SarifOptions {
  /** URI reference of the design file (relative paths are fine), used as every result's artifact location. */
  designUri: string;
  toolVersion?: string;
}

/** SARIF has three levels; critical and high fail a build, medium warns, the rest informs. */
export function sarifLevel(severity: Severity): 'error' | 'warning' | 'note' {
  if (severity === 'critical' || severity === 'high') return 'error';
  if (severity === 'medium') return 'warning';
  return 'note';
}

/** Numeric score code-scanning services read from `properties["security-severity"]` (CVSS-like bands). */
const securitySeverity: Record<Severity, string> = {
  critical: '9.5',
  high: '8.0',
  medium: '5.5',
  low: '3.0',
  info: '0.0',
};

function toUriReference(path: string): string {
  return path.replace(/\\/g, '/').replace(/ /g, '%20');
}

function result(finding: Finding, ruleIndex: number, uri: string): Record<string, unknown> {
  const line = finding.location?.line;
  const physicalLocation: Record<string, unknown> = { artifactLocation: { uri } };
  if (line !== undefined) physicalLocation.region = { startLine: line };
  const entityName = `${finding.entity.kind}/${finding.entity.id}`;
  const path = finding.location?.policy
    ? `${finding.location.policy} ${finding.location.jsonPath ?? ''}`.trim()
    : finding.location?.jsonPath;
  const logicalLocations: Array<Record<string, unknown>> = [
    { name: finding.entity.name, fullyQualifiedName: entityName, kind: 'resource' },
  ];
  if (path)
    logicalLocations.push({ name: path, fullyQualifiedName: `${entityName}/${path}`, kind: 'member' });
  return {
    ruleId: finding.checkId,
    ...(ruleIndex >= 0 ? { ruleIndex } : {}),
    level: sarifLevel(finding.severity),
    message: { text: `${finding.title}: ${finding.rationale} Fix: ${finding.fix}` },
    locations: [{ physicalLocation, logicalLocations }],
    partialFingerprints: { findingId: finding.id },
    properties: {
      severity: finding.severity,
      'security-severity': securitySeverity[finding.severity],
      findingId: finding.id,
    },
  };
}

/** A SARIF 2.1.0 log with one run: every check as a rule, every finding as a result. */
export function toSarif(findings: readonly Finding[], options: SarifOptions): Record<string, unknown> {
  const uri = toUriReference(options.designUri);
  const rules = REVIEW_CHECKS.map((check) => ({
    id: check.id,
    name: check.code,
    shortDescription: { text: check.title },
    fullDescription: { text: check.description },
    help: { text: check.help },
    defaultConfiguration: { level: sarifLevel(check.severity) },
    properties: {
      tags: ['security', 'cognito', 'iam'],
      'security-severity': securitySeverity[check.severity],
      severity: check.severity,
    },
  }));
  const ruleIndex = new Map(REVIEW_CHECKS.map((check, index) => [check.id, index]));
  return {
    $schema: SARIF_SCHEMA_URI,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'Cognito Access Studio',
            ...(options.toolVersion ? { version: options.toolVersion } : {}),
            rules,
          },
        },
        artifacts: [{ location: { uri } }],
        results: findings.map((finding) => result(finding, ruleIndex.get(finding.checkId) ?? -1, uri)),
      },
    ],
  };
}
