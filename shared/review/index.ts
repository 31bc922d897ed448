// Public entry of the security review (design.md §7). Import from here, not from the files behind it.
export type * from './types';
export { SEVERITIES } from './types';
export { reviewDesign, reviewDesignSync } from './review';
export { REVIEW_CHECKS, findCheck } from './registry';
export { toSarif, sarifLevel, SARIF_SCHEMA_URI } from './sarif';
export type { SarifOptions } from './sarif';
export { formatFindingsText } from './format';
export { severityAtLeast, parseSeverity } from './severity';
export { buildReviewContext } from './context';
export type { ReviewContext, Route, RolePolicy, TrustSource } from './context';
