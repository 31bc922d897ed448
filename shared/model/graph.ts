// Graph derivation: the canvas shows a graph *derived* from the design document, never a second
// source of truth. Pure and library-agnostic: the renderer adapts these nodes and edges to React
// Flow, auto-layout (auto-layout.ts) places them, tests call it directly.

import { managedPolicyArn, resolveProviderRef } from './keys';
import type { DesignDocument, MatchType, Point, ProviderKind, ProviderRef } from './types';

export type GraphNodeKind = 'provider' | 'userPool' | 'identityPool' | 'role' | 'managedPolicy';

export interface ProviderNodeData {
  kind: 'provider';
  name: string;
  providerKind: ProviderKind;
  providerKey: string;
  clientCount: number;
}

export interface UserPoolNodeData {
  kind: 'userPool';
  name: string;
  poolId: string;
  clients: { id: string; name: string; clientId: string }[];
  groups: { name: string; precedence?: number; roleName?: string }[];
  federatedCount: number;
}

export interface IdentityPoolNodeData {
  kind: 'identityPool';
  name: string;
  poolId: string;
  allowUnauthenticated: boolean;
  allowClassicFlow: boolean;
  acceptedCount: number;
  mappingCount: number;
  ruleCount: number;
  authenticatedRoleName?: string;
  guestRoleName?: string;
}

export interface RoleNodeData {
  kind: 'role';
  name: string;
  path: string;
  inlinePolicyCount: number;
  managedPolicyCount: number;
  hasBoundary: boolean;
  trustMode: 'generated' | 'custom';
}

export interface ManagedPolicyNodeData {
  kind: 'managedPolicy';
  name: string;
  path: string;
  statementCount: number;
}

export type GraphNodeData =
  ProviderNodeData | UserPoolNodeData | IdentityPoolNodeData | RoleNodeData | ManagedPolicyNodeData;

export interface Size {
  width: number;
  height: number;
}

export interface GraphNode {
  /** The entity's design id (layout positions are keyed by it). */
  id: string;
  data: GraphNodeData;
  /** From `design.layout`; undefined when the layout has no entry (auto-layout fills it). */
  position: Point | undefined;
  /** Estimated rendered size, used by auto-layout. */
  size: Size;
}

export type GraphEdgeKind =
  | 'federation'
  | 'acceptance'
  | 'authenticatedRole'
  | 'guestRole'
  | 'ruleRole'
  | 'groupRole'
  | 'managedPolicy'
  | 'permissionsBoundary';

export interface GraphEdge {
  id: string;
  kind: GraphEdgeKind;
  source: string;
  target: string;
  /** Handle ids; the renderer's node components declare handles with these ids. */
  sourceHandle: string;
  targetHandle: string;
  label?: string;
  /** Rule edges: the compact text drawn on the canvas, `#1 hd = example.com`. */
  shortLabel?: string;
  /** For rule edges: where the rule lives, so the inspector can open it. */
  rule?: { identityPoolId: string; mappingId: string; ruleId: string; order: number };
  /** For group edges: whether some identity pool maps this user pool's clients by Token. */
  tokenMapped?: boolean;
}

export interface DesignGraph {
  nodes: GraphNode[];
  edges: GraphEdge[];
}

/** Handle ids shared by graph derivation, connection checks and the node components. */
export const HANDLES = {
  providerOut: 'out',
  userPoolFederation: 'federation',
  userPoolOut: 'pool',
  identityPoolLogins: 'logins',
  identityPoolAuthenticated: 'authenticated',
  identityPoolGuest: 'guest',
  identityPoolRules: 'rules',
  roleIn: 'in',
  rolePolicies: 'policies',
  policyIn: 'in',
} as const;

export function clientHandle(clientDesignId: string): string {
  return `client:${clientDesignId}`;
}

export function groupHandle(groupName: string): string {
  return `group:${groupName}`;
}

/** Rule label as shown on its edge: `#1 custom:tenant Equals acme`. */
export function ruleLabel(
  order: number,
  rule: { claim: string; matchType: MatchType; value: string },
): string {
  return `#${order} ${rule.claim} ${rule.matchType} ${rule.value}`;
}

const MATCH_SYMBOL: Record<MatchType, string> = {
  Equals: '=',
  NotEqual: '≠',
  Contains: 'contains',
  StartsWith: 'starts with',
};

/** What a rule edge shows on the canvas: order, claim, a compact operator and the value. */
export function shortRuleLabel(
  order: number,
  rule: { claim: string; matchType: MatchType; value: string },
): string {
  return `#${order} ${rule.claim} ${MATCH_SYMBOL[rule.matchType]} ${rule.value}`;
}

