// Stable, human-diffable output of a design (design.md §4): 2-space indent, trailing newline,
// and a fixed key order so that the same design always produces the same bytes.
//
// Key order:
// - entities: the documented order below (identity first, then semantics, then references);
// - maps (tags, attributes, claims, layout positions, principal tags, Condition blocks…): keys
//   sorted by UTF-16 code units (locale-independent);
// - policy documents: `Version`, `Id`, `Statement`, then any other key sorted; statements:
//   `Sid`, `Effect`, `Principal`, `NotPrincipal`, `Action`, `NotAction`, `Resource`,
//   `NotResource`, `Condition`, then others sorted;
// - keys the order does not know come last, sorted.
// Array order is always kept: it is meaningful (rules are ordered) or chosen by the author.

import { STATEMENT_ELEMENTS } from '../iam/validate';
import type { DesignDocument } from './types';

type Shape =
  | { kind: 'object'; keys: readonly string[]; fields: Readonly<Record<string, Shape>> }
  | { kind: 'array'; item: Shape }
  | { kind: 'map'; value: Shape }
  | { kind: 'sorted' }
  | { kind: 'statements' };

function object(keys: readonly string[], fields: Record<string, Shape> = {}): Shape {
  return { kind: 'object', keys, fields };
}
function arrayOf(item: Shape): Shape {
  return { kind: 'array', item };
}
function mapOf(value: Shape): Shape {
  return { kind: 'map', value };
}
const SORTED: Shape = { kind: 'sorted' };

const POLICY = object(['Version', 'Id', 'Statement'], { Statement: { kind: 'statements' } });
const STATEMENT = object(STATEMENT_ELEMENTS, { Principal: SORTED, NotPrincipal: SORTED, Condition: SORTED });
const PROVIDER_REF = object(['type', 'userPoolId', 'clientId', 'providerId']);
const POINT = object(['x', 'y']);

const DESIGN = object(
  [
    'format',
    'version',
    'name',
    'description',
    'account',
    'providers',
    'userPools',
    'identityPools',
    'roles',
    'managedPolicies',
    'personas',
    'layout',
  ],
  {
    account: object(['accountId', 'partition', 'region']),
    providers: arrayOf(object(['id', 'name', 'kind', 'providerKey', 'clientIds', 'samlAttributes'])),
    userPools: arrayOf(
      object(
        [
          'id',
          'poolId',
          'name',
          'clients',
          'groups',
          'attributes',
          'federatedProviderIds',
          'preTokenGeneration',
          'users',
        ],
        {
          clients: arrayOf(
            object(['id', 'clientId', 'name', 'readAttributes', 'writeAttributes', 'serverSideTokenCheck']),
          ),
          groups: arrayOf(object(['name', 'precedence', 'roleId', 'description'])),
          attributes: arrayOf(object(['name', 'custom', 'mutable', 'dataType'])),
          preTokenGeneration: object(
            [
              'addOrOverrideClaims',
              'suppressClaims',
              'groupsToOverride',
              'iamRolesToOverride',
              'preferredRole',
            ],
            { addOrOverrideClaims: SORTED },
          ),
          users: arrayOf(object(['username', 'sub', 'groups', 'attributes'], { attributes: SORTED })),
        },
      ),
    ),
    identityPools: arrayOf(
      object(
        [
          'id',
          'poolId',
          'name',
          'allowUnauthenticated',
          'allowClassicFlow',
          'acceptedProviders',
          'authenticatedRoleId',
          'unauthenticatedRoleId',
          'roleMappings',
          'principalTags',
        ],
        {
          acceptedProviders: arrayOf(PROVIDER_REF),
          roleMappings: arrayOf(
            object(['id', 'provider', 'type', 'ambiguousRoleResolution', 'rules'], {
              provider: PROVIDER_REF,
              rules: arrayOf(object(['id', 'claim', 'matchType', 'value', 'roleId'])),
            }),
          ),
          principalTags: arrayOf(
            object(['provider', 'useDefaults', 'tags'], { provider: PROVIDER_REF, tags: SORTED }),
          ),
        },
      ),
    ),
    roles: arrayOf(
      object(
        [
          'id',
          'name',
          'path',
          'description',
          'trustPolicy',
          'inlinePolicies',
          'managedPolicyArns',
          'permissionsBoundaryArn',
          'maxSessionDuration',
          'tags',
        ],
        {
          trustPolicy: object(['mode', 'document'], { document: POLICY }),
          inlinePolicies: arrayOf(object(['name', 'document'], { document: POLICY })),
          tags: SORTED,
        },
      ),
    ),
    managedPolicies: arrayOf(object(['id', 'name', 'path', 'description', 'document'], { document: POLICY })),
    personas: arrayOf(
      object(['id', 'name', 'identityPoolId', 'login', 'customRoleArn', 'identityId'], {
        login: object(['type', 'userPoolId', 'clientId', 'username', 'providerId', 'claims'], {
          claims: SORTED,
        }),
      }),
    ),
    layout: object(['positions'], { positions: mapOf(POINT) }),
  },
);

/** The design as pretty JSON in the stable order described above, ending with a newline. */
export function serializeDesign(design: DesignDocument): string {
  return `${JSON.stringify(reorder(design, DESIGN), null, 2)}\n`;
}

/** Any JSON value with object keys sorted at every level (used for maps and free-form JSON). */
export function sortKeysDeep(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeysDeep);
  if (!isPlainObject(value)) return value;
  const result: Record<string, unknown> = {};
  for (const key of sortedKeys(Object.keys(value))) result[key] = sortKeysDeep(value[key]);
  return result;
}

function reorder(value: unknown, shape: Shape): unknown {
  switch (shape.kind) {
    case 'sorted':
      return sortKeysDeep(value);
    case 'array':
      return Array.isArray(value) ? value.map((item) => reorder(item, shape.item)) : sortKeysDeep(value);
    case 'statements':
      return Array.isArray(value) ? value.map((item) => reorder(item, STATEMENT)) : reorder(value, STATEMENT);
    case 'map': {
      if (!isPlainObject(value)) return sortKeysDeep(value);
      const result: Record<string, unknown> = {};
      for (const key of sortedKeys(Object.keys(value))) result[key] = reorder(value[key], shape.value);
      return result;
    }
    case 'object': {
      if (!isPlainObject(value)) return sortKeysDeep(value);
      const result: Record<string, unknown> = {};
      const known = new Set(shape.keys);
      for (const key of shape.keys) {
        if (Object.hasOwn(value, key)) result[key] = reorder(value[key], shape.fields[key] ?? SORTED);
      }
      for (const key of sortedKeys(Object.keys(value).filter((candidate) => !known.has(candidate)))) {
        result[key] = sortKeysDeep(value[key]);
      }
      return result;
    }
  }
}

function sortedKeys(keys: string[]): string[] {
  return keys.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
