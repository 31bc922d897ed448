// Differential test, identity policies only: our engine against runUnsafeSimulation on generated
// policies and requests (all condition operators, IfExists, set operators, Null, variables with
// defaults and escapes, NotAction / NotResource, wildcards, Version rules).
import fc from 'fast-check';
import { describe, it } from 'vitest';
import { inputArbitrary } from './arbitraries';
import { assertAgreesWithUnsafe } from './compare';

export const IDENTITY_RUNS = 4000;

describe('differential: identity policies vs runUnsafeSimulation', () => {
  it(`agrees on ${IDENTITY_RUNS} generated policy/request pairs`, () => {
    fc.assert(
      fc.property(
        inputArbitrary({ boundary: false, resourcePolicy: false, sessionPolicy: false }),
        (input) => {
          assertAgreesWithUnsafe(input);
        },
      ),
      { seed: 20240601, numRuns: IDENTITY_RUNS },
    );
  });
});
