// Differential tests against runSimulation (the validating entry point of the reference simulator):
// same-account resource policies, and session policies, which runUnsafeSimulation cannot evaluate
// (it ignores session policies, and fails on any resource policy).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { inputArbitrary } from './arbitraries';
import { assertAgreesWithSafe } from './compare';

export const RESOURCE_RUNS = 1800;
export const SESSION_RUNS = 1800;

/** The simulator refuses a few generated inputs (policy validation); they must stay rare to keep the test meaningful. */
const MAX_REJECTED_SHARE = 0.1;

describe('differential: runSimulation', () => {
  it(`agrees on ${RESOURCE_RUNS} pairs with same-account resource policies and boundaries`, async () => {
    let rejected = 0;
    await fc.assert(
      fc.asyncProperty(
        inputArbitrary({ boundary: true, resourcePolicy: true, sessionPolicy: false }),
        async (input) => {
          if (!(await assertAgreesWithSafe(input))) rejected += 1;
        },
      ),
      { seed: 20240603, numRuns: RESOURCE_RUNS },
    );
    expect(rejected / RESOURCE_RUNS).toBeLessThan(MAX_REJECTED_SHARE);
  });

  it(`agrees on ${SESSION_RUNS} pairs with one session policy`, async () => {
    let rejected = 0;
    await fc.assert(
      fc.asyncProperty(
        inputArbitrary({ boundary: true, resourcePolicy: false, sessionPolicy: true }),
        async (input) => {
          if (!(await assertAgreesWithSafe(input))) rejected += 1;
        },
      ),
      { seed: 20240604, numRuns: SESSION_RUNS },
    );
    expect(rejected / SESSION_RUNS).toBeLessThan(MAX_REJECTED_SHARE);
  });
});
