import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { clientHandle, deriveGraph, groupHandle, HANDLES, ruleLabel } from '../../../shared/model/graph';
import type { DesignDocument } from '../../../shared/model/types';
import {
  aClient,
  aDesign,
  aGroup,
  aManagedPolicy,
  anIdentityPool,
  aProvider,
  aRole,
  aRoleMapping,
  aRule,
  aUserPool,
} from '../builders/design';

function federatedDesign(): DesignDocument {
  const saml = aProvider('saml', { id: 'saml' });
  const google = aProvider('google', { id: 'google' });
  const viewer = aRole({ id: 'viewer', name: 'Viewer' });
  const admin = aRole({
    id: 'admin',
    name: 'Admin',
    managedPolicyArns: ['arn:aws:iam::111122223333:policy/Data', 'arn:aws:iam::aws:policy/ReadOnlyAccess'],
    permissionsBoundaryArn: 'arn:aws:iam::111122223333:policy/Data',
  });
  const guest = aRole({ id: 'guest', name: 'Guest' });
  const policy = aManagedPolicy({ id: 'data', name: 'Data', path: '/' });
  const pool = aUserPool({
    id: 'users',
    clients: [aClient({ id: 'web', name: 'web' })],
    groups: [aGroup('admins', { precedence: 1, roleId: 'admin' }), aGroup('everyone')],
    federatedProviderIds: ['saml'],
  });
  const identityPool = anIdentityPool({
    id: 'ids',
    allowUnauthenticated: true,
    acceptedProviders: [
      { type: 'userPoolClient', userPoolId: 'users', clientId: 'web' },
      { type: 'provider', providerId: 'google' },
    ],
    authenticatedRoleId: 'viewer',
    unauthenticatedRoleId: 'guest',
    roleMappings: [
      aRoleMapping(
        { type: 'provider', providerId: 'google' },
        {
          id: 'm1',
          type: 'Rules',
          rules: [
            aRule('admin', { id: 'r1', claim: 'custom:tenant', matchType: 'Equals', value: 'acme' }),
            aRule('viewer', { id: 'r2', claim: 'email', matchType: 'NotEqual', value: 'x@example.com' }),
          ],
        },
      ),
      aRoleMapping(
        { type: 'userPoolClient', userPoolId: 'users', clientId: 'web' },
        { id: 'm2', type: 'Token' },
      ),
    ],
  });
  return aDesign()
    .with((design) => {
      design.providers.push(saml, google);
      design.userPools.push(pool);
      design.identityPools.push(identityPool);
      design.roles.push(viewer, admin, guest);
      design.managedPolicies.push(policy);
    })
    .withPosition('saml', 10, 20)
    .build();
}