const WIDTH = { provider: 240, userPool: 270, identityPool: 270, role: 240, managedPolicy: 220 } as const;
const ROW_HEIGHT = 24;

export function estimateSize(data: GraphNodeData): Size {
  switch (data.kind) {
    case 'provider':
      return { width: WIDTH.provider, height: 78 };
    case 'userPool': {
      const sections = (data.clients.length > 0 ? 1 : 0) + (data.groups.length > 0 ? 1 : 0);
      return {
        width: WIDTH.userPool,
        height: 64 + sections * 22 + (data.clients.length + data.groups.length) * ROW_HEIGHT,
      };
    }
    case 'identityPool':
      return { width: WIDTH.identityPool, height: 150 };
    case 'role':
      return { width: WIDTH.role, height: 86 };
    case 'managedPolicy':
      return { width: WIDTH.managedPolicy, height: 66 };
  }
}

function optionalName<K extends string>(
  key: K,
  id: string | undefined,
  names: Map<string, string>,
): Partial<Record<K, string>> {
  const name = id === undefined ? undefined : names.get(id);
  return name === undefined ? {} : ({ [key]: name } as Partial<Record<K, string>>);
}

function statementCount(statement: unknown): number {
  if (Array.isArray(statement)) return statement.length;
  return statement && typeof statement === 'object' ? 1 : 0;
}

function refSourceNode(ref: ProviderRef): { source: string; sourceHandle: string } {
  return ref.type === 'provider'
    ? { source: ref.providerId, sourceHandle: HANDLES.providerOut }
    : { source: ref.userPoolId, sourceHandle: clientHandle(ref.clientId) };
}

function refId(ref: ProviderRef): string {
  return ref.type === 'provider' ? ref.providerId : `${ref.userPoolId}/${ref.clientId}`;
}

/** Derives the canvas graph. Edges whose endpoints do not exist are left out (validation reports them). */
export function deriveGraph(design: DesignDocument): DesignGraph {
  const nodes: GraphNode[] = [];
  const positions = design.layout.positions;
  const roleNames = new Map(design.roles.map((role) => [role.id, role.name]));

  function push(id: string, data: GraphNodeData): void {
    nodes.push({ id, data, position: positions[id], size: estimateSize(data) });
  }

  for (const provider of design.providers) {
    push(provider.id, {
      kind: 'provider',
      name: provider.name,
      providerKind: provider.kind,
      providerKey: provider.providerKey,
      clientCount: provider.clientIds.length,
    });
  }
  for (const pool of design.userPools) {
    push(pool.id, {
      kind: 'userPool',
      name: pool.name,
      poolId: pool.poolId,
      clients: pool.clients.map((client) => ({
        id: client.id,
        name: client.name,
        clientId: client.clientId,
      })),
      groups: pool.groups.map((group) => ({
        name: group.name,
        ...(group.precedence === undefined ? {} : { precedence: group.precedence }),
        ...optionalName('roleName', group.roleId, roleNames),
      })),
      federatedCount: pool.federatedProviderIds.length,
    });
  }
  for (const pool of design.identityPools) {
    push(pool.id, {
      kind: 'identityPool',
      name: pool.name,
      poolId: pool.poolId,
      allowUnauthenticated: pool.allowUnauthenticated,
      allowClassicFlow: pool.allowClassicFlow,
      acceptedCount: pool.acceptedProviders.length,
      mappingCount: pool.roleMappings.length,
      ruleCount: pool.roleMappings.reduce(
        (sum, mapping) => sum + (mapping.type === 'Rules' ? mapping.rules.length : 0),
        0,
      ),
      ...optionalName('authenticatedRoleName', pool.authenticatedRoleId, roleNames),
      ...optionalName('guestRoleName', pool.unauthenticatedRoleId, roleNames),
    });
  }
  for (const role of design.roles) {
    push(role.id, {
      kind: 'role',
      name: role.name,
      path: role.path,
      inlinePolicyCount: role.inlinePolicies.length,
      managedPolicyCount: role.managedPolicyArns.length,
      hasBoundary: role.permissionsBoundaryArn !== undefined && role.permissionsBoundaryArn !== '',
      trustMode: role.trustPolicy.mode,
    });
  }
  for (const policy of design.managedPolicies) {
    push(policy.id, {
      kind: 'managedPolicy',
      name: policy.name,
      path: policy.path,
      statementCount: statementCount(policy.document.Statement),
    });
  }

  return { nodes, edges: deriveEdges(design, new Set(nodes.map((node) => node.id))) };
}

