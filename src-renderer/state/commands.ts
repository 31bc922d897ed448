// The registry of design commands. Each is a plain object with a pure `perform`; the store's
// `run` applies it and records undo history when `recordsHistory` is set.

import { deriveGraph } from '../../shared/model/graph';
import { checkConnection, type ConnectionAttempt } from '../../shared/model/graph-connections';
import type { InlinePolicy, MappingRule, Point, ProviderRef, RoleMapping } from '../../shared/model/types';
import type { Finding } from '../../shared/review';
import { copyEntities, pasteEntities } from './edits/clipboard';
import { addEntity, removeEntities, updateEntity, type NewEntity } from './edits/entities';
import { setPrincipalTagMap, type PrincipalTagMap } from './edits/principal-tags';
import { applyConnection, removeRelations } from './edits/relations';
import {
  addMapping,
  addRule,
  moveRule,
  removeMapping,
  removeRule,
  updateMapping,
  updateRule,
} from './edits/rules';
import { findingBadges } from './findings';
import { followInlinePolicyRenames } from './policy-drafts';
import type { Command, CommandState, EntityKind } from './types';

function select(state: CommandState, nodes: string[], edges: string[] = []): CommandState['selection'] {
  return state.selection.nodes.join() === nodes.join() && state.selection.edges.join() === edges.join()
    ? state.selection
    : { nodes, edges };
}

export const addEntityCommand: Command<{ entity: NewEntity; position: Point }> = {
  id: 'entity.add',
  label: 'Add node',
  recordsHistory: true,
  perform(state, { entity, position }) {
    const { design, id } = addEntity(state.design, entity, position);
    return { ...state, design, selection: { nodes: [id], edges: [] } };
  },
};

export type EntityPatch = { kind: EntityKind; id: string; patch: Record<string, unknown> };

export const updateEntityCommand: Command<EntityPatch> = {
  id: 'entity.update',
  label: 'Edit',
  recordsHistory: true,
  perform(state, { kind, id, patch }) {
    const design = updateEntity(state.design, kind, id, patch);
    if (kind === 'role' && Array.isArray(patch.inlinePolicies))
      return {
        ...state,
        ...followInlinePolicyRenames(state, id, patch.inlinePolicies as InlinePolicy[]),
        design,
      };
    return { ...state, design };
  },
};

export const updateDesignInfoCommand: Command<{
  name?: string;
  description?: string;
  account?: CommandState['design']['account'];
}> = {
  id: 'design.update',
  label: 'Edit design settings',
  recordsHistory: true,
  perform(state, patch) {
    return { ...state, design: { ...state.design, ...patch } };
  },
};

/** Deletes the selected nodes (with every reference to them) and the relations of the selected edges. */
export const deleteSelectionCommand: Command = {
  id: 'edit.delete',
  label: 'Delete',
  keybinding: 'Delete',
  recordsHistory: true,
  perform(state) {
    const { nodes, edges } = state.selection;
    if (nodes.length === 0 && edges.length === 0) return state;
    const selectedEdges = new Set(edges);
    const graphEdges = deriveGraph(state.design).edges.filter((edge) => selectedEdges.has(edge.id));
    const design = removeEntities(removeRelations(state.design, graphEdges), nodes);
    return { ...state, design, selection: { nodes: [], edges: [] } };
  },
};

export const connectCommand: Command<ConnectionAttempt> = {
  id: 'canvas.connect',
  label: 'Connect',
  recordsHistory: true,
  perform(state, attempt) {
    const check = checkConnection(state.design, attempt);
    if (!check.ok) return state;
    const { design, ruleId } = applyConnection(state.design, check.edit);
    if (!ruleId) return { ...state, design };
    return {
      ...state,
      design,
      selection: { nodes: [attempt.source], edges: [] },
      ui: { ...state.ui, focusedRuleId: ruleId },
    };
  },
};

/** Moves nodes; used while dragging inside an interaction so the whole drag is one undo step. */
export const moveNodesCommand: Command<Record<string, Point>> = {
  id: 'canvas.move',
  label: 'Move',
  recordsHistory: true,
  perform(state, positions) {
    return {
      ...state,
      design: {
        ...state.design,
        layout: { ...state.design.layout, positions: { ...state.design.layout.positions, ...positions } },
      },
    };
  },
};

export const selectAllCommand: Command = {
  id: 'edit.selectAll',
  label: 'Select All',
  keybinding: 'Mod+A',
  recordsHistory: false,
  perform(state) {
    const design = state.design;
    const nodes = [
      ...design.providers,
      ...design.userPools,
      ...design.identityPools,
      ...design.roles,
      ...design.managedPolicies,
    ].map((entity) => entity.id);
    return { ...state, selection: select(state, nodes) };
  },
};

export const copyCommand: Command = {
  id: 'edit.copy',
  label: 'Copy',
  keybinding: 'Mod+C',
  recordsHistory: false,
  perform(state) {
    const clipboard = copyEntities(state.design, state.selection.nodes);
    return clipboard ? { ...state, ui: { ...state.ui, clipboard } } : state;
  },
};

export const cutCommand: Command = {
  id: 'edit.cut',
  label: 'Cut',
  keybinding: 'Mod+X',
  recordsHistory: true,
  perform(state) {
    const clipboard = copyEntities(state.design, state.selection.nodes);
    if (!clipboard) return state;
    return {
      ...state,
      design: removeEntities(state.design, state.selection.nodes),
      selection: { nodes: [], edges: [] },
      ui: { ...state.ui, clipboard },
    };
  },
};

