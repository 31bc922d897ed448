// Estimated handle positions for nodes React Flow has not measured yet. Without them React Flow
// renders every node once to measure its handles, which defeats virtualisation on large designs;
// with them, off-screen nodes stay unrendered and edges to them use these estimates until the
// node scrolls into view and is measured. Offsets mirror the node layout in canvas.css.

import { Position, type NodeHandle } from '@xyflow/react';
import { clientHandle, groupHandle, HANDLES, type GraphNode } from '../../shared/model/graph';

const HANDLE_SIZE = 10;
const HEADER = 50;
const SUBTITLE = 17;
const SECTION = 20;
const ROW = 24;
const FLAGS = 26;

function handle(id: string, type: 'source' | 'target', width: number, centreY: number): NodeHandle {
  const position = type === 'source' ? Position.Right : Position.Left;
  const x = type === 'source' ? width - HANDLE_SIZE / 2 : -HANDLE_SIZE / 2;
  return { id, type, position, x, y: centreY - HANDLE_SIZE / 2, width: HANDLE_SIZE, height: HANDLE_SIZE };
}

export function estimatedHandles(node: GraphNode): NodeHandle[] {
  const { width, height } = node.size;
  const data = node.data;
  switch (data.kind) {
    case 'provider':
      return [handle(HANDLES.providerOut, 'source', width, height / 2)];
    case 'userPool': {
      const handles = [handle(HANDLES.userPoolFederation, 'target', width, height / 2)];
      let y = HEADER + SUBTITLE;
      if (data.clients.length > 0) y += SECTION;
      for (const client of data.clients) {
        handles.push(handle(clientHandle(client.id), 'source', width, y + ROW / 2));
        y += ROW;
      }
      if (data.groups.length > 0) y += SECTION;
      for (const group of data.groups) {
        handles.push(handle(groupHandle(group.name), 'source', width, y + ROW / 2));
        y += ROW;
      }
      return handles;
    }
    case 'identityPool': {
      const first = HEADER + SUBTITLE + FLAGS + ROW / 2;
      return [
        handle(HANDLES.identityPoolLogins, 'target', width, height / 2),
        handle(HANDLES.identityPoolAuthenticated, 'source', width, first),
        handle(HANDLES.identityPoolGuest, 'source', width, first + ROW),
        handle(HANDLES.identityPoolRules, 'source', width, first + 2 * ROW),
      ];
    }
    case 'role':
      return [
        handle(HANDLES.roleIn, 'target', width, height / 2),
        handle(HANDLES.rolePolicies, 'source', width, height / 2),
      ];
    case 'managedPolicy':
      return [handle(HANDLES.policyIn, 'target', width, height / 2)];
  }
}
