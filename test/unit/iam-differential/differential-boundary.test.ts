// Differential test, identity policies with a permissions boundary: our engine against
// runUnsafeSimulation on generated policies and requests.
import fc from 'fast-check';
import { describe, it } from 'vitest';
import { inputArbitrary } from './arbitraries';
import { assertAgreesWithUnsafe } from './compare';

export const BOUNDARY_RUNS = 3000;

describe('differential: permissions boundary vs runUnsafeSimulation', () => {
  it(`agrees on ${BOUNDARY_RUNS} generated policy/request pairs`, () => {
    fc.assert(
      fc.property(
        inputArbitrary({ boundary: true, resourcePolicy: false, sessionPolicy: false }),
        (input) => {
          assertAgreesWithUnsafe(input);
        },
      ),
      { seed: 20240602, numRuns: BOUNDARY_RUNS },
    );
  });
});