export const pasteCommand: Command = {
  id: 'edit.paste',
  label: 'Paste',
  keybinding: 'Mod+V',
  recordsHistory: true,
  perform(state) {
    if (!state.ui.clipboard) return state;
    const { design, ids } = pasteEntities(state.design, state.ui.clipboard);
    return { ...state, design, selection: { nodes: ids, edges: [] } };
  },
};

export const addMappingCommand: Command<{ poolId: string; provider: ProviderRef }> = {
  id: 'mapping.add',
  label: 'Add role mapping',
  recordsHistory: true,
  perform(state, { poolId, provider }) {
    return { ...state, design: addMapping(state.design, poolId, provider).design };
  },
};

export const updateMappingCommand: Command<{
  poolId: string;
  mappingId: string;
  patch: Partial<Omit<RoleMapping, 'id' | 'rules'>>;
}> = {
  id: 'mapping.update',
  label: 'Edit role mapping',
  recordsHistory: true,
  perform(state, { poolId, mappingId, patch }) {
    return { ...state, design: updateMapping(state.design, poolId, mappingId, patch) };
  },
};

export const removeMappingCommand: Command<{ poolId: string; mappingId: string }> = {
  id: 'mapping.remove',
  label: 'Remove role mapping',
  recordsHistory: true,
  perform(state, { poolId, mappingId }) {
    return { ...state, design: removeMapping(state.design, poolId, mappingId) };
  },
};

export const addRuleCommand: Command<{ poolId: string; mappingId: string; roleId: string }> = {
  id: 'rule.add',
  label: 'Add rule',
  recordsHistory: true,
  perform(state, { poolId, mappingId, roleId }) {
    const { design, ruleId } = addRule(state.design, poolId, mappingId, roleId);
    return { ...state, design, ui: { ...state.ui, focusedRuleId: ruleId } };
  },
};

export const updateRuleCommand: Command<{
  poolId: string;
  mappingId: string;
  ruleId: string;
  patch: Partial<Omit<MappingRule, 'id'>>;
}> = {
  id: 'rule.update',
  label: 'Edit rule',
  recordsHistory: true,
  perform(state, { poolId, mappingId, ruleId, patch }) {
    return { ...state, design: updateRule(state.design, poolId, mappingId, ruleId, patch) };
  },
};

export const moveRuleCommand: Command<{
  poolId: string;
  mappingId: string;
  ruleId: string;
  toIndex: number;
}> = {
  id: 'rule.move',
  label: 'Reorder rule',
  keybinding: 'Alt+ArrowUp / Alt+ArrowDown',
  recordsHistory: true,
  perform(state, { poolId, mappingId, ruleId, toIndex }) {
    const rules =
      state.design.identityPools
        .find((pool) => pool.id === poolId)
        ?.roleMappings.find((mapping) => mapping.id === mappingId)?.rules ?? [];
    const from = rules.findIndex((rule) => rule.id === ruleId);
    const target = Math.max(0, Math.min(rules.length - 1, toIndex));
    if (from < 0 || from === target) return state;
    return {
      ...state,
      design: moveRule(state.design, poolId, mappingId, ruleId, target),
      ui: { ...state.ui, focusedRuleId: ruleId },
    };
  },
};

export const removeRuleCommand: Command<{ poolId: string; mappingId: string; ruleId: string }> = {
  id: 'rule.remove',
  label: 'Delete rule',
  recordsHistory: true,
  perform(state, { poolId, mappingId, ruleId }) {
    return { ...state, design: removeRule(state.design, poolId, mappingId, ruleId) };
  },
};

/**
 * Sets or removes (`map` undefined) the principal-tag map of the identity provider `provider` logs
 * in through; for a user pool, on the entry of every client of that pool (edits/principal-tags.ts).
 */
export const setPrincipalTagsCommand: Command<{
  poolId: string;
  provider: ProviderRef;
  map: PrincipalTagMap | undefined;
}> = {
  id: 'principalTags.set',
  label: 'Edit principal tags',
  recordsHistory: true,
  perform(state, { poolId, provider, map }) {
    const design = setPrincipalTagMap(state.design, poolId, provider, map);
    return design === state.design ? state : { ...state, design };
  },
};

export const toggleMinimapCommand: Command = {
  id: 'view.toggleMinimap',
  label: 'Toggle Minimap',
  recordsHistory: false,
  perform(state) {
    return { ...state, ui: { ...state.ui, minimap: !state.ui.minimap } };
  },
};

export const toggleThemeCommand: Command<{ prefersDark: boolean }> = {
  id: 'view.toggleTheme',
  label: 'Toggle Theme',
  recordsHistory: false,
  perform(state, { prefersDark }) {
    const effectiveDark = state.ui.theme === 'dark' || (state.ui.theme === 'system' && prefersDark);
    return { ...state, ui: { ...state.ui, theme: effectiveDark ? 'light' : 'dark' } };
  },
};

/**
 * Attaches review findings (derived from the design, so not an edit: no undo history, the
 * document stays as clean or dirty as it was) and the badge of each entity; replaces the previous set.
 */
export const attachFindingsCommand: Command<readonly Finding[]> = {
  id: 'review.attachFindings',
  label: 'Show findings',
  recordsHistory: false,
  perform(state, reviewFindings) {
    const active = state.ui.activeFindingId;
    return {
      ...state,
      ui: {
        ...state.ui,
        reviewFindings,
        findings: findingBadges(reviewFindings),
        activeFindingId: reviewFindings.some((finding) => finding.id === active) ? active : null,
      },
    };
  },
};
