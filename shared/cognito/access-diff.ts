// Access diff: what an edit changes in who may do what. Both designs' matrices are computed on the
// same axes (actions × resource templates) and compared cell by cell per persona (matched by id);
// only cells that cross the Allowed line are reported — "newly allowed" or "newly denied" — since
// a change between ImplicitlyDenied and ExplicitlyDenied grants or removes nothing.

import type { DesignDocument } from '../model/types';
import type { MatrixAction, ResourceTemplate } from './matrix-axes';
import {
  cellAt,
  computeMatrixTable,
  type MatrixColumn,
  type MatrixTable,
  type MatrixTableOptions,
} from './matrix-table';
import type { MatrixCell } from './types';

export type AccessChangeKind = 'newlyAllowed' | 'newlyDenied';

export interface AccessChange {
  kind: AccessChangeKind;
  personaId: string;
  personaName: string;
  action: string;
  /** The Resource as written in the policies. */
  resourceTemplate: string;
  /** The resource with the persona's session values (after the edit, or before when the persona lost its credentials). */
  resource: string;
  before: MatrixCell;
  after: MatrixCell;
}

export interface PersonaSide {
  outcome: 'credentials' | 'error' | 'absent';
  roleArn?: string;
  error?: { code: string; message: string };
}

/** A persona whose credentials changed: added or removed, another role, or credentials gained or lost. */
export interface PersonaChange {
  id: string;
  name: string;
  before: PersonaSide;
  after: PersonaSide;
}

export interface AccessDiff {
  actions: MatrixAction[];
  resources: ResourceTemplate[];
  /** Personas compared (union of both designs, by id). */
  personas: Array<{ id: string; name: string }>;
  personaChanges: PersonaChange[];
  changes: AccessChange[];
  newlyAllowed: number;
  newlyDenied: number;
  /** Cells compared: personas × actions × resources. */
  compared: number;
}

function side(column: MatrixColumn | undefined): PersonaSide {
  if (!column) return { outcome: 'absent' };
  if (column.outcome === 'credentials') return { outcome: 'credentials', roleArn: column.roleArn };
  return {
    outcome: 'error',
    ...(column.error ? { error: { code: column.error.code, message: column.error.message } } : {}),
  };
}

function sameSide(a: PersonaSide, b: PersonaSide): boolean {
  return a.outcome === b.outcome && a.roleArn === b.roleArn && a.error?.code === b.error?.code;
}

function axisKey(action: string, resource: string): string {
  return `${action.toLowerCase()}\n${resource}`;
}

/**
 * Compares two matrices. Rows are matched by action (case-insensitive) and resource template text,
 * personas by id; a persona or row missing on one side counts as `NoCredentials` there.
 */
export function diffMatrixTables(before: MatrixTable, after: MatrixTable): AccessDiff {
  const beforeRows = new Map<string, [number, number]>();
  before.actions.forEach((action, a) =>
    before.resources.forEach((resource, r) => beforeRows.set(axisKey(action.action, resource.text), [a, r])),
  );
  const beforePersonas = new Map(before.personas.map((column, index) => [column.id, index]));
  const afterPersonas = new Map(after.personas.map((column, index) => [column.id, index]));
  const personaIds = [
    ...after.personas.map((column) => column.id),
    ...before.personas.filter((column) => !afterPersonas.has(column.id)).map((column) => column.id),
  ];
  const changes: AccessChange[] = [];
  const personaChanges: PersonaChange[] = [];
  const personas: AccessDiff['personas'] = [];
  for (const id of personaIds) {
    const beforeIndex = beforePersonas.get(id);
    const afterIndex = afterPersonas.get(id);
    const beforeColumn = beforeIndex === undefined ? undefined : before.personas[beforeIndex];
    const afterColumn = afterIndex === undefined ? undefined : after.personas[afterIndex];
    const name = afterColumn?.name ?? beforeColumn?.name ?? id;
    personas.push({ id, name });
    const sides = { before: side(beforeColumn), after: side(afterColumn) };
    if (!sameSide(sides.before, sides.after)) personaChanges.push({ id, name, ...sides });
    after.actions.forEach((action, a) => {
      after.resources.forEach((resource, r) => {
        const afterCell: MatrixCell =
          afterIndex === undefined ? 'NoCredentials' : cellAt(after, a, r, afterIndex);
        const row = beforeRows.get(axisKey(action.action, resource.text));
        const beforeCell: MatrixCell =
          row === undefined || beforeIndex === undefined
            ? 'NoCredentials'
            : cellAt(before, row[0], row[1], beforeIndex);
        const allowedBefore = beforeCell === 'Allowed';
        const allowedAfter = afterCell === 'Allowed';
        if (allowedBefore === allowedAfter) return;
        const resolvedAfter = afterColumn?.resolved[r];
        const resolvedBefore = row === undefined ? undefined : beforeColumn?.resolved[row[1]];
        changes.push({
          kind: allowedAfter ? 'newlyAllowed' : 'newlyDenied',
          personaId: id,
          personaName: name,
          action: action.action,
          resourceTemplate: resource.text,
          resource:
            (afterColumn?.outcome === 'credentials' ? resolvedAfter : resolvedBefore) ??
            resolvedAfter ??
            resource.text,
          before: beforeCell,
          after: afterCell,
        });
      });
    });
  }
  const newlyAllowed = changes.filter((change) => change.kind === 'newlyAllowed').length;
  return {
    actions: after.actions,
    resources: after.resources,
    personas,
    personaChanges,
    changes,
    newlyAllowed,
    newlyDenied: changes.length - newlyAllowed,
    compared: personaIds.length * after.actions.length * after.resources.length,
  };
}

/** Computes both matrices on the same axes (each design with its own personas) and compares them. */
export function accessDiff(
  before: DesignDocument,
  after: DesignDocument,
  actions: readonly MatrixAction[],
  resources: readonly ResourceTemplate[],
  options: MatrixTableOptions = {},
): AccessDiff {
  return diffMatrixTables(
    computeMatrixTable(before, before.personas, actions, resources, options),
    computeMatrixTable(after, after.personas, actions, resources, options),
  );
}

const DENIAL: Record<MatrixCell, string> = {
  Allowed: 'allowed',
  ExplicitlyDenied: 'explicitly denied',
  ImplicitlyDenied: 'not allowed by any policy',
  NoCredentials: 'no credentials',
};

/** One sentence: "this edit gives `viewers` `s3:DeleteObject` on `arn:…`". */
export function describeAccessChange(change: AccessChange): string {
  if (change.kind === 'newlyAllowed')
    return `this edit gives \`${change.personaName}\` \`${change.action}\` on \`${change.resource}\` (before: ${DENIAL[change.before]})`;
  return `this edit takes \`${change.action}\` on \`${change.resource}\` away from \`${change.personaName}\` (now: ${DENIAL[change.after]})`;
}

/** One sentence for a persona whose credentials changed. */
export function describePersonaChange(change: PersonaChange): string {
  const describe = (value: PersonaSide): string =>
    value.outcome === 'absent'
      ? 'not in the design'
      : value.outcome === 'credentials'
        ? `role ${value.roleArn ?? '(unknown)'}`
        : `no credentials (${value.error?.code ?? 'error'})`;
  return `\`${change.name}\`: ${describe(change.before)} → ${describe(change.after)}`;
}
