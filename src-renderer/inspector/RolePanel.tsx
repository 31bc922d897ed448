import type { ReactElement } from 'react';
import type { PolicyDocument } from '../../shared/iam/types';
import { managedPolicyArn, roleArn } from '../../shared/model/keys';
import { LIMITS } from '../../shared/model/limits';
import type { ModelIssue, Role } from '../../shared/model/types';
import { useAppStore } from '../state/store';
import { CheckboxField, JsonField, LinesField, NumberField, Section, TextField } from './fields';
import { useEntityUpdate } from './use-entity';

const EMPTY_POLICY: PolicyDocument = { Version: '2012-10-17', Statement: [] };

function parseTags(lines: string[]): Record<string, string> {
  const tags: Record<string, string> = {};
  for (const line of lines) {
    const index = line.indexOf('=');
    if (index > 0) tags[line.slice(0, index).trim()] = line.slice(index + 1).trim();
  }
  return tags;
}

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
  return (
    <>
      <TextField
        label="Name"
        value={role.name}
        onCommit={(name) => update({ name })}
        issues={issues}
        path={`${path}.name`}
        maxLength={LIMITS.roleNameLength.max}
        testId="field-name"
      />
      <TextField
        label="Path"
        value={role.path}
        onCommit={(value) => update({ path: value })}
        issues={issues}
        path={`${path}.path`}
        hint="/ or /a/b/"
      />
      <div className="readonly">
        <span className="readonly__label">ARN</span>
        <code>{roleArn(design.account, role)}</code>
      </div>
      <TextField
        label="Description"
        value={role.description ?? ''}
        onCommit={(description) => update(description ? { description } : { description: undefined })}
        issues={issues}
        path={`${path}.description`}
        multiline
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
          <button
            type="button"
            className="button button--small"
            onClick={() =>
              update({
                inlinePolicies: [
                  ...role.inlinePolicies,
                  { name: `Policy${role.inlinePolicies.length + 1}`, document: EMPTY_POLICY },
                ],
              })
            }
          >
            + Add
          </button>
        }
      >
        {role.inlinePolicies.map((policy, index) => (
          <div className="subcard" key={`${policy.name}-${index}`}>
            <div className="subcard__header">
              <TextField
                label="Policy name"
                value={policy.name}
                onCommit={(name) =>
                  update({
                    inlinePolicies: role.inlinePolicies.map((item, at) =>
                      at === index ? { ...item, name } : item,
                    ),
                  })
                }
                issues={issues}
                path={`${path}.inlinePolicies[${index}].name`}
              />
              <button
                type="button"
                className="icon-button icon-button--danger"
                aria-label={`Remove inline policy ${policy.name}`}
                onClick={() =>
                  update({ inlinePolicies: role.inlinePolicies.filter((_, at) => at !== index) })
                }
              >
                ✕
              </button>
            </div>
            <JsonField
              label="Document"
              value={policy.document}
              onCommit={(document) =>
                update({
                  inlinePolicies: role.inlinePolicies.map((item, at) =>
                    at === index ? { ...item, document: document as PolicyDocument } : item,
                  ),
                })
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
                managedPolicyArns: on
                  ? [...role.managedPolicyArns, arn]
                  : role.managedPolicyArns.filter((candidate) => candidate !== arn),
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
          values={Object.entries(role.tags).map(([key, value]) => `${key}=${value}`)}
          onCommit={(lines) => update({ tags: parseTags(lines) })}
          issues={issues}
          path={`${path}.tags`}
          hint="key=value, one per line."
        />
      </Section>
    </>
  );
}
