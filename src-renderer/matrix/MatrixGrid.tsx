// The matrix table: personas as columns, action × resource as rows, virtualised by row with
// @tanstack/react-virtual so only the rows on screen are in the DOM (thousands of rows stay
// smooth). Keyboard: the grid takes focus, arrows move the active cell, Enter opens its explanation.

import { useVirtualizer } from '@tanstack/react-virtual';
import { memo, useEffect, useRef, useState, type KeyboardEvent, type ReactElement } from 'react';
import { cellAt, type AccessChangeKind, type MatrixTable } from '../../shared/cognito';
import { DECISION_STYLE } from './decision-style';
import type { CellRef } from './matrix-store';

const ROW_HEIGHT = 40;

export interface GridRow {
  action: number;
  resource: number;
}

interface MatrixGridProps {
  table: MatrixTable;
  rows: readonly GridRow[];
  /** Cells the diff marks, keyed by `cellKey`. */
  changes: ReadonlyMap<string, AccessChangeKind>;
  selected: CellRef | null;
  onSelect(cell: CellRef): void;
  /** Asks the grid to scroll a cell into view (diff entries). */
  reveal: CellRef | null;
}

export function cellKey(personaId: string, action: string, resource: string): string {
  return `${personaId}\n${action.toLowerCase()}\n${resource}`;
}

/** Long ARNs lose their middle, not their end: the end names the object or prefix that differs. */
function shortResource(text: string): string {
  return text.length <= 46 ? text : `${text.slice(0, 12)}…${text.slice(-33)}`;
}

function cellId(row: number, column: number): string {
  return `matrix-cell-${row}-${column}`;
}

