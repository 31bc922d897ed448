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
import { NodeFrame } from './NodeFrame';

const PROVIDER_CAPTIONS = {
  google: 'Google',
  facebook: 'Facebook',
  amazon: 'Login with Amazon',
  apple: 'Sign in with Apple',
  twitter: 'Twitter',
  oidc: 'OpenID Connect',
  saml: 'SAML 2.0',
  developer: 'Developer provider',
} as const;

function ProviderNodeView({ data, selected }: NodeProps<ProviderFlowNode>): ReactElement {
  return (
    <NodeFrame
      kind="provider"
      title={data.name}
      caption={PROVIDER_CAPTIONS[data.providerKind]}
      subtitle={data.providerKey}
      icon={<ProviderIcon kind={data.providerKind} size={22} />}
      selected={selected}
      badge={data.badge}
    >
      <Handle
        type="source"
        position={Position.Right}
        id={HANDLES.providerOut}
        className="handle handle--out"
        title="Drag to a user pool or an identity pool"
      />
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
      <Handle
        type="target"
        position={Position.Left}
        id={HANDLES.userPoolFederation}
        className="handle handle--in"
        title="Federated providers"
      />
      {data.clients.length > 0 ? <div className="node__section">App clients</div> : null}
      {data.clients.map((client) => (
        <div className="node__row" key={client.id} title={`App client id ${client.clientId}`}>
          <span className="node__row-label">{client.name}</span>
          <Handle
            type="source"
            position={Position.Right}
            id={clientHandle(client.id)}
            className="handle handle--out"
            title="Drag to an identity pool"
          />
        </div>
      ))}
      {data.groups.length > 0 ? <div className="node__section">Groups</div> : null}
      {data.groups.map((group) => (
        <div className="node__row" key={group.name}>
          <span className="node__row-label">{group.name}</span>
          <span className="node__chip" title="Precedence: lower wins for cognito:preferred_role">
            {group.precedence === undefined ? 'no precedence' : `p${group.precedence}`}
          </span>
          <Handle
            type="source"
            position={Position.Right}
            id={groupHandle(group.name)}
            className="handle handle--out"
            title="Drag to a role to attach it to the group"
          />
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

function IdentityPoolNodeView({ data, selected }: NodeProps<IdentityPoolFlowNode>): ReactElement {
  return (
    <NodeFrame
      kind="identityPool"
      title={data.name}
      subtitle={data.poolId}
      selected={selected}
      badge={data.badge}
    >
      <Handle
        type="target"
        position={Position.Left}
        id={HANDLES.identityPoolLogins}
        className="handle handle--in"
        title="Accepted logins"
      />
      <div className="node__flags">
        <Flag on={data.allowUnauthenticated} label="Guest access" />
        <Flag on={data.allowClassicFlow} label="Basic flow" />
      </div>
      <div className="node__row">
        <span className="node__row-label">Authenticated</span>
        <span className="node__row-value" title={data.authenticatedRoleName}>
          {data.authenticatedRoleName ?? '—'}
        </span>
        <Handle
          type="source"
          position={Position.Right}
          id={HANDLES.identityPoolAuthenticated}
          className="handle handle--out"
          title="Drag to a role: default authenticated role"
        />
      </div>
      <div className="node__row">
        <span className="node__row-label">Guest</span>
        <span className="node__row-value" title={data.guestRoleName}>
          {data.guestRoleName ?? '—'}
        </span>
        <Handle
          type="source"
          position={Position.Right}
          id={HANDLES.identityPoolGuest}
          className="handle handle--out handle--guest"
          title="Drag to a role: guest (unauthenticated) role"
        />
      </div>
      <div className="node__row">
        <span className="node__row-label">Role mappings</span>
        <span className="node__row-value">{mappingSummary(data.mappingCount, data.ruleCount)}</span>
        <Handle
          type="source"
          position={Position.Right}
          id={HANDLES.identityPoolRules}
          className="handle handle--out handle--rules"
          title="Drag to a role: add a mapping rule"
        />
      </div>
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
      <Handle
        type="target"
        position={Position.Left}
        id={HANDLES.roleIn}
        className="handle handle--in"
        title="Pools, rules and groups that hand out this role"
      />
      <div className="node__chips">
        <span className="node__chip">{`${policies} polic${policies === 1 ? 'y' : 'ies'}`}</span>
        {data.hasBoundary ? <span className="node__chip node__chip--accent">boundary</span> : null}
        <span className="node__chip">
          {data.trustMode === 'generated' ? 'trust: generated' : 'trust: custom'}
        </span>
      </div>
      <Handle
        type="source"
        position={Position.Right}
        id={HANDLES.rolePolicies}
        className="handle handle--out"
        title="Drag to a managed policy to attach it"
      />
    </NodeFrame>
  );
}

function ManagedPolicyNodeView({ data, selected }: NodeProps<ManagedPolicyFlowNode>): ReactElement {
  return (
    <NodeFrame kind="managedPolicy" title={data.name} selected={selected} badge={data.badge}>
      <Handle
        type="target"
        position={Position.Left}
        id={HANDLES.policyIn}
        className="handle handle--in"
        title="Roles this policy is attached to"
      />
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
