// File ▸ Plan & Apply…: choose the account, read the plan with its diffs, confirm naming the
// account id and region, watch it apply, read what was and was not applied. Identity pool ids AWS
// assigned are recorded in the design as an undoable edit.

import { useState, type ReactElement } from 'react';
import type { HostResponse } from '../../shared/host/api';
import { loadDesign, serializeDesign } from '../../shared/model/io';
import { getHost, HostCallError } from '../host/client';
import { updateEntityCommand } from '../state/commands';
import { useAppStore } from '../state/store';
import { hostTarget, useAwsDialog } from './aws-dialog-state';
import { AwsTargetFields } from './AwsTargetFields';
import { DiffView } from './DiffView';

type Plan = HostResponse<'awsPlan'>;
type Applied = HostResponse<'awsApply'>;

type Stage =
  | { name: 'choose' }
  | { name: 'planning' }
  | { name: 'plan'; plan: Plan }
  | { name: 'confirm'; plan: Plan }
  | { name: 'applying'; plan: Plan }
  | { name: 'result'; plan: Plan; result: Applied; recorded: string[] }
  | { name: 'error'; message: string };

function messageOf(error: unknown): string {
  if (error instanceof HostCallError || error instanceof Error) return error.message;
  return String(error);
}

/** Writes the pool ids AWS assigned into the open design (one undoable edit per pool). */
function recordPoolIds(content: string): string[] {
  const loaded = loadDesign(content, { allowSemanticErrors: true });
  if (!loaded.ok) return [];
  const store = useAppStore.getState();
  const recorded: string[] = [];
  for (const pool of store.design.identityPools) {
    const applied = loaded.design.identityPools.find((candidate) => candidate.id === pool.id);
    if (!applied || applied.poolId === pool.poolId) continue;
    store.run(updateEntityCommand, { kind: 'identityPool', id: pool.id, patch: { poolId: applied.poolId } });
    recorded.push(`${pool.name}: ${applied.poolId}`);
  }
  return recorded;
}

