// React Flow node and edge typings for the canvas (style.md: `Node<Data, 'kind'>`, one union).

import type { Edge, Node } from '@xyflow/react';
import type {
  GraphEdge,
  IdentityPoolNodeData,
  ManagedPolicyNodeData,
  ProviderNodeData,
  RoleNodeData,
  UserPoolNodeData,
} from '../../shared/model/graph';
import type { UiState } from '../state/types';

export type FindingBadge = UiState['findings'][string];

type WithBadge<T> = T & { badge?: FindingBadge } & Record<string, unknown>;

export type ProviderFlowNode = Node<WithBadge<ProviderNodeData>, 'provider'>;
export type UserPoolFlowNode = Node<WithBadge<UserPoolNodeData>, 'userPool'>;
export type IdentityPoolFlowNode = Node<WithBadge<IdentityPoolNodeData>, 'identityPool'>;
export type RoleFlowNode = Node<WithBadge<RoleNodeData>, 'role'>;
export type ManagedPolicyFlowNode = Node<WithBadge<ManagedPolicyNodeData>, 'managedPolicy'>;

export type AppNode =
  ProviderFlowNode | UserPoolFlowNode | IdentityPoolFlowNode | RoleFlowNode | ManagedPolicyFlowNode;

export type AppEdgeData = Pick<GraphEdge, 'kind' | 'label' | 'shortLabel' | 'rule' | 'tokenMapped'> &
  Record<string, unknown>;
export type AppEdge = Edge<AppEdgeData, 'relation'>;
