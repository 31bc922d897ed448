// The app's review and AWS managed policies: the data chunk loads only when a design attaches one,
// and the review runs again with it, so an AWS managed policy's statements are reviewed too.
import { afterEach, describe, expect, it } from 'vitest';
import type { DesignDocument } from '../../../shared/model/types';
import { loadedAwsManagedPolicies } from '../../../src-renderer/data/aws-managed-policies';
import { startReviewSync } from '../../../src-renderer/review/review-sync';
import { createAppStore, type AppStore, type StoreState } from '../../../src-renderer/state/store';
import { aDesign, anIdentityPool, aRole } from '../builders/design';

function guestWithManagedPolicy(arn: string): DesignDocument {
  return aDesign()
    .with((draft) => {
      draft.roles.push(aRole({ id: 'guest', name: 'Guest', managedPolicyArns: [arn] }));
      draft.identityPools.push(
        anIdentityPool({ id: 'ids', allowUnauthenticated: true, unauthenticatedRoleId: 'guest' }),
      );
    })
    .build();
}

/** Resolves once the store's state meets `condition`: on the store's own change, not a guessed delay. */
function until(store: AppStore, condition: (state: StoreState) => boolean): Promise<void> {
  return new Promise((resolve) => {
    if (condition(store.getState())) return resolve();
    const unsubscribe = store.subscribe((state) => {
      if (!condition(state)) return;
      unsubscribe();
      resolve();
    });
  });
}

describe('review with AWS managed policies', () => {
  let stop: () => void = () => undefined;
  afterEach(() => stop());

  it('loads the data when a role attaches an AWS managed policy and reviews its statements', async () => {
    expect(loadedAwsManagedPolicies()).toBeUndefined();
    const store = createAppStore();
    store
      .getState()
      .loadDocument(guestWithManagedPolicy('arn:aws:iam::aws:policy/AdministratorAccess'), '/d.json');
    stop = startReviewSync({ store });
    await until(store, (state) =>
      state.ui.reviewFindings.some((finding) =>
        finding.location?.policy?.startsWith('AWS managed policy AdministratorAccess'),
      ),
    );
    expect(loadedAwsManagedPolicies()?.get('arn:aws:iam::aws:policy/AdministratorAccess')?.document).toEqual({
      Version: '2012-10-17',
      Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }],
    });
    const located = store
      .getState()
      .ui.reviewFindings.find((finding) => finding.location?.policy?.startsWith('AWS managed policy'));
    expect(located?.location?.designPath).toBe('$.roles[0].managedPolicyArns[0]');
  });
});
