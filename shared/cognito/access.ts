// What simulated credentials may do: single requests with explanations, and the access matrix of a review.
// Policies in force (design.md §5.3, §6): the role's inline and customer managed policies (identity), the
// session policies (guest scope-down) and the permissions boundary.

import { awsManagedPolicyLabel, type AwsManagedPolicySource } from '../iam/aws-managed-policies';
import { compilePolicy, evaluate, evaluateDecision } from '../iam/index';
import type { CompiledPolicy, ContextValue, IamRequest, PolicyInput } from '../iam/types';
import { managedPolicyArn } from '../model/keys';
import type { DesignDocument, Persona, Role } from '../model/types';
import { simulate } from './simulate';
import type {
  AccessDecision,
  AccessMatrix,
  AccessRequest,
  MatrixCell,
  MatrixPersonaResult,
  SimulatedSession,
  SimulationInput,
  SimulationSuccess,
  TraceStep,
  UnevaluatedPolicy,
} from './types';

type PolicyArgument = PolicyInput | CompiledPolicy;

export interface RolePolicies {
  identity: PolicyArgument[];
  boundary: PolicyArgument | undefined;
  /** Attached policies whose documents the design does not hold; decisions are then incomplete. */
  notEvaluated: UnevaluatedPolicy[];
}

function isAwsManaged(arn: string): boolean {
  return /^arn:[^:]+:iam::aws:policy\//.test(arn);
}

function unevaluated(
  arn: string,
  kind: UnevaluatedPolicy['kind'],
  awsManaged: AwsManagedPolicySource | undefined,
): UnevaluatedPolicy {
  return {
    arn,
    kind,
    reason: !isAwsManaged(arn)
      ? 'customer managed policy missing from the design, so it was not evaluated'
      : awsManaged
        ? `AWS managed policy unknown to the AWS managed policy data (${awsManaged.source}, ${awsManaged.dataDate}), so it was not evaluated`
        : 'AWS managed policy: its document is not part of the design, so it was not evaluated',
  };
}

// The names the evaluator reports in its explanations; `policySourceOf` reads them back.
function inlinePolicyLabel(roleName: string, policyName: string): string {
  return `role/${roleName} inline '${policyName}'`;
}
function managedPolicyLabel(name: string): string {
  return `managed policy ${name}`;
}
function boundaryPolicyLabel(name: string): string {
  return `permissions boundary ${name}`;
}
function sessionPolicyLabel(name: string): string {
  return `session policy ${name}`;
}

/** Whether `label` is `awsManagedPolicyLabel` of `arn`, whatever the version the data held. */
function namesAwsManagedPolicy(label: string, arn: string): boolean {
  const prefix = `AWS managed policy ${arn.slice(arn.lastIndexOf('/') + 1)} (`;
  return label.startsWith(prefix) && label.endsWith(')') && !label.slice(prefix.length, -1).includes('(');
}

/** The design document a deciding statement comes from, so a UI can open it at the statement. */
export type PolicySource =
  | { kind: 'inline'; roleId: string; policyName: string }
  | { kind: 'managed'; policyId: string }
  /** An AWS managed policy attached to the role or used as its permissions boundary (from the AWS managed policy data). */
  | { kind: 'awsManaged'; arn: string }
  /** A session policy: `origin` is `inline` or the ARN of the AWS managed policy. */
  | { kind: 'session'; name: string; origin: string };

/** Which policy of the session's role (or which session policy) an explanation's `policyName` names. */
export function policySourceOf(
  design: DesignDocument,
  session: SimulatedSession,
  policyName: string,
): PolicySource | undefined {
  const role = design.roles.find((candidate) => candidate.id === session.role.id);
  if (!role) return undefined;
  const inline = role.inlinePolicies.find(
    (policy) => inlinePolicyLabel(role.name, policy.name) === policyName,
  );
  if (inline) return { kind: 'inline', roleId: role.id, policyName: inline.name };
  const attached = [
    ...role.managedPolicyArns,
    ...(role.permissionsBoundaryArn ? [role.permissionsBoundaryArn] : []),
  ];
  const managed = design.managedPolicies.find(
    (policy) =>
      attached.includes(managedPolicyArn(design.account, policy)) &&
      (managedPolicyLabel(policy.name) === policyName || boundaryPolicyLabel(policy.name) === policyName),
  );
  if (managed) return { kind: 'managed', policyId: managed.id };
  const awsManaged = attached.find(
    (arn) =>
      isAwsManaged(arn) &&
      !design.managedPolicies.some((policy) => managedPolicyArn(design.account, policy) === arn) &&
      namesAwsManagedPolicy(policyName.replace(/^permissions boundary /, ''), arn),
  );
  if (awsManaged) return { kind: 'awsManaged', arn: awsManaged };
  const sessionPolicy = session.sessionPolicies.find(
    (policy) => sessionPolicyLabel(policy.name) === policyName,
  );
  return sessionPolicy
    ? { kind: 'session', name: sessionPolicy.name, origin: sessionPolicy.origin }
    : undefined;
}

