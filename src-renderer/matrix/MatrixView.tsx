// The access matrix view: replaces the canvas while shown. Axes controls, the access diff, the
// virtualised table and a cell's explanation. The matrix is recomputed a moment after the design,
// the axes or the comparison change (never on the typing path).

import { useEffect, useMemo, useState, type ReactElement } from 'react';
import {
  cellAt,
  countDecisions,
  servicesOfDesign,
  type AccessChangeKind,
  type MatrixTable,
} from '../../shared/cognito';
import { designAttachesAwsManagedPolicy, useAwsManagedPolicies } from '../data/use-aws-managed-policies';
import { useAppStore } from '../state/store';
import { hostActionLevels } from './catalog-source';
import { CellPanel } from './CellPanel';
import { DiffPanel } from './DiffPanel';
import { computeMatrix } from './matrix-compute';
import { MatrixControls } from './MatrixControls';
import { cellKey, MatrixGrid, type GridRow } from './MatrixGrid';
import { useMatrixStore, type CellRef } from './matrix-store';

const RECOMPUTE_DELAY_MS = 250;

/** The same cell (persona, action, resource) in a recomputed table, or none when it is gone. */
function carrySelection(
  before: MatrixTable | null,
  cell: CellRef | null,
  after: MatrixTable,
): CellRef | null {
  if (!before || !cell) return null;
  const personaId = before.personas[cell.persona]?.id;
  const action = before.actions[cell.action]?.action;
  const resource = before.resources[cell.resource]?.text;
  const next = {
    persona: after.personas.findIndex((entry) => entry.id === personaId),
    action: after.actions.findIndex((entry) => entry.action === action),
    resource: after.resources.findIndex((entry) => entry.text === resource),
  };
  return next.persona < 0 || next.action < 0 || next.resource < 0 ? null : next;
}

function useMatrixComputation(now: string): void {
  const design = useAppStore((state) => state.design);
  const settings = useMatrixStore((state) => state.settings);
  const comparison = useMatrixStore((state) => state.comparison);
  const awsNeeded =
    designAttachesAwsManagedPolicy(design) ||
    (comparison !== null && designAttachesAwsManagedPolicy(comparison.design));
  const aws = useAwsManagedPolicies(awsNeeded);
  useEffect(() => {
    let current = true;
    // No cell is shown until attached AWS managed policies can be evaluated (a cell without them could be wrong).
    if (awsNeeded && aws.status === 'loading') {
      useMatrixStore.setState({
        table: null,
        diff: null,
        selected: null,
        computing: true,
        notes: ['AWS managed policies are loading; the matrix is computed once they are.'],
      });
      return undefined;
    }
    useMatrixStore.setState({ computing: true });
    const timer = setTimeout(() => {
      computeMatrix(
        design,
        settings,
        comparison,
        hostActionLevels,
        now,
        aws.status === 'loaded' ? aws.source : undefined,
      )
        .then((result) => {
          if (!current) return;
          // Start of "new table to first painted frame" (the grid measures `matrix-render` at its next frame).
          performance.mark('matrix-table-set');
          const previous = useMatrixStore.getState();
          useMatrixStore.setState({
            selected: carrySelection(previous.table, previous.selected, result.table),
            table: result.table,
            diff: result.diff,
            notes:
              awsNeeded && aws.status === 'failed'
                ? [
                    ...result.notes,
                    `The AWS managed policy data could not be loaded (${aws.error}): columns of roles that attach one are incomplete.`,
                  ]
                : result.notes,
            error: null,
            computing: false,
          });
        })
        .catch((error: unknown) => {
          if (!current) return;
          useMatrixStore.setState({
            error: `Could not compute the matrix: ${error instanceof Error ? error.message : String(error)}`,
            computing: false,
          });
        });
    }, RECOMPUTE_DELAY_MS);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [design, settings, comparison, now, aws, awsNeeded]);
}

export function MatrixView(): ReactElement {
  // One clock per visit of the view, so expiring tokens do not change cells while reading.
  const [now] = useState(() => new Date().toISOString());
  useMatrixComputation(now);
  const design = useAppStore((state) => state.design);
  const { table, diff, notes, error, computing, selected, settings } = useMatrixStore();
  const [reveal, setReveal] = useState<CellRef | null>(null);
  const designServices = useMemo(() => servicesOfDesign(design), [design]);

  const changes = useMemo(() => {
    const map = new Map<string, AccessChangeKind>();
    for (const change of diff?.changes ?? [])
      map.set(cellKey(change.personaId, change.action, change.resourceTemplate), change.kind);
    return map;
  }, [diff]);

  const rows = useMemo(() => {
    if (!table) return [];
    const list: GridRow[] = [];
    table.actions.forEach((_, action) =>
      table.resources.forEach((__, resource) => {
        if (
          settings.onlyAllowedRows &&
          !table.personas.some((___, persona) => cellAt(table, action, resource, persona) === 'Allowed')
        )
          return;
        list.push({ action, resource });
      }),
    );
    return list;
  }, [table, settings.onlyAllowedRows]);

  const counts = useMemo(() => (table ? countDecisions(table) : null), [table]);
  const select = (cell: CellRef | null): void => useMatrixStore.getState().select(cell);

  return (
    <section className="matrix-view" aria-label="Access matrix" data-testid="matrix-view">
      <MatrixControls designServices={designServices} />
      <div className="matrix-status" role="status" data-testid="matrix-status">
        {error ? (
          <span className="matrix-status__error">{error}</span>
        ) : table && counts ? (
          <span>
            {table.personas.length} personas × {table.actions.length} actions × {table.resources.length}{' '}
            resources = {table.cells.length.toLocaleString('en-US')} decisions:{' '}
            <strong>{counts.Allowed} allowed</strong>, {counts.ImplicitlyDenied} denied,{' '}
            {counts.ExplicitlyDenied} explicitly denied
            {counts.NoCredentials > 0 ? `, ${counts.NoCredentials} without credentials` : ''}
            {settings.onlyAllowedRows ? ` · ${rows.length} rows shown` : ''}
          </span>
        ) : null}
        {computing ? <span className="matrix-status__busy">Computing…</span> : null}
        {notes.map((note) => (
          <span key={note} className="matrix-status__note">
            {note}
          </span>
        ))}
      </div>
      <DiffPanel
        table={table}
        diff={diff}
        onReveal={(cell) => {
          setReveal(cell);
          select(cell);
        }}
      />
      <div className="matrix-view__body">
        {design.personas.length === 0 ? (
          <p className="matrix-view__empty">
            The design has no personas. Personas are the identities the matrix simulates (guest, a user-pool
            user, a token); add them to the design file.
          </p>
        ) : table ? (
          table.actions.length === 0 || table.resources.length === 0 ? (
            <p className="matrix-view__empty">No actions or resources chosen.</p>
          ) : (
            <MatrixGrid
              table={table}
              rows={rows}
              changes={changes}
              selected={selected}
              onSelect={select}
              reveal={reveal}
            />
          )
        ) : (
          <p className="matrix-view__empty">Computing the access matrix…</p>
        )}
        {table && selected ? (
          <CellPanel table={table} cell={selected} now={now} onClose={() => select(null)} />
        ) : null}
      </div>
    </section>
  );
}