function deriveEdges(design: DesignDocument, nodeIds: Set<string>): GraphEdge[] {
  const edges: GraphEdge[] = [];
  function push(edge: GraphEdge): void {
    if (nodeIds.has(edge.source) && nodeIds.has(edge.target)) edges.push(edge);
  }

  for (const pool of design.userPools) {
    for (const providerId of pool.federatedProviderIds) {
      push({
        id: `federation:${providerId}->${pool.id}`,
        kind: 'federation',
        source: providerId,
        target: pool.id,
        sourceHandle: HANDLES.providerOut,
        targetHandle: HANDLES.userPoolFederation,
        label: 'federated',
      });
    }
  }

  const tokenMappedUserPools = new Set<string>();
  for (const pool of design.identityPools) {
    for (const ref of pool.acceptedProviders) {
      if (!resolveProviderRef(design, ref)) continue;
      push({
        id: `acceptance:${refId(ref)}->${pool.id}`,
        kind: 'acceptance',
        ...refSourceNode(ref),
        target: pool.id,
        targetHandle: HANDLES.identityPoolLogins,
      });
    }
    if (pool.authenticatedRoleId) {
      push({
        id: `authenticatedRole:${pool.id}->${pool.authenticatedRoleId}`,
        kind: 'authenticatedRole',
        source: pool.id,
        target: pool.authenticatedRoleId,
        sourceHandle: HANDLES.identityPoolAuthenticated,
        targetHandle: HANDLES.roleIn,
        label: 'authenticated',
      });
    }
    if (pool.unauthenticatedRoleId) {
      push({
        id: `guestRole:${pool.id}->${pool.unauthenticatedRoleId}`,
        kind: 'guestRole',
        source: pool.id,
        target: pool.unauthenticatedRoleId,
        sourceHandle: HANDLES.identityPoolGuest,
        targetHandle: HANDLES.roleIn,
        label: 'guest',
      });
    }
    for (const mapping of pool.roleMappings) {
      if (mapping.type === 'Token') {
        if (mapping.provider.type === 'userPoolClient') tokenMappedUserPools.add(mapping.provider.userPoolId);
        continue;
      }
      mapping.rules.forEach((rule, index) => {
        push({
          id: `ruleRole:${pool.id}/${mapping.id}/${rule.id}`,
          kind: 'ruleRole',
          source: pool.id,
          target: rule.roleId,
          sourceHandle: HANDLES.identityPoolRules,
          targetHandle: HANDLES.roleIn,
          label: ruleLabel(index + 1, rule),
          shortLabel: shortRuleLabel(index + 1, rule),
          rule: { identityPoolId: pool.id, mappingId: mapping.id, ruleId: rule.id, order: index + 1 },
        });
      });
    }
  }

  for (const pool of design.userPools) {
    for (const group of pool.groups) {
      if (!group.roleId) continue;
      push({
        id: `groupRole:${pool.id}/${group.name}->${group.roleId}`,
        kind: 'groupRole',
        source: pool.id,
        target: group.roleId,
        sourceHandle: groupHandle(group.name),
        targetHandle: HANDLES.roleIn,
        label:
          group.precedence === undefined
            ? `group ${group.name}`
            : `group ${group.name} · precedence ${group.precedence}`,
        tokenMapped: tokenMappedUserPools.has(pool.id),
      });
    }
  }

  const policiesByArn = new Map(
    design.managedPolicies.map((policy) => [managedPolicyArn(design.account, policy), policy.id]),
  );
  for (const role of design.roles) {
    for (const arn of role.managedPolicyArns) {
      const policyId = policiesByArn.get(arn);
      if (!policyId) continue;
      push({
        id: `managedPolicy:${role.id}->${policyId}`,
        kind: 'managedPolicy',
        source: role.id,
        target: policyId,
        sourceHandle: HANDLES.rolePolicies,
        targetHandle: HANDLES.policyIn,
      });
    }
    const boundaryId = role.permissionsBoundaryArn
      ? policiesByArn.get(role.permissionsBoundaryArn)
      : undefined;
    if (boundaryId) {
      push({
        id: `permissionsBoundary:${role.id}->${boundaryId}`,
        kind: 'permissionsBoundary',
        source: role.id,
        target: boundaryId,
        sourceHandle: HANDLES.rolePolicies,
        targetHandle: HANDLES.policyIn,
        label: 'boundary',
      });
    }
  }
  return edges;
}