/** Options of the evaluators that look at a role's policies. */
export interface PolicyDataOptions {
  /** AWS managed policy documents; without it, attached AWS managed policies are "not evaluated". */
  awsManagedPolicies?: AwsManagedPolicySource;
}

/**
 * The policies of `role` as evaluator inputs; `compile` pre-compiles them for repeated evaluation.
 * An attached ARN is looked up in the design first (its own copy wins), then in `awsManaged`.
 */
export function rolePolicies(
  design: DesignDocument,
  role: Role,
  compile = false,
  awsManaged?: AwsManagedPolicySource,
): RolePolicies {
  const prepare = (input: PolicyInput, kind: 'identity' | 'permissionsBoundary'): PolicyArgument =>
    compile ? compilePolicy(input, kind) : input;
  const identity: PolicyArgument[] = role.inlinePolicies.map((policy) =>
    prepare({ name: inlinePolicyLabel(role.name, policy.name), document: policy.document }, 'identity'),
  );
  const notEvaluated: UnevaluatedPolicy[] = [];
  const findManaged = (arn: string) =>
    design.managedPolicies.find((policy) => managedPolicyArn(design.account, policy) === arn);
  const findAwsManaged = (arn: string) => {
    const version = isAwsManaged(arn) ? awsManaged?.get(arn) : undefined;
    return version ? { name: awsManagedPolicyLabel(arn, version), document: version.document } : undefined;
  };
  for (const arn of role.managedPolicyArns) {
    const managed = findManaged(arn);
    const aws = managed ? undefined : findAwsManaged(arn);
    if (managed)
      identity.push(
        prepare({ name: managedPolicyLabel(managed.name), document: managed.document }, 'identity'),
      );
    else if (aws) identity.push(prepare(aws, 'identity'));
    else notEvaluated.push(unevaluated(arn, 'identity', awsManaged));
  }
  let boundary: PolicyArgument | undefined;
  if (role.permissionsBoundaryArn) {
    const managed = findManaged(role.permissionsBoundaryArn);
    const aws = managed ? undefined : findAwsManaged(role.permissionsBoundaryArn);
    if (managed)
      boundary = prepare(
        { name: boundaryPolicyLabel(managed.name), document: managed.document },
        'permissionsBoundary',
      );
    else if (aws)
      boundary = prepare(
        { name: `permissions boundary ${aws.name}`, document: aws.document },
        'permissionsBoundary',
      );
    else notEvaluated.push(unevaluated(role.permissionsBoundaryArn, 'permissionsBoundary', awsManaged));
  }
  return { identity, boundary, notEvaluated };
}

/** Request context: the caller's keys, then the session's keys, which the caller cannot override. */
export function requestContext(
  session: SimulatedSession,
  extra: Record<string, ContextValue> | undefined,
): { context: Record<string, ContextValue>; ignored: string[] } {
  const sessionKeys = new Set(Object.keys(session.context).map((key) => key.toLowerCase()));
  const context: Record<string, ContextValue> = {};
  const ignored: string[] = [];
  for (const [key, value] of Object.entries(extra ?? {})) {
    const lower = key.toLowerCase();
    // Principal tags and the Cognito keys come from the session only; a request cannot invent them.
    if (
      sessionKeys.has(lower) ||
      lower.startsWith('aws:principaltag/') ||
      lower.startsWith('cognito-identity.amazonaws.com:')
    )
      ignored.push(key);
    else context[key] = value;
  }
  return { context: { ...context, ...session.context }, ignored };
}

