import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadDesign, serializeDesign } from '../../../shared/model/io';
import { MIGRATIONS, migrateToCurrent, OLDEST_SUPPORTED_VERSION } from '../../../shared/model/migrations';
import { DESIGN_VERSION } from '../../../shared/model/types';

const FIXTURE = join(__dirname, '../../fixtures/designs/v1-photo-sharing.cognito-design.json');

interface V1Entity {
  id: string;
  position: { x: number; y: number };
}

describe('design format migrations', () => {
  it('has one migration per version step up to the current version', () => {
    for (let version = OLDEST_SUPPORTED_VERSION; version < DESIGN_VERSION; version += 1) {
      expect(MIGRATIONS.has(version), `migration from ${version}`).toBe(true);
    }
    expect([...MIGRATIONS.keys()].every((version) => version < DESIGN_VERSION)).toBe(true);
  });

  it('opens a version 1 file and reports the migration', () => {
    const text = readFileSync(FIXTURE, 'utf8');
    const result = loadDesign(text, { fileName: 'v1-photo-sharing.cognito-design.json' });
    expect(result.issues).toEqual([]);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.migratedFrom).toBe(1);
    expect(result.design.version).toBe(DESIGN_VERSION);
    expect(result.design.personas).toEqual([]);
  });

  it('moves entity positions into the layout', () => {
    const v1 = JSON.parse(readFileSync(FIXTURE, 'utf8')) as Record<string, V1Entity[]>;
    const result = loadDesign(readFileSync(FIXTURE, 'utf8'));
    if (!result.ok) throw new Error('fixture must load');
    const entities = ['providers', 'userPools', 'identityPools', 'roles', 'managedPolicies'].flatMap(
      (key) => v1[key] ?? [],
    );
    expect(entities.length).toBe(11);
    for (const entity of entities) expect(result.design.layout.positions[entity.id]).toEqual(entity.position);
    expect(serializeDesign(result.design)).not.toContain('"position"');
  });

  it('turns role mappings keyed by provider key into mappings with provider references, keeping rule order', () => {
    const result = loadDesign(readFileSync(FIXTURE, 'utf8'));
    if (!result.ok) throw new Error('fixture must load');
    const mappings = result.design.identityPools[0]?.roleMappings ?? [];
    expect(mappings.map((mapping) => mapping.provider)).toEqual([
      { type: 'userPoolClient', userPoolId: 'userpool-photos', clientId: 'client-web' },
      { type: 'userPoolClient', userPoolId: 'userpool-photos', clientId: 'client-mobile' },
      { type: 'provider', providerId: 'provider-google' },
    ]);
    const mobile = mappings[1];
    expect(mobile).toMatchObject({ type: 'Rules', ambiguousRoleResolution: 'Deny' });
    expect(mobile?.rules.map((rule) => [rule.value, rule.roleId])).toEqual([
      ['admins', 'role-admins'],
      ['editors', 'role-editors'],
      ['true', 'role-viewers'],
    ]);
    const ids = [
      ...mappings.map((mapping) => mapping.id),
      ...mappings.flatMap((mapping) => mapping.rules.map((rule) => rule.id)),
    ];
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('migrated files round-trip as the current version', () => {
    const first = loadDesign(readFileSync(FIXTURE, 'utf8'));
    if (!first.ok) throw new Error('fixture must load');
    const second = loadDesign(serializeDesign(first.design));
    expect(second.ok && second.migratedFrom).toBeUndefined();
    expect(second.ok && second.design).toEqual(first.design);
  });

  it('reports a version 1 role mapping whose provider key matches nothing', () => {
    const v1 = JSON.parse(readFileSync(FIXTURE, 'utf8')) as {
      identityPools: Array<{ roleMappings: Record<string, unknown> }>;
    };
    v1.identityPools[0]!.roleMappings['accounts.example.org'] = {
      type: 'Token',
      ambiguousRoleResolution: 'Deny',
      rules: [],
    };
    const result = loadDesign(JSON.stringify(v1));
    expect(result.ok).toBe(false);
    expect(result.issues).toContainEqual(
      expect.objectContaining({
        code: 'dangling-reference',
        path: '$.identityPools[0].roleMappings["accounts.example.org"]',
      }),
    );
  });

  it('tolerates malformed version 1 documents without throwing', () => {
    for (const document of [
      {},
      { providers: 'x', identityPools: [null, { roleMappings: 5 }] },
      { identityPools: [{ roleMappings: { k: null } }] },
    ]) {
      const result = migrateToCurrent(document, 1);
      expect(result.document.version).toBe(DESIGN_VERSION);
      expect(
        loadDesign(JSON.stringify({ format: 'cognito-access-studio/design', version: 1, ...document })).ok,
      ).toBe(false);
    }
  });
});
