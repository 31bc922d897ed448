import type { ReactElement } from 'react';
import type { PolicyDocument } from '../../shared/iam/types';
import { managedPolicyArn, roleArn } from '../../shared/model/keys';
import { LIMITS } from '../../shared/model/limits';
import type { InlinePolicy, ModelIssue, Role } from '../../shared/model/types';
import { useAppStore } from '../state/store';
import { AddButton, DescriptionField, IamPathField, ItemHeader, NameField, ReadonlyValue } from './controls';
import { customTrustStart } from '../../shared/policy-language/trust-start';
import { openPolicy } from '../state/policy-focus';
import { CheckboxField, IssueList, LinesField, NumberField, Section, TextField } from './fields';
import { issuesUnder } from './issues';
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
              // A custom trust policy starts from the generated one, never from an empty statement list.
              trustPolicy: generated
                ? { mode: 'generated' }
                : { mode: 'custom', document: customTrustStart(design, role) },
            })
          }
        />
        <OpenPolicyButton
          label={role.trustPolicy.mode === 'custom' ? 'Edit trust policy' : 'View generated trust policy'}
          onClick={() => openPolicy(useAppStore, { policy: { kind: 'trust', roleId: role.id } })}
          testId="open-trust-policy"
        />
        <IssueList issues={issuesUnder(issues, `${path}.trustPolicy`)} />
      </Section>
      <Section
        title={`Inline policies (${role.inlinePolicies.length})`}
        actions={
          <AddButton
            onClick={() => {
              const name = unusedPolicyName(role.inlinePolicies);
              update({ inlinePolicies: [...role.inlinePolicies, { name, document: EMPTY_POLICY }] });
              openPolicy(useAppStore, { policy: { kind: 'inline', roleId: role.id, policyName: name } });
            }}
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
            <OpenPolicyButton
              label="Open in editor"
              onClick={() =>
                openPolicy(useAppStore, {
                  policy: { kind: 'inline', roleId: role.id, policyName: policy.name },
                })
              }
              testId="open-inline-policy"
            />
            <IssueList issues={issuesUnder(issues, `${path}.inlinePolicies[${index}].document`)} />
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
        {role.permissionsBoundaryArn ? (
          <OpenPolicyButton
            label="Open permissions boundary"
            onClick={() => {
              const arn = role.permissionsBoundaryArn as string;
              const own = designPolicies.find((entry) => entry.arn === arn);
              openPolicy(useAppStore, {
                policy: own ? { kind: 'managed', policyId: own.policy.id } : { kind: 'awsManaged', arn },
              });
            }}
            testId="open-boundary-policy"
          />
        ) : null}
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

function unusedPolicyName(policies: readonly InlinePolicy[]): string {
  for (let number = policies.length + 1; ; number++) {
    const name = `Policy${number}`;
    if (!policies.some((policy) => policy.name === name)) return name;
  }
}

export function OpenPolicyButton({
  label,
  onClick,
  testId,
}: {
  label: string;
  onClick(): void;
  testId: string;
}): ReactElement {
  return (
    <button type="button" className="button button--small" onClick={onClick} data-testid={testId}>
      {label}
    </button>
  );
}
