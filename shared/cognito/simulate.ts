// Credential resolution: what GetId + GetCredentialsForIdentity (enhanced flow) or GetOpenIdToken +
// AssumeRoleWithWebIdentity (basic flow) would give an identity (design.md §5.2). Every decision is a trace step.

import type { DesignDocument, IdentityPool, Role } from '../model/types';
import { DOCS, MESSAGES, awsError, inputError, invalidConfiguration, notAuthorized } from './errors';
import { checkAcceptedProvider, checkToken } from './checks';
import { fakeIdentityId } from './fake-ids';
import { type ResolvedLogin, resolveLogin } from './login';
import { selectRole } from './resolve';
import { guestScopeDownInfo, guestSessionPolicies } from './scope-down';
import { amrFor, buildSession, principalTagsFor } from './session';
import { amrStep, identityStep, sessionStep } from './trace-steps';
import { checkTrust, failedTrustStatementPath } from './trust';
import type {
  SessionPolicy,
  SimulatedSession,
  SimulationError,
  SimulationFailure,
  SimulationFlow,
  SimulationInput,
  SimulationResult,
  TraceStep,
} from './types';

const IDENTITY_ID_PATTERN = /^[\w-]+:[0-9a-f-]+$/;

interface Context {
  design: DesignDocument;
  input: SimulationInput;
  flow: SimulationFlow;
  now: Date;
  steps: TraceStep[];
  pool?: IdentityPool;
  login?: ResolvedLogin;
}

/** The parts of a result known so far, shared by successes and failures. */
function common(context: Context): Omit<SimulationFailure, 'outcome' | 'error'> {
  const { login, pool } = context;
  return {
    flow: context.flow,
    identityPool: pool && { id: pool.id, poolId: pool.poolId, name: pool.name },
    login: login
      ? {
          kind: login.kind,
          loginsKey: login.loginsKey,
          mappingKey: login.mappingKey,
          entityId: login.userPool?.id ?? login.provider?.id,
          subject: login.subject,
        }
      : context.input.login.type === 'guest'
        ? { kind: 'guest' }
        : undefined,
    claims: login?.claims,
    trace: context.steps,
  };
}

function fail(
  context: Context,
  error: SimulationError,
  extra: Partial<SimulationFailure> = {},
): SimulationFailure {
  return { outcome: 'error', ...common(context), error, ...extra };
}

function findPool(design: DesignDocument, reference: string): IdentityPool | undefined {
  return (
    design.identityPools.find((pool) => pool.id === reference) ??
    design.identityPools.find((pool) => pool.poolId === reference) ??
    design.identityPools.find((pool) => pool.name === reference)
  );
}

function parseNow(value: SimulationInput['now']): Date | undefined {
  if (value === undefined) return new Date();
  const date = value instanceof Date ? value : new Date(value);
  return Number.isNaN(date.getTime()) ? undefined : date;
}

/** Simulates credential resolution. Never throws: bad input and AWS errors both come back as `outcome: 'error'`. */
export function simulate(design: DesignDocument, input: SimulationInput): SimulationResult {
  const flow: SimulationFlow = input.flow === 'basic' ? 'basic' : 'enhanced';
  const context: Context = { design, input, flow, now: new Date(0), steps: [] };
  try {
    return run(context);
  } catch (error) {
    // A defect of ours, not an AWS answer: say so plainly instead of crashing the caller.
    const message = error instanceof Error ? error.message : String(error);
    return fail(context, {
      code: 'InternalSimulationError',
      message: `The simulator failed unexpectedly: ${message}`,
      source: 'input',
    });
  }
}

