// The login part of the identity form, per kind of identity: a user-pool user (with groups and
// attributes for this run), typed claims or SAML attributes for a provider, a pasted JWT (decoded,
// unverified), or a developer-authenticated user.

import type { ReactElement } from 'react';
import { decodePastedJwt } from '../../shared/cognito';
import type { DesignDocument } from '../../shared/model/types';
import { CLAIM_NAMES, starterClaims } from './claim-names';
import { ClaimRows, Field, SelectField, TextField } from './form-controls';
import { rowsOf, type IdentityForm as Form, type IdentityKind } from './identity';
import { useSimulator } from './simulator-store';

export function providersFor(design: DesignDocument, kind: IdentityKind) {
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
    <SelectField
      label="Provider"
      value={form.providerId}
      onChange={(providerId) => {
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
    </SelectField>
  );
}

function UserPoolFields({ design, form }: { design: DesignDocument; form: Form }): ReactElement {
  const setForm = useSimulator((state) => state.setForm);
  const pool = design.userPools.find((candidate) => candidate.id === form.userPoolId);
  const user = pool?.users.find((candidate) => candidate.username === form.username);
  const groups = form.groups ?? user?.groups ?? [];
  return (
    <>
      <div className="sim-form__row">
        <SelectField
          label="User pool"
          value={form.userPoolId}
          onChange={(userPoolId) => {
            const next = design.userPools.find((candidate) => candidate.id === userPoolId);
            setForm({
              userPoolId,
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
        </SelectField>
        <SelectField label="App client" value={form.clientId} onChange={(clientId) => setForm({ clientId })}>
          {pool?.clients.map((client) => (
            <option key={client.id} value={client.id}>
              {client.name} ({client.clientId})
            </option>
          ))}
        </SelectField>
      </div>
      <TextField
        label="User"
        hint={
          user
            ? 'A sample user of the pool. Groups and attributes changed here apply to this simulation; save as a persona to keep them.'
            : 'A new user for this simulation; save as a persona to add it to the pool.'
        }
        value={form.username}
        onChange={(username) => setForm({ username, groups: null, attributes: null })}
        suggestions={pool?.users.map((candidate) => candidate.username) ?? []}
      />
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

export function LoginFields({ design, form }: { design: DesignDocument; form: Form }): ReactElement | null {
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
          <TextField
            label="Developer user identifier"
            value={form.developerUser}
            onChange={(developerUser) => setForm({ developerUser })}
          />
        </>
      );
  }
}
