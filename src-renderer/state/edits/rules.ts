// Pure edits of role mappings and their ordered rules (the inspector's rule editor).

import { allDesignIds } from '../../../shared/model/lookup';
import type {
  DesignDocument,
  IdentityPool,
  MappingRule,
  ProviderRef,
  RoleMapping,
} from '../../../shared/model/types';
import { newRule } from './relations';
import { uniqueId } from './ids';

function mapMappings(
  design: DesignDocument,
  poolId: string,
  update: (mappings: RoleMapping[]) => RoleMapping[],
): DesignDocument {
  return {
    ...design,
    identityPools: design.identityPools.map((pool: IdentityPool) =>
      pool.id === poolId ? { ...pool, roleMappings: update(pool.roleMappings) } : pool,
    ),
  };
}

function mapRules(
  design: DesignDocument,
  poolId: string,
  mappingId: string,
  update: (rules: MappingRule[]) => MappingRule[],
): DesignDocument {
  return mapMappings(design, poolId, (mappings) =>
    mappings.map((mapping) =>
      mapping.id === mappingId ? { ...mapping, rules: update(mapping.rules) } : mapping,
    ),
  );
}

export function addMapping(
  design: DesignDocument,
  poolId: string,
  provider: ProviderRef,
): { design: DesignDocument; mappingId: string } {
  const mappingId = uniqueId('mapping', allDesignIds(design));
  const mapping: RoleMapping = {
    id: mappingId,
    provider,
    type: 'Rules',
    ambiguousRoleResolution: 'AuthenticatedRole',
    rules: [],
  };
  return { design: mapMappings(design, poolId, (mappings) => [...mappings, mapping]), mappingId };
}

export function updateMapping(
  design: DesignDocument,
  poolId: string,
  mappingId: string,
  patch: Partial<Omit<RoleMapping, 'id' | 'rules'>>,
): DesignDocument {
  return mapMappings(design, poolId, (mappings) =>
    mappings.map((mapping) => (mapping.id === mappingId ? { ...mapping, ...patch } : mapping)),
  );
}

export function removeMapping(design: DesignDocument, poolId: string, mappingId: string): DesignDocument {
  return mapMappings(design, poolId, (mappings) => mappings.filter((mapping) => mapping.id !== mappingId));
}

export function addRule(
  design: DesignDocument,
  poolId: string,
  mappingId: string,
  roleId: string,
): { design: DesignDocument; ruleId: string } {
  const provider = design.identityPools
    .find((pool) => pool.id === poolId)
    ?.roleMappings.find((mapping) => mapping.id === mappingId)?.provider;
  const rule = newRule(design, roleId, provider);
  return { design: mapRules(design, poolId, mappingId, (rules) => [...rules, rule]), ruleId: rule.id };
}

export function updateRule(
  design: DesignDocument,
  poolId: string,
  mappingId: string,
  ruleId: string,
  patch: Partial<Omit<MappingRule, 'id'>>,
): DesignDocument {
  return mapRules(design, poolId, mappingId, (rules) =>
    rules.map((rule) => (rule.id === ruleId ? { ...rule, ...patch } : rule)),
  );
}

export function removeRule(
  design: DesignDocument,
  poolId: string,
  mappingId: string,
  ruleId: string,
): DesignDocument {
  return mapRules(design, poolId, mappingId, (rules) => rules.filter((rule) => rule.id !== ruleId));
}

/** Moves a rule to `toIndex` (clamped); order decides which rule wins. */
export function moveRule(
  design: DesignDocument,
  poolId: string,
  mappingId: string,
  ruleId: string,
  toIndex: number,
): DesignDocument {
  return mapRules(design, poolId, mappingId, (rules) => {
    const from = rules.findIndex((rule) => rule.id === ruleId);
    const target = Math.max(0, Math.min(rules.length - 1, toIndex));
    if (from < 0 || from === target) return rules;
    const next = [...rules];
    const [moved] = next.splice(from, 1);
    if (moved) next.splice(target, 0, moved);
    return next;
  });
}
