// What deleting entities disconnects: every relation between a deleted entity and one that stays
// (a pool's default role, a rule, a group's role, an attached policy). Shown before the deletion,
// so that removing a role used elsewhere is never a surprise.

import { deriveGraph, type GraphEdgeKind } from '../../../shared/model/graph';
import type { DesignDocument } from '../../../shared/model/types';

const RELATION: Record<GraphEdgeKind, string> = {
  federation: 'federation',
  acceptance: 'accepted login',
  authenticatedRole: 'default authenticated role',
  guestRole: 'guest role',
  ruleRole: 'role rule',
  groupRole: 'group role',
  managedPolicy: 'attached policy',
  permissionsBoundary: 'permissions boundary',
};

/** One line per relation the deletion of `ids` removes from entities that are not deleted. */
export function describeDisconnections(design: DesignDocument, ids: readonly string[]): string[] {
  const deleted = new Set(ids);
  const graph = deriveGraph(design);
  const names = new Map(graph.nodes.map((node) => [node.id, node.data.name]));
  const lines: string[] = [];
  for (const edge of graph.edges) {
    const sourceGoes = deleted.has(edge.source);
    const targetGoes = deleted.has(edge.target);
    if (sourceGoes === targetGoes) continue;
    const relation = edge.kind === 'ruleRole' && edge.label ? `role rule ${edge.label}` : RELATION[edge.kind];
    lines.push(
      `${names.get(edge.source) ?? edge.source} → ${names.get(edge.target) ?? edge.target}: ${relation}`,
    );
  }
  return lines;
}
