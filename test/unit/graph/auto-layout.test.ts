import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { autoLayout } from '../../../shared/model/auto-layout';
import { deriveGraph, type GraphNode } from '../../../shared/model/graph';
import { loadDesign } from '../../../shared/model/io';
import { aClient, aDesign, anIdentityPool, aProvider, aRole, aUserPool } from '../builders/design';

function overlap(a: GraphNode, b: GraphNode, positions: Record<string, { x: number; y: number }>): boolean {
  const pa = positions[a.id]!;
  const pb = positions[b.id]!;
  return (
    pa.x < pb.x + b.size.width &&
    pb.x < pa.x + a.size.width &&
    pa.y < pb.y + b.size.height &&
    pb.y < pa.y + a.size.height
  );
}

describe('autoLayout', () => {
  it('places every node, without overlaps, left to right along the login flow', async () => {
    const design = aDesign()
      .with((draft) => {
        draft.providers.push(aProvider('saml', { id: 'saml' }), aProvider('google', { id: 'google' }));
        draft.userPools.push(
          aUserPool({ id: 'users', clients: [aClient({ id: 'web' })], federatedProviderIds: ['saml'] }),
        );
        draft.roles.push(aRole({ id: 'reader' }), aRole({ id: 'writer' }));
        draft.identityPools.push(
          anIdentityPool({
            id: 'ids',
            acceptedProviders: [
              { type: 'userPoolClient', userPoolId: 'users', clientId: 'web' },
              { type: 'provider', providerId: 'google' },
            ],
            authenticatedRoleId: 'reader',
            unauthenticatedRoleId: 'writer',
          }),
        );
      })
      .build();
    const graph = deriveGraph(design);
    const positions = await autoLayout(graph.nodes, graph.edges);
    expect(Object.keys(positions).sort()).toEqual(graph.nodes.map((node) => node.id).sort());
    for (const a of graph.nodes) {
      for (const b of graph.nodes) {
        if (a !== b) expect(overlap(a, b, positions), `${a.id} overlaps ${b.id}`).toBe(false);
      }
    }
    expect(positions.saml!.x).toBeLessThan(positions.users!.x);
    expect(positions.users!.x).toBeLessThan(positions.ids!.x);
    expect(positions.ids!.x).toBeLessThan(positions.reader!.x);
    // Providers share the first layer even when one of them skips the user pool.
    expect(positions.google!.x).toBe(positions.saml!.x);
  });

  it('returns nothing for an empty graph and ignores edges to unknown nodes', async () => {
    expect(await autoLayout([], [])).toEqual({});
    const graph = deriveGraph(
      aDesign()
        .with((draft) => draft.roles.push(aRole({ id: 'lonely' })))
        .build(),
    );
    const positions = await autoLayout(graph.nodes, [{ id: 'x', source: 'lonely', target: 'nowhere' }]);
    expect(Object.keys(positions)).toEqual(['lonely']);
  });
});

describe('autoLayout with rule-based mappings', () => {
  it('leaves room between the identity pools and the roles for each rule written on one line', async () => {
    const example = readFileSync(
      join(import.meta.dirname, '../../../assets/examples/b2b-saas.cognito-design.json'),
      'utf8',
    );
    const loaded = loadDesign(example);
    if (!loaded.ok) throw new Error('the b2b-saas example does not load');
    const graph = deriveGraph(loaded.design);
    const positions = await autoLayout(graph.nodes, graph.edges);
    const rules = graph.edges.filter((edge) => edge.kind === 'ruleRole');
    expect(rules.length).toBeGreaterThan(0);
    const pool = graph.nodes.find((node) => node.data.kind === 'identityPool')!;
    const poolRight = positions[pool.id]!.x + pool.size.width;
    for (const rule of rules) {
      // `#1 cognito:groups = support-engineers`: at least 6 px a character of the 10.5 px label font.
      const needed = rule.shortLabel!.length * 6;
      expect(positions[rule.target]!.x - poolRight, rule.shortLabel).toBeGreaterThan(needed);
    }
  });
});
