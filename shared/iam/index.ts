// Public entry of the IAM policy engine (design.md §6). Import from here, not from the files behind it.
export type * from './types';
export { parsePolicy, locateJsonPath } from './parse';
export { validatePolicy } from './validate';
export { compilePolicy } from './compile';
export { evaluate, evaluateDecision } from './evaluate';
export { findPolicyVariables, substituteVariables } from './variables';
