// Small builders for hand-written evaluation inputs.
import type { ContextValue, EvaluationInput, PolicyDocument } from '../../../shared/iam';
import { ACCOUNT, SESSION_ARN } from './oracle';

/** One identity policy allowing s3:GetObject on everything under the given Condition block. */
export function conditionInput(
  condition: object,
  context: Record<string, ContextValue>,
  version = '2012-10-17',
): EvaluationInput {
  const document: PolicyDocument = {
    Version: version,
    Statement: [{ Effect: 'Allow', Action: 's3:GetObject', Resource: '*', Condition: condition }],
  };
  return {
    request: {
      principal: SESSION_ARN,
      action: 's3:GetObject',
      resource: 'arn:aws:s3:::photos/a.jpg',
      resourceAccount: ACCOUNT,
      context,
    },
    identityPolicies: [{ name: 'conditions', document }],
  };
}
