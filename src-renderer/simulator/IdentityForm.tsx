// Who signs in, and how: identity pool, the kind of identity and its details, flow, CustomRoleArn,
// identity id and the clock. Every field changes the simulator's form only (not the design).

import { useId, type ReactElement } from 'react';
import { roleArn } from '../../shared/model/keys';
import type { DesignDocument } from '../../shared/model/types';
import { useAppStore } from '../state/store';
import { starterClaims } from './claim-names';
import { Field } from './form-controls';
import { IDENTITY_KINDS, type IdentityForm as Form, type IdentityKind } from './identity';
import { LoginFields, providersFor } from './LoginFields';
import { useSimulator } from './simulator-store';

/** Sensible first choices when the identity kind changes, so the first result is meaningful. */
function kindDefaults(design: DesignDocument, form: Form, kind: IdentityKind): Partial<Form> {
  if (kind === 'userPool' && form.userPoolId === '') {
    const pool = design.userPools[0];
    return {
      userPoolId: pool?.id ?? '',
      clientId: pool?.clients[0]?.id ?? '',
      username: pool?.users[0]?.username ?? '',
    };
  }
  if (kind === 'claims' || kind === 'saml' || kind === 'developer') {
    const providerId = providersFor(design, kind)[0]?.id ?? '';
    return { providerId, claims: kind === 'developer' ? [] : starterClaims(design, providerId) };
  }
  return {};
}

export function IdentityForm({ form }: { form: Form }): ReactElement {
  const design = useAppStore((state) => state.design);
  const setForm = useSimulator((state) => state.setForm);
  const rolesListId = useId();
  return (
    <section className="sim-form" aria-label="Who signs in">
      <div className="sim-form__row">
        <Field label="Identity pool">
          {(id) => (
            <select
              id={id}
              className="field__input"
              value={form.identityPoolId}
              onChange={(event) => setForm({ identityPoolId: event.target.value })}
            >
              {design.identityPools.map((pool) => (
                <option key={pool.id} value={pool.id}>
                  {pool.name}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label="Identity">
          {(id) => (
            <select
              id={id}
              className="field__input"
              value={form.kind}
              onChange={(event) => {
                const kind = event.target.value as IdentityKind;
                setForm({ kind, ...kindDefaults(design, form, kind) });
              }}
            >
              {IDENTITY_KINDS.map(({ kind, label }) => (
                <option key={kind} value={kind}>
                  {label}
                </option>
              ))}
            </select>
          )}
        </Field>
      </div>
      <LoginFields design={design} form={form} />
      <details className="sim-options">
        <summary>Flow, CustomRoleArn, identity id, clock</summary>
        <div className="sim-form__row">
          <Field label="Flow">
            {(id) => (
              <select
                id={id}
                className="field__input"
                value={form.flow}
                onChange={(event) => setForm({ flow: event.target.value === 'basic' ? 'basic' : 'enhanced' })}
              >
                <option value="enhanced">Enhanced (GetCredentialsForIdentity)</option>
                <option value="basic">Basic (GetOpenIdToken + AssumeRoleWithWebIdentity)</option>
              </select>
            )}
          </Field>
          <Field label="Clock (UTC)" hint="Empty: the current time.">
            {(id) => (
              <input
                id={id}
                type="datetime-local"
                step={1}
                className="field__input"
                value={form.now}
                onChange={(event) => setForm({ now: event.target.value })}
              />
            )}
          </Field>
        </div>
        <Field
          label="CustomRoleArn"
          hint="The role the client asks for (Token mappings, matching rules, basic flow)."
        >
          {(id) => (
            <>
              <input
                id={id}
                className="field__input"
                list={rolesListId}
                value={form.customRoleArn}
                onChange={(event) => setForm({ customRoleArn: event.target.value })}
              />
              <datalist id={rolesListId}>
                {design.roles.map((role) => (
                  <option key={role.id} value={roleArn(design.account, role)} />
                ))}
              </datalist>
            </>
          )}
        </Field>
        <Field label="Identity id" hint="Empty: a stable fake id derived from pool, provider and subject.">
          {(id) => (
            <input
              id={id}
              className="field__input"
              placeholder="us-east-1:…"
              value={form.identityId}
              onChange={(event) => setForm({ identityId: event.target.value })}
            />
          )}
        </Field>
      </details>
    </section>
  );
}