function run(context: Context): SimulationResult {
  const { design, input, steps } = context;
  const now = parseNow(input.now);
  if (!now) return fail(context, inputError(`"now" is not a valid date: ${String(input.now)}.`));
  context.now = now;
  if (
    input.identityId !== undefined &&
    (input.identityId.length > 55 || !IDENTITY_ID_PATTERN.test(input.identityId))
  ) {
    return fail(
      context,
      inputError(
        `Identity id "${input.identityId}" is not of the form <region>:<guid> (at most 55 characters).`,
      ),
    );
  }
  const pool = findPool(design, input.identityPool);
  if (!pool)
    return fail(
      context,
      inputError(`No identity pool with id, pool id or name "${input.identityPool}" in the design.`),
    );
  context.pool = pool;
  steps.push({
    id: 'identity-pool',
    title: 'Identity pool',
    detail: `${pool.name} (${pool.poolId}); guest access ${pool.allowUnauthenticated ? 'on' : 'off'}, basic flow ${pool.allowClassicFlow ? 'on' : 'off'}; simulating the ${context.flow} flow.`,
    outcome: 'info',
    source: DOCS.authenticationFlow,
  });
  if (input.login.type === 'guest') return guest(context, pool);
  return signedIn(context, pool);
}

/**
 * GetOpenIdToken of a pool without the basic flow. GetId runs first, so this comes after its checks (guest
 * access, accepted provider). The error is what AWS returns (reported in https://github.com/aws/aws-cli/issues/7652);
 * the guide does not document it, hence an assumption.
 */
function basicFlowRefused(context: Context, pool: IdentityPool): SimulationFailure | undefined {
  if (context.flow !== 'basic' || pool.allowClassicFlow) return undefined;
  context.steps.push({
    id: 'basic-flow',
    title: 'Basic flow disabled',
    detail:
      'The pool does not allow the basic (classic) flow, so GetOpenIdToken is refused with InvalidParameterException ' +
      '(the error as AWS returns it; the developer guide does not document it).',
    outcome: 'fail',
    assumption: true,
    source: DOCS.authenticationFlow,
  });
  return fail(
    context,
    awsError('InvalidParameterException', 'Basic (classic) flow is not enabled, please use enhanced flow.'),
  );
}

function guest(context: Context, pool: IdentityPool): SimulationResult {
  const { design, input, steps } = context;
  if (!pool.allowUnauthenticated) {
    steps.push({
      id: 'guest-access',
      title: 'Guest access',
      detail: 'Guest access is off for this pool.',
      outcome: 'fail',
      source: DOCS.authenticationFlow,
    });
    return fail(context, notAuthorized(MESSAGES.guestNotSupported));
  }
  steps.push({
    id: 'guest-access',
    title: 'Guest access',
    detail: 'Guest access is on: the identity is unauthenticated.',
    outcome: 'pass',
    source: DOCS.authenticationFlow,
  });
  const classicRefused = basicFlowRefused(context, pool);
  if (classicRefused) return classicRefused;
  if (input.customRoleArn !== undefined && context.flow === 'enhanced') {
    steps.push({
      id: 'custom-role-arn',
      title: 'CustomRoleArn ignored',
      detail:
        'Guests always get the unauthenticated role in the enhanced flow; CustomRoleArn does not apply (assumption).',
      outcome: 'info',
      assumption: true,
    });
  }
  const identityId = input.identityId ?? fakeIdentityId(pool.poolId, 'unauthenticated', 'guest');
  const amr = ['unauthenticated'];
  steps.push(identityStep(identityId, input.identityId !== undefined), amrStep(amr, false));
  if (context.flow === 'basic') return basic(context, pool, identityId, amr, {});
  const role = design.roles.find((candidate) => candidate.id === pool.unauthenticatedRoleId);
  steps.push({
    id: 'unauthenticated-role',
    title: 'Unauthenticated role',
    detail: role
      ? `The pool's unauthenticated role is ${role.name}.`
      : 'The pool has no unauthenticated role: InvalidIdentityPoolConfigurationException.',
    outcome: role ? 'pass' : 'fail',
    source: DOCS.iamRoles,
  });
  if (!role) return fail(context, invalidConfiguration(), { identityId, amr });
  const info = guestScopeDownInfo();
  return finishEnhanced(
    context,
    pool,
    role,
    identityId,
    amr,
    {},
    guestSessionPolicies(design.account.partition),
    {
      id: 'scope-down',
      title: 'Guest scope-down session policies',
      detail:
        `Guest credentials carry two session policies: the inline allowed-service list (${info.inlineServices.length} services) and ` +
        `${info.managedPolicyName} ${info.managedPolicyVersion}. Access = role policies ∩ (either session policy). Lists as of ${info.asOf}.`,
      outcome: 'info',
      source: info.inlineSource,
      data: { asOf: info.asOf, inlineServices: info.inlineServices, managedServices: info.managedServices },
    },
  );
}

