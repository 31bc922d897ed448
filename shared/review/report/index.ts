// Public entry of the security-review report: data (JSON), HTML and Markdown renderings, the graph
// image, and the escaping every report string goes through.
export { buildReviewReport, findingWhere, sha256Hex, REPORT_FORMAT } from './report-data';
export type { ReportInput, ReportMatrixRow, ReportPersona, ReviewReport } from './report-data';
export { reportToHtml } from './html';
export { reportToMarkdown } from './markdown';
export { designGraphSvg } from './graph-svg';
export { escapeHtml, escapeMarkdown, visibleLines, visibleText } from './escape';

import { reportToHtml } from './html';
import { reportToMarkdown } from './markdown';
import type { ReviewReport } from './report-data';

export type ReportFormat = 'html' | 'md' | 'json';

// JSON.stringify escapes C0 controls itself; DEL, C1 controls and bidi overrides it leaves raw.
const RAW_IN_JSON = /[\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

/** JSON text (2-space indent, final newline) that keeps strings exactly but holds no raw control or bidi character. */
export function safeJson(value: unknown): string {
  const json = JSON.stringify(value, null, 2).replace(
    RAW_IN_JSON,
    (character) => `\\u${character.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
  return `${json}\n`;
}

/** The report as text in one format; JSON keeps the design's strings exactly, as `\uXXXX` escapes. */
export function renderReport(report: ReviewReport, format: ReportFormat): string {
  if (format === 'html') return reportToHtml(report);
  if (format === 'md') return reportToMarkdown(report);
  return safeJson(report);
}
