// Where a simulated identity went on the design graph (provider → user pool → app client → identity pool →
// mapping → rule #n or token claim → role), and which graph element each trace step is about. Edges are found
// in the derived graph by kind and endpoints, not by rebuilding their ids, so the two never drift apart.

import { clientHandle, deriveGraph, groupHandle, type GraphEdge, type GraphEdgeKind } from '../model/graph';
import type { DesignDocument } from '../model/types';
import type { SimulationResult, TraceStep } from './types';

/** Node ids (entity design ids) and edge ids of `deriveGraph`. */
export interface GraphElements {
  nodes: string[];
  edges: string[];
}

export interface SimulationPath extends GraphElements {
  /** Design id of the role the identity reached (or whose trust check refused it). */
  roleId?: string;
}

const EMPTY: GraphElements = { nodes: [], edges: [] };

function stepData(result: SimulationResult, id: string): Record<string, unknown> | undefined {
  return result.trace.find((step) => step.id === id)?.data;
}

function passed(result: SimulationResult, id: string): boolean {
  return result.trace.some((step) => step.id === id && step.outcome === 'pass');
}

/** The role the simulation arrived at: the credentials' role, or the role whose trust check failed. */
function reachedRoleId(result: SimulationResult): string | undefined {
  if (result.outcome === 'credentials') return result.role.id;
  const roleId = stepData(result, 'trust')?.roleId;
  return typeof roleId === 'string' ? roleId : undefined;
}

/** The app client (design id) of a user-pool login, from the client id at the end of the mapping key. */
function loginClientId(design: DesignDocument, result: SimulationResult): string | undefined {
  const login = result.login;
  if (login?.kind !== 'userPool' || !login.mappingKey || !login.entityId) return undefined;
  const clientId = login.mappingKey.slice(login.mappingKey.lastIndexOf(':') + 1);
  const pool = design.userPools.find((candidate) => candidate.id === login.entityId);
  return pool?.clients.find((client) => client.clientId === clientId)?.id;
}

function findEdges(
  edges: readonly GraphEdge[],
  kind: GraphEdgeKind,
  match: (edge: GraphEdge) => boolean,
): GraphEdge[] {
  return edges.filter((edge) => edge.kind === kind && match(edge));
}

function groupsOf(result: SimulationResult): string[] {
  const groups = result.claims?.['cognito:groups'];
  return Array.isArray(groups) ? groups.filter((group): group is string => typeof group === 'string') : [];
}

/** The edge(s) that brought the identity from the identity pool (or its user pool's groups) to the role. */
function roleEdges(
  design: DesignDocument,
  result: SimulationResult,
  edges: readonly GraphEdge[],
  roleId: string,
): GraphEdge[] {
  const poolId = result.identityPool?.id;
  if (result.flow === 'basic' || poolId === undefined) return [];
  const toRole = (edge: GraphEdge): boolean => edge.source === poolId && edge.target === roleId;
  if (result.login?.kind === 'guest')
    return passed(result, 'unauthenticated-role') ? findEdges(edges, 'guestRole', toRole) : [];
  if (passed(result, 'default-authenticated-role')) return findEdges(edges, 'authenticatedRole', toRole);
  const ruleEdges = findEdges(
    edges,
    'ruleRole',
    (edge) => toRole(edge) && edge.rule !== undefined && passed(result, `rule:${edge.rule.ruleId}`),
  );
  // Without CustomRoleArn only the first matching rule counts; with it, the matching rule that gives its role.
  if (ruleEdges.length > 0) return ruleEdges.slice(0, 1);
  const userPoolId = result.login?.kind === 'userPool' ? result.login.entityId : undefined;
  if (userPoolId === undefined) return [];
  // Token mapping: the role came from cognito:preferred_role / cognito:roles, i.e. from the user's groups.
  const groups = new Set(groupsOf(result));
  const pool = design.userPools.find((candidate) => candidate.id === userPoolId);
  const groupNames = new Set(
    pool?.groups
      .filter((group) => groups.has(group.name) && group.roleId === roleId)
      .map((group) => group.name),
  );
  return findEdges(
    edges,
    'groupRole',
    (edge) =>
      edge.source === userPoolId &&
      edge.target === roleId &&
      [...groupNames].some((name) => edge.sourceHandle === groupHandle(name)),
  );
}

