// "What may they do": request rows evaluated with the session's context (cognito-identity keys,
// principal tags, session policies). Each decision names its deciding statements, which open in the editor.

import type { ReactElement } from 'react';
import type { AccessDecision, SimulationResult } from '../../shared/cognito';
import type { DesignDocument } from '../../shared/model/types';
import { openStatement } from './focus';
import type { RequestOutcome } from './run-simulation';
import { useSimulator } from './simulator-store';

const DECISION_CLASS: Record<AccessDecision['decision'], string> = {
  Allowed: 'pass',
  ExplicitlyDenied: 'fail',
  ImplicitlyDenied: 'fail',
};

function Decision({
  design,
  result,
  outcome,
}: {
  design: DesignDocument;
  result: SimulationResult;
  outcome: RequestOutcome;
}): ReactElement {
  const decision = outcome.decision;
  if (!decision)
    return (
      <div className="sim-muted" data-testid="sim-request-problem">
        {outcome.problem}
      </div>
    );
  const session = result.outcome === 'credentials' ? result.session : undefined;
  return (
    <div className="sim-decision">
      <div>
        <span className={`sim-tag sim-tag--${DECISION_CLASS[decision.decision]}`} data-testid="sim-decision">
          {decision.decision}
        </span>{' '}
        <span className="sim-decision__summary">{decision.summary}</span>
      </div>
      {outcome.resource !== '' ? (
        <div className="sim-muted">
          Resource: <code data-testid="sim-request-resource">{outcome.resource}</code>
        </div>
      ) : null}
      {decision.decidingStatements.length > 0 && session ? (
        <ul className="sim-deciding" aria-label="Deciding statements">
          {decision.decidingStatements.map((statement) => (
            <li key={`${statement.policyName}${statement.path}`}>
              <button
                type="button"
                className="sim-link"
                data-testid="sim-deciding-statement"
                title="Open this statement in the policy editor"
                onClick={() => openStatement(design, session, result.identityPool?.id, statement)}
              >
                {statement.effect} · {statement.policyName} · {statement.path}
                {statement.sid ? ` (${statement.sid})` : ''}
              </button>
            </li>
          ))}
        </ul>
      ) : null}
      {!decision.complete ? (
        <div className="sim-message sim-message--warning">
          Not every attached policy could be evaluated (
          {decision.notEvaluated.map((policy) => policy.arn).join(', ')}
          ): the decision may differ in AWS.
        </div>
      ) : null}
      {decision.ignoredContextKeys.length > 0 ? (
        <div className="sim-muted">
          Ignored (the session sets them): {decision.ignoredContextKeys.join(', ')}
        </div>
      ) : null}
    </div>
  );
}

export function RequestRows({
  design,
  result,
  outcomes,
}: {
  design: DesignDocument;
  result: SimulationResult;
  outcomes: readonly RequestOutcome[];
}): ReactElement {
  const requests = useSimulator((state) => state.requests);
  const updateRequest = useSimulator((state) => state.updateRequest);
  const removeRequest = useSimulator((state) => state.removeRequest);
  const addRequest = useSimulator((state) => state.addRequest);
  return (
    <section className="sim-requests" aria-label="What may they do">
      <h3 className="sim-section-title">What may they do</h3>
      <p className="sim-muted">
        Resources may use <code>{'${cognito-identity.amazonaws.com:sub}'}</code> and other session keys; they
        are filled in from these credentials.
      </p>
      {requests.map((row, index) => {
        const outcome = outcomes.find((candidate) => candidate.rowId === row.id);
        return (
          <div className="sim-request" key={row.id} data-testid="sim-request">
            <div className="sim-request__inputs">
              <input
                className="field__input"
                aria-label={`Request ${index + 1} action`}
                placeholder="s3:GetObject"
                value={row.action}
                onChange={(event) => updateRequest(row.id, { action: event.target.value })}
              />
              <input
                className="field__input"
                aria-label={`Request ${index + 1} resource`}
                placeholder="arn:aws:s3:::bucket/private/${cognito-identity.amazonaws.com:sub}/file"
                value={row.resource}
                onChange={(event) => updateRequest(row.id, { resource: event.target.value })}
              />
              <textarea
                className="field__input field__input--code"
                aria-label={`Request ${index + 1} context`}
                placeholder="aws:SourceIp=203.0.113.7"
                rows={1}
                value={row.context}
                onChange={(event) => updateRequest(row.id, { context: event.target.value })}
              />
              <button
                type="button"
                className="icon-button"
                aria-label={`Remove request ${index + 1}`}
                onClick={() => removeRequest(row.id)}
              >
                ×
              </button>
            </div>
            {outcome ? <Decision design={design} result={result} outcome={outcome} /> : null}
          </div>
        );
      })}
      <button type="button" className="button button--small" onClick={addRequest}>
        Add request
      </button>
    </section>
  );
}