export function PlanApplyDialog(): ReactElement {
  const close = useAwsDialog((state) => state.close);
  const target = useAwsDialog((state) => state.target);
  const designRegion = useAppStore((state) => state.design.account.region);
  const [stage, setStage] = useState<Stage>({ name: 'choose' });
  const [adopt, setAdopt] = useState(false);
  const [allowDelete, setAllowDelete] = useState(false);

  const plan = async () => {
    setStage({ name: 'planning' });
    try {
      const content = serializeDesign(useAppStore.getState().design);
      const answer = await getHost().awsPlan({ target: hostTarget(target), content });
      setAdopt(false);
      setAllowDelete(false);
      setStage({ name: 'plan', plan: answer });
    } catch (error) {
      setStage({ name: 'error', message: messageOf(error) });
    }
  };

  const apply = async (current: Plan) => {
    setStage({ name: 'applying', plan: current });
    try {
      const content = serializeDesign(useAppStore.getState().design);
      const result = await getHost().awsApply({
        target: hostTarget(target),
        content,
        fingerprint: current.fingerprint,
        adopt,
        allowDelete,
      });
      const recorded = result.content ? recordPoolIds(result.content) : [];
      setStage({ name: 'result', plan: current, result, recorded });
    } catch (error) {
      setStage({ name: 'error', message: messageOf(error) });
    }
  };

  switch (stage.name) {
    case 'choose':
    case 'planning':
      return (
        <form
          onSubmit={(event) => {
            event.preventDefault();
            void plan();
          }}
        >
          <h2 className="dialog__title">Plan &amp; Apply</h2>
          <p className="dialog__message">
            Reads the account and lists the changes that would make it match this design. Nothing is changed
            until you confirm.
          </p>
          <AwsTargetFields
            regionPlaceholder={`design's region (${designRegion})`}
            disabled={stage.name === 'planning'}
          />
          {stage.name === 'planning' ? (
            <p className="aws-busy" role="status">
              Reading the account…
            </p>
          ) : null}
          <div className="dialog__actions">
            <button type="button" className="button" onClick={close}>
              Cancel
            </button>
            <button
              type="submit"
              className="button button--primary"
              disabled={stage.name === 'planning'}
              autoFocus
            >
              Plan
            </button>
          </div>
        </form>
      );
    case 'error':
      return (
        <>
          <h2 className="dialog__title">Plan &amp; Apply</h2>
          <p className="aws-error" role="alert" data-testid="aws-error">
            {stage.message}
          </p>
          <div className="dialog__actions">
            <button type="button" className="button" onClick={close}>
              Close
            </button>
            <button
              type="button"
              className="button button--primary"
              onClick={() => setStage({ name: 'choose' })}
              autoFocus
            >
              Back
            </button>
          </div>
        </>
      );
    case 'plan': {
      const current = stage.plan;
      const adopted = [
        ...new Set(current.changes.filter((change) => change.adopt).map((change) => change.resource)),
      ];
      const deletions = current.changes.filter((change) => change.deletion).length;
      return (
        <>
          <h2 className="dialog__title">{`Plan for account ${current.accountId} in ${current.region}`}</h2>
          <p className="dialog__message" data-testid="plan-summary">
            {current.changes.length === 0
              ? 'No changes: the account matches the design.'
              : `${current.changes.length} change(s), in the order they are applied.`}
          </p>
          {current.changes.length > 0 ? (
            <ol className="aws-plan" data-testid="plan-changes">
              {current.changes.map((change) => (
                <li key={change.step} className="aws-plan__change">
                  <div className="aws-plan__head">
                    <strong>{change.resource}</strong>
                    <span>{change.summary}</span>
                    {change.adopt ? <span className="aws-badge aws-badge--adopt">adopt</span> : null}
                    {change.deletion ? <span className="aws-badge aws-badge--delete">delete</span> : null}
                  </div>
                  {change.diff ? <DiffView diff={change.diff} /> : null}
                </li>
              ))}
            </ol>
          ) : null}
          {current.notes.map((note) => (
            <p key={note} className="muted">
              {note}
            </p>
          ))}
          {adopted.length > 0 ? (
            <label className="aws-check">
              <input type="checkbox" checked={adopt} onChange={(event) => setAdopt(event.target.checked)} />
              {`Adopt ${adopted.length} existing resource(s) without the cognito-studio:managed tag: ${adopted.join(', ')}`}
            </label>
          ) : null}
          {deletions > 0 ? (
            <label className="aws-check">
              <input
                type="checkbox"
                checked={allowDelete}
                onChange={(event) => setAllowDelete(event.target.checked)}
              />
              {`Apply ${deletions} deletion(s) (otherwise they are skipped)`}
            </label>
          ) : null}
          <div className="dialog__actions">
            <button type="button" className="button" onClick={() => setStage({ name: 'choose' })}>
              Back
            </button>
            <button type="button" className="button" onClick={close} autoFocus={current.changes.length === 0}>
              Close
            </button>
            <button
              type="button"
              className="button button--primary"
              autoFocus={current.changes.length > 0 && adopted.length === 0}
              disabled={current.changes.length === 0 || (adopted.length > 0 && !adopt)}
              onClick={() => setStage({ name: 'confirm', plan: current })}
            >
              Apply…
            </button>
          </div>
        </>
      );
    }
    case 'confirm': {
      const current = stage.plan;
      return (
        <>
          <h2 className="dialog__title">{`Apply to account ${current.accountId}?`}</h2>
          <p className="dialog__message" data-testid="apply-confirmation">
            {`${current.changes.length} change(s) will be made in AWS account ${current.accountId}, region ${current.region}` +
              `${adopt ? ', adopting existing resources' : ''}${allowDelete ? ', with deletions' : ''}. ` +
              'They take effect immediately for everyone who uses these roles and pools.'}
          </p>
          <div className="dialog__actions">
            <button
              type="button"
              className="button"
              onClick={() => setStage({ name: 'plan', plan: current })}
              autoFocus
            >
              Cancel
            </button>
            <button type="button" className="button button--danger" onClick={() => void apply(current)}>
              {`Apply to ${current.accountId}`}
            </button>
          </div>
        </>
      );
    }
    case 'applying':
      return (
        <>
          <h2 className="dialog__title">{`Applying to account ${stage.plan.accountId}`}</h2>
          <p className="aws-busy" role="status" data-testid="apply-progress">
            {`Applying ${stage.plan.changes.length} change(s) in ${stage.plan.region}; IAM may take a few seconds to make new roles usable…`}
          </p>
          <progress className="aws-progress" aria-label="Applying" />
        </>
      );
    case 'result': {
      const { result, recorded } = stage;
      const applied = result.steps.filter((step) => step.status === 'applied').length;
      return (
        <>
          <h2 className="dialog__title">{result.ok ? 'Applied' : 'Stopped at the first failure'}</h2>
          <p className={result.ok ? 'dialog__message' : 'aws-error'} role="status" data-testid="apply-result">
            {result.ok
              ? `${applied} change(s) applied to account ${result.accountId} in ${result.region}.`
              : `${result.failure ?? 'failed'} — ${applied} change(s) applied; fix the cause and apply again.`}
          </p>
          <ol className="aws-steps" data-testid="apply-steps">
            {result.steps.map((step) => (
              <li key={step.step} className={`aws-steps__item aws-steps__item--${step.status}`}>
                <span className="aws-steps__status">{step.status}</span>
                <span>{`${step.resource}: ${step.summary}`}</span>
              </li>
            ))}
          </ol>
          {recorded.length > 0 ? (
            <p className="dialog__message" data-testid="recorded-pool-ids">
              {`Recorded the identity pool id AWS assigned in the design (save it to keep it): ${recorded.join('; ')}`}
            </p>
          ) : null}
          <div className="dialog__actions">
            <button type="button" className="button button--primary" onClick={close} autoFocus>
              Close
            </button>
          </div>
        </>
      );
    }
  }
}