/** The nodes and edges the identity travelled, in order; empty when the input named no pool of the design. */
export function simulationPath(design: DesignDocument, result: SimulationResult): SimulationPath {
  const poolId = result.identityPool?.id;
  if (poolId === undefined) return { ...EMPTY };
  const graph = deriveGraph(design);
  const nodeIds = new Set(graph.nodes.map((node) => node.id));
  const nodes: string[] = [];
  const edges: string[] = [];
  const entityId = result.login?.entityId;
  if (entityId !== undefined && nodeIds.has(entityId)) {
    nodes.push(entityId);
    const clientId = loginClientId(design, result);
    const acceptance = findEdges(
      graph.edges,
      'acceptance',
      (edge) =>
        edge.source === entityId &&
        edge.target === poolId &&
        (clientId === undefined || edge.sourceHandle === clientHandle(clientId)),
    );
    edges.push(...acceptance.map((edge) => edge.id));
  }
  nodes.push(poolId);
  const roleId = reachedRoleId(result);
  if (roleId === undefined || !nodeIds.has(roleId)) return { nodes, edges };
  edges.push(...roleEdges(design, result, graph.edges, roleId).map((edge) => edge.id));
  nodes.push(roleId);
  return { nodes, edges, roleId };
}

const LOGIN_STEPS = new Set([
  'token',
  'token-groups',
  'token-attributes',
  'token-pre-token-generation',
  'provider-key',
  'provider-key-client',
  'token-audience',
  'token-use',
  'token-expiry',
  'server-side-token-check',
  'developer',
]);

const ROLE_STEPS = new Set(['trust', 'session', 'scope-down', 'basic-role', 'unknown-role']);

/** The graph element a trace step is about, so that choosing the step selects it on the canvas. */
export function traceStepElements(
  design: DesignDocument,
  result: SimulationResult,
  step: TraceStep,
): GraphElements {
  const path = simulationPath(design, result);
  const poolId = result.identityPool?.id;
  const entityId = result.login?.entityId;
  const graph = deriveGraph(design);
  if (step.id.startsWith('rule:')) {
    const ruleId = step.id.slice('rule:'.length);
    const edge = graph.edges.find(
      (candidate) => candidate.kind === 'ruleRole' && candidate.rule?.ruleId === ruleId,
    );
    return edge ? { nodes: [], edges: [edge.id] } : EMPTY;
  }
  if (LOGIN_STEPS.has(step.id) && entityId !== undefined) return { nodes: [entityId], edges: [] };
  if (step.id === 'provider-accepted') {
    const acceptance = path.edges.find((id) =>
      graph.edges.some((edge) => edge.id === id && edge.kind === 'acceptance'),
    );
    if (acceptance) return { nodes: [], edges: [acceptance] };
  }
  if (
    [
      'default-authenticated-role',
      'unauthenticated-role',
      'preferred-role',
      'custom-role-arn',
      'token-roles',
    ].includes(step.id)
  ) {
    const roleEdge = path.edges.find((id) =>
      graph.edges.some((edge) => edge.id === id && edge.kind !== 'acceptance'),
    );
    if (roleEdge) return { nodes: [], edges: [roleEdge] };
  }
  if (ROLE_STEPS.has(step.id) && path.roleId !== undefined) return { nodes: [path.roleId], edges: [] };
  const roleId = step.data?.roleId;
  if (typeof roleId === 'string' && graph.nodes.some((node) => node.id === roleId))
    return { nodes: [roleId], edges: [] };
  return poolId === undefined ? EMPTY : { nodes: [poolId], edges: [] };
}
