// Who signs in, and how: identity pool, the kind of identity and its details, flow, CustomRoleArn,
// identity id and the clock. Every field changes the simulator's form only (not the design).

import type { ReactElement } from 'react';
import { roleArn } from '../../shared/model/keys';
import type { DesignDocument } from '../../shared/model/types';
import { useAppStore } from '../state/store';
import { starterClaims } from './claim-names';
import { Field, SelectField, TextField } from './form-controls';
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
  return (
    <section className="sim-form" aria-label="Who signs in">
      <div className="sim-form__row">
        <SelectField
          label="Identity pool"
          value={form.identityPoolId}
          onChange={(identityPoolId) => setForm({ identityPoolId })}
        >
          {design.identityPools.map((pool) => (
            <option key={pool.id} value={pool.id}>
              {pool.name}
            </option>
          ))}
        </SelectField>
        <SelectField
          label="Identity"
          value={form.kind}
          onChange={(value) => {
            const kind = value as IdentityKind;
            setForm({ kind, ...kindDefaults(design, form, kind) });
          }}
        >
          {IDENTITY_KINDS.map(({ kind, label }) => (
            <option key={kind} value={kind}>
              {label}
            </option>
          ))}
        </SelectField>
      </div>
      <LoginFields design={design} form={form} />
      <details className="sim-options">
        <summary>Flow, CustomRoleArn, identity id, clock</summary>
        <div className="sim-form__row">
          <SelectField
            label="Flow"
            value={form.flow}
            onChange={(flow) => setForm({ flow: flow === 'basic' ? 'basic' : 'enhanced' })}
          >
            <option value="enhanced">Enhanced (GetCredentialsForIdentity)</option>
            <option value="basic">Basic (GetOpenIdToken + AssumeRoleWithWebIdentity)</option>
          </SelectField>
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
        <TextField
          label="CustomRoleArn"
          hint="The role the client asks for (Token mappings, matching rules, basic flow)."
          value={form.customRoleArn}
          onChange={(customRoleArn) => setForm({ customRoleArn })}
          suggestions={design.roles.map((role) => roleArn(design.account, role))}
        />
        <TextField
          label="Identity id"
          hint="Empty: a stable fake id derived from pool, provider and subject."
          placeholder="us-east-1:…"
          value={form.identityId}
          onChange={(identityId) => setForm({ identityId })}
        />
      </details>
    </section>
  );
}
