// Custom node components, one per entity kind. Wrapped in `memo` and declared once (style.md,
// React Flow): they re-render only when their own data changes.

import { Handle, Position, type NodeProps } from '@xyflow/react';
import { memo, type ReactElement } from 'react';
import { clientHandle, groupHandle, HANDLES } from '../../../shared/model/graph';
import type {
  IdentityPoolFlowNode,
  ManagedPolicyFlowNode,
  ProviderFlowNode,
  RoleFlowNode,
  UserPoolFlowNode,
} from '../flow-types';
import { ProviderIcon } from '../icons';
import { PROVIDER_KIND_LABELS } from '../provider-kinds';
import { NodeFrame } from './NodeFrame';

/** A connection point on the node's left edge: where relations from other nodes end. */
function InHandle({ id, title }: { id: string; title: string }): ReactElement {
  return (
    <Handle type="target" position={Position.Left} id={id} className="handle handle--in" title={title} />
  );
}

/** A connection point on the right edge: drag from it to create a relation. */
function OutHandle({
  id,
  title,
  variant,
}: {
  id: string;
  title: string;
  variant?: 'guest' | 'rules';
}): ReactElement {
  return (
    <Handle
      type="source"
      position={Position.Right}
      id={id}
      className={`handle handle--out${variant ? ` handle--${variant}` : ''}`}
      title={title}
    />
  );
}

function ProviderNodeView({ data, selected }: NodeProps<ProviderFlowNode>): ReactElement {
  return (
    <NodeFrame
      kind="provider"
      title={data.name}
      caption={PROVIDER_KIND_LABELS[data.providerKind]}
      subtitle={data.providerKey}
      icon={<ProviderIcon kind={data.providerKind} size={22} />}
      selected={selected}
      badge={data.badge}
    >
      <OutHandle id={HANDLES.providerOut} title="Drag to a user pool or an identity pool" />
    </NodeFrame>
  );
}

function UserPoolNodeView({ data, selected }: NodeProps<UserPoolFlowNode>): ReactElement {
  return (
    <NodeFrame
      kind="userPool"
      title={data.name}
      subtitle={data.poolId}
      selected={selected}
      badge={data.badge}
    >
      <InHandle id={HANDLES.userPoolFederation} title="Federated providers" />
      {data.clients.length > 0 ? <div className="node__section">App clients</div> : null}
      {data.clients.map((client) => (
        <div className="node__row" key={client.id} title={`App client id ${client.clientId}`}>
          <span className="node__row-label">{client.name}</span>
          <OutHandle id={clientHandle(client.id)} title="Drag to an identity pool" />
        </div>
      ))}
      {data.groups.length > 0 ? <div className="node__section">Groups</div> : null}
      {data.groups.map((group) => (
        <div className="node__row" key={group.name}>
          <span className="node__row-label">{group.name}</span>
          <span className="node__chip" title="Precedence: lower wins for cognito:preferred_role">
            {group.precedence === undefined ? 'no precedence' : `p${group.precedence}`}
          </span>
          <OutHandle id={groupHandle(group.name)} title="Drag to a role to attach it to the group" />
        </div>
      ))}
    </NodeFrame>
  );
}

function Flag({ on, label }: { on: boolean; label: string }): ReactElement {
  return <span className={`flag ${on ? 'flag--on' : 'flag--off'}`}>{`${label} ${on ? 'on' : 'off'}`}</span>;
}

function mappingSummary(mappings: number, rules: number): string {
  if (mappings === 0) return 'none';
  return `${mappings} · ${rules} rule${rules === 1 ? '' : 's'}`;
}

/** A row of the identity-pool card: what the pool hands out there, and the handle that sets it. */
function SlotRow({
  label,
  value,
  tooltip,
  children,
}: {
  label: string;
  value: string;
  tooltip?: string | undefined;
  children: ReactElement;
}): ReactElement {
  return (
    <div className="node__row">
      <span className="node__row-label">{label}</span>
      <span className="node__row-value" title={tooltip}>
        {value}
      </span>
      {children}
    </div>
  );
}

function IdentityPoolNodeView({ data, selected }: NodeProps<IdentityPoolFlowNode>): ReactElement {
  return (
    <NodeFrame
      kind="identityPool"
      title={data.name}
      subtitle={data.poolId}
      selected={selected}
      badge={data.badge}
    >
      <InHandle id={HANDLES.identityPoolLogins} title="Accepted logins" />
      <div className="node__flags">
        <Flag on={data.allowUnauthenticated} label="Guest access" />
        <Flag on={data.allowClassicFlow} label="Basic flow" />
      </div>
      <SlotRow
        label="Authenticated"
        value={data.authenticatedRoleName ?? '—'}
        tooltip={data.authenticatedRoleName}
      >
        <OutHandle
          id={HANDLES.identityPoolAuthenticated}
          title="Drag to a role: default authenticated role"
        />
      </SlotRow>
      <SlotRow label="Guest" value={data.guestRoleName ?? '—'} tooltip={data.guestRoleName}>
        <OutHandle
          id={HANDLES.identityPoolGuest}
          title="Drag to a role: guest (unauthenticated) role"
          variant="guest"
        />
      </SlotRow>
      <SlotRow label="Role mappings" value={mappingSummary(data.mappingCount, data.ruleCount)}>
        <OutHandle
          id={HANDLES.identityPoolRules}
          title="Drag to a role: add a mapping rule"
          variant="rules"
        />
      </SlotRow>
    </NodeFrame>
  );
}

function RoleNodeView({ data, selected }: NodeProps<RoleFlowNode>): ReactElement {
  const policies = data.inlinePolicyCount + data.managedPolicyCount;
  return (
    <NodeFrame
      kind="role"
      title={data.name}
      subtitle={data.path === '/' ? undefined : data.path}
      selected={selected}
      badge={data.badge}
    >
      <InHandle id={HANDLES.roleIn} title="Pools, rules and groups that hand out this role" />
      <div className="node__chips">
        <span className="node__chip">{`${policies} polic${policies === 1 ? 'y' : 'ies'}`}</span>
        {data.hasBoundary ? <span className="node__chip node__chip--accent">boundary</span> : null}
        <span className="node__chip">
          {data.trustMode === 'generated' ? 'trust: generated' : 'trust: custom'}
        </span>
      </div>
      <OutHandle id={HANDLES.rolePolicies} title="Drag to a managed policy to attach it" />
    </NodeFrame>
  );
}

function ManagedPolicyNodeView({ data, selected }: NodeProps<ManagedPolicyFlowNode>): ReactElement {
  return (
    <NodeFrame kind="managedPolicy" title={data.name} selected={selected} badge={data.badge}>
      <InHandle id={HANDLES.policyIn} title="Roles this policy is attached to" />
      <div className="node__chips">
        <span className="node__chip">{`${data.statementCount} statement${data.statementCount === 1 ? '' : 's'}`}</span>
        {data.path === '/' ? null : <span className="node__chip">{data.path}</span>}
      </div>
    </NodeFrame>
  );
}

export const ProviderNode = memo(ProviderNodeView);
export const UserPoolNode = memo(UserPoolNodeView);
export const IdentityPoolNode = memo(IdentityPoolNodeView);
export const RoleNode = memo(RoleNodeView);
export const ManagedPolicyNode = memo(ManagedPolicyNodeView);
