// Public types of the Cognito simulation engine (design.md §5).

import type {
  ContextValue,
  Decision,
  EvaluationResult,
  PolicyDocument,
  StatementExplanation,
} from '../iam/types';

/** Token claims: JSON values keyed by claim name (`sub`, `cognito:groups`, `custom:tenant`, …). */
export type Claims = Record<string, unknown>;

/** How the simulated identity signs in. */
export type SimulationLogin =
  | { type: 'guest' }
  /** A sample user of a user pool of the design; pool and app client are design ids (optional when unambiguous). */
  | { type: 'userPoolUser'; username: string; userPoolId?: string; clientId?: string }
  /** Token claims typed by hand (a JSON object). */
  | { type: 'claims'; claims: Claims }
  /** A pasted JWT; decoded without verifying its signature. */
  | { type: 'jwt'; token: string }
  /** Developer-authenticated identity: the user identifier of the developer provider. */
  | { type: 'developer'; userIdentifier: string };

export type SimulationFlow = 'enhanced' | 'basic';

export interface SimulationInput {
  /** Identity pool: design id, AWS pool id (`<region>:<guid>`) or name. */
  identityPool: string;
  login: SimulationLogin;
  /**
   * Key of the `Logins` map (design.md §9 `--provider`): user pools `cognito-idp.<region>.amazonaws.com/<poolId>`
   * (the app client comes from the token's `aud`), OIDC issuer host, SAML provider ARN, developer provider name.
   * Optional when it follows from the login (user-pool users, the token's `iss`).
   */
  provider?: string;
  /** `CustomRoleArn` of GetCredentialsForIdentity; in the basic flow, the role the caller asks STS for. */
  customRoleArn?: string;
  /** Overrides the derived fake identity id. */
  identityId?: string;
  /** Default `enhanced`. */
  flow?: SimulationFlow;
  /** Clock for expiration and token times (ISO text or Date); default: the current time. */
  now?: string | Date;
}

export type TraceOutcome = 'pass' | 'fail' | 'info';

/** One decision taken while resolving credentials: what was compared and why. */
export interface TraceStep {
  /** Stable id, e.g. `guest-access`, `rule:rule-admins`, `trust`. */
  id: string;
  title: string;
  detail: string;
  outcome: TraceOutcome;
  /** True when the step relies on behaviour AWS does not document (our assumption). */
  assumption?: boolean;
  /** AWS documentation page backing the step. */
  source?: string;
  data?: Record<string, unknown>;
}

/** `source: 'aws'` = the error AWS would return; `'input'` = the simulation input itself is unusable. */
export interface SimulationError {
  code: string;
  message: string;
  source: 'aws' | 'input';
}

export interface RoleSummary {
  /** Design id of the role. */
  id: string;
  name: string;
  arn: string;
  /** Stable fake unique id `AROA…`, derived from the ARN. */
  roleId: string;
}

export interface SimulatedCredentials {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken: string;
  /** ISO 8601, one hour after `now`. */
  expiration: string;
  /** Always true: these keys are made up and work nowhere. */
  simulated: true;
}

export interface SessionPolicy {
  name: string;
  /** `inline` or the managed policy ARN. */
  origin: string;
  document: PolicyDocument;
}

/** The STS session one role would give this identity. */
export interface SimulatedSession {
  role: RoleSummary;
  sessionName: string;
  assumedRoleArn: string;
  /** `aws:userid`: `<role id>:<session name>`. */
  userId: string;
  credentials: SimulatedCredentials;
  principalTags: Record<string, string>;
  /** Guest scope-down session policies (enhanced flow only). */
  sessionPolicies: SessionPolicy[];
  /** Request context keys every request made with these credentials carries (design.md §5.3). */
  context: Record<string, ContextValue>;
}

export interface LoginSummary {
  kind: 'guest' | 'userPool' | 'provider' | 'developer';
  /** Key of the `Logins` map; absent for guests. */
  loginsKey?: string;
  /** Role-mapping key (user pools: with the app client id). */
  mappingKey?: string;
  /** Design id of the user pool or provider, when the login comes from the design. */
  entityId?: string;
  subject?: string;
}

interface SimulationCommon {
  flow: SimulationFlow;
  identityPool?: { id: string; poolId: string; name: string };
  login?: LoginSummary;
  /** Token claims used for the decision (derived, typed or decoded). */
  claims?: Claims;
  trace: TraceStep[];
}

export interface SimulationSuccess extends SimulationCommon {
  outcome: 'credentials';
  identityId: string;
  amr: string[];
  /** The role the credentials are for (basic flow: the requested or first reachable role). */
  role: RoleSummary;
  session: SimulatedSession;
  assumedRoleArn: string;
  principalTags: Record<string, string>;
  /** Basic flow: every role whose trust policy accepts this identity's token, each with its session. */
  reachableRoles: SimulatedSession[];
}

export interface SimulationFailure extends SimulationCommon {
  outcome: 'error';
  error: SimulationError;
  identityId?: string;
  amr?: string[];
  /** Basic flow: roles reachable even though the requested one was not. */
  reachableRoles?: SimulatedSession[];
}

export type SimulationResult = SimulationSuccess | SimulationFailure;

/** One request made with simulated credentials. */
export interface AccessRequest {
  action: string;
  resource: string;
  resourceAccount?: string;
  /** Request keys the user sets (`aws:SourceIp`, `s3:prefix`, …). Session keys cannot be overridden. */
  context?: Record<string, ContextValue>;
}

/** A policy attached to the role that the engine could not evaluate (AWS managed, or missing from the design). */
export interface UnevaluatedPolicy {
  arn: string;
  kind: 'identity' | 'permissionsBoundary';
  reason: string;
}

export interface AccessDecision {
  action: string;
  resource: string;
  decision: Decision;
  decidingStatements: StatementExplanation[];
  summary: string;
  /** False when some attached policy could not be evaluated: the decision may differ in AWS. */
  complete: boolean;
  notEvaluated: UnevaluatedPolicy[];
  /** Request keys the caller supplied that were ignored because the session defines them. */
  ignoredContextKeys: string[];
  evaluation: EvaluationResult;
}

export type MatrixCell = Decision | 'NoCredentials';

export interface MatrixPersonaResult {
  id: string;
  name: string;
  outcome: 'credentials' | 'error';
  roleArn?: string;
  error?: SimulationError;
  complete: boolean;
  notEvaluated: UnevaluatedPolicy[];
}

export interface AccessMatrix {
  personas: MatrixPersonaResult[];
  actions: string[];
  resources: string[];
  /** `cells[persona][action][resource]`. */
  cells: MatrixCell[][][];
}
