import type { ReactElement } from 'react';
import type { PolicyDocument } from '../../shared/iam/types';
import { managedPolicyArn, roleArn } from '../../shared/model/keys';
import { LIMITS } from '../../shared/model/limits';
import type { InlinePolicy, ModelIssue, Role } from '../../shared/model/types';
import { useAppStore } from '../state/store';
import { AddButton, DescriptionField, IamPathField, ItemHeader, NameField, ReadonlyValue } from './controls';
import { CheckboxField, JsonField, LinesField, NumberField, Section, TextField } from './fields';
import { keyValueLines, parseKeyValueLines, removeAt, replaceAt, toggled } from './list-edits';
import { useEntityUpdate } from './use-entity';

const EMPTY_POLICY: PolicyDocument = { Version: '2012-10-17', Statement: [] };

export function RolePanel({
  role,
  path,
  issues,
}: {
  role: Role;
  path: string;
  issues: readonly ModelIssue[];
}): ReactElement {
  const update = useEntityUpdate<Role>('role', role.id);
  const design = useAppStore((state) => state.design);
  const designPolicies = design.managedPolicies.map((policy) => ({
    policy,
    arn: managedPolicyArn(design.account, policy),
  }));
  const setInlinePolicy = (index: number, policy: InlinePolicy): void =>
    update({ inlinePolicies: replaceAt(role.inlinePolicies, index, policy) });
  return (
    <>
      <NameField
        value={role.name}
        onCommit={(name) => update({ name })}
        issues={issues}
        path={path}
        maxLength={LIMITS.roleNameLength.max}
      />
      <IamPathField
        value={role.path}
        onCommit={(value) => update({ path: value })}
        issues={issues}
        path={path}
      />
      <ReadonlyValue label="ARN">{roleArn(design.account, role)}</ReadonlyValue>
      <DescriptionField
        value={role.description}
        onCommit={(description) => update({ description })}
        issues={issues}
        path={path}
      />
      <NumberField
        label="Max session duration (seconds)"
        value={role.maxSessionDuration}
        min={LIMITS.maxSessionDuration.min}
        max={LIMITS.maxSessionDuration.max}
        onCommit={(value) => update({ maxSessionDuration: value ?? LIMITS.maxSessionDuration.min })}
        issues={issues}
        path={`${path}.maxSessionDuration`}
      />
      <Section title="Trust policy">
        <CheckboxField
          label="Generate from the identity pools that use this role"
          checked={role.trustPolicy.mode === 'generated'}
          onChange={(generated) =>
            update({
              trustPolicy: generated ? { mode: 'generated' } : { mode: 'custom', document: EMPTY_POLICY },
            })
          }
        />
        {role.trustPolicy.mode === 'custom' ? (
          <JsonField
            label="Trust policy document"
            value={role.trustPolicy.document}
            onCommit={(document) =>
              update({ trustPolicy: { mode: 'custom', document: document as PolicyDocument } })
            }
            issues={issues}
            path={`${path}.trustPolicy`}
          />
        ) : null}
      </Section>
      <Section
        title={`Inline policies (${role.inlinePolicies.length})`}
        actions={
          <AddButton
            onClick={() =>
              update({
                inlinePolicies: [
                  ...role.inlinePolicies,
                  { name: `Policy${role.inlinePolicies.length + 1}`, document: EMPTY_POLICY },
                ],
              })
            }
          />
        }
      >
        {role.inlinePolicies.map((policy, index) => (
          <div className="subcard" key={`${policy.name}-${index}`}>
            <ItemHeader
              label="Policy name"
              value={policy.name}
              onRename={(name) => setInlinePolicy(index, { ...policy, name })}
              issues={issues}
              path={`${path}.inlinePolicies[${index}].name`}
              removeLabel={`Remove inline policy ${policy.name}`}
              onRemove={() => update({ inlinePolicies: removeAt(role.inlinePolicies, index) })}
            />
            <JsonField
              label="Document"
              value={policy.document}
              onCommit={(document) =>
                setInlinePolicy(index, { ...policy, document: document as PolicyDocument })
              }
              issues={issues}
              path={`${path}.inlinePolicies[${index}].document`}
            />
          </div>
        ))}
      </Section>
      <Section title="Managed policies">
        {designPolicies.map(({ policy, arn }) => (
          <CheckboxField
            key={policy.id}
            label={policy.name}
            hint="customer managed, in this design"
            checked={role.managedPolicyArns.includes(arn)}
            onChange={(on) =>
              update({
                managedPolicyArns: toggled(role.managedPolicyArns, arn, on),
              })
            }
          />
        ))}
        <LinesField
          label="Other policy ARNs"
          values={role.managedPolicyArns.filter((arn) => !designPolicies.some((entry) => entry.arn === arn))}
          onCommit={(others) =>
            update({
              managedPolicyArns: [
                ...role.managedPolicyArns.filter((arn) => designPolicies.some((entry) => entry.arn === arn)),
                ...others,
              ],
            })
          }
          issues={issues}
          path={`${path}.managedPolicyArns`}
          hint="AWS managed policies by ARN, one per line (arn:aws:iam::aws:policy/…)."
        />
        <TextField
          label="Permissions boundary ARN"
          value={role.permissionsBoundaryArn ?? ''}
          onCommit={(arn) =>
            update(arn ? { permissionsBoundaryArn: arn } : { permissionsBoundaryArn: undefined })
          }
          issues={issues}
          path={`${path}.permissionsBoundaryArn`}
          placeholder="none"
        />
      </Section>
      <Section title="Tags">
        <LinesField
          label="Tags"
          values={keyValueLines(role.tags)}
          onCommit={(lines) => update({ tags: parseKeyValueLines(lines) })}
          issues={issues}
          path={`${path}.tags`}
          hint="key=value, one per line."
        />
      </Section>
    </>
  );
}
