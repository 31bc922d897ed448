// Every check of the review, in report order. The CLI, the canvas badges and the tests all go
// through this list.

import { catalogChecks } from './checks/catalog';
import { conditionChecks } from './checks/conditions';
import { flowChecks } from './checks/flow';
import { integrityChecks } from './checks/integrity';
import { limitChecks } from './checks/limits';
import { mappingChecks } from './checks/mapping';
import { permissionChecks } from './checks/permissions';
import { trustChecks } from './checks/trust';
import { variableChecks } from './checks/variables';
import type { ReviewCheck } from './types';

export const REVIEW_CHECKS: readonly ReviewCheck[] = [
  ...flowChecks,
  ...trustChecks,
  ...integrityChecks,
  ...mappingChecks,
  ...permissionChecks,
  ...conditionChecks,
  ...variableChecks,
  ...limitChecks,
  ...catalogChecks,
];

export function findCheck(checkId: string): ReviewCheck | undefined {
  return REVIEW_CHECKS.find((check) => check.id === checkId);
}
