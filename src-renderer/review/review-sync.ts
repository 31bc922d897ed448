// Keeps the review findings of the current design attached to the store. The review is derived
// data: it runs a moment after the edits stop (debounced), in idle time where the browser offers
// it, so typing and dragging never wait for it. Each run is recorded as a `review` performance
// measure so its cost can be read in the browser's performance timeline. The review code loads
// apart from the start-up chunk, and the first review of an opened design starts only after the
// canvas has shown its nodes (on a large design a review blocks the page for a few hundred ms).

import { isAwsManagedPolicyArn } from '../../shared/iam/aws-managed-policies';
import type { DesignDocument } from '../../shared/model/types';
import type { Finding } from '../../shared/review';
import { afterFirstNodesShown } from '../canvas/first-nodes';
import { loadAwsManagedPolicies, loadedAwsManagedPolicies } from '../data/aws-managed-policies';
import { attachFindingsCommand } from '../state/commands';
import { notify } from '../state/notices';
import { useAppStore, type AppStore } from '../state/store';

export const REVIEW_DELAY_MS = 300;

type Review = (design: DesignDocument) => Finding[];

export interface ReviewSyncOptions {
  store?: AppStore;
  review?: Review;
}

function whenIdle(callback: () => void): () => void {
  if (typeof requestIdleCallback === 'function') {
    const handle = requestIdleCallback(callback, { timeout: 1000 });
    return () => cancelIdleCallback(handle);
  }
  const handle = setTimeout(callback, 0);
  return () => clearTimeout(handle);
}

function measured(design: DesignDocument, review: Review): Finding[] {
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
async function loadReviewWithAwsManagedPolicies(): Promise<Review> {
  const { reviewDesignSync } = await import('../../shared/review');
  return (design) => reviewDesignSync(design, { awsManagedPolicies: loadedAwsManagedPolicies() });
}

function hasNodes(design: DesignDocument): boolean {
  const { providers, userPools, identityPools, roles, managedPolicies } = design;
  return (
    providers.length + userPools.length + identityPools.length + roles.length + managedPolicies.length > 0
  );
}

/** Reviews the design now and after every change to it; returns the function that stops. */
export function startReviewSync({ store = useAppStore, review }: ReviewSyncOptions = {}): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let cancelIdle: (() => void) | undefined;
  let cancelWait: (() => void) | undefined;
  // Loaded at the first run, so its download and compile never compete with the first render.
  // Without the review code there are no findings to show, which must not read as "no problems".
  let loading: Promise<Review | undefined> | undefined = review ? Promise.resolve(review) : undefined;
  function reviewer(): Promise<Review | undefined> {
    loading ??= loadReviewWithAwsManagedPolicies().catch((error: unknown) => {
      notify(
        'error',
        `The security review could not be loaded: ${error instanceof Error ? error.message : String(error)}`,
      );
      return undefined;
    });
    return loading;
  }
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

  function run(reviewer: Review): void {
    const design = store.getState().design;
    requestAwsManagedPolicies(design);
    let findings: Finding[];
    try {
      findings = measured(design, reviewer);
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

  /** Each schedule supersedes the ones before it (the module may still be loading when they fire). */
  let generation = 0;

  function schedule(): void {
    generation += 1;
    const current = generation;
    clearTimeout(timer);
    cancelIdle?.();
    cancelWait?.();
    cancelWait = afterFirstNodesShown(hasNodes(store.getState().design), () => {
      timer = setTimeout(() => {
        void reviewer().then((loaded) => {
          if (loaded && !stopped && current === generation) cancelIdle = whenIdle(() => run(loaded));
        });
      }, REVIEW_DELAY_MS);
    });
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
    cancelWait?.();
  };
}
