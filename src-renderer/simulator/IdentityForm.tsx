// Who signs in, and how: identity pool, the kind of identity and its details, flow, CustomRoleArn,
// identity id and the clock. Every field changes the simulator's form only (not the design).

import { useId, type ReactElement, type ReactNode } from 'react';
import { decodePastedJwt } from '../../shared/cognito';
import { roleArn } from '../../shared/model/keys';
import type { DesignDocument } from '../../shared/model/types';
import { useAppStore } from '../state/store';
import {
  CLAIM_NAMES,
  IDENTITY_KINDS,
  rowsOf,
  starterClaims,
  type ClaimRow,
  type IdentityForm as Form,
  type IdentityKind,
} from './identity';
import { useSimulator } from './simulator-store';

function Field({
  label,
  hint,
  children,
}: {
  label: string;
  hint?: string;
  children: (id: string) => ReactNode;
}) {
  const id = useId();
  return (
    <div className="sim-field">
      <label className="sim-field__label" htmlFor={id}>
        {label}
      </label>
      {children(id)}
      {hint ? <div className="sim-field__hint">{hint}</div> : null}
    </div>
  );
}

function ClaimRows({
  rows,
  names,
  noun,
  onChange,
}: {
  rows: ClaimRow[];
  names: string[];
  noun: string;
  onChange(rows: ClaimRow[]): void;
}): ReactElement {
  const listId = useId();
  const update = (index: number, patch: Partial<ClaimRow>): void =>
    onChange(rows.map((row, at) => (at === index ? { ...row, ...patch } : row)));
  return (
    <div className="sim-claims" data-testid="sim-claims">
      <datalist id={listId}>
        {names.map((name) => (
          <option key={name} value={name} />
        ))}
      </datalist>
      {rows.map((row, index) => (
        <div className="sim-claims__row" key={index}>
          <input
            className="field__input sim-claims__name"
            aria-label={`${noun} ${index + 1} name`}
            list={listId}
            value={row.name}
            placeholder="name"
            onChange={(event) => update(index, { name: event.target.value })}
          />
          <input
            className="field__input sim-claims__value"
            aria-label={`${noun} ${index + 1} value`}
            value={row.value}
            placeholder='value (true/false, ["a","b"] for a list)'
            onChange={(event) => update(index, { value: event.target.value })}
          />
          <button
            type="button"
            className="icon-button"
            aria-label={`Remove ${noun} ${index + 1}`}
            onClick={() => onChange(rows.filter((_, at) => at !== index))}
          >
            ×
          </button>
        </div>
      ))}
      <button
        type="button"
        className="button button--small"
        onClick={() => onChange([...rows, { name: '', value: '' }])}
      >
        Add {noun}
      </button>
    </div>
  );
}

function providersFor(design: DesignDocument, kind: IdentityKind) {
  return design.providers.filter((provider) =>
    kind === 'saml'
      ? provider.kind === 'saml'
      : kind === 'developer'
        ? provider.kind === 'developer'
        : provider.kind !== 'developer' && provider.kind !== 'saml',
  );
}

