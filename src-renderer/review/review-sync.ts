// Keeps the review findings of the current design attached to the store. The review is derived
// data: it runs a moment after the edits stop (debounced), in idle time where the browser offers
// it, so typing and dragging never wait for it. Each run is recorded as a `review` performance
// measure so its cost can be read in the browser's performance timeline.

import { isAwsManagedPolicyArn } from '../../shared/iam/aws-managed-policies';
import type { DesignDocument } from '../../shared/model/types';
import { reviewDesignSync, type Finding } from '../../shared/review';
import { loadAwsManagedPolicies, loadedAwsManagedPolicies } from '../data/aws-managed-policies';
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

function attachesAwsManagedPolicy(design: DesignDocument): boolean {
  return design.roles.some(
    (role) =>
      role.managedPolicyArns.some(isAwsManagedPolicyArn) ||
      (role.permissionsBoundaryArn !== undefined && isAwsManagedPolicyArn(role.permissionsBoundaryArn)),
  );
}

/** The review with the AWS managed policy data once it has loaded (attached AWS managed policies are reviewed too). */
function reviewWithAwsManagedPolicies(design: DesignDocument): Finding[] {
  return reviewDesignSync(design, { awsManagedPolicies: loadedAwsManagedPolicies() });
}

/** Reviews the design now and after every change to it; returns the function that stops. */
export function startReviewSync({
  store = useAppStore,
  review = reviewWithAwsManagedPolicies,
}: ReviewSyncOptions = {}): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let cancelIdle: (() => void) | undefined;
  let failedOnce = false;

  let stopped = false;
  let dataRequested = false;

  /** Loads the AWS managed policy data the first time a design attaches one, then reviews again. */
  function requestAwsManagedPolicies(design: DesignDocument): void {
    if (dataRequested || loadedAwsManagedPolicies() || !attachesAwsManagedPolicy(design)) return;
    dataRequested = true;
    loadAwsManagedPolicies().then(
      () => {
        if (!stopped) schedule();
      },
      (error: unknown) =>
        notify(
          'error',
          `AWS managed policies could not be loaded, so they are not reviewed: ${error instanceof Error ? error.message : String(error)}`,
        ),
    );
  }

  function run(): void {
    const design = store.getState().design;
    requestAwsManagedPolicies(design);
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
    stopped = true;
    unsubscribe();
    clearTimeout(timer);
    cancelIdle?.();
  };
}
