// The answer: the temporary credentials (keys labelled fake) or the exact AWS error, then the trace.

import type { ReactElement, ReactNode } from 'react';
import {
  guestScopeDownInfo,
  type SimulatedSession,
  type SimulationResult,
  type SimulationSuccess,
} from '../../shared/cognito';
import type { DesignDocument } from '../../shared/model/types';
import { focusTraceStep } from './focus';

function Row({
  label,
  children,
  testId,
}: {
  label: string;
  children: ReactNode;
  testId?: string;
}): ReactElement {
  return (
    <>
      <dt>{label}</dt>
      <dd data-testid={testId}>{children}</dd>
    </>
  );
}

function SessionPolicies({ session }: { session: SimulatedSession }): ReactElement {
  if (session.sessionPolicies.length === 0) return <span className="sim-muted">none</span>;
  const info = guestScopeDownInfo();
  return (
    <span>
      {session.sessionPolicies.map((policy) => (
        <span key={policy.name} className="sim-chip">
          {policy.name}
        </span>
      ))}{' '}
      <span className="sim-muted">guest scope-down, AWS lists as of {info.asOf}</span>
    </span>
  );
}

function CredentialsCard({ result }: { result: SimulationSuccess }): ReactElement {
  const { session } = result;
  const tags = Object.entries(result.principalTags);
  return (
    <section
      className="sim-card sim-card--credentials"
      aria-label="Credentials"
      data-testid="sim-credentials"
    >
      <h3 className="sim-card__title">
        <span className="sim-tag sim-tag--pass">Credentials</span> {result.role.name}
      </h3>
      <dl className="sim-card__grid">
        <Row label="Role ARN" testId="sim-role-arn">
          <code>{result.role.arn}</code>
        </Row>
        <Row label="Assumed role" testId="sim-assumed-role">
          <code>{result.assumedRoleArn}</code>
        </Row>
        <Row label="Session name">
          <code>{session.sessionName}</code>
        </Row>
        <Row label="Identity id" testId="sim-identity-id">
          <code>{result.identityId}</code>
        </Row>
        <Row label="amr">
          <code>{result.amr.join(', ')}</code>
        </Row>
        <Row label="Principal tags">
          {tags.length === 0 ? (
            <span className="sim-muted">none</span>
          ) : (
            tags.map(([key, value]) => (
              <span key={key} className="sim-chip">
                {key}={value}
              </span>
            ))
          )}
        </Row>
        <Row label="Session policies">
          <SessionPolicies session={session} />
        </Row>
        <Row label="Expires">
          <code>{session.credentials.expiration}</code>
        </Row>
        <Row label="Keys">
          <span className="sim-tag sim-tag--warning">Fake</span>{' '}
          <code title="Simulated: these keys work nowhere">{session.credentials.accessKeyId}</code>
        </Row>
      </dl>
      {result.flow === 'basic' && result.reachableRoles.length > 0 ? (
        <p className="sim-muted" data-testid="sim-reachable">
          Basic flow reaches: {result.reachableRoles.map((reachable) => reachable.role.name).join(', ')}
        </p>
      ) : null}
    </section>
  );
}

function ErrorCard({ result }: { result: Extract<SimulationResult, { outcome: 'error' }> }): ReactElement {
  const fromAws = result.error.source === 'aws';
  return (
    <section className="sim-card sim-card--error" aria-label="Error" data-testid="sim-error" role="status">
      <h3 className="sim-card__title">
        <span className="sim-tag sim-tag--fail">{fromAws ? 'AWS error' : 'Cannot simulate'}</span>{' '}
        <code data-testid="sim-error-code">{result.error.code}</code>
      </h3>
      <p className="sim-card__message" data-testid="sim-error-message">
        {result.error.message}
      </p>
      {result.reachableRoles && result.reachableRoles.length > 0 ? (
        <p className="sim-muted">
          Basic flow reaches: {result.reachableRoles.map((reachable) => reachable.role.name).join(', ')}
        </p>
      ) : null}
    </section>
  );
}

export function ResultCard({ result }: { result: SimulationResult }): ReactElement {
  return result.outcome === 'credentials' ? (
    <CredentialsCard result={result} />
  ) : (
    <ErrorCard result={result} />
  );
}

const OUTCOME_LABEL = { pass: 'Pass', fail: 'Fail', info: 'Info' } as const;

export function TraceList({
  design,
  result,
}: {
  design: DesignDocument;
  result: SimulationResult;
}): ReactElement {
  return (
    <section className="sim-trace" aria-label="Trace">
      <h3 className="sim-section-title">Trace</h3>
      <ol className="sim-trace__list">
        {result.trace.map((step, index) => (
          <li key={`${step.id}-${index}`}>
            <button
              type="button"
              className={`sim-step sim-step--${step.outcome}`}
              data-testid="sim-trace-step"
              data-step={step.id}
              data-outcome={step.outcome}
              title={step.source ? `Source: ${step.source}` : undefined}
              onClick={() => focusTraceStep(design, result, step)}
            >
              <span className={`sim-tag sim-tag--${step.outcome}`}>{OUTCOME_LABEL[step.outcome]}</span>
              <span className="sim-step__text">
                <span className="sim-step__title">
                  {index + 1}. {step.title}
                  {step.assumption ? (
                    <span
                      className="sim-tag sim-tag--assumption"
                      title="AWS does not document this; our assumption"
                    >
                      Assumption
                    </span>
                  ) : null}
                </span>
                <span className="sim-step__detail">{step.detail}</span>
              </span>
            </button>
          </li>
        ))}
      </ol>
    </section>
  );
}