function signedIn(context: Context, pool: IdentityPool): SimulationResult {
  const { design, input, steps } = context;
  const resolution = resolveLogin(design, pool, input, context.now);
  steps.push(...resolution.steps);
  if (!resolution.ok) return fail(context, resolution.error);
  const login = resolution.login;
  context.login = login;
  const refused = checkAcceptedProvider(design, pool, login, steps) ?? checkToken(login, context.now, steps);
  if (refused) return fail(context, refused);
  const classicRefused = basicFlowRefused(context, pool);
  if (classicRefused) return classicRefused;
  if (login.kind === 'developer') {
    steps.push({
      id: 'developer',
      title: 'Developer-authenticated identity',
      detail: `Login through developer provider ${login.loginsKey} for user ${login.subject}.`,
      outcome: 'info',
      source: DOCS.roleBasedAccessControl,
    });
  }
  const identityId = input.identityId ?? fakeIdentityId(pool.poolId, login.loginsKey, login.subject);
  const amr = amrFor(login);
  steps.push(identityStep(identityId, input.identityId !== undefined), amrStep(amr.amr, amr.assumption));
  const tags = principalTagsFor(design, pool, login);
  if (tags.step) steps.push(tags.step);
  if (context.flow === 'basic') return basic(context, pool, identityId, amr.amr, tags.tags);
  const selection = selectRole(design, pool, login, input.customRoleArn, steps);
  if (!selection.ok) return fail(context, selection.error, { identityId, amr: amr.amr });
  return finishEnhanced(context, pool, selection.role, identityId, amr.amr, tags.tags, [], undefined);
}

function finishEnhanced(
  context: Context,
  pool: IdentityPool,
  role: Role,
  identityId: string,
  amr: string[],
  principalTags: Record<string, string>,
  sessionPolicies: SessionPolicy[],
  scopeDownStep: TraceStep | undefined,
): SimulationResult {
  const { design, steps } = context;
  const trust = checkTrust(design, role, { poolId: pool.poolId, amr, identityId, principalTags });
  steps.push({
    id: 'trust',
    title: 'Trust policy check',
    detail:
      `Cognito calls sts:AssumeRoleWithWebIdentity on ${role.name} as Federated cognito-identity.amazonaws.com with aud ${pool.poolId}, ` +
      `amr [${amr.join(', ')}], sub ${identityId}${Object.keys(principalTags).length > 0 ? ', and sts:TagSession for the principal tags' : ''}` +
      ` (${trust.generated ? 'generated' : 'hand-written'} trust policy): ${trust.reason}.`,
    outcome: trust.allowed ? 'pass' : 'fail',
    // Assumption: TagSession is needed only when at least one tag is actually passed.
    assumption: Object.keys(principalTags).length > 0 ? true : undefined,
    source: DOCS.roleTrust,
    data: {
      roleId: role.id,
      assume: trust.assume?.decision,
      tagSession: trust.tagSession?.decision,
      generated: trust.generated,
      failedStatementPath: failedTrustStatementPath(trust),
    },
  });
  if (!trust.allowed) return fail(context, invalidConfiguration(), { identityId, amr });
  if (scopeDownStep) steps.push(scopeDownStep);
  const session = buildSession(design, role, {
    poolId: pool.poolId,
    identityId,
    amr,
    principalTags,
    sessionPolicies,
    now: context.now,
  });
  steps.push(sessionStep(session));
  return success(context, pool, identityId, amr, session, []);
}

