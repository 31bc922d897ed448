// File ▸ Import from AWS…: choose the account, pick identity pools from the region's list, and open
// what was read as a new, unsaved design, with the report of what could not be read or was assumed.

import { useState, type ReactElement } from 'react';
import type { HostResponse } from '../../shared/host/api';
import { loadDesign } from '../../shared/model/io';
import { getHost, HostCallError } from '../host/client';
import { notify } from '../state/notices';
import { isDirty, useAppStore } from '../state/store';
import { hostTarget, useAwsDialog } from './aws-dialog-state';
import { AwsTargetFields } from './AwsTargetFields';

type Pools = HostResponse<'awsListIdentityPools'>;
type Pulled = HostResponse<'awsPull'>;

function messageOf(error: unknown): string {
  if (error instanceof HostCallError || error instanceof Error) return error.message;
  return String(error);
}

function ReportList({ title, items }: { title: string; items: string[] }): ReactElement | null {
  if (items.length === 0) return null;
  return (
    <>
      <h3 className="aws-report__title">{title}</h3>
      <ul className="aws-report">
        {items.map((item) => (
          <li key={item}>{item}</li>
        ))}
      </ul>
    </>
  );
}

export function ImportAwsDialog(): ReactElement {
  const close = useAwsDialog((state) => state.close);
  const target = useAwsDialog((state) => state.target);
  const dirty = useAppStore(isDirty);
  const [busy, setBusy] = useState<string | undefined>();
  const [error, setError] = useState<string | undefined>();
  const [pools, setPools] = useState<Pools | undefined>();
  const [chosen, setChosen] = useState<string[]>([]);
  const [pulled, setPulled] = useState<Pulled | undefined>();

  const list = async () => {
    setBusy('Listing identity pools…');
    setError(undefined);
    try {
      const answer = await getHost().awsListIdentityPools({ target: hostTarget(target) });
      setPools(answer);
      setChosen(answer.pools.length === 1 ? [answer.pools[0]!.id] : []);
    } catch (failure) {
      setError(messageOf(failure));
    } finally {
      setBusy(undefined);
    }
  };

  const pull = async () => {
    setBusy('Reading the identity pools, their roles and user pools…');
    setError(undefined);
    try {
      const answer = await getHost().awsPull({ target: hostTarget(target), identityPoolIds: chosen });
      const loaded = loadDesign(answer.content, { allowSemanticErrors: true });
      if (!loaded.ok) throw new Error(loaded.issues[0]?.message ?? 'the imported design does not load');
      useAppStore.getState().loadDocument(loaded.design, undefined, { dirty: true });
      notify('info', `Imported from account ${answer.accountId} (${answer.region}); save it to keep it.`);
      setPulled(answer);
    } catch (failure) {
      setError(messageOf(failure));
    } finally {
      setBusy(undefined);
    }
  };

  if (pulled) {
    return (
      <>
        <h2 className="dialog__title">Imported</h2>
        <p className="dialog__message" data-testid="import-result">
          {`The design was read from account ${pulled.accountId} in ${pulled.region} and opened as a new, unsaved design.`}
        </p>
        <ReportList title="Could not read" items={pulled.problems} />
        <ReportList title="Missing" items={pulled.missing} />
        <ReportList title="Assumed" items={pulled.assumptions} />
        <ReportList title="Warnings" items={pulled.warnings} />
        <div className="dialog__actions">
          <button type="button" className="button button--primary" onClick={close} autoFocus>
            Close
          </button>
        </div>
      </>
    );
  }

  return (
    <>
      <h2 className="dialog__title">Import from AWS</h2>
      <p className="dialog__message">
        Reads identity pools, the roles and policies they use and the user pools behind them. Read-only.
      </p>
      <AwsTargetFields
        regionPlaceholder="region of the environment (AWS_REGION)"
        disabled={busy !== undefined}
      />
      {pools ? (
        <fieldset className="aws-pools" disabled={busy !== undefined}>
          <legend>{`Identity pools in ${pools.region} (account ${pools.accountId})`}</legend>
          {pools.pools.length === 0 ? <p className="muted">No identity pools in this region.</p> : null}
          {pools.pools.map((pool) => (
            <label key={pool.id} className="aws-check">
              <input
                type="checkbox"
                checked={chosen.includes(pool.id)}
                onChange={(event) =>
                  setChosen(
                    event.target.checked ? [...chosen, pool.id] : chosen.filter((id) => id !== pool.id),
                  )
                }
              />
              {`${pool.name} (${pool.id})`}
            </label>
          ))}
        </fieldset>
      ) : null}
      {busy ? (
        <p className="aws-busy" role="status">
          {busy}
        </p>
      ) : null}
      {error ? (
        <p className="aws-error" role="alert" data-testid="aws-error">
          {error}
        </p>
      ) : null}
      {dirty && pools ? (
        <p className="muted">
          The open design has unsaved changes; importing replaces it (save it first to keep them).
        </p>
      ) : null}
      <div className="dialog__actions">
        <button type="button" className="button" onClick={close}>
          Cancel
        </button>
        <button type="button" className="button" onClick={() => void list()} disabled={busy !== undefined}>
          {pools ? 'List again' : 'List identity pools'}
        </button>
        <button
          type="button"
          className="button button--primary"
          disabled={busy !== undefined || chosen.length === 0}
          onClick={() => void pull()}
        >
          Import
        </button>
      </div>
    </>
  );
}
