// Principal tags of an identity pool: one map per identity provider, as AWS keys them. A user pool
// is one provider whatever app client a user signs in through, so its map is edited once and
// applies to every accepted client of that pool (state/edits/principal-tags.ts).

import type { ReactElement } from 'react';
import type { DesignDocument, IdentityPool, ModelIssue, ProviderRef } from '../../shared/model/types';
import { setPrincipalTagsCommand } from '../state/commands';
import {
  principalTagGroups,
  type PrincipalTagGroup,
  type PrincipalTagMap,
} from '../state/edits/principal-tags';
import { useAppStore } from '../state/store';
import { CheckboxField, IssueList, LinesField, Section } from './fields';
import { issuesUnder } from './issues';
import { keyValueLines, parseKeyValueLines } from './list-edits';
import { providerRefLabel } from './refs';

/** Title and the login sources the map applies to, when that is more than the title says. */
function describeGroup(
  design: DesignDocument,
  group: PrincipalTagGroup,
): { title: string; appliesTo?: string } {
  const first = group.refs[0]!;
  if (first.type === 'userPoolClient' && group.providerName !== undefined) {
    const userPool = design.userPools.find((candidate) => candidate.id === first.userPoolId);
    const clients = group.refs.flatMap((ref) =>
      ref.type === 'userPoolClient'
        ? (userPool?.clients.filter((client) => client.id === ref.clientId).map((client) => client.name) ??
          [])
        : [],
    );
    return {
      title: `User pool ${userPool?.name ?? first.userPoolId}`,
      appliesTo: `Applies to ${clients.length === 1 ? 'app client' : 'app clients'} ${clients.join(', ')}`,
    };
  }
  return { title: providerRefLabel(design, first) };
}

function PrincipalTagGroupCard({
  design,
  pool,
  group,
  path,
  issues,
}: {
  design: DesignDocument;
  pool: IdentityPool;
  group: PrincipalTagGroup;
  path: string;
  issues: readonly ModelIssue[];
}): ReactElement {
  const run = useAppStore((state) => state.run);
  const { title, appliesTo } = describeGroup(design, group);
  const provider: ProviderRef = group.refs[0]!;
  const mapping = group.mapping;
  const set = (map: PrincipalTagMap | undefined): void =>
    run(setPrincipalTagsCommand, { poolId: pool.id, provider, map });
  const groupIssues = group.indexes.flatMap((index) =>
    issuesUnder(issues, `${path}.principalTags[${index}]`),
  );
  return (
    <div
      className="subcard"
      data-testid="principal-tags"
      aria-label={`Principal tags of ${title}`}
      role="group"
    >
      <div className="subcard__title">{title}</div>
      {group.providerName ? <code className="subcard__code">{group.providerName}</code> : null}
      {appliesTo ? <p className="subcard__note">{appliesTo}</p> : null}
      {group.conflicting ? (
        <p className="subcard__note subcard__note--warning">
          The entries of these app clients differ, but AWS keeps one map per user pool. The map shown is the
          one that applies; a change here writes it to every client.
        </p>
      ) : null}
      <IssueList issues={groupIssues} />
      <CheckboxField
        label="Map principal tags"
        checked={mapping !== undefined}
        onChange={(on) => set(on ? { useDefaults: true, tags: {} } : undefined)}
      />
      {mapping ? (
        <>
          <CheckboxField
            label="Use defaults"
            hint="username ← sub, client ← aud"
            checked={mapping.useDefaults}
            onChange={(useDefaults) => set({ useDefaults, tags: mapping.tags })}
          />
          <LinesField
            label="Custom tags"
            values={keyValueLines(mapping.tags)}
            onCommit={(lines) => set({ useDefaults: mapping.useDefaults, tags: parseKeyValueLines(lines) })}
            hint="tag=claim, one per line."
          />
        </>
      ) : null}
    </div>
  );
}

export function PrincipalTagsSection({
  design,
  pool,
  path,
  issues,
}: {
  design: DesignDocument;
  pool: IdentityPool;
  path: string;
  issues: readonly ModelIssue[];
}): ReactElement {
  const groups = principalTagGroups(design, pool);
  return (
    <Section title="Principal tags">
      {groups.length === 0 ? (
        <p className="muted">Accept a provider to map its claims to session tags.</p>
      ) : null}
      {groups.map((group) => (
        <PrincipalTagGroupCard
          key={group.key}
          design={design}
          pool={pool}
          group={group}
          path={path}
          issues={issues}
        />
      ))}
    </Section>
  );
}
