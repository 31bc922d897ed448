// Hand-written tricky cases per condition operator (operator-tables.ts): our engine must give the
// outcome the AWS documentation implies, and so must the reference simulator except where
// deliberate-differences.test.ts names the case.
import { describe, expect, it } from 'vitest';
import { evaluateDecision } from '../../../shared/iam';
import { OPERATOR_TABLES } from './operator-tables';
import { unsafeOracleDecision } from './oracle';
import { conditionInput } from './request-builders';

/** Cases where the reference simulator departs from the documentation; explained in deliberate-differences.test.ts. */
const ORACLE_DEPARTS = new Set([
  'DateEquals with an epoch-seconds policy value',
  'without Version 2012-10-17 a variable is literal text',
]);

for (const [family, cases] of Object.entries(OPERATOR_TABLES)) {
  describe(`condition operators: ${family}`, () => {
    for (const testCase of cases) {
      it(testCase.name, () => {
        const input = conditionInput(testCase.condition, testCase.context, testCase.version);
        const expected = testCase.matches ? 'Allowed' : 'ImplicitlyDenied';
        expect(evaluateDecision(input)).toBe(expected);
        if (!ORACLE_DEPARTS.has(testCase.name)) expect(unsafeOracleDecision(input)).toBe(expected);
      });
    }
  });
}

describe('the same cases under Deny', () => {
  // A Deny applies exactly when its conditions hold, so the table must mirror itself.
  for (const testCase of Object.values(OPERATOR_TABLES).flat()) {
    it(testCase.name, () => {
      const input = conditionInput(testCase.condition, testCase.context, testCase.version);
      const documentWithDeny = {
        Version: testCase.version ?? '2012-10-17',
        Statement: [
          { Effect: 'Allow', Action: 's3:*', Resource: '*' },
          { Effect: 'Deny', Action: 's3:GetObject', Resource: '*', Condition: testCase.condition },
        ],
      };
      const denyInput = { ...input, identityPolicies: [{ name: 'deny', document: documentWithDeny }] };
      expect(evaluateDecision(denyInput)).toBe(testCase.matches ? 'ExplicitlyDenied' : 'Allowed');
    });
  }
});
