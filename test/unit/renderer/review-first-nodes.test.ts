// The first review of an opened design waits until the canvas has shown its nodes: on a large
// design a review blocks the page for a few hundred ms, which must not delay the graph itself.

import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { DesignDocument } from '../../../shared/model/types';
import { reviewDesignSync } from '../../../shared/review';
import type * as FirstNodesModule from '../../../src-renderer/canvas/first-nodes';
import type * as ReviewSyncModule from '../../../src-renderer/review/review-sync';
import { createAppStore, type AppStore } from '../../../src-renderer/state/store';
import { aDesign, anIdentityPool, aRole } from '../builders/design';

type FirstNodes = typeof FirstNodesModule;
type ReviewSync = typeof ReviewSyncModule;

function guestDesign(): DesignDocument {
  return aDesign()
    .with((draft) => {
      draft.roles.push(aRole({ id: 'guest', name: 'Guest' }));
      draft.identityPools.push(
        anIdentityPool({ id: 'ids', allowUnauthenticated: true, unauthenticatedRoleId: 'guest' }),
      );
    })
    .build();
}

describe('review after the first nodes are shown', () => {
  let store: AppStore;
  let stop: () => void = () => undefined;
  let firstNodes: FirstNodes;
  let sync: ReviewSync;

  beforeEach(async () => {
    // The canvas state is per page load; a fresh module per test stands for a fresh page.
    vi.resetModules();
    firstNodes = await import('../../../src-renderer/canvas/first-nodes');
    sync = await import('../../../src-renderer/review/review-sync');
    vi.useFakeTimers();
    store = createAppStore();
  });

  afterEach(() => {
    stop();
    vi.useRealTimers();
  });

  it('starts the review timer only once the canvas has shown the opened design', async () => {
    const review = vi.fn((design: DesignDocument) => reviewDesignSync(design));
    firstNodes.canvasMounted();
    store.getState().loadDocument(guestDesign(), '/designs/guest.cognito-design.json');
    stop = sync.startReviewSync({ store, review });
    await vi.advanceTimersByTimeAsync(sync.REVIEW_DELAY_MS * 5);
    expect(review).not.toHaveBeenCalled();
    firstNodes.canvasShowedNodes();
    await vi.advanceTimersByTimeAsync(sync.REVIEW_DELAY_MS - 50);
    expect(review).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(100);
    expect(review).toHaveBeenCalledTimes(1);
    expect(store.getState().ui.reviewFindings).toEqual(reviewDesignSync(store.getState().design));
  });

  it('reviews an empty design at once, and a design opened later after its nodes are shown', async () => {
    const review = vi.fn((design: DesignDocument) => reviewDesignSync(design));
    firstNodes.canvasMounted();
    stop = sync.startReviewSync({ store, review });
    await vi.advanceTimersByTimeAsync(sync.REVIEW_DELAY_MS + 50);
    expect(review).toHaveBeenCalledTimes(1);
    store.getState().loadDocument(guestDesign(), '/designs/guest.cognito-design.json');
    await vi.advanceTimersByTimeAsync(sync.REVIEW_DELAY_MS * 3);
    expect(review).toHaveBeenCalledTimes(1);
    firstNodes.canvasShowedNodes();
    await vi.advanceTimersByTimeAsync(sync.REVIEW_DELAY_MS + 50);
    expect(review).toHaveBeenCalledTimes(2);
  });

  it('does not wait for a canvas that goes away before showing nodes', async () => {
    const review = vi.fn((design: DesignDocument) => reviewDesignSync(design));
    firstNodes.canvasMounted();
    store.getState().loadDocument(guestDesign(), '/designs/guest.cognito-design.json');
    stop = sync.startReviewSync({ store, review });
    await vi.advanceTimersByTimeAsync(sync.REVIEW_DELAY_MS + 50);
    expect(review).not.toHaveBeenCalled();
    firstNodes.canvasUnmounted();
    await vi.advanceTimersByTimeAsync(sync.REVIEW_DELAY_MS + 50);
    expect(review).toHaveBeenCalledTimes(1);
  });

  it('without a canvas (tests, the matrix view) reviews after the usual pause', async () => {
    const review = vi.fn((design: DesignDocument) => reviewDesignSync(design));
    store.getState().loadDocument(guestDesign(), '/designs/guest.cognito-design.json');
    stop = sync.startReviewSync({ store, review });
    await vi.advanceTimersByTimeAsync(sync.REVIEW_DELAY_MS + 50);
    expect(review).toHaveBeenCalledTimes(1);
  });
});
