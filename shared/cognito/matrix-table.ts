// The access matrix as a table for people: rows are action × resource template, columns are
// personas, each cell the decision for that persona's credentials. Resource templates are resolved
// per persona (policy variables take that persona's session values), so one row reads "this
// persona's own prefix" for everyone. The engine work is `accessMatrix` (policies compiled once).

import type { ContextValue } from '../iam/types';
import type { DesignDocument, Persona } from '../model/types';
import { accessMatrix, personaToSimulationInput, type PolicyDataOptions } from './access';
import type { ActionLevelSource, MatrixAction, ResourceTemplate } from './matrix-axes';
import { designActions, designResources, resolveResource } from './matrix-axes';
import { simulate } from './simulate';
import type { MatrixCell, SimulationError, UnevaluatedPolicy } from './types';

export interface MatrixColumn {
  id: string;
  name: string;
  outcome: 'credentials' | 'error';
  roleArn?: string;
  error?: SimulationError;
  /** False when an attached policy is not in the design (AWS managed, missing): decisions may differ in AWS. */
  complete: boolean;
  notEvaluated: UnevaluatedPolicy[];
  /** Each resource template resolved with this persona's session values (same order as `resources`). */
  resolved: string[];
}

export interface MatrixTable {
  personas: MatrixColumn[];
  actions: MatrixAction[];
  resources: ResourceTemplate[];
  /** Row-major: `cells[(action * resources.length + resource) * personas.length + persona]`. */
  cells: MatrixCell[];
}

export interface MatrixTableOptions extends PolicyDataOptions {
  now?: string | Date;
  context?: Record<string, ContextValue>;
}

export function cellIndex(table: MatrixTable, action: number, resource: number, persona: number): number {
  return (action * table.resources.length + resource) * table.personas.length + persona;
}

export function cellAt(table: MatrixTable, action: number, resource: number, persona: number): MatrixCell {
  return table.cells[cellIndex(table, action, resource, persona)] ?? 'NoCredentials';
}

/** Decisions for every persona × action × resource template. */
export function computeMatrixTable(
  design: DesignDocument,
  personas: readonly Persona[],
  actions: readonly MatrixAction[],
  resources: readonly ResourceTemplate[],
  options: MatrixTableOptions = {},
): MatrixTable {
  const names = actions.map((entry) => entry.action);
  const columns: MatrixColumn[] = [];
  const perPersona: MatrixCell[][][] = [];
  for (const persona of personas) {
    const simulation = simulate(design, {
      ...personaToSimulationInput(design, persona),
      now: options.now,
    });
    const context = simulation.outcome === 'credentials' ? simulation.session.context : {};
    const resolved = resources.map((template) => resolveResource(template, context));
    const distinct = [...new Set(resolved)];
    const matrix = accessMatrix(design, [persona], names, distinct, options);
    const result = matrix.personas[0];
    const rows = matrix.cells[0] ?? [];
    const position = new Map(distinct.map((resource, index) => [resource, index]));
    perPersona.push(
      names.map((_, action) =>
        resolved.map((resource) => rows[action]?.[position.get(resource) ?? -1] ?? 'NoCredentials'),
      ),
    );
    columns.push({
      id: persona.id,
      name: persona.name,
      outcome: result?.outcome ?? 'error',
      ...(result?.roleArn ? { roleArn: result.roleArn } : {}),
      ...(result?.error ? { error: result.error } : {}),
      complete: result?.complete ?? true,
      notEvaluated: result?.notEvaluated ?? [],
      resolved,
    });
  }
  const cells: MatrixCell[] = new Array<MatrixCell>(names.length * resources.length * columns.length);
  let index = 0;
  for (let action = 0; action < names.length; action += 1)
    for (let resource = 0; resource < resources.length; resource += 1)
      for (let persona = 0; persona < columns.length; persona += 1)
        cells[index++] = perPersona[persona]?.[action]?.[resource] ?? 'NoCredentials';
  return { personas: columns, actions: [...actions], resources: [...resources], cells };
}

/** How many cells hold each decision. */
export function countDecisions(table: MatrixTable): Record<MatrixCell, number> {
  const counts: Record<MatrixCell, number> = {
    Allowed: 0,
    ExplicitlyDenied: 0,
    ImplicitlyDenied: 0,
    NoCredentials: 0,
  };
  for (const cell of table.cells) counts[cell] += 1;
  return counts;
}

/** The default matrix of a design: its personas × the actions and resources its policies name. */
export async function designMatrixTable(
  design: DesignDocument,
  source: ActionLevelSource,
  options: MatrixTableOptions = {},
): Promise<MatrixTable> {
  const actions = await designActions(design, source);
  return computeMatrixTable(design, design.personas, actions, designResources(design), options);
}