function success(
  context: Context,
  pool: IdentityPool,
  identityId: string,
  amr: string[],
  session: SimulatedSession,
  reachable: SimulatedSession[],
): SimulationResult {
  return {
    outcome: 'credentials',
    ...common(context),
    identityId,
    amr,
    role: session.role,
    session,
    assumedRoleArn: session.assumedRoleArn,
    principalTags: session.principalTags,
    reachableRoles: reachable,
  };
}

/** Basic flow: no role mapping, no scope-down; any role whose trust accepts Cognito's token is reachable. */
function basic(
  context: Context,
  pool: IdentityPool,
  identityId: string,
  amr: string[],
  principalTags: Record<string, string>,
): SimulationResult {
  const { design, input, steps } = context;
  const reachable: SimulatedSession[] = [];
  for (const role of design.roles) {
    const trust = checkTrust(design, role, { poolId: pool.poolId, amr, identityId, principalTags });
    if (trust.allowed)
      reachable.push(
        buildSession(design, role, {
          poolId: pool.poolId,
          identityId,
          amr,
          principalTags,
          sessionPolicies: [],
          now: context.now,
        }),
      );
  }
  steps.push({
    id: 'basic-flow',
    title: 'Roles reachable in the basic flow',
    detail:
      'GetOpenIdToken gives the caller a Cognito token; the caller may call AssumeRoleWithWebIdentity on any role whose trust policy accepts it. ' +
      `Role mappings and the guest scope-down do not apply. Reachable: ${reachable.map((session) => session.role.name).join(', ') || 'none'}.` +
      (Object.keys(principalTags).length > 0
        ? ' The token carries principal tags, so sts:TagSession must be allowed too (assumption).'
        : ''),
    outcome: reachable.length > 0 ? 'pass' : 'fail',
    assumption: Object.keys(principalTags).length > 0 ? true : undefined,
    source: DOCS.authenticationFlow,
    data: { reachable: reachable.map((session) => session.role.arn) },
  });
  if (pool.roleMappings.length > 0) {
    // Observed, not documented: AWS has answered GetOpenIdToken for pools with role mappings with this error
    // (https://github.com/aws-observability/aws-rum-web/issues/172). We still list the roles, as design.md §5.2
    // step 13 asks: over-reporting what the basic flow reaches is the safer mistake for a review.
    steps.push({
      id: 'basic-flow-role-mappings',
      title: 'Basic flow with role mappings',
      detail:
        'This pool has role mappings. AWS has been reported to refuse GetOpenIdToken for such pools with the error ' +
        '"Basic (classic) flow is not supported with RoleMappings, please use enhanced flow." ' +
        'The guide does not document this, so the roles above are listed as reachable (assumption); in AWS the basic flow may fail instead.',
      outcome: 'info',
      assumption: true,
      source: DOCS.authenticationFlow,
    });
  }
  const denied = awsError('AccessDenied', 'Not authorized to perform sts:AssumeRoleWithWebIdentity');
  const chosen = input.customRoleArn
    ? reachable.find((session) => session.role.arn === input.customRoleArn)
    : reachable[0];
  if (!chosen) {
    if (input.customRoleArn) {
      steps.push({
        id: 'basic-role',
        title: 'Requested role',
        detail: `${input.customRoleArn} does not trust this identity's token: STS refuses.`,
        outcome: 'fail',
        source: DOCS.roleTrust,
      });
    }
    return fail(context, denied, { identityId, amr, reachableRoles: reachable });
  }
  steps.push({
    id: 'basic-role',
    title: 'Requested role',
    detail: input.customRoleArn
      ? `The caller asks STS for ${chosen.role.name}, which trusts this token.`
      : `No role asked for: showing the first reachable role, ${chosen.role.name}; pass a role ARN to pick another.`,
    outcome: 'pass',
  });
  steps.push(sessionStep(chosen));
  return success(context, pool, identityId, amr, chosen, reachable);
}
