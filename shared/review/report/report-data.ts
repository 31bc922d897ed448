// The security-review report as data (the `--format json` output); the HTML and Markdown renderings
// are views of it. Everything a reviewer needs to trust the document: what was reviewed (design
// summary, graph, SHA-256 of the design as saved), by which tool version and when, the findings by
// severity, each persona's simulated credentials and the access matrix.

import { personaToSimulationInput, simulate } from '../../cognito/index';
import { cellAt, countDecisions, type MatrixTable } from '../../cognito/matrix-table';
import type { MatrixCell } from '../../cognito/types';
import { serializeDesign } from '../../model/io';
import type { DesignDocument } from '../../model/types';
import { SEVERITIES, type Finding, type Severity } from '../types';
import { designGraphSvg } from './graph-svg';

export const REPORT_FORMAT = 'cognito-studio-review-report';

export interface ReportPersona {
  id: string;
  name: string;
  identityPool: string;
  outcome: 'credentials' | 'error';
  roleArn?: string;
  assumedRoleArn?: string;
  identityId?: string;
  principalTags?: Record<string, string>;
  sessionPolicies?: string[];
  error?: { code: string; message: string };
  trace: Array<{ title: string; outcome: 'pass' | 'fail' | 'info'; detail: string; assumption: boolean }>;
}

export interface ReportMatrixRow {
  action: string;
  /** The Resource as written in the policies (variables resolve per persona). */
  resource: string;
  /** One decision per persona, in the order of `matrix.personas`. */
  decisions: MatrixCell[];
}

export interface ReviewReport {
  format: typeof REPORT_FORMAT;
  version: 1;
  tool: { name: string; version: string };
  generatedAt: string;
  design: {
    name: string;
    description?: string;
    file?: string;
    /** SHA-256 (hex) of the design as `serializeDesign` writes it, so the app and the CLI agree. */
    sha256: string;
    account: DesignDocument['account'];
    counts: Record<
      'providers' | 'userPools' | 'identityPools' | 'roles' | 'managedPolicies' | 'personas',
      number
    >;
  };
  /** The design's graph as an SVG document. */
  graphSvg: string;
  findings: {
    counts: Record<Severity, number>;
    items: Finding[];
    /** Whether the IAM catalog checks (unknown actions, condition keys, resource ARNs) ran. */
    catalogChecks: boolean;
  };
  personas: ReportPersona[];
  matrix: {
    personas: Array<{ id: string; name: string; roleArn?: string; complete: boolean }>;
    actions: number;
    resources: number;
    decisions: Record<MatrixCell, number>;
    /** Rows in which at least one persona is allowed; all-denied rows are only counted. */
    allowedRows: ReportMatrixRow[];
    deniedRows: number;
  };
}

export interface ReportInput {
  design: DesignDocument;
  findings: readonly Finding[];
  matrix: MatrixTable;
  toolVersion: string;
  /** ISO date and time; also the clock of the simulations. */
  generatedAt: string;
  file?: string;
  /** Whether `findings` include the IAM catalog checks. */
  catalogChecks: boolean;
}

export async function sha256Hex(text: string): Promise<string> {
  const digest = await globalThis.crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return [...new Uint8Array(digest)].map((byte) => byte.toString(16).padStart(2, '0')).join('');
}

function personaReports(design: DesignDocument, now: string): ReportPersona[] {
  return design.personas.map((persona) => {
    const result = simulate(design, personaToSimulationInput(design, persona, now));
    const pool = design.identityPools.find((candidate) => candidate.id === persona.identityPoolId);
    const trace = result.trace.map((step) => ({
      title: step.title,
      outcome: step.outcome,
      detail: step.detail,
      assumption: step.assumption === true,
    }));
    const base = {
      id: persona.id,
      name: persona.name,
      identityPool: pool?.name ?? persona.identityPoolId,
      trace,
    };
    if (result.outcome === 'error')
      return { ...base, outcome: 'error', error: { code: result.error.code, message: result.error.message } };
    return {
      ...base,
      outcome: 'credentials',
      roleArn: result.role.arn,
      assumedRoleArn: result.assumedRoleArn,
      identityId: result.identityId,
      principalTags: result.principalTags,
      sessionPolicies: result.session.sessionPolicies.map((policy) => policy.name),
    };
  });
}

function severityOrder(findings: readonly Finding[]): Finding[] {
  return [...findings].sort((a, b) => SEVERITIES.indexOf(a.severity) - SEVERITIES.indexOf(b.severity));
}

function matrixSummary(table: MatrixTable): ReviewReport['matrix'] {
  const allowedRows: ReportMatrixRow[] = [];
  let deniedRows = 0;
  table.actions.forEach((action, a) => {
    table.resources.forEach((resource, r) => {
      const decisions = table.personas.map((_, p) => cellAt(table, a, r, p));
      if (decisions.includes('Allowed'))
        allowedRows.push({ action: action.action, resource: resource.text, decisions });
      else deniedRows += 1;
    });
  });
  return {
    personas: table.personas.map((column) => ({
      id: column.id,
      name: column.name,
      ...(column.roleArn ? { roleArn: column.roleArn } : {}),
      complete: column.complete,
    })),
    actions: table.actions.length,
    resources: table.resources.length,
    decisions: countDecisions(table),
    allowedRows,
    deniedRows,
  };
}

export async function buildReviewReport(input: ReportInput): Promise<ReviewReport> {
  const { design } = input;
  const counts = Object.fromEntries(SEVERITIES.map((severity) => [severity, 0])) as Record<Severity, number>;
  for (const finding of input.findings) counts[finding.severity] += 1;
  return {
    format: REPORT_FORMAT,
    version: 1,
    tool: { name: 'Cognito Access Studio', version: input.toolVersion },
    generatedAt: input.generatedAt,
    design: {
      name: design.name,
      ...(design.description ? { description: design.description } : {}),
      ...(input.file ? { file: input.file } : {}),
      sha256: await sha256Hex(serializeDesign(design)),
      account: design.account,
      counts: {
        providers: design.providers.length,
        userPools: design.userPools.length,
        identityPools: design.identityPools.length,
        roles: design.roles.length,
        managedPolicies: design.managedPolicies.length,
        personas: design.personas.length,
      },
    },
    graphSvg: await designGraphSvg(design),
    findings: { counts, items: severityOrder(input.findings), catalogChecks: input.catalogChecks },
    personas: personaReports(design, input.generatedAt),
    matrix: matrixSummary(input.matrix),
  };
}

/** Where a finding is: entity, policy and JSON path, and the line in the design file. */
export function findingWhere(finding: Finding): string {
  const location = finding.location;
  const parts = [`${finding.entity.kind} ${finding.entity.name}`];
  if (location?.policy) parts.push(`${location.policy}${location.jsonPath ? ` ${location.jsonPath}` : ''}`);
  else if (location?.jsonPath) parts.push(location.jsonPath);
  if (location?.line !== undefined) parts.push(`line ${location.line}`);
  return parts.join(', ');
}
