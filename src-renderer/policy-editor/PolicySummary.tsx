// Per service, the access levels the policy grants (Full / Limited / None) and whether its
// resources are scoped to the identity, as the IAM engine decides for two identities of the role;
// recomputed a moment after the stored document changes (never on the typing path: the editor
// stores its text after a pause), abandoned when the document changes again.

import { useEffect, useState, type ReactElement } from 'react';
import type { IamCatalog } from '../../shared/iam/catalog';
import { ACCESS_LEVELS, summarisePolicy, type ServiceSummary } from '../../shared/policy-language/summary';
import type { SummarySession } from '../../shared/policy-language/summary-session';

export function PolicySummary({
  document,
  catalog,
  session,
}: {
  document: unknown;
  catalog: IamCatalog;
  session: SummarySession;
}): ReactElement {
  const [summary, setSummary] = useState<ServiceSummary[] | undefined>(undefined);
  const [failure, setFailure] = useState<string | undefined>(undefined);
  // A policy with service wildcards is evaluated over the whole catalog, which takes seconds the
  // first time: the previous answer must not pass for the current one meanwhile.
  const [pending, setPending] = useState(false);
  // Any design edit makes a new session object; only a different session is worth a new summary.
  const sessionKey = JSON.stringify(session);
  useEffect(() => {
    const abort = new AbortController();
    const sessionOfKey = JSON.parse(sessionKey) as SummarySession;
    const timer = setTimeout(() => {
      setPending(true);
      const started = performance.now();
      void summarisePolicy(document, catalog, { session: sessionOfKey, signal: abort.signal }).then(
        (result) => {
          if (abort.signal.aborted) return;
          // Read by benchmarks, like the editor's `policy-diagnostics` measure.
          performance.measure('policy-summary', { start: started, end: performance.now() });
          setSummary(result);
          setFailure(undefined);
          setPending(false);
        },
        (error: unknown) => {
          if (abort.signal.aborted) return;
          // Never "grants nothing" when the answer is unknown.
          setSummary(undefined);
          setFailure(error instanceof Error ? error.message : String(error));
          setPending(false);
        },
      );
    }, 200);
    return () => {
      abort.abort();
      clearTimeout(timer);
    };
  }, [document, catalog, sessionKey]);
  return (
    <aside
      className={`policy-summary${pending && summary !== undefined ? ' policy-summary--pending' : ''}`}
      aria-label="Policy summary"
      aria-busy={pending}
      data-testid="policy-summary"
    >
      <h3 className="inspector__subheading">Summary</h3>
      {pending && summary !== undefined ? (
        <p className="muted" role="status">
          Updating…
        </p>
      ) : null}
      {failure !== undefined ? (
        <p
          className="policy-summary__failure"
          role="status"
        >{`The summary could not be computed: ${failure}`}</p>
      ) : summary === undefined ? (
        <p className="muted">Reading the catalog…</p>
      ) : null}
      {summary?.length === 0 ? <p className="muted">Grants nothing.</p> : null}
      {summary?.map((entry) => (
        <section key={entry.service} className="policy-summary__service" data-testid="policy-summary-row">
          <h4 className="policy-summary__name">{entry.service}</h4>
          <p className={`policy-summary__scope${entry.perIdentity ? ' policy-summary__scope--yes' : ''}`}>
            {entry.perIdentity ? 'Resources scoped per identity' : 'Not scoped per identity'}
          </p>
          <dl className="policy-summary__levels">
            {ACCESS_LEVELS.map((level) => (
              <div
                key={level}
                className={`policy-summary__grant policy-summary__grant--${entry.levels[level].toLowerCase()}`}
              >
                <dt>{level}</dt>
                <dd>{entry.levels[level]}</dd>
              </div>
            ))}
          </dl>
        </section>
      ))}
      {summary && summary.length > 0 ? (
        <p className="muted policy-summary__note">
          Evaluated for two identities of this role: scoped means what one may use, the other is denied.
        </p>
      ) : null}
    </aside>
  );
}
