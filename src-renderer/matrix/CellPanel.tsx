// The explanation of one matrix cell: the persona's credentials (or the AWS error), the decision
// and its deciding statements, each with "Open in editor" at that statement.

import { useMemo, type ReactElement } from 'react';
import type { MatrixTable } from '../../shared/cognito';
import { loadedAwsManagedPolicies } from '../data/aws-managed-policies';
import { openPolicy } from '../state/policy-focus';
import { useAppStore } from '../state/store';
import { DECISION_STYLE } from './decision-style';
import { explainCell, statementTarget } from './explain';
import type { CellRef } from './matrix-store';

interface CellPanelProps {
  table: MatrixTable;
  cell: CellRef;
  now: string;
  onClose(): void;
}

export function CellPanel({ table, cell, now, onClose }: CellPanelProps): ReactElement | null {
  const design = useAppStore((state) => state.design);
  const column = table.personas[cell.persona];
  const action = table.actions[cell.action]?.action ?? '';
  const template = table.resources[cell.resource]?.text ?? '';
  const resource = column?.resolved[cell.resource] ?? template;
  const explanation = useMemo(
    // The table on screen was computed with the data once it had loaded (MatrixView waits for it).
    () =>
      column ? explainCell(design, column.id, action, resource, now, loadedAwsManagedPolicies()) : undefined,
    [design, column, action, resource, now],
  );
  if (!column || !explanation) return null;
  const { simulation, decision } = explanation;
  const style = decision ? DECISION_STYLE[decision.decision] : DECISION_STYLE.NoCredentials;
  return (
    <aside className="cell-panel" aria-label="Cell explanation" data-testid="cell-explanation">
      <header className="cell-panel__header">
        <h2 className="cell-panel__title">{column.name}</h2>
        <button type="button" className="icon-button" aria-label="Close explanation" onClick={onClose}>
          ×
        </button>
      </header>
      <p className="cell-panel__request">
        <code>{action}</code> on <code>{resource}</code>
        {resource !== template ? (
          <span className="cell-panel__template"> (policy text: {template})</span>
        ) : null}
      </p>
      <p className={`cell-panel__decision ${style.className}`} data-testid="cell-decision">
        {decision ? decision.decision : 'No credentials'}
      </p>
      {simulation.outcome === 'credentials' ? (
        <p className="cell-panel__role">
          Role <code>{simulation.role.arn}</code>
        </p>
      ) : (
        <p className="cell-panel__error">
          <strong>{simulation.error.code}</strong>: {simulation.error.message}
        </p>
      )}
      {decision ? <p className="cell-panel__summary">{decision.summary}</p> : null}
      {decision && decision.decidingStatements.length > 0 ? (
        <>
          <h3 className="cell-panel__subtitle">Deciding statements</h3>
          <ul className="cell-panel__statements">
            {decision.decidingStatements.map((statement) => {
              const target = statementTarget(design, simulation, statement);
              return (
                <li key={`${statement.policyName}${statement.path}`} data-testid="deciding-statement">
                  <span
                    className={statement.effect === 'Deny' ? 'effect effect--deny' : 'effect effect--allow'}
                  >
                    {statement.effect}
                  </span>{' '}
                  {statement.sid ? <strong>{statement.sid}</strong> : null}{' '}
                  <span>{statement.policyName}</span> <code>{statement.path}</code>
                  {target ? (
                    <button
                      type="button"
                      className="button button--small"
                      onClick={() => {
                        useAppStore.getState().setUi({ view: 'design' });
                        openPolicy(useAppStore, target);
                      }}
                    >
                      Open in editor
                    </button>
                  ) : null}
                </li>
              );
            })}
          </ul>
        </>
      ) : null}
      {decision && !decision.complete ? (
        <p className="cell-panel__incomplete">
          Not evaluated: {decision.notEvaluated.map((policy) => policy.arn).join(', ')} — the decision may
          differ in AWS.
        </p>
      ) : null}
    </aside>
  );
}
