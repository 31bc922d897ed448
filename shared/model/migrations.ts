// Up-migrations of the design file format. Each entry of MIGRATIONS turns a document of version
// n into version n + 1; a format bump adds exactly one function here and one fixture of the old
// format under test/fixtures/designs/. Migrations work on raw JSON (validation runs afterwards on
// the current version), so they must tolerate any shape and never throw.
//
// Version 1 (first release) differed from version 2 in three ways:
// - canvas positions lived inside each entity as `position: {x, y}` (providers, userPools,
//   identityPools, roles, managedPolicies); version 2 keeps them apart in `layout.positions`, so
//   moving a node never changes the semantic part of the file;
// - `identityPools[].roleMappings` was an object keyed by the provider key, as in the AWS
//   SetIdentityPoolRoles API (`cognito-idp.<region>.amazonaws.com/<poolId>:<clientId>`, the
//   social/OIDC key or the SAML provider ARN), with rules that had no ids; version 2 uses an
//   array of mappings with design ids and a ProviderRef, so mappings follow renames of pool ids;
// - there were no personas.

import { userPoolClientKey } from './keys';
import { newId } from './lookup';
import { formatPath } from './paths';
import type { ProviderRef, ModelIssue } from './types';
import { DESIGN_VERSION } from './types';

type JsonObject = Record<string, unknown>;

export interface MigrationResult {
  document: JsonObject;
  /** Problems found while migrating (e.g. a reference that cannot be carried over). */
  issues: ModelIssue[];
}

/** Migrates a document from version `from` to `from + 1`. */
export type Migration = (document: JsonObject) => MigrationResult;

export const MIGRATIONS: ReadonlyMap<number, Migration> = new Map<number, Migration>([[1, migrateV1ToV2]]);

/** Oldest version this build can read. */
export const OLDEST_SUPPORTED_VERSION = 1;

/** Applies every migration from `fromVersion` up to DESIGN_VERSION. Never throws. */
export function migrateToCurrent(document: JsonObject, fromVersion: number): MigrationResult {
  let current = document;
  const issues: ModelIssue[] = [];
  for (let version = fromVersion; version < DESIGN_VERSION; version += 1) {
    const migration = MIGRATIONS.get(version);
    if (!migration) {
      issues.push({
        severity: 'error',
        code: 'migration-failed',
        path: '$.version',
        message: `no migration from version ${version} to ${version + 1}`,
      });
      return { document: current, issues };
    }
    try {
      const result = migration(current);
      current = { ...result.document, version: version + 1 };
      issues.push(...result.issues);
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      issues.push({
        severity: 'error',
        code: 'migration-failed',
        path: '$',
        message: `could not convert the design from version ${version} to ${version + 1}: ${reason}`,
      });
      return { document: current, issues };
    }
  }
  return { document: current, issues };
}

function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function objectsOf(value: unknown): JsonObject[] {
  return Array.isArray(value) ? value.filter(isObject) : [];
}

const POSITIONED_COLLECTIONS = [
  'providers',
  'userPools',
  'identityPools',
  'roles',
  'managedPolicies',
] as const;

function migrateV1ToV2(input: JsonObject): MigrationResult {
  const document = structuredCopy(input);
  const issues: ModelIssue[] = [];
  const positions: JsonObject = {};
  for (const collection of POSITIONED_COLLECTIONS) {
    for (const entity of objectsOf(document[collection])) {
      if ('position' in entity) {
        if (typeof entity.id === 'string' && isObject(entity.position))
          positions[entity.id] = entity.position;
        delete entity.position;
      }
    }
  }
  document.layout = { positions };
  if (!('personas' in document)) document.personas = [];

  const usedIds = collectIds(document);
  const refsByKey = providerRefsByKey(document);
  if (Array.isArray(document.identityPools)) {
    document.identityPools.forEach((pool: unknown, poolIndex: number) => {
      if (!isObject(pool) || !isObject(pool.roleMappings)) return;
      pool.roleMappings = Object.entries(pool.roleMappings).flatMap(([key, mapping]) => {
        const provider = refsByKey.get(key);
        if (!provider) {
          issues.push({
            severity: 'error',
            code: 'dangling-reference',
            path: formatPath(['identityPools', poolIndex, 'roleMappings', key]),
            message: `no user pool client or provider of the design has the key "${key}"; this role mapping could not be converted`,
          });
          return [];
        }
        return [
          convertMapping(mapping, provider, typeof pool.id === 'string' ? pool.id : 'identity-pool', usedIds),
        ];
      });
    });
  }
  return { document, issues };
}

function convertMapping(
  mapping: unknown,
  provider: ProviderRef,
  poolId: string,
  usedIds: Set<string>,
): JsonObject {
  const source = isObject(mapping) ? mapping : {};
  const id = newId(`${poolId}-mapping`, usedIds);
  usedIds.add(id);
  const rules = Array.isArray(source.rules)
    ? source.rules.map((rule: unknown) => {
        const ruleId = newId(`${id}-rule`, usedIds);
        usedIds.add(ruleId);
        return isObject(rule) ? { id: ruleId, ...rule } : rule;
      })
    : source.rules;
  return { ...source, id, provider, rules };
}

/** Role-mapping keys of every user pool client and provider in a version 1 document. */
function providerRefsByKey(document: JsonObject): Map<string, ProviderRef> {
  const refs = new Map<string, ProviderRef>();
  for (const pool of objectsOf(document.userPools)) {
    if (typeof pool.id !== 'string' || typeof pool.poolId !== 'string') continue;
    for (const client of objectsOf(pool.clients)) {
      if (typeof client.id !== 'string' || typeof client.clientId !== 'string') continue;
      refs.set(userPoolClientKey(pool.poolId, client.clientId), {
        type: 'userPoolClient',
        userPoolId: pool.id,
        clientId: client.id,
      });
    }
  }
  for (const provider of objectsOf(document.providers)) {
    if (typeof provider.id === 'string' && typeof provider.providerKey === 'string') {
      refs.set(provider.providerKey, { type: 'provider', providerId: provider.id });
    }
  }
  return refs;
}

function collectIds(document: JsonObject): Set<string> {
  const ids = new Set<string>();
  const add = (value: unknown) => {
    if (isObject(value) && typeof value.id === 'string') ids.add(value.id);
  };
  for (const collection of [...POSITIONED_COLLECTIONS, 'personas'] as const)
    objectsOf(document[collection]).forEach(add);
  for (const pool of objectsOf(document.userPools)) objectsOf(pool.clients).forEach(add);
  return ids;
}

/** Migrations may edit freely: they get their own copy of the JSON tree. */
function structuredCopy(document: JsonObject): JsonObject {
  return JSON.parse(JSON.stringify(document)) as JsonObject;
}
