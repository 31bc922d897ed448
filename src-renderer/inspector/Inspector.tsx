// The inspector: edits the selected entity (or the design's settings when nothing is selected),
// with the model's validation issues shown next to the fields they concern.

import { useEffect, useRef, type ReactElement } from 'react';
import { deriveGraph } from '../../shared/model/graph';
import type { DesignDocument } from '../../shared/model/types';
import { centreOn } from '../canvas/canvas-controller';
import { EntityIcon } from '../canvas/icons';
import { EntityFindings, FindingsList } from '../review/Findings';
import { deleteSelectionCommand, updateDesignInfoCommand } from '../state/commands';
import { useAppStore } from '../state/store';
import { SelectField, TextField } from './fields';
import { IdentityPoolPanel } from './IdentityPoolPanel';
import { issuesOf, issuesUnder, useIssuesVersion } from './issues';
import { ManagedPolicyPanel } from './ManagedPolicyPanel';
import { ProviderPanel } from './ProviderPanel';
import { RolePanel } from './RolePanel';
import { UserPoolPanel } from './UserPoolPanel';

type Located =
  | { kind: 'provider'; index: number; entity: DesignDocument['providers'][number] }
  | { kind: 'userPool'; index: number; entity: DesignDocument['userPools'][number] }
  | { kind: 'identityPool'; index: number; entity: DesignDocument['identityPools'][number] }
  | { kind: 'role'; index: number; entity: DesignDocument['roles'][number] }
  | { kind: 'managedPolicy'; index: number; entity: DesignDocument['managedPolicies'][number] };

function locate(design: DesignDocument, id: string): Located | undefined {
  let index = design.providers.findIndex((entity) => entity.id === id);
  if (index >= 0) return { kind: 'provider', index, entity: design.providers[index]! };
  index = design.userPools.findIndex((entity) => entity.id === id);
  if (index >= 0) return { kind: 'userPool', index, entity: design.userPools[index]! };
  index = design.identityPools.findIndex((entity) => entity.id === id);
  if (index >= 0) return { kind: 'identityPool', index, entity: design.identityPools[index]! };
  index = design.roles.findIndex((entity) => entity.id === id);
  if (index >= 0) return { kind: 'role', index, entity: design.roles[index]! };
  index = design.managedPolicies.findIndex((entity) => entity.id === id);
  if (index >= 0) return { kind: 'managedPolicy', index, entity: design.managedPolicies[index]! };
  return undefined;
}

const COLLECTION_PATH = {
  provider: 'providers',
  userPool: 'userPools',
  identityPool: 'identityPools',
  role: 'roles',
  managedPolicy: 'managedPolicies',
} as const;
const KIND_LABEL = {
  provider: 'Identity provider',
  userPool: 'User pool',
  identityPool: 'Identity pool',
  role: 'IAM role',
  managedPolicy: 'Managed policy',
} as const;

function EntityPanel({ located, design }: { located: Located; design: DesignDocument }): ReactElement {
  const path = `$.${COLLECTION_PATH[located.kind]}[${located.index}]`;
  useIssuesVersion();
  const issues = issuesUnder(issuesOf(design), path);
  const panel = (() => {
    switch (located.kind) {
      case 'provider':
        return <ProviderPanel provider={located.entity} path={path} issues={issues} />;
      case 'userPool':
        return <UserPoolPanel pool={located.entity} path={path} issues={issues} />;
      case 'identityPool':
        return <IdentityPoolPanel pool={located.entity} path={path} issues={issues} />;
      case 'role':
        return <RolePanel role={located.entity} path={path} issues={issues} />;
      case 'managedPolicy':
        return <ManagedPolicyPanel policy={located.entity} path={path} issues={issues} />;
    }
  })();
  const errors = issues.filter((issue) => issue.severity === 'error').length;
  const warnings = issues.length - errors;
  return (
    <div className="inspector__body" key={located.entity.id} data-testid={`inspector-${located.kind}`}>
      <header className="inspector__header">
        <span className={`inspector__icon inspector__icon--${located.kind}`}>
          <EntityIcon kind={located.kind} size={18} />
        </span>
        <div>
          <div className="inspector__caption">{KIND_LABEL[located.kind]}</div>
          <h2 className="inspector__title">{located.entity.name}</h2>
        </div>
        <button
          type="button"
          className="button button--ghost button--danger inspector__delete"
          onClick={() => useAppStore.getState().run(deleteSelectionCommand, undefined)}
        >
          Delete
        </button>
      </header>
      {issues.length > 0 ? (
        <div
          className={`inspector__summary ${errors > 0 ? 'inspector__summary--error' : 'inspector__summary--warning'}`}
          role="status"
        >
          {[
            errors > 0 ? `${errors} error${errors === 1 ? '' : 's'}` : '',
            warnings > 0 ? `${warnings} warning${warnings === 1 ? '' : 's'}` : '',
          ]
            .filter(Boolean)
            .join(', ')}
        </div>
      ) : null}
      <EntityFindings entityId={located.entity.id} />
      {panel}
    </div>
  );
}

/** The entity an issue path points into (`$.roles[2].name` → the third role). */
function entityAtPath(design: DesignDocument, path: string): string | undefined {
  const match = /^\$\.(providers|userPools|identityPools|roles|managedPolicies)\[(\d+)\]/.exec(path);
  if (!match) return undefined;
  const collection =
    design[match[1] as 'providers' | 'userPools' | 'identityPools' | 'roles' | 'managedPolicies'];
  return collection[Number(match[2])]?.id;
}

function showEntityAt(design: DesignDocument, path: string): void {
  const id = entityAtPath(design, path);
  if (!id) return;
  useAppStore.getState().setSelection({ nodes: [id], edges: [] });
  centreOn(id);
}

