// Public entry of the AWS account services (main process only). Import from here.
export {
  connect,
  disconnect,
  resolveRegion,
  resolveEndpoint,
  type AwsConnection,
  type AwsTarget,
} from './connection';
export { AwsAccessError, describeAwsError, scrubSecrets } from './errors';
export { callerAccount, listProfiles } from './account';
export { listPools } from './pool-read';
export { pullIdentityPools, type PullResult } from './pull';
export {
  applyDesign,
  planDesign,
  planFingerprint,
  type ApplyOptions,
  type ApplyResult,
  type StepResult,
  type StepStatus,
} from './apply';
export { createAwsHostMethods, type AwsHostMethods } from './host-methods';
