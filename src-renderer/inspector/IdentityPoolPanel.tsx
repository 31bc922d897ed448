import type { ReactElement } from 'react';
import { sameProviderRef } from '../../shared/model/keys';
import { LIMITS } from '../../shared/model/limits';
import type { IdentityPool, ModelIssue, PrincipalTagMapping, ProviderRef } from '../../shared/model/types';
import { addMappingCommand } from '../state/commands';
import { useAppStore } from '../state/store';
import { CheckboxField, LinesField, Section, SelectField, TextField } from './fields';
import { allProviderRefs, includesRef, providerRefLabel, refKey, roleOptions } from './refs';
import { RuleEditor } from './RuleEditor';
import { useEntityUpdate } from './use-entity';

function tagLines(tags: Record<string, string>): string[] {
  return Object.entries(tags).map(([tag, claim]) => `${tag}=${claim}`);
}

function parseTagLines(lines: string[]): Record<string, string> {
  const tags: Record<string, string> = {};
  for (const line of lines) {
    const index = line.indexOf('=');
    if (index > 0) tags[line.slice(0, index).trim()] = line.slice(index + 1).trim();
  }
  return tags;
}

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
      acceptedProviders: on
        ? [...pool.acceptedProviders, ref]
        : pool.acceptedProviders.filter((candidate) => !sameProviderRef(candidate, ref)),
    });
  }

  function setTags(ref: ProviderRef, next: PrincipalTagMapping | undefined): void {
    const others = pool.principalTags.filter((tags) => !sameProviderRef(tags.provider, ref));
    update({ principalTags: next ? [...others, next] : others });
  }

  return (
    <>
      <TextField
        label="Name"
        value={pool.name}
        onCommit={(name) => update({ name })}
        issues={issues}
        path={`${path}.name`}
        maxLength={LIMITS.poolNameLength.max}
        testId="field-name"
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
          <button
            type="button"
            className="button button--small"
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
            data-testid="add-mapping"
          >
            + Add
          </button>
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
      <Section title="Principal tags">
        {pool.acceptedProviders.length === 0 ? (
          <p className="muted">Accept a provider to map its claims to session tags.</p>
        ) : null}
        {pool.acceptedProviders.map((ref) => {
          const tags = pool.principalTags.find((candidate) => sameProviderRef(candidate.provider, ref));
          const index = tags ? pool.principalTags.indexOf(tags) : -1;
          return (
            <div className="subcard" key={refKey(ref)}>
              <div className="subcard__title">{providerRefLabel(design, ref)}</div>
              <CheckboxField
                label="Map principal tags"
                checked={tags !== undefined}
                onChange={(on) =>
                  setTags(ref, on ? { provider: ref, useDefaults: true, tags: {} } : undefined)
                }
              />
              {tags ? (
                <>
                  <CheckboxField
                    label="Use defaults"
                    hint="username ← sub, client ← aud"
                    checked={tags.useDefaults}
                    onChange={(useDefaults) => setTags(ref, { ...tags, useDefaults })}
                  />
                  <LinesField
                    label="Custom tags"
                    values={tagLines(tags.tags)}
                    onCommit={(lines) => setTags(ref, { ...tags, tags: parseTagLines(lines) })}
                    issues={issues}
                    path={`${path}.principalTags[${index}]`}
                    hint="tag=claim, one per line."
                  />
                </>
              ) : null}
            </div>
          );
        })}
      </Section>
    </>
  );
}
