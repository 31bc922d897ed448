// Computing the matrix for the view: axes from the settings, the table of the working design and,
// when a comparison is chosen, the comparison design's table on the same axes and the diff. Runs
// after the edits settle (debounced by the caller), never on the typing path; each run is
// recorded as a `matrix-compute` performance measure.

import {
  computeMatrixTable,
  diffMatrixTables,
  type AccessDiff,
  type ActionLevelSource,
  type MatrixTable,
} from '../../shared/cognito';
import type { AwsManagedPolicySource } from '../../shared/iam/aws-managed-policies';
import type { DesignDocument } from '../../shared/model/types';
import { chooseAxes, type Axes, type Comparison, type MatrixSettings } from './matrix-store';

function mergeAxes(current: Axes, other: Axes): Axes {
  const actions = new Map(other.actions.map((entry) => [entry.action.toLowerCase(), entry]));
  for (const entry of current.actions) actions.set(entry.action.toLowerCase(), entry);
  const resources = new Map(other.resources.map((entry) => [`${entry.version}\n${entry.text}`, entry]));
  for (const entry of current.resources) resources.set(`${entry.version}\n${entry.text}`, entry);
  const byText =
    <T>(key: (item: T) => string) =>
    (a: T, b: T) =>
      key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0;
  return {
    actions: [...actions.values()].sort(byText((entry) => entry.action)),
    resources: [...resources.values()].sort(byText((entry) => entry.text)),
    notes: current.notes,
  };
}

export interface MatrixResult {
  table: MatrixTable;
  diff: AccessDiff | null;
  notes: string[];
}

export async function computeMatrix(
  design: DesignDocument,
  settings: MatrixSettings,
  comparison: Comparison | null,
  source: ActionLevelSource,
  now: string,
  /** Without it, attached AWS managed policies are "not evaluated" (the columns say incomplete). */
  awsManagedPolicies?: AwsManagedPolicySource,
): Promise<MatrixResult> {
  let axes = await chooseAxes(design, settings, source);
  // Rows the edit removed from the policies still count: a diff compares on both designs' axes.
  if (comparison) axes = mergeAxes(axes, await chooseAxes(comparison.design, settings, source));
  const start = performance.now();
  const options = { now, ...(awsManagedPolicies ? { awsManagedPolicies } : {}) };
  const table = computeMatrixTable(design, design.personas, axes.actions, axes.resources, options);
  const diff = comparison
    ? diffMatrixTables(
        computeMatrixTable(
          comparison.design,
          comparison.design.personas,
          axes.actions,
          axes.resources,
          options,
        ),
        table,
      )
    : null;
  performance.measure('matrix-compute', { start, end: performance.now() });
  return { table, diff, notes: axes.notes };
}