function ProviderSelect({
  design,
  form,
  optional,
}: {
  design: DesignDocument;
  form: Form;
  optional?: boolean;
}) {
  const setForm = useSimulator((state) => state.setForm);
  const providers = providersFor(design, form.kind === 'jwt' ? 'claims' : form.kind);
  return (
    <Field label="Provider">
      {(id) => (
        <select
          id={id}
          className="field__input"
          value={form.providerId}
          onChange={(event) => {
            const providerId = event.target.value;
            const fresh = form.claims.every((row) => row.name === '' || row.value === '');
            setForm({
              providerId,
              ...(fresh && (form.kind === 'claims' || form.kind === 'saml')
                ? { claims: starterClaims(design, providerId) }
                : {}),
            });
          }}
        >
          <option value="">{optional ? "From the token's iss" : 'Choose…'}</option>
          {(form.kind === 'jwt' ? design.providers : providers).map((provider) => (
            <option key={provider.id} value={provider.id}>
              {provider.name} ({provider.providerKey})
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}

function UserPoolFields({ design, form }: { design: DesignDocument; form: Form }): ReactElement {
  const setForm = useSimulator((state) => state.setForm);
  const pool = design.userPools.find((candidate) => candidate.id === form.userPoolId);
  const user = pool?.users.find((candidate) => candidate.username === form.username);
  const groups = form.groups ?? user?.groups ?? [];
  const listId = useId();
  return (
    <>
      <div className="sim-form__row">
        <Field label="User pool">
          {(id) => (
            <select
              id={id}
              className="field__input"
              value={form.userPoolId}
              onChange={(event) => {
                const next = design.userPools.find((candidate) => candidate.id === event.target.value);
                setForm({
                  userPoolId: event.target.value,
                  clientId: next?.clients[0]?.id ?? '',
                  username: next?.users[0]?.username ?? '',
                  groups: null,
                  attributes: null,
                });
              }}
            >
              <option value="">Choose…</option>
              {design.userPools.map((candidate) => (
                <option key={candidate.id} value={candidate.id}>
                  {candidate.name}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label="App client">
          {(id) => (
            <select
              id={id}
              className="field__input"
              value={form.clientId}
              onChange={(event) => setForm({ clientId: event.target.value })}
            >
              {pool?.clients.map((client) => (
                <option key={client.id} value={client.id}>
                  {client.name} ({client.clientId})
                </option>
              ))}
            </select>
          )}
        </Field>
      </div>
      <Field
        label="User"
        hint={
          user
            ? 'A sample user of the pool. Groups and attributes changed here apply to this simulation; save as a persona to keep them.'
            : 'A new user for this simulation; save as a persona to add it to the pool.'
        }
      >
        {(id) => (
          <>
            <input
              id={id}
              className="field__input"
              list={listId}
              value={form.username}
              onChange={(event) => setForm({ username: event.target.value, groups: null, attributes: null })}
            />
            <datalist id={listId}>
              {pool?.users.map((candidate) => (
                <option key={candidate.username} value={candidate.username} />
              ))}
            </datalist>
          </>
        )}
      </Field>
      {pool && pool.groups.length > 0 ? (
        <fieldset className="sim-groups">
          <legend className="sim-field__label">Groups</legend>
          {pool.groups.map((group) => (
            <label key={group.name} className="sim-groups__item">
              <input
                type="checkbox"
                checked={groups.includes(group.name)}
                onChange={(event) =>
                  setForm({
                    groups: event.target.checked
                      ? [...groups, group.name]
                      : groups.filter((name) => name !== group.name),
                  })
                }
              />
              {group.name}
              {group.precedence === undefined ? '' : ` (${group.precedence})`}
            </label>
          ))}
        </fieldset>
      ) : null}
      <div className="sim-field__label">Attributes</div>
      <ClaimRows
        rows={form.attributes ?? rowsOf(user?.attributes ?? {})}
        names={pool?.attributes.map((attribute) => attribute.name) ?? []}
        noun="attribute"
        onChange={(attributes) => setForm({ attributes })}
      />
    </>
  );
}

function JwtFields({ design, form }: { design: DesignDocument; form: Form }): ReactElement {
  const setForm = useSimulator((state) => state.setForm);
  const decoded = form.jwt.trim() === '' ? undefined : decodePastedJwt(form.jwt);
  return (
    <>
      <Field label="ID token (JWT)" hint="Decoded here, never sent anywhere; the signature is not verified.">
        {(id) => (
          <textarea
            id={id}
            className="field__input field__input--code"
            rows={3}
            spellCheck={false}
            value={form.jwt}
            onChange={(event) => setForm({ jwt: event.target.value })}
          />
        )}
      </Field>
      {decoded && !decoded.ok ? (
        <div className="sim-message sim-message--error" role="alert" data-testid="sim-jwt-error">
          {decoded.message}
        </div>
      ) : null}
      {decoded?.ok ? (
        <div className="sim-jwt" data-testid="sim-jwt-claims">
          <span className="sim-tag sim-tag--warning">Unverified</span> signature not checked
          <pre>{JSON.stringify(decoded.claims, null, 2)}</pre>
        </div>
      ) : null}
      <ProviderSelect design={design} form={form} optional />
    </>
  );
}

function LoginFields({ design, form }: { design: DesignDocument; form: Form }): ReactElement | null {
  const setForm = useSimulator((state) => state.setForm);
  const provider = design.providers.find((candidate) => candidate.id === form.providerId);
  switch (form.kind) {
    case 'guest':
      return null;
    case 'userPool':
      return <UserPoolFields design={design} form={form} />;
    case 'claims':
    case 'saml':
      return (
        <>
          <ProviderSelect design={design} form={form} />
          <div className="sim-field__label">{form.kind === 'saml' ? 'SAML attributes' : 'Token claims'}</div>
          <ClaimRows
            rows={form.claims}
            names={
              provider
                ? [...new Set([...(provider.samlAttributes ?? []), ...CLAIM_NAMES[provider.kind]])]
                : []
            }
            noun={form.kind === 'saml' ? 'attribute' : 'claim'}
            onChange={(claims) => setForm({ claims })}
          />
        </>
      );
    case 'jwt':
      return <JwtFields design={design} form={form} />;
    case 'developer':
      return (
        <>
          <ProviderSelect design={design} form={form} />
          <Field label="Developer user identifier">
            {(id) => (
              <input
                id={id}
                className="field__input"
                value={form.developerUser}
                onChange={(event) => setForm({ developerUser: event.target.value })}
              />
            )}
          </Field>
        </>
      );
  }
}

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
