// Review findings on the canvas: badges per entity (count, most severe first) and the debounced
// review that attaches them without touching the undo history or the dirty marker.

import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { DesignDocument } from '../../../shared/model/types';
import { reviewDesignSync, type Finding, type Severity } from '../../../shared/review';
import { REVIEW_DELAY_MS, startReviewSync } from '../../../src-renderer/review/review-sync';
import { attachFindingsCommand, updateEntityCommand } from '../../../src-renderer/state/commands';
import { findingBadges } from '../../../src-renderer/state/findings';
import { createAppStore, isDirty, type AppStore } from '../../../src-renderer/state/store';
import { aDesign, anIdentityPool, aPolicy, aRole } from '../builders/design';

function aFinding(entityId: string, severity: Severity, id: string): Finding {
  return {
    id,
    checkId: 'check',
    severity,
    title: `${severity} finding`,
    entity: { kind: 'role', id: entityId, name: entityId },
    rationale: 'Why.',
    fix: 'How.',
  };
}

/** A guest role allowed to write to S3: design.md §7 "guest role with write or data-plane permissions". */
function guestWriteDesign(): DesignDocument {
  return aDesign()
    .with((draft) => {
      draft.roles.push(
        aRole({
          id: 'guest',
          name: 'Guest',
          inlinePolicies: [
            {
              name: 'uploads',
              document: aPolicy([
                { Effect: 'Allow', Action: 's3:PutObject', Resource: 'arn:aws:s3:::uploads/*' },
              ]),
            },
          ],
        }),
      );
      draft.identityPools.push(
        anIdentityPool({ id: 'ids', allowUnauthenticated: true, unauthenticatedRoleId: 'guest' }),
      );
    })
    .build();
}

describe('findingBadges', () => {
  it('counts the findings of each entity and keeps the most severe', () => {
    expect(
      findingBadges([
        aFinding('a', 'low', '1'),
        aFinding('a', 'critical', '2'),
        aFinding('a', 'medium', '3'),
        aFinding('b', 'info', '4'),
      ]),
    ).toEqual({ a: { count: 3, severity: 'critical' }, b: { count: 1, severity: 'info' } });
  });
});

describe('attachFindingsCommand', () => {
  it('keeps the expanded finding while it still exists and forgets it once it is gone', () => {
    const store = createAppStore();
    store.getState().run(attachFindingsCommand, [aFinding('a', 'high', '1')]);
    store.getState().setUi({ activeFindingId: '1' });
    store.getState().run(attachFindingsCommand, [aFinding('a', 'high', '1'), aFinding('b', 'low', '2')]);
    expect(store.getState().ui.activeFindingId).toBe('1');
    store.getState().run(attachFindingsCommand, [aFinding('b', 'low', '2')]);
    expect(store.getState().ui.activeFindingId).toBeNull();
  });
});

describe('startReviewSync', () => {
  let store: AppStore;
  let stop: () => void;

  beforeEach(() => {
    vi.useFakeTimers();
    store = createAppStore();
    store.getState().loadDocument(guestWriteDesign(), '/designs/guest.cognito-design.json');
  });

  afterEach(() => {
    stop();
    vi.useRealTimers();
  });

  it('attaches the findings of the review after a pause, with no undo step and a clean document', async () => {
    stop = startReviewSync({ store });
    expect(store.getState().ui.reviewFindings).toEqual([]);
    await vi.advanceTimersByTimeAsync(REVIEW_DELAY_MS + 50);
    const findings = store.getState().ui.reviewFindings;
    expect(findings.map((finding) => finding.checkId)).toContain('guest-write-access');
    expect(findings).toEqual(reviewDesignSync(store.getState().design));
    expect(store.getState().ui.findings.guest?.count).toBe(
      findings.filter((finding) => finding.entity.id === 'guest').length,
    );
    expect(store.getState().past).toHaveLength(0);
    expect(isDirty(store.getState())).toBe(false);
  });

  it('reviews once after a burst of edits, never on each one', async () => {
    const review = vi.fn((design: DesignDocument) => reviewDesignSync(design));
    stop = startReviewSync({ store, review });
    await vi.advanceTimersByTimeAsync(REVIEW_DELAY_MS + 50);
    expect(review).toHaveBeenCalledTimes(1);
    for (const name of ['G', 'Gu', 'Gue', 'Gues', 'Guest2']) {
      store.getState().run(updateEntityCommand, { kind: 'role', id: 'guest', patch: { name } });
      await vi.advanceTimersByTimeAsync(REVIEW_DELAY_MS / 3);
    }
    expect(review).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(REVIEW_DELAY_MS + 50);
    expect(review).toHaveBeenCalledTimes(2);
    expect(review.mock.calls[1]![0].roles[0]!.name).toBe('Guest2');
    expect(store.getState().ui.findings.guest).toBeDefined();
    // Only the five name edits are undo steps; attaching findings added none.
    expect(store.getState().past).toHaveLength(5);
  });

  it('a failing review keeps the last findings and leaves the design alone', async () => {
    const review = vi.fn((design: DesignDocument): Finding[] => {
      if (review.mock.calls.length > 1) throw new Error('check crashed');
      return reviewDesignSync(design);
    });
    stop = startReviewSync({ store, review });
    await vi.advanceTimersByTimeAsync(REVIEW_DELAY_MS + 50);
    const first = store.getState().ui.reviewFindings;
    store.getState().run(updateEntityCommand, { kind: 'role', id: 'guest', patch: { name: 'Visitor' } });
    await vi.advanceTimersByTimeAsync(REVIEW_DELAY_MS + 50);
    expect(review).toHaveBeenCalledTimes(2);
    expect(store.getState().ui.reviewFindings).toBe(first);
    expect(store.getState().design.roles[0]!.name).toBe('Visitor');
  });
});
