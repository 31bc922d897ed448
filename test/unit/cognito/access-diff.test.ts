// The access matrix table (persona columns, resource templates resolved per persona) and the access
// diff between two designs: only cells that cross the Allowed line are reported.

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  accessDiff,
  cellAt,
  computeMatrixTable,
  countDecisions,
  describeAccessChange,
  designActions,
  designResources,
  filterByAccessLevel,
  parseActionList,
  type ActionLevelSource,
  type MatrixAction,
} from '../../../shared/cognito/index';
import { loadDesign } from '../../../shared/model/io';
import type { DesignDocument } from '../../../shared/model/types';
import { NOW } from './fixture';

function example(name: string): DesignDocument {
  const loaded = loadDesign(
    readFileSync(new URL(`../../../assets/examples/${name}.cognito-design.json`, import.meta.url), 'utf8'),
  );
  if (!loaded.ok) throw new Error(`${name} does not load`);
  return loaded.design;
}

const MEDIA = 'arn:aws:s3:::photo-sharing-media-111122223333';

/** A tiny hand-written catalog: enough to expand wildcards and know access levels. */
const CATALOG: ActionLevelSource = {
  async actionsOf(service) {
    const table: Record<string, Array<{ name: string; accessLevel: string }>> = {
      s3: [
        { name: 'GetObject', accessLevel: 'Read' },
        { name: 'PutObject', accessLevel: 'Write' },
        { name: 'DeleteObject', accessLevel: 'Write' },
        { name: 'ListBucket', accessLevel: 'List' },
        { name: 'PutBucketPolicy', accessLevel: 'Permissions management' },
      ],
    };
    return table[service] ?? [];
  },
};

function withViewersPolicy(design: DesignDocument, actions: string[]): DesignDocument {
  return {
    ...design,
    roles: design.roles.map((role) =>
      role.id !== 'role-viewers'
        ? role
        : {
            ...role,
            inlinePolicies: role.inlinePolicies.map((policy) => ({
              ...policy,
              document: {
                Version: '2012-10-17',
                Statement: [
                  { Sid: 'Widened', Effect: 'Allow', Action: actions, Resource: `${MEDIA}/public/*` },
                ],
              },
            })),
          },
    ),
  };
}

describe('matrix axes', () => {
  it('expands wildcards through the catalog and keeps unknown actions as written', async () => {
    const design = withViewersPolicy(example('photo-sharing'), ['s3:*Object', 'example:Unknown']);
    const actions = (await designActions(design, CATALOG)).map((entry) => entry.action);
    expect(actions).toContain('s3:GetObject');
    expect(actions).toContain('s3:DeleteObject');
    expect(actions).toContain('example:Unknown');
    expect(actions).not.toContain('s3:*Object');
  });

  it('filters by access level, matching combined levels and keeping actions without a level', () => {
    const actions: MatrixAction[] = [
      { action: 's3:GetObject', accessLevel: 'Read' },
      { action: 'iam:PassRole', accessLevel: 'Permissions management, Write' },
      { action: 's3:*' },
    ];
    expect(filterByAccessLevel(actions, ['Write']).map((entry) => entry.action)).toEqual([
      'iam:PassRole',
      's3:*',
    ]);
  });

  it('parses typed action lists and names the invalid entries', () => {
    expect(parseActionList('s3:GetObject, s3:Put*\n# comment\nnot an action')).toEqual({
      actions: ['s3:GetObject', 's3:Put*'],
      invalid: ['not an action'],
    });
  });
});

describe('matrix table', () => {
  it("resolves resource templates per persona, so each user's own prefix is allowed", () => {
    const design = example('photo-sharing');
    const resources = designResources(design);
    const own = resources.findIndex((template) =>
      template.text.includes('${cognito-identity.amazonaws.com:sub}'),
    );
    expect(own).toBeGreaterThanOrEqual(0);
    const table = computeMatrixTable(design, design.personas, [{ action: 's3:PutObject' }], resources, {
      now: NOW,
    });
    const bob = table.personas.findIndex((column) => column.id === 'persona-bob');
    const guest = table.personas.findIndex((column) => column.id === 'persona-guest');
    expect(table.personas[bob]?.resolved[own]).toMatch(/private\/us-east-1:[0-9a-f-]+\//);
    expect(cellAt(table, 0, own, bob)).toBe('Allowed');
    expect(cellAt(table, 0, own, guest)).toBe('ImplicitlyDenied');
    const counts = countDecisions(table);
    expect(counts.Allowed + counts.ImplicitlyDenied + counts.ExplicitlyDenied + counts.NoCredentials).toBe(
      table.personas.length * resources.length,
    );
  });
});

describe('access diff', () => {
  const before = example('photo-sharing');
  const actions: MatrixAction[] = [{ action: 's3:GetObject' }, { action: 's3:DeleteObject' }];

  it('reports a widened role as newly allowed for exactly the personas that get it', () => {
    const after = withViewersPolicy(before, ['s3:GetObject', 's3:DeleteObject', 's3:ListBucket']);
    const diff = accessDiff(before, after, actions, designResources(after), { now: NOW });
    const allowed = diff.changes.filter((change) => change.kind === 'newlyAllowed');
    expect(allowed.map((change) => `${change.personaId} ${change.action} ${change.resource}`)).toEqual([
      `persona-carol s3:DeleteObject ${MEDIA}/public/*`,
      `persona-dave-viewer s3:DeleteObject ${MEDIA}/public/*`,
    ]);
    expect(describeAccessChange(allowed[0]!)).toBe(
      `this edit gives \`Carol (viewers, mobile)\` \`s3:DeleteObject\` on \`${MEDIA}/public/*\` (before: not allowed by any policy)`,
    );
    expect(diff.newlyAllowed).toBe(2);
  });

  it('reports removed access as newly denied and nothing for an unchanged design', () => {
    const after = withViewersPolicy(before, ['s3:ListBucket']);
    const diff = accessDiff(before, after, actions, designResources(before), { now: NOW });
    expect(diff.newlyAllowed).toBe(0);
    // The viewers' old statement allowed s3:GetObject on the bucket ARN and on public/*.
    expect(
      diff.changes.map((change) => `${change.personaId} ${change.kind} ${change.action} ${change.resource}`),
    ).toEqual([
      `persona-carol newlyDenied s3:GetObject ${MEDIA}`,
      `persona-carol newlyDenied s3:GetObject ${MEDIA}/public/*`,
      `persona-dave-viewer newlyDenied s3:GetObject ${MEDIA}`,
      `persona-dave-viewer newlyDenied s3:GetObject ${MEDIA}/public/*`,
    ]);
    expect(describeAccessChange(diff.changes[1]!)).toMatch(
      /^this edit takes `s3:GetObject` on `.*\/public\/\*` away from `Carol/,
    );
    expect(accessDiff(before, before, actions, designResources(before), { now: NOW }).changes).toEqual([]);
  });

  it('treats a persona added by the edit as having had no credentials before', () => {
    const after = {
      ...before,
      personas: [...before.personas, { ...before.personas[2]!, id: 'persona-new', name: 'New' }],
    };
    const diff = accessDiff(before, after, [{ action: 's3:PutObject' }], designResources(after), {
      now: NOW,
    });
    expect(
      diff.personaChanges.map((change) => [change.id, change.before.outcome, change.after.outcome]),
    ).toEqual([['persona-new', 'absent', 'credentials']]);
    expect(
      diff.changes.every((change) => change.personaId === 'persona-new' && change.before === 'NoCredentials'),
    ).toBe(true);
    expect(diff.newlyAllowed).toBeGreaterThan(0);
  });
});
