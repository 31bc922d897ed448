// The access diff inside the matrix view: compare the working design with the last saved version
// or a design file, and list only what changes — newly allowed first, then newly denied — each
// entry a sentence that selects its cell.

import { useMemo, useState, type ReactElement } from 'react';
import {
  describeAccessChange,
  describePersonaChange,
  type AccessChange,
  type AccessDiff,
  type MatrixTable,
} from '../../shared/cognito';
import { loadDesign } from '../../shared/model/io';
import { getAppMode, getHost, HostCallError } from '../host/client';
import { chooseWorkspaceFile, showIssues } from '../shell/dialogs';
import { useAppStore } from '../state/store';
import { useMatrixStore, type CellRef } from './matrix-store';

/** A sentence with its `quoted` parts (persona, action, resource) shown as code. */
function Sentence({ text }: { text: string }): ReactElement {
  return (
    <>{text.split('`').map((part, index) => (index % 2 === 1 ? <code key={index}>{part}</code> : part))}</>
  );
}

/** How many sentences the panel lists before "and N more" (the cells stay marked in the table). */
const LISTED = 200;

function fileName(path: string): string {
  return path.split(/[\\/]/).at(-1) ?? path;
}

async function chooseDesignFile(): Promise<void> {
  const host = getHost();
  let path: string | undefined;
  if (getAppMode() === 'browser') {
    path = await chooseWorkspaceFile({
      mode: 'open',
      title: 'Compare with a design file',
      confirmLabel: 'Compare',
    });
    if (!path) return;
  }
  try {
    const opened = await host.openDesign(path === undefined ? {} : { path });
    if ('canceled' in opened) return;
    const loaded = loadDesign(opened.content, { fileName: fileName(opened.path), allowSemanticErrors: true });
    if (!loaded.ok) {
      await showIssues(
        'Cannot compare with this file',
        `${opened.path} is not a valid design file.`,
        loaded.issues,
      );
      return;
    }
    useMatrixStore.getState().setComparison({ label: fileName(opened.path), design: loaded.design });
  } catch (error) {
    const message = error instanceof HostCallError || error instanceof Error ? error.message : String(error);
    await showIssues('Cannot compare with this file', message, []);
  }
}

function locate(table: MatrixTable, change: AccessChange): CellRef | null {
  const action = table.actions.findIndex(
    (entry) => entry.action.toLowerCase() === change.action.toLowerCase(),
  );
  const resource = table.resources.findIndex((entry) => entry.text === change.resourceTemplate);
  const persona = table.personas.findIndex((entry) => entry.id === change.personaId);
  return action < 0 || resource < 0 || persona < 0 ? null : { action, resource, persona };
}

interface DiffPanelProps {
  table: MatrixTable | null;
  diff: AccessDiff | null;
  onReveal(cell: CellRef): void;
}

export function DiffPanel({ table, diff, onReveal }: DiffPanelProps): ReactElement {
  const comparison = useMatrixStore((state) => state.comparison);
  const [choice, setChoice] = useState('');
  const ordered = useMemo(
    () =>
      diff
        ? [
            ...diff.changes.filter((change) => change.kind === 'newlyAllowed'),
            ...diff.changes.filter((change) => change.kind === 'newlyDenied'),
          ]
        : [],
    [diff],
  );
  const compare = (value: string): void => {
    setChoice('');
    if (value === 'saved') {
      const { filePath, savedDesign } = useAppStore.getState();
      // A design never saved compares with what it was when opened or created.
      const label = filePath ? 'the last saved version' : 'the design as opened';
      useMatrixStore.getState().setComparison({ label, design: savedDesign });
    } else if (value === 'file') {
      void chooseDesignFile();
    } else if (value === 'none') {
      useMatrixStore.getState().setComparison(null);
    }
  };
  return (
    <section className="diff-panel" aria-label="Access diff" data-testid="diff-panel">
      <div className="diff-panel__bar">
        <label className="matrix-field">
          <span>Compare with</span>
          <select value={choice} onChange={(event) => compare(event.target.value)} data-testid="compare-with">
            <option value="" disabled>
              {comparison ? comparison.label : 'Choose…'}
            </option>
            <option value="saved">The last saved version</option>
            <option value="file">A design file…</option>
            {comparison ? <option value="none">Stop comparing</option> : null}
          </select>
        </label>
        {comparison && diff ? (
          <p className="diff-panel__summary" data-testid="diff-summary">
            Against {comparison.label}:{' '}
            <strong className={diff.newlyAllowed > 0 ? 'diff-panel__grew' : ''}>
              {diff.newlyAllowed} newly allowed
            </strong>
            , {diff.newlyDenied} newly denied
            {diff.personaChanges.length > 0
              ? `, ${diff.personaChanges.length} persona(s) with other credentials`
              : ''}
          </p>
        ) : comparison ? (
          <p className="diff-panel__summary">Comparing…</p>
        ) : null}
      </div>
      {comparison && diff && (ordered.length > 0 || diff.personaChanges.length > 0) ? (
        <ul className="diff-panel__list" data-testid="diff-list">
          {diff.personaChanges.map((change) => (
            <li key={`persona-${change.id}`} className="diff-panel__item diff-panel__item--persona">
              <Sentence text={describePersonaChange(change)} />
            </li>
          ))}
          {ordered.slice(0, LISTED).map((change) => (
            <li key={`${change.kind}${change.personaId}${change.action}${change.resourceTemplate}`}>
              <button
                type="button"
                className={`diff-panel__item diff-panel__item--${change.kind}`}
                data-testid="diff-change"
                onClick={() => {
                  const cell = table ? locate(table, change) : null;
                  if (cell) onReveal(cell);
                }}
              >
                <span aria-hidden="true">{change.kind === 'newlyAllowed' ? '+' : '−'}</span>{' '}
                <Sentence text={describeAccessChange(change)} />
              </button>
            </li>
          ))}
          {ordered.length > LISTED ? (
            <li className="diff-panel__more">
              and {ordered.length - LISTED} more (marked + / − in the table)
            </li>
          ) : null}
        </ul>
      ) : comparison && diff ? (
        <p className="diff-panel__none">No access changes on these actions and resources.</p>
      ) : null}
    </section>
  );
}