export const MatrixGrid = memo(function MatrixGrid({
  table,
  rows,
  changes,
  selected,
  onSelect,
  reveal,
}: MatrixGridProps): ReactElement {
  const scroller = useRef<HTMLDivElement>(null);
  const [active, setActive] = useState({ row: 0, column: 0 });
  const columns = table.personas.length;
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
  });

  useEffect(() => {
    // Time from a new table (marked when it reached the store) to its first painted frame: read by
    // the UI benchmark. A rows-only change (filter) marks here.
    if (performance.getEntriesByName('matrix-table-set', 'mark').length === 0)
      performance.mark('matrix-table-set');
    const frame = requestAnimationFrame(() => {
      performance.measure('matrix-render', 'matrix-table-set');
      performance.clearMarks('matrix-table-set');
    });
    return () => cancelAnimationFrame(frame);
  }, [table, rows]);

  useEffect(() => {
    if (!reveal) return;
    const row = rows.findIndex(
      (entry) => entry.action === reveal.action && entry.resource === reveal.resource,
    );
    if (row < 0) return;
    setActive({ row, column: reveal.persona });
    virtualizer.scrollToIndex(row, { align: 'center' });
  }, [reveal, rows, virtualizer]);

  const move = (row: number, column: number): void => {
    const next = {
      row: Math.max(0, Math.min(rows.length - 1, row)),
      column: Math.max(0, Math.min(columns - 1, column)),
    };
    setActive(next);
    virtualizer.scrollToIndex(next.row);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>): void => {
    const page = Math.max(
      1,
      Math.floor((scroller.current?.clientHeight ?? ROW_HEIGHT * 10) / ROW_HEIGHT) - 1,
    );
    const keys: Record<string, () => void> = {
      ArrowDown: () => move(active.row + 1, active.column),
      ArrowUp: () => move(active.row - 1, active.column),
      ArrowRight: () => move(active.row, active.column + 1),
      ArrowLeft: () => move(active.row, active.column - 1),
      PageDown: () => move(active.row + page, active.column),
      PageUp: () => move(active.row - page, active.column),
      Home: () => move(event.ctrlKey ? 0 : active.row, 0),
      End: () => move(event.ctrlKey ? rows.length - 1 : active.row, columns - 1),
      Enter: () => {
        const row = rows[active.row];
        if (row) onSelect({ action: row.action, resource: row.resource, persona: active.column });
      },
    };
    const handler = keys[event.key === ' ' ? 'Enter' : event.key];
    if (!handler) return;
    event.preventDefault();
    handler();
  };

  const template = `minmax(340px, 1fr) repeat(${columns}, 112px)`;
  return (
    <div
      className="matrix-grid"
      role="grid"
      aria-label="Access matrix"
      aria-rowcount={rows.length + 1}
      aria-colcount={columns + 1}
      aria-activedescendant={rows.length > 0 && columns > 0 ? cellId(active.row, active.column) : undefined}
      tabIndex={0}
      onKeyDown={onKeyDown}
      ref={scroller}
      data-testid="matrix-grid"
    >
      <div
        className="matrix-grid__header"
        role="row"
        aria-rowindex={1}
        style={{ gridTemplateColumns: template }}
      >
        <div className="matrix-grid__corner" role="columnheader">
          Action · resource
        </div>
        {table.personas.map((persona) => (
          <div
            key={persona.id}
            className="matrix-grid__persona"
            role="columnheader"
            title={persona.roleArn ?? persona.error?.message ?? ''}
          >
            <span className="matrix-grid__persona-name">{persona.name}</span>
            <span className="matrix-grid__persona-role">
              {persona.roleArn ? persona.roleArn.replace(/^.*:role\/(?:.*\/)?/, '') : 'no credentials'}
              {persona.complete ? '' : ' · incomplete'}
            </span>
          </div>
        ))}
      </div>
      <div className="matrix-grid__body" style={{ height: virtualizer.getTotalSize() }}>
        {virtualizer.getVirtualItems().map((item) => {
          const row = rows[item.index] as GridRow;
          const action = table.actions[row.action];
          const resource = table.resources[row.resource];
          return (
            <div
              key={item.key}
              className="matrix-grid__row"
              role="row"
              aria-rowindex={item.index + 2}
              style={{ transform: `translateY(${item.start}px)`, gridTemplateColumns: template }}
            >
              <div
                className="matrix-grid__rowhead"
                role="rowheader"
                title={`${action?.action} on ${resource?.text}`}
                aria-label={`${action?.action} on ${resource?.text}`}
              >
                <span className="matrix-grid__line">
                  <code className="matrix-grid__action">{action?.action}</code>
                  {action?.accessLevel ? (
                    <span className="matrix-grid__level">{action.accessLevel}</span>
                  ) : null}
                </span>
                <code className="matrix-grid__resource">{shortResource(resource?.text ?? '')}</code>
              </div>
              {table.personas.map((persona, column) => {
                const decision = cellAt(table, row.action, row.resource, column);
                const style = DECISION_STYLE[decision];
                const change = changes.get(cellKey(persona.id, action?.action ?? '', resource?.text ?? ''));
                const isActive = active.row === item.index && active.column === column;
                const isSelected =
                  selected?.action === row.action &&
                  selected.resource === row.resource &&
                  selected.persona === column;
                return (
                  <div
                    key={persona.id}
                    id={cellId(item.index, column)}
                    role="gridcell"
                    aria-selected={isSelected}
                    aria-label={`${persona.name}: ${style.label}${change ? (change === 'newlyAllowed' ? ' (newly allowed)' : ' (newly denied)') : ''}`}
                    className={`matrix-cell ${style.className}${isActive ? ' matrix-cell--active' : ''}${isSelected ? ' matrix-cell--selected' : ''}${change ? ` matrix-cell--${change}` : ''}`}
                    data-decision={decision}
                    onClick={() => {
                      setActive({ row: item.index, column });
                      onSelect({ action: row.action, resource: row.resource, persona: column });
                    }}
                  >
                    {change ? (
                      <span className="matrix-cell__change">{change === 'newlyAllowed' ? '+' : '−'}</span>
                    ) : null}
                    {style.short}
                  </div>
                );
              })}
            </div>
          );
        })}
      </div>
    </div>
  );
});
