import type { ReactElement } from 'react';
import { allDesignIds } from '../../shared/model/lookup';
import type {
  AppClient,
  AttributeDataType,
  ModelIssue,
  UserPool,
  UserPoolAttribute,
  UserPoolGroup,
} from '../../shared/model/types';
import { newAppClientId, uniqueId } from '../state/edits/ids';
import { useAppStore } from '../state/store';
import { AddButton, ItemHeader, NameField } from './controls';
import { CheckboxField, LinesField, NumberField, Section, SelectField, TextField } from './fields';
import { removeAt, replaceAt, toggled } from './list-edits';
import { PreTokenSection } from './PreTokenSection';
import { roleOptions } from './refs';
import { useEntityUpdate } from './use-entity';

const DATA_TYPES: { value: AttributeDataType; label: string }[] = [
  { value: 'String', label: 'String' },
  { value: 'Number', label: 'Number' },
  { value: 'Boolean', label: 'Boolean' },
  { value: 'DateTime', label: 'DateTime' },
];

export function UserPoolPanel({
  pool,
  path,
  issues,
}: {
  pool: UserPool;
  path: string;
  issues: readonly ModelIssue[];
}): ReactElement {
  const update = useEntityUpdate<UserPool>('userPool', pool.id);
  const design = useAppStore((state) => state.design);
  const setClient = (index: number, client: AppClient): void =>
    update({ clients: replaceAt(pool.clients, index, client) });
  const setGroup = (index: number, group: UserPoolGroup): void =>
    update({ groups: replaceAt(pool.groups, index, group) });
  const setAttribute = (index: number, attribute: UserPoolAttribute): void =>
    update({ attributes: replaceAt(pool.attributes, index, attribute) });
  const federable = design.providers.filter(
    (provider) => provider.kind !== 'developer' && provider.kind !== 'twitter',
  );

  return (
    <>
      <NameField value={pool.name} onCommit={(name) => update({ name })} issues={issues} path={path} />
      <TextField
        label="User pool id"
        value={pool.poolId}
        onCommit={(poolId) => update({ poolId })}
        issues={issues}
        path={`${path}.poolId`}
        hint="<region>_<id>, e.g. us-east-1_AbCdEf123"
      />
      <Section
        title={`App clients (${pool.clients.length})`}
        actions={
          <AddButton
            onClick={() =>
              update({
                clients: [
                  ...pool.clients,
                  {
                    id: uniqueId('client', allDesignIds(design)),
                    clientId: newAppClientId(),
                    name: `client-${pool.clients.length + 1}`,
                    readAttributes: [],
                    writeAttributes: [],
                    serverSideTokenCheck: false,
                  },
                ],
              })
            }
          />
        }
      >
        {pool.clients.map((client, index) => (
          <div className="subcard" key={client.id}>
            <ItemHeader
              label="Client name"
              value={client.name}
              onRename={(name) => setClient(index, { ...client, name })}
              issues={issues}
              path={`${path}.clients[${index}].name`}
              removeLabel={`Remove app client ${client.name}`}
              onRemove={() => update({ clients: removeAt(pool.clients, index) })}
            />
            <TextField
              label="Client id"
              value={client.clientId}
              onCommit={(clientId) => setClient(index, { ...client, clientId })}
              issues={issues}
              path={`${path}.clients[${index}].clientId`}
            />
            <CheckboxField
              label="Server-side token check"
              hint="identity pool rejects tokens of signed-out users"
              checked={client.serverSideTokenCheck}
              onChange={(serverSideTokenCheck) => setClient(index, { ...client, serverSideTokenCheck })}
            />
            <LinesField
              label="Write attributes"
              values={client.writeAttributes}
              onCommit={(writeAttributes) => setClient(index, { ...client, writeAttributes })}
              issues={issues}
              path={`${path}.clients[${index}].writeAttributes`}
              hint="Attributes users of this client may change, one per line."
            />
            <LinesField
              label="Read attributes"
              values={client.readAttributes}
              onCommit={(readAttributes) => setClient(index, { ...client, readAttributes })}
              issues={issues}
              path={`${path}.clients[${index}].readAttributes`}
              hint="Empty: all attributes readable."
            />
          </div>
        ))}
      </Section>
      <Section
        title={`Groups (${pool.groups.length})`}
        actions={
          <AddButton
            onClick={() => update({ groups: [...pool.groups, { name: `group-${pool.groups.length + 1}` }] })}
          />
        }
      >
        {pool.groups.map((group, index) => (
          <div className="subcard" key={`${group.name}-${index}`}>
            <ItemHeader
              label="Group name"
              value={group.name}
              onRename={(name) => setGroup(index, { ...group, name })}
              issues={issues}
              path={`${path}.groups[${index}].name`}
              removeLabel={`Remove group ${group.name}`}
              onRemove={() => update({ groups: removeAt(pool.groups, index) })}
            />
            <div className="field-row">
              <NumberField
                label="Precedence"
                value={group.precedence}
                optional
                min={0}
                hint="Lower wins; empty = none."
                onCommit={(precedence) => {
                  const { precedence: _old, ...rest } = group;
                  setGroup(index, precedence === undefined ? rest : { ...rest, precedence });
                }}
                issues={issues}
                path={`${path}.groups[${index}].precedence`}
              />
              <SelectField
                label="Role"
                value={group.roleId ?? ''}
                options={roleOptions(design, 'No role')}
                onChange={(roleId) => {
                  const { roleId: _old, ...rest } = group;
                  setGroup(index, roleId ? { ...rest, roleId } : rest);
                }}
                issues={issues}
                path={`${path}.groups[${index}].roleId`}
              />
            </div>
          </div>
        ))}
      </Section>
      <Section
        title={`Attributes (${pool.attributes.length})`}
        actions={
          <AddButton
            onClick={() =>
              update({
                attributes: [
                  ...pool.attributes,
                  { name: 'custom:attribute', custom: true, mutable: true, dataType: 'String' },
                ],
              })
            }
          />
        }
      >
        {pool.attributes.map((attribute, index) => (
          <div className="subcard subcard--compact" key={`${attribute.name}-${index}`}>
            <ItemHeader
              label="Attribute"
              value={attribute.name}
              onRename={(name) =>
                setAttribute(index, { ...attribute, name, custom: name.startsWith('custom:') })
              }
              issues={issues}
              path={`${path}.attributes[${index}].name`}
              removeLabel={`Remove attribute ${attribute.name}`}
              onRemove={() => update({ attributes: removeAt(pool.attributes, index) })}
            />
            <div className="field-row field-row--center">
              <SelectField
                label="Type"
                value={attribute.dataType}
                options={DATA_TYPES}
                onChange={(dataType) => setAttribute(index, { ...attribute, dataType })}
              />
              <CheckboxField
                label="Mutable"
                checked={attribute.mutable}
                onChange={(mutable) => setAttribute(index, { ...attribute, mutable })}
              />
            </div>
          </div>
        ))}
      </Section>
      <Section title="Federated providers">
        {federable.length === 0 ? (
          <p className="muted">Add a SAML, OIDC or social provider to federate it into this pool.</p>
        ) : null}
        {federable.map((provider) => (
          <CheckboxField
            key={provider.id}
            label={provider.name}
            checked={pool.federatedProviderIds.includes(provider.id)}
            onChange={(on) =>
              update({
                federatedProviderIds: toggled(pool.federatedProviderIds, provider.id, on),
              })
            }
          />
        ))}
      </Section>
      <PreTokenSection
        trigger={pool.preTokenGeneration}
        path={path}
        issues={issues}
        onChange={(preTokenGeneration) => update({ preTokenGeneration })}
      />
    </>
  );
}
