// Public entry of the IAM policy engine (design.md §6). Import from here, not from the files behind it.
export type * from './types';
export type { ParsedPolicy } from './parse';
export type { BaseOperator, ParsedOperator } from './operators';
export { parsePolicy, locateJsonPath, jsonPathLocator } from './parse';
export { validatePolicy } from './validate';
export { policyHasErrors, policyKeyCount } from './validate-errors';
export { compileParsedPolicy, compilePolicy } from './compile';
export { evaluate, evaluateDecision, evaluateDeciding, type DecidingResult } from './evaluate';
export { findPolicyVariables, substituteVariables } from './variables';
/** The condition operators AWS documents (for completion and documentation); `parseOperator` reads a written name. */
export { baseOperators, parseOperator } from './operators';
export { pathWithIndex, pathWithKey } from './json-path';
export {
  awsManagedPolicyLabel,
  createAwsManagedPolicySource,
  isAnyAwsManagedPolicyArn,
  isAwsManagedPolicyArn,
  isAwsManagedPolicyData,
  layerAwsManagedPolicies,
  type AwsManagedPolicyData,
  type AwsManagedPolicySource,
  type AwsManagedPolicyVersion,
} from './aws-managed-policies';
