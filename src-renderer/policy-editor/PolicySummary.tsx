// Per service, the access levels the policy grants (Full / Limited / None) and whether its
// resources are scoped to the identity; recomputed a moment after the stored document changes.

import { useEffect, useState, type ReactElement } from 'react';
import type { IamCatalog } from '../../shared/iam/catalog';
import { ACCESS_LEVELS, summarisePolicy, type ServiceSummary } from '../../shared/policy-language/summary';

export function PolicySummary({ document, catalog }: { document: unknown; catalog: IamCatalog }): ReactElement {
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
      {summary && summary.length > 0 ? (
        <table className="policy-summary__table">
          <thead>
            <tr>
              <th scope="col">Service</th>
              {ACCESS_LEVELS.map((level) => (
                <th scope="col" key={level}>
                  {level === 'Permissions management' ? 'Perms' : level}
                </th>
              ))}
              <th scope="col">Per identity</th>
            </tr>
          </thead>
          <tbody>
            {summary.map((entry) => (
              <tr key={entry.service} data-testid="policy-summary-row">
                <th scope="row">{entry.service}</th>
                {ACCESS_LEVELS.map((level) => (
                  <td key={level} className={`policy-summary__grant policy-summary__grant--${entry.levels[level].toLowerCase()}`}>
                    {entry.levels[level]}
                  </td>
                ))}
                <td>{entry.perIdentity ? 'Yes' : 'No'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </aside>
  );
}