describe('deriveGraph', () => {
  it('makes one node per entity, typed by kind, with positions from the layout only where present', () => {
    const graph = deriveGraph(federatedDesign());
    expect(graph.nodes.map((node) => [node.id, node.data.kind])).toEqual([
      ['saml', 'provider'],
      ['google', 'provider'],
      ['users', 'userPool'],
      ['ids', 'identityPool'],
      ['viewer', 'role'],
      ['admin', 'role'],
      ['guest', 'role'],
      ['data', 'managedPolicy'],
    ]);
    expect(graph.nodes.find((node) => node.id === 'saml')?.position).toEqual({ x: 10, y: 20 });
    expect(graph.nodes.find((node) => node.id === 'google')?.position).toBeUndefined();
  });

  it('carries what each node shows: clients and groups with precedence, pool flags and role names, policy counts', () => {
    const graph = deriveGraph(federatedDesign());
    const data = Object.fromEntries(graph.nodes.map((node) => [node.id, node.data]));
    expect(data.users).toMatchObject({
      clients: [{ id: 'web', name: 'web' }],
      groups: [{ name: 'admins', precedence: 1, roleName: 'Admin' }, { name: 'everyone' }],
    });
    expect(data.ids).toMatchObject({
      allowUnauthenticated: true,
      allowClassicFlow: false,
      authenticatedRoleName: 'Viewer',
      guestRoleName: 'Guest',
      acceptedCount: 2,
      mappingCount: 2,
      ruleCount: 2,
    });
    expect(data.admin).toMatchObject({ managedPolicyCount: 2, inlinePolicyCount: 0, hasBoundary: true });
  });

  it('derives an edge for every relation with the handles the node components declare', () => {
    const edges = deriveGraph(federatedDesign()).edges;
    const summary = edges.map((edge) => [
      edge.kind,
      edge.source,
      edge.sourceHandle,
      edge.target,
      edge.targetHandle,
    ]);
    expect(summary).toEqual(
      expect.arrayContaining([
        ['federation', 'saml', HANDLES.providerOut, 'users', HANDLES.userPoolFederation],
        ['acceptance', 'users', clientHandle('web'), 'ids', HANDLES.identityPoolLogins],
        ['acceptance', 'google', HANDLES.providerOut, 'ids', HANDLES.identityPoolLogins],
        ['authenticatedRole', 'ids', HANDLES.identityPoolAuthenticated, 'viewer', HANDLES.roleIn],
        ['guestRole', 'ids', HANDLES.identityPoolGuest, 'guest', HANDLES.roleIn],
        ['ruleRole', 'ids', HANDLES.identityPoolRules, 'admin', HANDLES.roleIn],
        ['ruleRole', 'ids', HANDLES.identityPoolRules, 'viewer', HANDLES.roleIn],
        ['groupRole', 'users', groupHandle('admins'), 'admin', HANDLES.roleIn],
        ['managedPolicy', 'admin', HANDLES.rolePolicies, 'data', HANDLES.policyIn],
        ['permissionsBoundary', 'admin', HANDLES.rolePolicies, 'data', HANDLES.policyIn],
      ]),
    );
    // AWS managed policies are not in the design, so they get no node and no edge.
    expect(edges.filter((edge) => edge.kind === 'managedPolicy')).toHaveLength(1);
    expect(edges).toHaveLength(10);
    expect(new Set(edges.map((edge) => edge.id)).size).toBe(edges.length);
  });

  it('labels rule edges with their order and condition and knows where the rule lives', () => {
    const rules = deriveGraph(federatedDesign()).edges.filter((edge) => edge.kind === 'ruleRole');
    expect(rules.map((edge) => edge.label)).toEqual([
      '#1 custom:tenant Equals acme',
      '#2 email NotEqual x@example.com',
    ]);
    expect(rules[1]?.rule).toEqual({ identityPoolId: 'ids', mappingId: 'm1', ruleId: 'r2', order: 2 });
  });

  it('marks group edges as token-mapped when an identity pool maps that user pool by Token', () => {
    const group = deriveGraph(federatedDesign()).edges.find((edge) => edge.kind === 'groupRole');
    expect(group?.tokenMapped).toBe(true);
    expect(group?.label).toBe('group admins · precedence 1');
  });

  it('leaves out edges whose other end does not exist (validation reports them)', () => {
    const design = federatedDesign();
    design.identityPools[0]!.authenticatedRoleId = 'missing-role';
    design.userPools[0]!.federatedProviderIds.push('missing-provider');
    const edges = deriveGraph(design).edges;
    expect(edges.some((edge) => edge.target === 'missing-role' || edge.source === 'missing-provider')).toBe(
      false,
    );
  });

  it('derives the example designs without dangling edges', () => {
    for (const name of ['photo-sharing', 'b2b-saas', 'analytics-sdk']) {
      const design = JSON.parse(
        readFileSync(
          join(import.meta.dirname, '..', '..', '..', 'assets', 'examples', `${name}.cognito-design.json`),
          'utf8',
        ),
      ) as DesignDocument;
      const graph = deriveGraph(design);
      const ids = new Set(graph.nodes.map((node) => node.id));
      expect(graph.nodes.length).toBeGreaterThan(0);
      for (const edge of graph.edges) {
        expect(ids.has(edge.source) && ids.has(edge.target)).toBe(true);
      }
    }
  });
});

describe('ruleLabel', () => {
  it('reads like the brief: order, claim, match type, value', () => {
    expect(ruleLabel(1, { claim: 'custom:tenant', matchType: 'Equals', value: 'acme' })).toBe(
      '#1 custom:tenant Equals acme',
    );
  });
});
