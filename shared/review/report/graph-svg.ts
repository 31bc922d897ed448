// The design's graph as a standalone SVG image for the review report: the nodes the canvas shows,
// at their layout positions (auto-layout for nodes without one), and the edges between them. Pure:
// the same picture from the CLI and from the app, with no fonts, scripts or links to fetch.

import { autoLayout } from '../../model/auto-layout';
import { deriveGraph, type GraphEdgeKind, type GraphNode, type GraphNodeData } from '../../model/graph';
import type { DesignDocument, Point } from '../../model/types';
import { escapeHtml } from './escape';

const MARGIN = 24;
const NODE_HEIGHT = 64;

const KIND_LABEL: Record<GraphNodeData['kind'], string> = {
  provider: 'Identity provider',
  userPool: 'User pool',
  identityPool: 'Identity pool',
  role: 'IAM role',
  managedPolicy: 'Managed policy',
};

const KIND_COLOUR: Record<GraphNodeData['kind'], string> = {
  provider: '#7b4fd6',
  userPool: '#c2410c',
  identityPool: '#b45309',
  role: '#1d4ed8',
  managedPolicy: '#0f766e',
};

const EDGE_STYLE: Record<GraphEdgeKind, { colour: string; dash?: string }> = {
  federation: { colour: '#7b4fd6' },
  acceptance: { colour: '#b45309' },
  authenticatedRole: { colour: '#1d4ed8' },
  guestRole: { colour: '#6b7280', dash: '6 4' },
  ruleRole: { colour: '#2563eb', dash: '2 3' },
  groupRole: { colour: '#c2410c', dash: '2 3' },
  managedPolicy: { colour: '#0f766e' },
  permissionsBoundary: { colour: '#b91c1c', dash: '6 4' },
};

function detail(data: GraphNodeData): string {
  switch (data.kind) {
    case 'provider':
      return data.providerKey;
    case 'userPool':
    case 'identityPool':
      return data.poolId;
    case 'role':
    case 'managedPolicy':
      return `${data.path}${data.name}`;
  }
}

/** Keeps a label within a box: a box of this width holds roughly width / 7 characters. */
function fit(text: string, width: number, characterWidth = 7): string {
  const max = Math.max(4, Math.floor((width - 20) / characterWidth));
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

async function positionsOf(nodes: GraphNode[], edges: ReturnType<typeof deriveGraph>['edges']) {
  const positions = new Map<string, Point>();
  if (nodes.some((node) => node.position === undefined)) {
    const laidOut = await autoLayout(nodes, edges);
    for (const node of nodes) positions.set(node.id, node.position ?? laidOut[node.id] ?? { x: 0, y: 0 });
  } else {
    for (const node of nodes) positions.set(node.id, node.position as Point);
  }
  return positions;
}

/** An SVG document (text) of the design's graph; `title` is its accessible name. */
export async function designGraphSvg(design: DesignDocument): Promise<string> {
  const graph = deriveGraph(design);
  const title = `Graph of ${design.name}`;
  if (graph.nodes.length === 0)
    return `<svg xmlns="http://www.w3.org/2000/svg" role="img" viewBox="0 0 320 60" width="320" height="60"><title>${escapeHtml(title)}</title><text x="16" y="34" font-family="sans-serif" font-size="14" fill="#555">The design has no entities yet.</text></svg>`;
  const positions = await positionsOf(graph.nodes, graph.edges);
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (const node of graph.nodes) {
    const at = positions.get(node.id) as Point;
    minX = Math.min(minX, at.x);
    minY = Math.min(minY, at.y);
    maxX = Math.max(maxX, at.x + node.size.width);
    maxY = Math.max(maxY, at.y + NODE_HEIGHT);
  }
  const shift = (point: Point): Point => ({ x: point.x - minX + MARGIN, y: point.y - minY + MARGIN });
  const width = Math.ceil(maxX - minX + 2 * MARGIN);
  const height = Math.ceil(maxY - minY + 2 * MARGIN);
  const byId = new Map(graph.nodes.map((node) => [node.id, node]));

  const edges = graph.edges.flatMap((edge) => {
    const source = byId.get(edge.source);
    const target = byId.get(edge.target);
    if (!source || !target) return [];
    const from = shift(positions.get(source.id) as Point);
    const to = shift(positions.get(target.id) as Point);
    const start = { x: from.x + source.size.width, y: from.y + NODE_HEIGHT / 2 };
    const end = { x: to.x, y: to.y + NODE_HEIGHT / 2 };
    const bend = Math.max(40, Math.abs(end.x - start.x) / 2);
    const style = EDGE_STYLE[edge.kind];
    const label = edge.label
      ? `<text x="${(start.x + end.x) / 2}" y="${(start.y + end.y) / 2 - 4}" font-size="10" text-anchor="middle" fill="#374151">${escapeHtml(fit(edge.label, 220))}</text>`
      : '';
    return [
      `<path d="M${start.x} ${start.y} C${start.x + bend} ${start.y} ${end.x - bend} ${end.y} ${end.x} ${end.y}" fill="none" stroke="${style.colour}" stroke-width="1.5"${style.dash ? ` stroke-dasharray="${style.dash}"` : ''} marker-end="url(#arrow)"/>${label}`,
    ];
  });

  const nodes = graph.nodes.map((node) => {
    const at = shift(positions.get(node.id) as Point);
    const colour = KIND_COLOUR[node.data.kind];
    const nodeWidth = node.size.width;
    return [
      `<g>`,
      `<rect x="${at.x}" y="${at.y}" width="${nodeWidth}" height="${NODE_HEIGHT}" rx="8" fill="#ffffff" stroke="${colour}" stroke-width="1.5"/>`,
      `<rect x="${at.x}" y="${at.y}" width="6" height="${NODE_HEIGHT}" rx="3" fill="${colour}"/>`,
      `<text x="${at.x + 14}" y="${at.y + 18}" font-size="10" fill="${colour}">${escapeHtml(KIND_LABEL[node.data.kind])}</text>`,
      `<text x="${at.x + 14}" y="${at.y + 36}" font-size="13" font-weight="600" fill="#111827">${escapeHtml(fit(node.data.name, nodeWidth, 8.5))}</text>`,
      `<text x="${at.x + 14}" y="${at.y + 53}" font-size="10" fill="#4b5563">${escapeHtml(fit(detail(node.data), nodeWidth))}</text>`,
      `</g>`,
    ].join('');
  });

  return [
    `<svg xmlns="http://www.w3.org/2000/svg" role="img" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" font-family="system-ui, sans-serif">`,
    `<title>${escapeHtml(title)}</title>`,
    `<defs><marker id="arrow" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path d="M0 0 L10 5 L0 10 z" fill="#6b7280"/></marker></defs>`,
    ...edges,
    ...nodes,
    `</svg>`,
  ].join('\n');
}