function sessionOf(credentials: SimulationSuccess | SimulatedSession): SimulatedSession {
  return 'session' in credentials ? credentials.session : credentials;
}

function sessionPolicyInputs(session: SimulatedSession, compile: boolean): PolicyArgument[] | undefined {
  if (session.sessionPolicies.length === 0) return undefined;
  return session.sessionPolicies.map((policy) => {
    const input = { name: sessionPolicyLabel(policy.name), document: policy.document };
    return compile ? compilePolicy(input, 'session') : input;
  });
}

/** Evaluates requests made with simulated credentials, each with its deciding statements. */
export function evaluateAccess(
  design: DesignDocument,
  credentials: SimulationSuccess | SimulatedSession,
  requests: readonly AccessRequest[],
  options: PolicyDataOptions = {},
): AccessDecision[] {
  const session = sessionOf(credentials);
  const role = design.roles.find((candidate) => candidate.id === session.role.id);
  const policies: RolePolicies = role
    ? rolePolicies(design, role, requests.length > 1, options.awsManagedPolicies)
    : {
        identity: [],
        boundary: undefined,
        notEvaluated: [
          { arn: session.role.arn, kind: 'identity', reason: 'the role is not part of this design' },
        ],
      };
  const sessionPolicies = sessionPolicyInputs(session, requests.length > 1);
  return requests.map((request) => {
    const { context, ignored } = requestContext(session, request.context);
    const evaluation = evaluate({
      request: {
        principal: session.assumedRoleArn,
        action: request.action,
        resource: request.resource,
        resourceAccount: request.resourceAccount,
        context,
      },
      identityPolicies: policies.identity,
      sessionPolicies,
      permissionsBoundary: policies.boundary,
    });
    return {
      action: request.action,
      resource: request.resource,
      decision: evaluation.decision,
      decidingStatements: evaluation.decidingStatements,
      summary: evaluation.summary,
      complete: policies.notEvaluated.length === 0,
      notEvaluated: policies.notEvaluated,
      ignoredContextKeys: ignored,
      evaluation,
    };
  });
}

/** A persona of the design as simulation input. */
export function personaToSimulationInput(
  design: DesignDocument,
  persona: Persona,
  now?: string | Date,
): SimulationInput {
  const base = {
    identityPool: persona.identityPoolId,
    customRoleArn: persona.customRoleArn,
    identityId: persona.identityId,
    now,
  };
  const login = persona.login;
  if (login.type === 'guest') return { ...base, login: { type: 'guest' } };
  if (login.type === 'userPool') {
    return {
      ...base,
      login: {
        type: 'userPoolUser',
        username: login.username,
        userPoolId: login.userPoolId,
        clientId: login.clientId,
      },
    };
  }
  const provider = design.providers.find((candidate) => candidate.id === login.providerId);
  if (provider?.kind === 'developer') {
    const identifier = login.claims.userIdentifier ?? login.claims.sub ?? persona.id;
    return {
      ...base,
      provider: provider.providerKey,
      login: { type: 'developer', userIdentifier: String(identifier) },
    };
  }
  return {
    ...base,
    provider: provider?.providerKey ?? login.providerId,
    login: { type: 'claims', claims: login.claims },
  };
}

/** A persona given directly as simulation input. */
export interface MatrixPersona {
  id: string;
  name: string;
  input: SimulationInput;
}

/** Compiled role and session policies kept across `accessMatrix` calls (one call per persona, streamed). */
export interface MatrixCache {
  roles: Map<string, RolePolicies>;
  sessions: Map<string, PolicyArgument[] | undefined>;
}

export function createMatrixCache(): MatrixCache {
  return { roles: new Map(), sessions: new Map() };
}

export interface MatrixOptions extends PolicyDataOptions {
  /** Reuse compiled policies across calls; by default each call compiles its own. */
  cache?: MatrixCache;
  /** Clock for the simulations (deterministic output). */
  now?: string | Date;
  /** Request keys added to every cell (`aws:SecureTransport`, …). */
  context?: Record<string, ContextValue>;
}

