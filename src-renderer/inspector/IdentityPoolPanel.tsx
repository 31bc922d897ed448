import type { ReactElement } from 'react';
import { sameProviderRef } from '../../shared/model/keys';
import { LIMITS } from '../../shared/model/limits';
import type { IdentityPool, ModelIssue, ProviderRef } from '../../shared/model/types';
import { addMappingCommand } from '../state/commands';
import { openPolicy } from '../state/policy-focus';
import { useAppStore } from '../state/store';
import { AddButton, NameField } from './controls';
import { CheckboxField, Section, SelectField, TextField } from './fields';
import { toggled } from './list-edits';
import { PrincipalTagsSection } from './PrincipalTagsSection';
import { allProviderRefs, includesRef, providerRefLabel, refKey, roleOptions } from './refs';
import { OpenPolicyButton } from './RolePanel';
import { RuleEditor } from './RuleEditor';
import { useEntityUpdate } from './use-entity';

export function IdentityPoolPanel({
  pool,
  path,
  issues,
}: {
  pool: IdentityPool;
  path: string;
  issues: readonly ModelIssue[];
}): ReactElement {
  const update = useEntityUpdate<IdentityPool>('identityPool', pool.id);
  const design = useAppStore((state) => state.design);
  const run = useAppStore((state) => state.run);
  const unmapped = pool.acceptedProviders.filter(
    (ref) => !pool.roleMappings.some((mapping) => sameProviderRef(mapping.provider, ref)),
  );
  const canAddMapping = unmapped.length > 0 && pool.roleMappings.length < LIMITS.roleMappingsPerPool;

  function setAccepted(ref: ProviderRef, on: boolean): void {
    update({
      acceptedProviders: toggled(pool.acceptedProviders, ref, on, sameProviderRef),
    });
  }

  return (
    <>
      <NameField
        value={pool.name}
        onCommit={(name) => update({ name })}
        issues={issues}
        path={path}
        maxLength={LIMITS.poolNameLength.max}
      />
      <TextField
        label="Identity pool id"
        value={pool.poolId}
        onCommit={(poolId) => update({ poolId })}
        issues={issues}
        path={`${path}.poolId`}
        hint="<region>:<guid>"
      />
      <CheckboxField
        label="Guest access"
        hint="unauthenticated identities get the guest role"
        checked={pool.allowUnauthenticated}
        onChange={(allowUnauthenticated) => update({ allowUnauthenticated })}
        testId="field-guest"
      />
      {pool.allowUnauthenticated ? (
        <OpenPolicyButton
          label="View guest scope-down policy"
          onClick={() =>
            openPolicy(useAppStore, { policy: { kind: 'guestScopeDown', identityPoolId: pool.id } })
          }
          testId="open-guest-scope-down"
        />
      ) : null}
      <CheckboxField
        label="Basic (classic) flow"
        hint="callers may assume any role that trusts this pool; role mappings do not apply"
        checked={pool.allowClassicFlow}
        onChange={(allowClassicFlow) => update({ allowClassicFlow })}
        testId="field-classic"
      />
      <div className="field-row">
        <SelectField
          label="Authenticated role"
          value={pool.authenticatedRoleId ?? ''}
          options={roleOptions(design, 'None')}
          onChange={(roleId) => update({ authenticatedRoleId: roleId || undefined })}
          issues={issues}
          path={`${path}.authenticatedRoleId`}
        />
        <SelectField
          label="Guest role"
          value={pool.unauthenticatedRoleId ?? ''}
          options={roleOptions(design, 'None')}
          onChange={(roleId) => update({ unauthenticatedRoleId: roleId || undefined })}
          issues={issues}
          path={`${path}.unauthenticatedRoleId`}
        />
      </div>
      <Section title={`Accepted logins (${pool.acceptedProviders.length})`}>
        {allProviderRefs(design).map((ref) => (
          <CheckboxField
            key={refKey(ref)}
            label={providerRefLabel(design, ref)}
            checked={includesRef(pool.acceptedProviders, ref)}
            onChange={(on) => setAccepted(ref, on)}
          />
        ))}
      </Section>
      <Section
        title={`Role mappings (${pool.roleMappings.length}/${LIMITS.roleMappingsPerPool})`}
        actions={
          <AddButton
            disabled={!canAddMapping}
            title={
              canAddMapping
                ? 'Add a role mapping for an accepted provider'
                : 'Every accepted provider has a mapping, or the pool has 10 mappings.'
            }
            onClick={() => {
              const ref = unmapped[0];
              if (ref) run(addMappingCommand, { poolId: pool.id, provider: ref });
            }}
            testId="add-mapping"
          />
        }
      >
        {pool.roleMappings.length === 0 ? (
          <p className="muted">No role mappings: every signed-in user gets the authenticated role.</p>
        ) : null}
        {pool.roleMappings.map((mapping, index) => (
          <RuleEditor
            key={mapping.id}
            pool={pool}
            mapping={mapping}
            path={`${path}.roleMappings[${index}]`}
            issues={issues}
          />
        ))}
      </Section>
      <PrincipalTagsSection design={design} pool={pool} path={path} issues={issues} />
    </>
  );
}
