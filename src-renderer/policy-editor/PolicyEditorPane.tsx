// The policy editor pane: shows the document `ui.policyEditor` names, beside the canvas. The Monaco
// part is a lazy chunk, so the graph's first render never waits for it.

import { lazy, Suspense, useEffect, useMemo, useState, type ReactElement } from 'react';
import { customTrustStart } from '../../shared/policy-language/trust-start';
import { summarySessionFor } from '../../shared/policy-language/summary-session';
import { STATEMENT_TEMPLATES } from '../../shared/policy-language/templates';
import { useAwsManagedPolicies } from '../data/use-aws-managed-policies';
import { updateEntityCommand } from '../state/commands';
import { closePolicy } from '../state/policy-focus';
import { editPolicyTextCommand, policyDraftError } from '../state/policy-drafts';
import { useAppStore } from '../state/store';
import { useEffectiveTheme } from '../shell/theme';
import { activePolicyEditor } from './editor-handle';
import { rendererCatalog } from './host-catalog';
import { languageContextFor } from './language-context';
import { findingsInPolicy, policyKey, resolvePolicySource } from './policy-source';
import { PolicySummary } from './PolicySummary';
import './policy-editor.css';

const MonacoPolicyEditor = lazy(() => import('./MonacoPolicyEditor'));

function TemplateMenu(): ReactElement {
  const [open, setOpen] = useState(false);
  return (
    <div className="policy-editor__menu">
      <button
        type="button"
        className="button button--small"
        aria-haspopup="menu"
        aria-expanded={open}
        onClick={() => setOpen(!open)}
        data-testid="policy-new-statement"
      >
        New statement ▾
      </button>
      {open ? (
        <ul className="menubar__menu policy-editor__menu-list" role="menu">
          {STATEMENT_TEMPLATES.map((template) => (
            <li key={template.id} role="none">
              <button
                type="button"
                role="menuitem"
                className="menubar__item"
                onClick={() => {
                  setOpen(false);
                  activePolicyEditor()?.insertTemplate(template);
                }}
              >
                {template.label}
              </button>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}

export function PolicyEditorPane(): ReactElement | null {
  const target = useAppStore((state) => state.ui.policyEditor);
  const design = useAppStore((state) => state.design);
  const allFindings = useAppStore((state) => state.ui.reviewFindings);
  const theme = useEffectiveTheme();
  const storedDraft = useAppStore((state) =>
    target ? state.policyDrafts[policyKey(target.policy)] : undefined,
  );
  const aws = useAwsManagedPolicies(target?.policy.kind === 'awsManaged');
  const source = useMemo(
    () => (target ? resolvePolicySource(design, target.policy, aws) : undefined),
    [design, target, aws],
  );
  const context = useMemo(
    () => (source ? languageContextFor(design, source, rendererCatalog()) : undefined),
    // Recomputed when the design changes; the key keeps it stable while only the text changes.
    [design, source],
  );
  const summarySession = useMemo(
    () => (source ? summarySessionFor(design, source.roleIds) : undefined),
    [design, source],
  );
  const findings = useMemo(
    () => (source ? findingsInPolicy(allFindings, source) : []),
    [allFindings, source],
  );
  // A read-only document (a trust policy set back to generated) never shows a draft.
  const draft = source && !source.readOnly ? storedDraft : undefined;
  const draftError = useMemo(() => (draft === undefined ? undefined : policyDraftError(draft)), [draft]);

  useEffect(() => {
    if (!target) return;
    const onKey = (event: KeyboardEvent): void => {
      if (
        event.key === 'Escape' &&
        event.target instanceof HTMLElement &&
        event.target.closest('.policy-editor__header')
      )
        closePolicy(useAppStore);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [target]);

  if (!target) return null;
  const policy = target.policy;
  return (
    <section className="policy-editor" aria-label="Policy editor" data-testid="policy-editor">
      <header className="policy-editor__header">
        <h2 className="policy-editor__title" data-testid="policy-editor-title">
          {source?.title ?? 'Policy not found'}
        </h2>
        <div className="policy-editor__actions">
          {source && !source.readOnly ? <TemplateMenu /> : null}
          {source?.generatedTrust && policy.kind === 'trust' ? (
            <button
              type="button"
              className="button button--small button--primary"
              onClick={() =>
                useAppStore.getState().run(updateEntityCommand, {
                  kind: 'role',
                  id: policy.roleId,
                  patch: {
                    trustPolicy: {
                      mode: 'custom',
                      document: customTrustStart(design, { id: policy.roleId }),
                    },
                  },
                })
              }
            >
              Customize
            </button>
          ) : null}
          {policy.kind === 'trust' && source && !source.generatedTrust ? (
            <button
              type="button"
              className="button button--small"
              onClick={() =>
                useAppStore.getState().run(updateEntityCommand, {
                  kind: 'role',
                  id: policy.roleId,
                  patch: { trustPolicy: { mode: 'generated' } },
                })
              }
            >
              Use generated
            </button>
          ) : null}
          <button
            type="button"
            className="icon-button"
            aria-label="Close the policy editor"
            onClick={() => closePolicy(useAppStore)}
            data-testid="policy-editor-close"
          >
            ✕
          </button>
        </div>
      </header>
      {source?.note ? <p className="policy-editor__note">{source.note}</p> : null}
      {draftError ? (
        <p className="policy-editor__draft" role="status" data-testid="policy-draft">
          {`Draft, not stored in the design yet: ${draftError}`}
        </p>
      ) : null}
      {source && context && source.document !== undefined ? (
        // A trust policy grants nothing but the federation call: no access summary beside it.
        <div className={`policy-editor__body${source.kind === 'trust' ? ' policy-editor__body--full' : ''}`}>
          <Suspense fallback={<p className="muted policy-editor__loading">Loading the editor…</p>}>
            <MonacoPolicyEditor
              policyKey={source.key}
              document={source.document}
              draft={draft}
              readOnly={source.readOnly}
              theme={theme}
              context={context}
              findings={findings}
              reveal={target}
              jsonPath={target.jsonPath}
              onText={(text) => useAppStore.getState().run(editPolicyTextCommand, { policy, text })}
              readStored={() => {
                const state = useAppStore.getState();
                return {
                  document: resolvePolicySource(state.design, policy, aws)?.document,
                  draft: state.policyDrafts[source.key],
                };
              }}
            />
          </Suspense>
          {source.kind === 'trust' || !summarySession ? null : (
            <PolicySummary document={source.document} catalog={context.catalog} session={summarySession} />
          )}
        </div>
      ) : source ? null : (
        <p className="policy-editor__note">The policy no longer exists in the design.</p>
      )}
    </section>
  );
}
