// Review findings in the inspector: the list of the whole design (grouped by severity) and the
// findings of the selected entity with their rationale and fix.

import { useEffect, useRef, type ReactElement } from 'react';
import type { DesignDocument } from '../../shared/model/types';
import { SEVERITIES, type Finding, type Severity } from '../../shared/review/types';
import { centreOn } from '../canvas/canvas-controller';
import { policyTargetOfFinding } from '../policy-editor/finding-target';
import { findingsOf } from '../state/findings';
import { openPolicy } from '../state/policy-focus';
import { useAppStore } from '../state/store';

const SEVERITY_LABEL: Record<Severity, string> = {
  critical: 'Critical',
  high: 'High',
  medium: 'Medium',
  low: 'Low',
  info: 'Info',
};

function entityExists(design: DesignDocument, id: string): boolean {
  return [
    design.providers,
    design.userPools,
    design.identityPools,
    design.roles,
    design.managedPolicies,
  ].some((collection) => collection.some((entity) => entity.id === id));
}

/** Selects the entity a finding is about (when it is a node) and expands the finding in the inspector. */
export function showFinding(finding: Finding): void {
  const store = useAppStore.getState();
  store.setUi({ activeFindingId: finding.id });
  if (!entityExists(store.design, finding.entity.id)) return;
  store.setSelection({ nodes: [finding.entity.id], edges: [] });
  centreOn(finding.entity.id);
}

/** Selects an entity and expands its most severe finding (a badge on the canvas was clicked); a finding inside a policy also opens the policy there. */
export function showFindingsOf(entityId: string): void {
  const first = findingsOf(useAppStore.getState().ui.reviewFindings, entityId)[0];
  if (!first) return;
  const target = policyTargetOfFinding(useAppStore.getState().design, first);
  if (target) openPolicy(useAppStore, target);
  // Then select the entity the finding is about (the policy may belong to another one).
  showFinding(first);
}

/** "Open in policy editor" for a finding that points into a policy document. */
function OpenFindingPolicy({ finding }: { finding: Finding }): ReactElement | null {
  const design = useAppStore((state) => state.design);
  const target = policyTargetOfFinding(design, finding);
  if (!target) return null;
  return (
    <button
      type="button"
      className="button button--small"
      onClick={() => openPolicy(useAppStore, target)}
      data-testid="finding-open-policy"
    >
      Open in policy editor
    </button>
  );
}

export function SeverityChip({ severity }: { severity: Severity }): ReactElement {
  return <span className={`severity severity--${severity}`}>{SEVERITY_LABEL[severity]}</span>;
}

/** Where in the entity the finding is: `managed 'Name' $.Statement[1]`, or a path in the design file. */
function where(finding: Finding): string | undefined {
  const location = finding.location;
  if (!location) return undefined;
  return [location.policy, location.jsonPath].filter(Boolean).join(' ') || undefined;
}

/** One finding with its rationale and fix; expanded when it is the active one. */
function FindingDetails({ finding, active }: { finding: Finding; active: boolean }): ReactElement {
  const element = useRef<HTMLDetailsElement>(null);
  useEffect(() => {
    if (active) element.current?.scrollIntoView({ block: 'nearest' });
  }, [active]);
  const location = where(finding);
  const line = finding.location?.line;
  return (
    <details
      className={`finding${active ? ' finding--active' : ''}`}
      open={active}
      ref={element}
      data-testid="finding-details"
      onToggle={(event) => {
        if (event.currentTarget.open && !active)
          useAppStore.getState().setUi({ activeFindingId: finding.id });
      }}
    >
      <summary className="finding__summary">
        <SeverityChip severity={finding.severity} />
        <span className="finding__heading-text">
          <span className="finding__title">{finding.title}</span>
          {location ? <code className="finding__location">{location}</code> : null}
        </span>
      </summary>
      {line ? <p className="finding__line">{`Line ${line} of the design file.`}</p> : null}
      <h4 className="finding__heading">Why it matters</h4>
      <p className="finding__text" data-testid="finding-rationale">
        {finding.rationale}
      </p>
      <h4 className="finding__heading">How to fix</h4>
      <p className="finding__text">{finding.fix}</p>
      <OpenFindingPolicy finding={finding} />
    </details>
  );
}

/** The findings of one entity, shown at the top of its inspector panel. */
export function EntityFindings({ entityId }: { entityId: string }): ReactElement | null {
  const all = useAppStore((state) => state.ui.reviewFindings);
  const activeId = useAppStore((state) => state.ui.activeFindingId);
  const findings = findingsOf(all, entityId);
  if (findings.length === 0) return null;
  return (
    <section className="inspector__section findings" data-testid="entity-findings" aria-label="Findings">
      <header className="inspector__section-header">
        <h3>{`Findings (${findings.length})`}</h3>
      </header>
      {findings.map((finding) => (
        <FindingDetails key={finding.id} finding={finding} active={finding.id === activeId} />
      ))}
    </section>
  );
}

/** Every finding of the design, grouped by severity; a click shows the entity and the finding. */
export function FindingsList(): ReactElement {
  const findings = useAppStore((state) => state.ui.reviewFindings);
  const activeId = useAppStore((state) => state.ui.activeFindingId);
  const groups = SEVERITIES.map((severity) => ({
    severity,
    findings: findings.filter((finding) => finding.severity === severity),
  })).filter((group) => group.findings.length > 0);
  return (
    <section className="findings" data-testid="findings-list" aria-label="Findings">
      <h3 className="inspector__subheading">{`Findings (${findings.length})`}</h3>
      {findings.length === 0 ? <p className="muted">The security review found nothing to report.</p> : null}
      {groups.map((group) => (
        <div key={group.severity} className="findings__group">
          <h4 className="findings__severity">
            <SeverityChip severity={group.severity} /> {group.findings.length}
          </h4>
          <ul className="findings__items">
            {group.findings.map((finding) => (
              <li key={finding.id}>
                <button
                  type="button"
                  className={`findings__item${finding.id === activeId ? ' findings__item--active' : ''}`}
                  onClick={() => showFinding(finding)}
                  data-testid="finding"
                >
                  <span className="findings__title">{finding.title}</span>
                  <span className="findings__entity">
                    {[finding.entity.name, where(finding)].filter(Boolean).join(' · ')}
                  </span>
                </button>
                {finding.id === activeId && finding.entity.kind === 'design' ? (
                  <FindingDetails finding={finding} active />
                ) : null}
              </li>
            ))}
          </ul>
        </div>
      ))}
    </section>
  );
}
