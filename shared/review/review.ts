// Running the review: build the context, run every check, attach line numbers, sort.

import type { IamCatalog } from '../iam/catalog';
import { jsonPathLocator } from '../iam';
import { serializeDesign } from '../model/serialize';
import type { DesignDocument } from '../model/types';
import type { AccessLevels } from './action-classes';
import { buildReviewContext, type ReviewContext } from './context';
import { actionMatches, actionService, scanStatements } from './policy-scan';
import { REVIEW_CHECKS } from './registry';
import { SEVERITIES, type Finding, type ReviewOptions } from './types';

function sortFindings(findings: Finding[]): Finding[] {
  return [...findings].sort(
    (a, b) => SEVERITIES.indexOf(a.severity) - SEVERITIES.indexOf(b.severity) || a.id.localeCompare(b.id),
  );
}

/**
 * Line numbers refer to the design file as `serializeDesign` writes it (the on-disk format), so
 * the CLI, SARIF and the editor point at the same line. Findings in generated trust policies have
 * no line: that policy is not in the file.
 */
function attachLines(design: DesignDocument, findings: Finding[]): Finding[] {
  let locate: ((path: string) => { line: number } | undefined) | undefined;
  return findings.map((finding) => {
    const designPath = finding.location?.designPath;
    if (!designPath) return finding;
    locate ??= jsonPathLocator(serializeDesign(design));
    const position = locate(designPath);
    return position ? { ...finding, location: { ...finding.location, line: position.line } } : finding;
  });
}

function dedupe(findings: Finding[]): Finding[] {
  const seen = new Set<string>();
  return findings.filter((finding) => (seen.has(finding.id) ? false : (seen.add(finding.id), true)));
}

/** Findings of the checks that need only the design (synchronous: canvas badges, editor markers). */
export function reviewDesignSync(design: DesignDocument, options: ReviewOptions = {}): Finding[] {
  const context = buildReviewContext(design, options);
  return sortFindings(attachLines(design, dedupe(runDesignChecks(context))));
}

function runDesignChecks(context: ReviewContext): Finding[] {
  return REVIEW_CHECKS.flatMap((check) => (check.needsCatalog ? [] : check.run(context)));
}

/** Catalog access levels of every action pattern in the design's policies. */
async function loadAccessLevels(context: ReviewContext, catalog: IamCatalog): Promise<AccessLevels> {
  const levels: AccessLevels = new Map();
  const patterns = new Set<string>();
  for (const role of context.design.roles) {
    for (const policy of context.rolePolicies(role).identity) {
      for (const statement of scanStatements(policy.document))
        for (const action of statement.actions) patterns.add(action.value.toLowerCase());
    }
  }
  for (const pattern of patterns) {
    const service = actionService(pattern);
    if (service === '*' || /[*?]/.test(service) || !(await catalog.hasService(service))) continue;
    const names = (await catalog.listActions(service)).filter((name) =>
      actionMatches(pattern, `${service}:${name}`),
    );
    const found: string[] = [];
    for (const name of names) {
      const action = await catalog.getAction(service, name);
      if (action) found.push(action.accessLevel);
    }
    if (found.length > 0) levels.set(pattern, found);
  }
  return levels;
}

/** Every finding of the design; with a catalog, also the catalog checks and catalog-based action classes. */
export async function reviewDesign(design: DesignDocument, options: ReviewOptions = {}): Promise<Finding[]> {
  const context = buildReviewContext(design, options);
  const findings: Finding[] = [];
  if (options.catalog) {
    const catalog = options.catalog;
    context.accessLevels = await loadAccessLevels(context, catalog);
    findings.push(...runDesignChecks(context));
    for (const check of REVIEW_CHECKS)
      if (check.needsCatalog) findings.push(...(await check.run(context, catalog)));
  } else {
    findings.push(...runDesignChecks(context));
  }
  return sortFindings(attachLines(design, dedupe(findings)));
}
