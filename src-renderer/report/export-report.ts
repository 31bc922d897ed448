// File ▸ Export review report…: the HTML security-review report of the working design (the same
// report as `cognito-studio report --format html`), written through the host's atomic export.
// The findings are the design checks the app runs continuously; the IAM catalog checks (unknown
// actions, condition keys, resource ARNs) run in the main process and are in the CLI's report.

import { designMatrixTable } from '../../shared/cognito';
import { reviewDesignSync } from '../../shared/review';
import { buildReviewReport, renderReport } from '../../shared/review/report';
import { loadAwsManagedPolicies } from '../data/aws-managed-policies';
import { designAttachesAwsManagedPolicy } from '../data/use-aws-managed-policies';
import { getHost } from '../host/client';
import { hostActionLevels } from '../matrix/catalog-source';
import { exportFile } from '../state/export-file';
import { notify } from '../state/notices';
import { useAppStore } from '../state/store';

function reportFileName(name: string): string {
  const slug = name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return `${slug || 'design'}.review.html`;
}

/** Builds the HTML report text of a design (exported for tests). */
export async function reviewReportHtml(
  state: { design: ReturnType<typeof useAppStore.getState>['design']; filePath?: string },
  toolVersion: string,
  generatedAt: string,
): Promise<string> {
  // Attached AWS managed policies count in the matrix and the findings, as in the CLI's report.
  const awsManagedPolicies = designAttachesAwsManagedPolicy(state.design)
    ? await loadAwsManagedPolicies()
    : undefined;
  const options = awsManagedPolicies ? { awsManagedPolicies } : {};
  const matrix = await designMatrixTable(state.design, hostActionLevels, { now: generatedAt, ...options });
  const report = await buildReviewReport({
    design: state.design,
    findings: reviewDesignSync(state.design, options),
    matrix,
    toolVersion,
    generatedAt,
    catalogChecks: false,
    ...(state.filePath ? { file: state.filePath } : {}),
  });
  return renderReport(report, 'html');
}

export async function exportReviewReport(): Promise<string | undefined> {
  const { design, filePath } = useAppStore.getState();
  let content: string;
  try {
    const info = await getHost().getAppInfo({});
    content = await reviewReportHtml(
      { design, ...(filePath ? { filePath } : {}) },
      info.version,
      new Date().toISOString(),
    );
  } catch (error) {
    notify(
      'error',
      `Could not build the review report: ${error instanceof Error ? error.message : String(error)}`,
    );
    return undefined;
  }
  return exportFile({
    format: 'html',
    suggestedName: reportFileName(design.name),
    content,
    title: 'Export review report',
  });
}
