// Opening a policy document at a place in it: used by the inspector, findings, node badges and the
// simulator's deciding statements. The policy editor shows `ui.policyEditor`; the entity that owns
// the document is selected so the canvas and inspector follow.

import type { AppStore } from './store';
import type { PolicyRef, PolicyTarget } from './types';

/** The design entity (node id) that owns a policy document, if any. */
export function ownerOfPolicy(policy: PolicyRef): string | undefined {
  switch (policy.kind) {
    case 'inline':
    case 'trust':
      return policy.roleId;
    case 'managed':
      return policy.policyId;
    case 'guestScopeDown':
      return policy.identityPoolId;
    case 'awsManaged':
      return undefined;
  }
}

export function openPolicy(store: AppStore, target: PolicyTarget): void {
  const state = store.getState();
  const owner = ownerOfPolicy(target.policy);
  if (owner !== undefined) state.setSelection({ nodes: [owner], edges: [] });
  state.setUi({ policyEditor: target });
}

export function closePolicy(store: AppStore): void {
  store.getState().setUi({ policyEditor: null });
}