/** Decisions for every persona × action × resource. Policies are compiled once per role and reused. */
export function accessMatrix(
  design: DesignDocument,
  personas: ReadonlyArray<Persona | MatrixPersona>,
  actions: readonly string[],
  resources: readonly string[],
  options: MatrixOptions = {},
): AccessMatrix {
  const { roles: compiledRoles, sessions: compiledSessions } = options.cache ?? createMatrixCache();
  const results: MatrixPersonaResult[] = [];
  const cells: MatrixCell[][][] = [];
  for (const persona of personas) {
    const input = 'input' in persona ? persona.input : personaToSimulationInput(design, persona, options.now);
    const simulation = simulate(design, { ...input, now: input.now ?? options.now });
    if (simulation.outcome === 'error') {
      results.push({
        id: persona.id,
        name: persona.name,
        outcome: 'error',
        error: simulation.error,
        complete: true,
        notEvaluated: [],
      });
      cells.push(actions.map(() => resources.map((): MatrixCell => 'NoCredentials')));
      continue;
    }
    const session = simulation.session;
    const role = design.roles.find((candidate) => candidate.id === session.role.id) as Role;
    let policies = compiledRoles.get(role.id);
    if (!policies) {
      policies = rolePolicies(design, role, true, options.awsManagedPolicies);
      compiledRoles.set(role.id, policies);
    }
    const sessionKey = session.sessionPolicies.map((policy) => policy.origin).join('\n');
    if (!compiledSessions.has(sessionKey))
      compiledSessions.set(sessionKey, sessionPolicyInputs(session, true));
    const sessionPolicies = compiledSessions.get(sessionKey);
    const { context } = requestContext(session, options.context);
    results.push({
      id: persona.id,
      name: persona.name,
      outcome: 'credentials',
      roleArn: session.role.arn,
      complete: policies.notEvaluated.length === 0,
      notEvaluated: policies.notEvaluated,
    });
    const rows: MatrixCell[][] = [];
    for (const action of actions) {
      const row: MatrixCell[] = [];
      for (const resource of resources) {
        const request: IamRequest = { principal: session.assumedRoleArn, action, resource, context };
        row.push(
          evaluateDecision({
            request,
            identityPolicies: policies.identity,
            sessionPolicies,
            permissionsBoundary: policies.boundary,
          }),
        );
      }
      rows.push(row);
    }
    cells.push(rows);
  }
  return { personas: results, actions: [...actions], resources: [...resources], cells };
}

/**
 * A trace step listing the permission policies in force for the role of a session: inline, customer
 * managed and AWS managed (with their version, the data's date and their statements), and those
 * that could not be evaluated.
 */
export function rolePoliciesStep(
  design: DesignDocument,
  roleId: string,
  options: PolicyDataOptions = {},
): TraceStep | undefined {
  const role = design.roles.find((candidate) => candidate.id === roleId);
  if (!role) return undefined;
  const source = options.awsManagedPolicies;
  const policies: Array<{
    name: string;
    kind: string;
    arn?: string;
    versionId?: string;
    statements: unknown;
  }> = role.inlinePolicies.map((policy) => ({
    name: policy.name,
    kind: 'inline',
    statements: policy.document.Statement,
  }));
  const missing: string[] = [];
  for (const arn of role.managedPolicyArns) {
    const managed = design.managedPolicies.find((policy) => managedPolicyArn(design.account, policy) === arn);
    const aws = !managed && isAwsManaged(arn) ? source?.get(arn) : undefined;
    if (managed)
      policies.push({ name: managed.name, kind: 'managed', arn, statements: managed.document.Statement });
    else if (aws)
      policies.push({
        name: awsManagedPolicyLabel(arn, aws),
        kind: 'awsManaged',
        arn,
        versionId: aws.versionId,
        statements: aws.document.Statement,
      });
    else missing.push(arn);
  }
  const awsCount = policies.filter((policy) => policy.kind === 'awsManaged').length;
  const names = policies.map((policy) => policy.name).join(', ') || '(none)';
  const dated =
    awsCount > 0 && source ? ` AWS managed policies as of ${source.dataDate} (${source.source}).` : '';
  const notEvaluated = missing.length > 0 ? ` Not evaluated (document unknown): ${missing.join(', ')}.` : '';
  return {
    id: 'role-policies',
    title: 'Permission policies of the role',
    detail: `${role.name}: ${names}.${dated}${notEvaluated}`,
    outcome: 'info',
    data: {
      policies,
      notEvaluated: missing,
      ...(awsCount > 0 && source ? { awsManagedDataDate: source.dataDate } : {}),
    },
  };
}
