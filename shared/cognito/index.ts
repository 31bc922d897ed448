// Public entry of the Cognito simulation engine (design.md §5). Import from here, not from the files behind it.
export type * from './types';
export { simulate } from './simulate';
export {
  deriveIdTokenClaims,
  choosePreferredRole,
  decodePastedJwt,
  claimValues,
  MAX_JWT_LENGTH,
} from './token';
export type { DerivedToken, DecodedJwt, PreferredRoleChoice } from './token';
export { evaluateRule } from './rules';
export type { RuleOutcome } from './rules';
export { selectRole, samlRoles, roleByArn, SAML_ROLE_ATTRIBUTE } from './resolve';
export { resolveLogin, providerKeyFromIssuer } from './login';
export type { ResolvedLogin, LoginResolution } from './login';
export { amrFor, principalTagsFor, buildSession, roleSummary, SESSION_NAME } from './session';
export {
  generateTrustPolicy,
  trustPolicyOf,
  checkTrust,
  roleUses,
  poolMapsPrincipalTags,
  COGNITO_FEDERATED_PRINCIPAL,
  failedTrustStatementPath,
} from './trust';
export type { GeneratedTrustPolicy, RoleUse, RoleUseKind, TrustCheck, TrustRequest } from './trust';
export { guestScopeDownInfo, guestSessionPolicies } from './scope-down';
export type { GuestScopeDownInfo } from './scope-down';
export { fakeIdentityId, fakeRoleId, fakeCredentials, stableHash } from './fake-ids';
export { MESSAGES as COGNITO_ERROR_MESSAGES, DOCS as COGNITO_DOCS } from './errors';
export {
  evaluateAccess,
  accessMatrix,
  createMatrixCache,
  personaToSimulationInput,
  rolePolicies,
  rolePoliciesStep,
  requestContext,
  policySourceOf,
} from './access';
export type {
  MatrixCache,
  MatrixPersona,
  MatrixOptions,
  PolicyDataOptions,
  PolicySource,
  RolePolicies,
} from './access';
export { simulationPath, traceStepElements } from './graph-path';
export type { GraphElements, SimulationPath } from './graph-path';
export {
  ACCESS_LEVELS,
  designActions,
  designResources,
  filterByAccessLevel,
  parseActionList,
  parseResourceList,
  resolveResource,
  serviceActions,
  serviceOfResource,
  servicesOfDesign,
  withAccessLevels,
  writtenActions,
} from './matrix-axes';
export type { ActionLevelSource, CatalogActionLevel, MatrixAction, ResourceTemplate } from './matrix-axes';
export { cellAt, cellIndex, computeMatrixTable, countDecisions, designMatrixTable } from './matrix-table';
export type { MatrixColumn, MatrixTable, MatrixTableOptions } from './matrix-table';
export { accessDiff, describeAccessChange, describePersonaChange, diffMatrixTables } from './access-diff';
export type { AccessChange, AccessChangeKind, AccessDiff, PersonaChange, PersonaSide } from './access-diff';