function DesignPanel({ design }: { design: DesignDocument }): ReactElement {
  const run = useAppStore((state) => state.run);
  useIssuesVersion();
  const issues = issuesOf(design);
  const account = design.account;
  return (
    <div className="inspector__body" data-testid="inspector-design">
      <header className="inspector__header">
        <div>
          <div className="inspector__caption">Design</div>
          <h2 className="inspector__title">{design.name}</h2>
        </div>
      </header>
      <p className="muted">
        Select a node to edit it. Drag from a handle ● to connect; a refused connection says why.
      </p>
      <TextField
        label="Design name"
        value={design.name}
        onCommit={(name) => run(updateDesignInfoCommand, { name })}
        issues={issues}
        path="$.name"
      />
      <TextField
        label="Description"
        value={design.description ?? ''}
        onCommit={(description) => run(updateDesignInfoCommand, { description })}
        issues={issues}
        path="$.description"
        multiline
      />
      <div className="field-row">
        <TextField
          label="Account id"
          value={account.accountId}
          onCommit={(accountId) => run(updateDesignInfoCommand, { account: { ...account, accountId } })}
          issues={issues}
          path="$.account.accountId"
          hint="12 digits"
        />
        <TextField
          label="Region"
          value={account.region}
          onCommit={(region) => run(updateDesignInfoCommand, { account: { ...account, region } })}
          issues={issues}
          path="$.account.region"
        />
      </div>
      <SelectField
        label="Partition"
        value={account.partition}
        options={[
          { value: 'aws', label: 'aws' },
          { value: 'aws-cn', label: 'aws-cn' },
          { value: 'aws-us-gov', label: 'aws-us-gov' },
        ]}
        onChange={(partition) => run(updateDesignInfoCommand, { account: { ...account, partition } })}
      />
      <FindingsList />
      <h3 className="inspector__subheading">{`All issues (${issues.length})`}</h3>
      {issues.length === 0 ? <p className="muted">No validation issues.</p> : null}
      <ul className="issues issues--located">
        {issues.slice(0, 50).map((issue) => (
          <li
            key={`${issue.path}:${issue.message}`}
            className={`issue issue--${issue.severity}`}
            data-code={issue.code}
          >
            {entityAtPath(design, issue.path) ? (
              <button
                type="button"
                className="issue__link"
                onClick={() => showEntityAt(design, issue.path)}
                title="Show this entity"
              >
                <code>{issue.path}</code>
              </button>
            ) : (
              <code>{issue.path}</code>
            )}{' '}
            {issue.message}
          </li>
        ))}
      </ul>
    </div>
  );
}

function EdgePanel({ edgeId, design }: { edgeId: string; design: DesignDocument }): ReactElement | null {
  const edge = deriveGraph(design).edges.find((candidate) => candidate.id === edgeId);
  if (!edge) return null;
  const source = locate(design, edge.source)?.entity.name ?? edge.source;
  const target = locate(design, edge.target)?.entity.name ?? edge.target;
  const meaning: Record<typeof edge.kind, string> = {
    federation: 'is federated into',
    acceptance: 'logins are accepted by',
    authenticatedRole: 'gives signed-in users by default',
    guestRole: 'gives guests',
    ruleRole: 'maps by rule to',
    groupRole: 'group carries role',
    managedPolicy: 'has managed policy',
    permissionsBoundary: 'is bounded by',
  };
  return (
    <div className="inspector__body" data-testid="inspector-edge">
      <header className="inspector__header">
        <div>
          <div className="inspector__caption">Connection</div>
          <h2 className="inspector__title">{edge.label ?? edge.kind}</h2>
        </div>
      </header>
      <p>
        <strong>{source}</strong> {meaning[edge.kind]} <strong>{target}</strong>.
      </p>
      <button
        type="button"
        className="button button--danger"
        onClick={() => useAppStore.getState().run(deleteSelectionCommand, undefined)}
      >
        Remove connection
      </button>
    </div>
  );
}

export function Inspector(): ReactElement {
  const design = useAppStore((state) => state.design);
  const selection = useAppStore((state) => state.selection);
  const focusedRuleId = useAppStore((state) => state.ui.focusedRuleId);
  const panel = useRef<HTMLElement>(null);
  const shownKey = `${selection.nodes.join()}|${selection.edges.join()}`;
  // A newly selected entity starts at the top, unless a rule was asked for (the rule editor scrolls to it).
  useEffect(() => {
    if (!useAppStore.getState().ui.focusedRuleId) panel.current?.scrollTo({ top: 0 });
  }, [shownKey]);
  let content: ReactElement | null;
  if (selection.nodes.length === 1) {
    const located = locate(design, selection.nodes[0]!);
    content = located ? <EntityPanel located={located} design={design} /> : null;
  } else if (selection.nodes.length > 1) {
    content = (
      <div className="inspector__body">
        <h2 className="inspector__title">{`${selection.nodes.length} nodes selected`}</h2>
        <p className="muted">Delete, copy, cut or drag them together.</p>
      </div>
    );
  } else if (selection.edges.length === 1) {
    const edgeId = selection.edges[0]!;
    const poolId =
      edgeId.startsWith('ruleRole:') && focusedRuleId
        ? edgeId.slice('ruleRole:'.length).split('/')[0]
        : undefined;
    const located = poolId ? locate(design, poolId) : undefined;
    content = located ? (
      <EntityPanel located={located} design={design} />
    ) : (
      <EdgePanel edgeId={edgeId} design={design} />
    );
  } else {
    content = <DesignPanel design={design} />;
  }
  return (
    <aside className="inspector" aria-label="Inspector" data-testid="inspector" ref={panel}>
      {content}
    </aside>
  );
}
