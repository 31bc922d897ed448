// The declared effect of a user pool's pre-token-generation Lambda trigger: claim, group and role
// overrides that token derivation applies before the identity pool sees the ID token.

import type { ReactElement } from 'react';
import type { ModelIssue, PreTokenGeneration } from '../../shared/model/types';
import { useAppStore } from '../state/store';
import { CheckboxField, LinesField, Section, SelectField } from './fields';
import { keyValueLines, parseKeyValueLines, toggled } from './list-edits';
import { roleOptions } from './refs';

export function PreTokenSection({
  trigger,
  path,
  issues,
  onChange,
}: {
  trigger: PreTokenGeneration | undefined;
  path: string;
  issues: readonly ModelIssue[];
  onChange(trigger: PreTokenGeneration | undefined): void;
}): ReactElement {
  const design = useAppStore((state) => state.design);
  const update = (patch: Partial<PreTokenGeneration>): void => {
    const next: PreTokenGeneration = { ...trigger, ...patch };
    for (const key of Object.keys(next) as (keyof PreTokenGeneration)[]) {
      if (next[key] === undefined) delete next[key];
    }
    onChange(next);
  };
  const triggerPath = `${path}.preTokenGeneration`;

  return (
    <Section title="Pre-token-generation trigger">
      <CheckboxField
        label="The pool has a pre-token-generation trigger"
        hint="declare what it adds, removes or overrides in ID tokens"
        checked={trigger !== undefined}
        onChange={(on) => onChange(on ? {} : undefined)}
        testId="pre-token-enabled"
      />
      {trigger ? (
        <>
          <LinesField
            label="Claims added or overridden"
            values={keyValueLines(trigger.addOrOverrideClaims ?? {})}
            onCommit={(lines) => {
              const claims = parseKeyValueLines(lines);
              update({ addOrOverrideClaims: Object.keys(claims).length > 0 ? claims : undefined });
            }}
            issues={issues}
            path={`${triggerPath}.addOrOverrideClaims`}
            hint="claim=value, one per line."
          />
          <LinesField
            label="Claims suppressed"
            values={trigger.suppressClaims ?? []}
            onCommit={(claims) => update({ suppressClaims: claims.length > 0 ? claims : undefined })}
            issues={issues}
            path={`${triggerPath}.suppressClaims`}
          />
          <CheckboxField
            label="Override cognito:groups"
            checked={trigger.groupsToOverride !== undefined}
            onChange={(on) => update({ groupsToOverride: on ? [] : undefined })}
          />
          {trigger.groupsToOverride !== undefined ? (
            <LinesField
              label="Groups in the token"
              values={trigger.groupsToOverride}
              onCommit={(groups) => update({ groupsToOverride: groups })}
              issues={issues}
              path={`${triggerPath}.groupsToOverride`}
              hint="One group name per line; empty = no groups."
            />
          ) : null}
          <CheckboxField
            label="Override cognito:roles"
            checked={trigger.iamRolesToOverride !== undefined}
            onChange={(on) => update({ iamRolesToOverride: on ? [] : undefined })}
          />
          {trigger.iamRolesToOverride !== undefined
            ? design.roles.map((role) => (
                <CheckboxField
                  key={role.id}
                  label={role.name}
                  checked={trigger.iamRolesToOverride?.includes(role.id) ?? false}
                  onChange={(on) =>
                    update({ iamRolesToOverride: toggled(trigger.iamRolesToOverride ?? [], role.id, on) })
                  }
                />
              ))
            : null}
          <SelectField
            label="Preferred role override"
            value={trigger.preferredRole ?? ''}
            options={roleOptions(design, 'Not overridden')}
            onChange={(roleId) => update({ preferredRole: roleId === '' ? undefined : roleId })}
            issues={issues}
            path={`${triggerPath}.preferredRole`}
          />
        </>
      ) : null}
    </Section>
  );
}
