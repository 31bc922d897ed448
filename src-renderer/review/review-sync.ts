// Keeps the review findings of the current design attached to the store. The review is derived
// data: it runs a moment after the edits stop (debounced), in idle time where the browser offers
// it, so typing and dragging never wait for it. Each run is recorded as a `review` performance
// measure so its cost can be read in the browser's performance timeline.

import type { DesignDocument } from '../../shared/model/types';
import { reviewDesignSync, type Finding } from '../../shared/review';
import { attachFindingsCommand } from '../state/commands';
import { notify } from '../state/notices';
import { useAppStore, type AppStore } from '../state/store';

export const REVIEW_DELAY_MS = 300;

export interface ReviewSyncOptions {
  store?: AppStore;
  review?: (design: DesignDocument) => Finding[];
}

function whenIdle(callback: () => void): () => void {
  if (typeof requestIdleCallback === 'function') {
    const handle = requestIdleCallback(callback, { timeout: 1000 });
    return () => cancelIdleCallback(handle);
  }
  const handle = setTimeout(callback, 0);
  return () => clearTimeout(handle);
}

function measured(design: DesignDocument, review: (design: DesignDocument) => Finding[]): Finding[] {
  const start = performance.now();
  try {
    return review(design);
  } finally {
    performance.measure('review', { start, end: performance.now() });
  }
}

/** Reviews the design now and after every change to it; returns the function that stops. */
export function startReviewSync({
  store = useAppStore,
  review = reviewDesignSync,
}: ReviewSyncOptions = {}): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let cancelIdle: (() => void) | undefined;
  let failedOnce = false;

  function run(): void {
    const design = store.getState().design;
    let findings: Finding[];
    try {
      findings = measured(design, review);
    } catch (error) {
      // A broken check must not take the editor down; say so once and keep the last findings.
      if (!failedOnce)
        notify(
          'error',
          `The security review could not run: ${error instanceof Error ? error.message : String(error)}`,
        );
      failedOnce = true;
      return;
    }
    // The design may have changed while waiting for idle time; the next run covers that version.
    if (store.getState().design === design) store.getState().run(attachFindingsCommand, findings);
  }

  function schedule(): void {
    clearTimeout(timer);
    cancelIdle?.();
    timer = setTimeout(() => {
      cancelIdle = whenIdle(run);
    }, REVIEW_DELAY_MS);
  }

  schedule();
  const unsubscribe = store.subscribe((state, previous) => {
    if (state.design !== previous.design) schedule();
  });
  return () => {
    unsubscribe();
    clearTimeout(timer);
    cancelIdle?.();
  };
}
