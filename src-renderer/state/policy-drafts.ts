// Policy editor text as part of the undoable document: text that is a JSON object is stored in the
// design, any other text is kept as a draft of that policy (beside the design, never saved in it),
// so undo, redo and the recovery file see every state the person typed.

import { parsePolicy } from '../../shared/iam';
import type { PolicyDocument } from '../../shared/iam/types';
import type { DesignDocument, InlinePolicy } from '../../shared/model/types';
import { policyKey, resolvePolicySource, withPolicyDocument } from '../policy-editor/policy-source';
import type { Command, CommandState, PolicyDrafts, PolicyRef } from './types';

/** Why `text` cannot be stored in the design yet (with its line), or undefined when it can. */
export function policyDraftError(text: string): string | undefined {
  const parsed = parsePolicy(text);
  const syntax = parsed.issues.find((issue) => issue.code === 'invalid-json');
  if (syntax) return `${syntax.message} (line ${syntax.line ?? 1})`;
  return parsed.document ? undefined : 'a policy must be a JSON object';
}

function withoutDraft(drafts: PolicyDrafts, key: string): PolicyDrafts {
  if (!(key in drafts)) return drafts;
  const rest = { ...drafts };
  delete rest[key];
  return rest;
}

function sameJson(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/**
 * Stores what the policy editor holds for `policy`: a JSON object goes into the design (and ends
 * the policy's draft), other text becomes the policy's draft. One undo step per call; the editor
 * calls it once per pause in typing.
 */
export const editPolicyTextCommand: Command<{ policy: PolicyRef; text: string }> = {
  id: 'policy.editText',
  label: 'Edit policy',
  recordsHistory: true,
  perform(state, { policy, text }) {
    const key = policyKey(policy);
    const drafts = state.policyDrafts ?? {};
    const source = resolvePolicySource(state.design, policy);
    if (!source || source.readOnly) return state;
    if (policyDraftError(text) !== undefined)
      return drafts[key] === text ? state : { ...state, policyDrafts: { ...drafts, [key]: text } };
    const document = JSON.parse(text) as PolicyDocument;
    const design = sameJson(document, source.document)
      ? state.design
      : (withPolicyDocument(state.design, policy, document) ?? state.design);
    const policyDrafts = withoutDraft(drafts, key);
    if (design === state.design && policyDrafts === drafts) return state;
    return { ...state, design, policyDrafts };
  },
};

/** The editable policy of the design whose key is `key` (a recovered draft's policy), if any. */
export function policyOfDraftKey(design: DesignDocument, key: string): PolicyRef | undefined {
  const refs: PolicyRef[] = [
    ...design.roles.flatMap((role): PolicyRef[] => [
      ...role.inlinePolicies.map((policy): PolicyRef => ({
        kind: 'inline',
        roleId: role.id,
        policyName: policy.name,
      })),
      { kind: 'trust', roleId: role.id },
    ]),
    ...design.managedPolicies.map((policy): PolicyRef => ({ kind: 'managed', policyId: policy.id })),
  ];
  return refs.find((ref) => policyKey(ref) === key);
}

/**
 * Keys of the drafts of policies the design holds and the editor can change. A draft of a policy
 * that was deleted (or moved to another place in its role), or of a trust policy set back to generated, stays in the store (an
 * undo brings it back with its policy) but is not shown, asked about or counted as unsaved.
 */
export function livePolicyDraftKeys(design: DesignDocument, drafts: PolicyDrafts): string[] {
  const keys = Object.keys(drafts);
  if (keys.length === 0) return keys;
  return keys.filter((key) => {
    const ref = policyOfDraftKey(design, key);
    return ref !== undefined && resolvePolicySource(design, ref)?.readOnly === false;
  });
}

/**
 * What a change of a role's inline policies means for the editor: a policy renamed in place (same
 * position, new name) keeps its draft and stays open in the editor under its new name. Policies
 * added, removed or reordered are left alone (their drafts are set aside as above).
 */
export function followInlinePolicyRenames(
  state: CommandState,
  roleId: string,
  after: readonly InlinePolicy[],
): Pick<CommandState, 'policyDrafts' | 'ui'> {
  const before = state.design.roles.find((role) => role.id === roleId)?.inlinePolicies ?? [];
  let policyDrafts = state.policyDrafts ?? {};
  let ui = state.ui;
  if (before.length !== after.length) return { policyDrafts, ui };
  before.forEach((policy, index) => {
    const renamed = after[index]!.name;
    if (policy.name === renamed) return;
    const from = policyKey({ kind: 'inline', roleId, policyName: policy.name });
    const to = policyKey({ kind: 'inline', roleId, policyName: renamed });
    if (from in policyDrafts && !(to in policyDrafts)) {
      const { [from]: draft, ...rest } = policyDrafts;
      policyDrafts = { ...rest, [to]: draft! };
    }
    const open = ui.policyEditor?.policy;
    if (open?.kind === 'inline' && open.roleId === roleId && open.policyName === policy.name) {
      ui = { ...ui, policyEditor: { ...ui.policyEditor!, policy: { ...open, policyName: renamed } } };
    }
  });
  return { policyDrafts, ui };
}
