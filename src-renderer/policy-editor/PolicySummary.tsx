// Per service, the access levels the policy grants (Full / Limited / None) and whether its
// resources are scoped to the identity; recomputed a moment after the stored document changes.

import { useEffect, useState, type ReactElement } from 'react';
import type { IamCatalog } from '../../shared/iam/catalog';
import { ACCESS_LEVELS, summarisePolicy, type ServiceSummary } from '../../shared/policy-language/summary';

export function PolicySummary({
  document,
  catalog,
}: {
  document: unknown;
  catalog: IamCatalog;
}): ReactElement {
  const [summary, setSummary] = useState<ServiceSummary[] | undefined>(undefined);
  useEffect(() => {
    let current = true;
    const timer = setTimeout(() => {
      void summarisePolicy(document, catalog).then(
        (result) => current && setSummary(result),
        () => current && setSummary([]),
      );
    }, 200);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [document, catalog]);
  return (
    <aside className="policy-summary" aria-label="Policy summary" data-testid="policy-summary">
      <h3 className="inspector__subheading">Summary</h3>
      {summary === undefined ? <p className="muted">Reading the catalog…</p> : null}
      {summary?.length === 0 ? <p className="muted">Grants nothing.</p> : null}
      {summary?.map((entry) => (
        <section key={entry.service} className="policy-summary__service" data-testid="policy-summary-row">
          <h4 className="policy-summary__name">{entry.service}</h4>
          <p className="policy-summary__scope">
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
    </aside>
  );
}
