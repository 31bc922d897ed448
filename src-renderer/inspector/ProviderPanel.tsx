import type { ReactElement } from 'react';
import type { ModelIssue, Provider, ProviderKind } from '../../shared/model/types';
import { PROVIDER_KIND_OPTIONS } from '../canvas/provider-kinds';
import { NameField } from './controls';
import { LinesField, SelectField, TextField } from './fields';
import { useEntityUpdate } from './use-entity';

const KEY_HINTS: Record<ProviderKind, string> = {
  google: 'accounts.google.com',
  facebook: 'graph.facebook.com',
  amazon: 'www.amazon.com',
  apple: 'appleid.apple.com',
  twitter: 'api.twitter.com',
  oidc: 'The issuer host (and path), without https://',
  saml: 'The SAML provider ARN: arn:aws:iam::<account>:saml-provider/<name>',
  developer: 'The developer provider name, e.g. login.mycompany.myapp',
};

export function ProviderPanel({
  provider,
  path,
  issues,
}: {
  provider: Provider;
  path: string;
  issues: readonly ModelIssue[];
}): ReactElement {
  const update = useEntityUpdate<Provider>('provider', provider.id);
  return (
    <>
      <NameField value={provider.name} onCommit={(name) => update({ name })} issues={issues} path={path} />
      <SelectField
        label="Kind"
        value={provider.kind}
        options={PROVIDER_KIND_OPTIONS}
        onChange={(kind) => update({ kind })}
        issues={issues}
        path={`${path}.kind`}
      />
      <TextField
        label="Provider key"
        value={provider.providerKey}
        onCommit={(providerKey) => update({ providerKey })}
        issues={issues}
        path={`${path}.providerKey`}
        hint={KEY_HINTS[provider.kind]}
        testId="field-providerKey"
      />
      <LinesField
        label="App / client ids"
        values={provider.clientIds}
        onCommit={(clientIds) => update({ clientIds })}
        issues={issues}
        path={`${path}.clientIds`}
        hint="Audience values of the provider's tokens, one per line."
      />
      {provider.kind === 'saml' ? (
        <LinesField
          label="SAML attributes"
          values={provider.samlAttributes ?? []}
          onCommit={(samlAttributes) => update({ samlAttributes })}
          issues={issues}
          path={`${path}.samlAttributes`}
          hint="Attribute names the IdP sends, for rules and principal tags."
        />
      ) : null}
    </>
  );
}
