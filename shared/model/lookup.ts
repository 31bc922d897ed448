// Small lookups over a design and id generation for the editor. Lookups by id are linear; build a
// map with the `…ById` functions when looking up many times.

import { managedPolicyArn } from './keys';
import type { DesignDocument, IdentityPool, ManagedPolicy, Persona, Provider, Role, UserPool } from './types';
import { DESIGN_FORMAT, DESIGN_VERSION } from './types';

export function findRole(design: DesignDocument, id: string): Role | undefined {
  return design.roles.find((role) => role.id === id);
}

export function findProvider(design: DesignDocument, id: string): Provider | undefined {
  return design.providers.find((provider) => provider.id === id);
}

export function findUserPool(design: DesignDocument, id: string): UserPool | undefined {
  return design.userPools.find((pool) => pool.id === id);
}

export function findIdentityPool(design: DesignDocument, id: string): IdentityPool | undefined {
  return design.identityPools.find((pool) => pool.id === id);
}

export function findManagedPolicy(design: DesignDocument, id: string): ManagedPolicy | undefined {
  return design.managedPolicies.find((policy) => policy.id === id);
}

export function findPersona(design: DesignDocument, id: string): Persona | undefined {
  return design.personas.find((persona) => persona.id === id);
}

/** The design's customer managed policy with this ARN (undefined for AWS managed or unknown ARNs). */
export function findManagedPolicyByArn(design: DesignDocument, arn: string): ManagedPolicy | undefined {
  return design.managedPolicies.find((policy) => managedPolicyArn(design.account, policy) === arn);
}

function byId<T extends { id: string }>(items: readonly T[]): Map<string, T> {
  return new Map(items.map((item) => [item.id, item]));
}

export function roleById(design: DesignDocument): Map<string, Role> {
  return byId(design.roles);
}

export function providerById(design: DesignDocument): Map<string, Provider> {
  return byId(design.providers);
}

export function userPoolById(design: DesignDocument): Map<string, UserPool> {
  return byId(design.userPools);
}

export function identityPoolById(design: DesignDocument): Map<string, IdentityPool> {
  return byId(design.identityPools);
}

export function managedPolicyById(design: DesignDocument): Map<string, ManagedPolicy> {
  return byId(design.managedPolicies);
}

/** Every design id in the document (entities, app clients, role mappings, rules, personas). */
export function allDesignIds(design: DesignDocument): Set<string> {
  const ids = new Set<string>();
  for (const provider of design.providers) ids.add(provider.id);
  for (const pool of design.userPools) {
    ids.add(pool.id);
    for (const client of pool.clients) ids.add(client.id);
  }
  for (const pool of design.identityPools) {
    ids.add(pool.id);
    for (const mapping of pool.roleMappings) {
      ids.add(mapping.id);
      for (const rule of mapping.rules) ids.add(rule.id);
    }
  }
  for (const role of design.roles) ids.add(role.id);
  for (const policy of design.managedPolicies) ids.add(policy.id);
  for (const persona of design.personas) ids.add(persona.id);
  return ids;
}

/**
 * A new design id `<prefix>-<n>` (smallest n ≥ 1) not in `existingIds`. The prefix is reduced to
 * the characters ids allow, so the result always passes validation.
 */
export function newId(prefix: string, existingIds: Iterable<string>): string {
  const taken = existingIds instanceof Set ? (existingIds as Set<string>) : new Set(existingIds);
  const cleaned =
    prefix
      .replace(/[^\w.:-]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 100) || 'id';
  for (let counter = 1; ; counter += 1) {
    const candidate = `${cleaned}-${counter}`;
    if (!taken.has(candidate)) return candidate;
  }
}

/**
 * A role with IAM's defaults: path `/`, no policies, one-hour sessions, and a trust policy generated
 * from the identity pools that use it.
 * https://docs.aws.amazon.com/IAM/latest/APIReference/API_CreateRole.html
 */
export function createEmptyRole(id: string, name: string): Role {
  return {
    id,
    name,
    path: '/',
    trustPolicy: { mode: 'generated' },
    inlinePolicies: [],
    managedPolicyArns: [],
    maxSessionDuration: 3600,
    tags: {},
  };
}

/** An empty design for File › New. */
export function createEmptyDesign(name = 'Untitled design'): DesignDocument {
  return {
    format: DESIGN_FORMAT,
    version: DESIGN_VERSION,
    name,
    account: { accountId: '111122223333', partition: 'aws', region: 'us-east-1' },
    providers: [],
    userPools: [],
    identityPools: [],
    roles: [],
    managedPolicies: [],
    personas: [],
    layout: { positions: {} },
  };
}
