// Permission checks on the roles Cognito hands out: guests, signed-in identities, escalation.
// https://docs.aws.amazon.com/cognito/latest/developerguide/identity-pools-security-best-practices.html

import type { Role } from '../../model/types';
import { classifyAction, escalationsGranted, escalationsGrantedByNotAction } from '../action-classes';
import type { ReviewContext, RolePolicy } from '../context';
import { makeFinding, policyLocation, roleEntity } from '../findings';
import { actionService, scanStatements, variablesIn, type ScannedStatement } from '../policy-scan';
import type { DesignCheck, Finding } from '../types';

function allowStatements(
  context: ReviewContext,
  role: Role,
): Array<{ policy: RolePolicy; statement: ScannedStatement }> {
  return context.rolePolicies(role).identity.flatMap((policy) =>
    scanStatements(policy.document)
      .filter((statement) => statement.effect === 'Allow')
      .map((statement) => ({ policy, statement })),
  );
}

function rolesOf(context: ReviewContext, ids: Set<string>): Role[] {
  return context.design.roles.filter((role) => ids.has(role.id));
}

/**
 * Variables that tie a statement to the caller's own identity. Not `aws:userid`: for an assumed role
 * it is `<role id>:<session name>` (https://docs.aws.amazon.com/STS/latest/APIReference/API_AssumeRoleWithWebIdentity.html),
 * and Cognito names every session CognitoIdentityCredentials (the simulator's SESSION_NAME), so all
 * identities of a role share one value.
 */
function partitioned(statement: ScannedStatement): boolean {
  const text = JSON.stringify({ Resource: statement.raw.Resource, Condition: statement.raw.Condition });
  return variablesIn(text).some((variable) =>
    /^(cognito-identity\.amazonaws\.com:sub|aws:PrincipalTag\/.+)$/i.test(variable),
  );
}

interface GuestGrant {
  statement: ScannedStatement;
  writes: string[];
  reads: string[];
  ownPartition: boolean;
}

function guestGrant(context: ReviewContext, statement: ScannedStatement): GuestGrant | undefined {
  const writes =
    statement.notActions.length > 0
      ? [`every action except ${statement.notActions.map((entry) => entry.value).join(', ')} (NotAction)`]
      : [];
  const reads: string[] = [];
  for (const action of statement.actions) {
    const actionClass = classifyAction(action.value, context.accessLevels);
    if (actionClass === 'write') writes.push(action.value);
    else if (actionClass === 'data-read') reads.push(action.value);
  }
  if (writes.length === 0 && reads.length === 0) return undefined;
  // Writes confined to the caller's own identity partition are the usual guest pattern (own dataset).
  return { statement, writes, reads, ownPartition: partitioned(statement) };
}

/** "write access (a, b) and data reads (c) on R (Statement[1])" — reads are never called writes. */
function describeGrant(grant: GuestGrant, withPath: boolean): string {
  const parts = [
    ...(grant.writes.length > 0 ? [`write access (${grant.writes.join(', ')})`] : []),
    ...(grant.reads.length > 0 ? [`data reads (${grant.reads.join(', ')})`] : []),
  ];
  const resources = grant.statement.resources.map((entry) => entry.value).join(', ') || 'the NotResource set';
  const own = grant.ownPartition
    ? " (limited to the caller's own identity id, but anyone can create new identities)"
    : '';
  return `${parts.join(' and ')} on ${resources}${own}${withPath ? ` [${grant.statement.path}]` : ''}`;
}

const SEVERITY_RANK = { critical: 0, high: 1, medium: 2, low: 3, info: 4 } as const;

export const guestWriteAccess: DesignCheck = {
  id: 'guest-write-access',
  code: 'COG-GUEST-WRITE',
  severity: 'high',
  title: 'Guest role grants write access or data reads',
  description:
    'The unauthenticated role allows write actions (or data reads). Anyone can obtain guest credentials; with the basic flow the guest scope-down session policy does not limit them. One finding per policy, naming each statement.',
  help: 'Keep guest roles to the minimum the app needs before sign-in, scoped to specific resources; turn the basic flow off so the scope-down applies.',
  needsCatalog: false,
  run(context) {
    const findings: Finding[] = [];
    for (const role of rolesOf(context, context.guestRoleIds)) {
      const basicFlow = context
        .routesToRole(role.id)
        .some((route) => route.guest && route.pool.allowClassicFlow);
      const byPolicy = new Map<RolePolicy, GuestGrant[]>();
      for (const { policy, statement } of allowStatements(context, role)) {
        const grant = guestGrant(context, statement);
        if (grant) byPolicy.set(policy, [...(byPolicy.get(policy) ?? []), grant]);
      }
      // One finding per policy: the statements of one policy are one decision for the reviewer.
      for (const [policy, grants] of byPolicy) {
        const severities = grants.map((grant) =>
          grant.writes.length > 0 && !grant.ownPartition
            ? basicFlow
              ? 'high'
              : 'medium'
            : basicFlow
              ? 'medium'
              : 'low',
        );
        const severity = severities.reduce((worst, next) =>
          SEVERITY_RANK[next] < SEVERITY_RANK[worst] ? next : worst,
        );
        const writes = grants.some((grant) => grant.writes.length > 0);
        const reads = grants.some((grant) => grant.reads.length > 0);
        const flowNote = basicFlow
          ? 'The pool allows the basic flow, so guests get these permissions without the scope-down session policy.'
          : "The enhanced flow's scope-down session policy still lets guests use them on the services it allows.";
        const first = grants[0] as GuestGrant;
        findings.push(
          makeFinding(this, {
            entity: roleEntity(role),
            location: policyLocation(policy, first.statement.path),
            severity,
            title: writes
              ? reads
                ? 'Guest role grants write access and data reads'
                : 'Guest role grants write access'
              : 'Guest role grants data reads',
            rationale: `${role.name} is the guest role: anyone who calls GetId without a login receives ${grants
              .map((grant) => describeGrant(grant, grants.length > 1))
              .join('; ')}. ${flowNote}`,
            fix: writes
              ? 'Move write access to an authenticated role, or scope it to a per-identity resource (${cognito-identity.amazonaws.com:sub}).'
              : 'Confirm that the data is public; otherwise move the read to an authenticated role.',
          }),
        );
      }
    }
    return findings;
  },
};

export const writeOnWildcardResource: DesignCheck = {
  id: 'write-on-wildcard-resource',
  code: 'COG-WRITE-ANY-RESOURCE',
  severity: 'high',
  title: 'Signed-in role writes to Resource "*" without a per-identity partition',
  description:
    'A role handed to signed-in identities allows write actions on Resource "*" and neither the resource nor a condition is tied to the caller (identity id, principal tag).',
  help: 'Name the resources, and partition them per identity: "arn:…/${cognito-identity.amazonaws.com:sub}/*" or a condition on dynamodb:LeadingKeys / aws:PrincipalTag.',
  needsCatalog: false,
  run(context) {
    const findings: Finding[] = [];
    for (const role of rolesOf(context, context.signedInRoleIds)) {
      for (const { policy, statement } of allowStatements(context, role)) {
        if (!statement.resources.some((entry) => entry.value === '*') || partitioned(statement)) continue;
        const writes = statement.actions
          .filter((action) => classifyAction(action.value, context.accessLevels) === 'write')
          .map((action) => action.value);
        if (statement.notActions.length > 0)
          writes.push(
            `every action except ${statement.notActions.map((entry) => entry.value).join(', ')} (NotAction)`,
          );
        if (writes.length === 0) continue;
        findings.push(
          makeFinding(this, {
            entity: roleEntity(role),
            location: policyLocation(policy, statement.path),
            rationale: `Every signed-in identity mapped to ${role.name} may ${writes.join(', ')} on any resource, including other users' data: nothing ties the statement to the caller's identity.`,
            fix: 'Replace "*" with the resources the app uses and add ${cognito-identity.amazonaws.com:sub} (or a principal-tag condition) so each identity reaches only its own.',
          }),
        );
      }
    }
    return findings;
  },
};

/**
 * Services whose resources a statement's Resource list can name; undefined when it can name any
 * (`*`, a wildcard service, NotResource). **Assumption** (without the catalog): an action acts on
 * ARNs of its own service, except the SSM session and command actions, which also name EC2
 * instances (https://docs.aws.amazon.com/service-authorization/latest/reference/list_awssystemsmanager.html).
 */
function resourceServices(statement: ScannedStatement): Set<string> | undefined {
  if (statement.resources.length === 0) return undefined;
  const services = new Set<string>();
  for (const { value } of statement.resources) {
    const service = /^arn:[^:]*:([^:]*):/.exec(value)?.[1];
    if (service === undefined || /[*?]/.test(service) || service === '') return undefined;
    services.add(service.toLowerCase());
  }
  return services;
}

function actsOn(action: string, services: Set<string> | undefined): boolean {
  if (!services) return true;
  const service = actionService(action);
  return services.has(service) || (service === 'ssm' && services.has('ec2'));
}

export const privilegeEscalation: DesignCheck = {
  id: 'privilege-escalation',
  code: 'COG-PRIV-ESCALATION',
  severity: 'critical',
  title: 'Federated role grants privilege-escalation actions',
  description:
    'A role Cognito hands out allows actions that create or change permissions, pass roles, assume other roles or run code as another principal (iam:*, iam:PassRole, sts:*, lambda:UpdateFunctionCode, "*", …).',
  help: 'Remove these actions from roles for end users; do administration through a backend with its own credentials.',
  needsCatalog: false,
  run(context) {
    const findings: Finding[] = [];
    const federated = new Set([...context.guestRoleIds, ...context.signedInRoleIds]);
    for (const role of rolesOf(context, federated)) {
      for (const { policy, statement } of allowStatements(context, role)) {
        const granted = new Set<string>();
        const patterns: string[] = [];
        // `"Action": "*"` on a bucket's objects cannot pass a role: the request's resource must match.
        const services = resourceServices(statement);
        for (const action of statement.actions) {
          const escalations = escalationsGranted(action.value).filter((escalation) =>
            actsOn(escalation, services),
          );
          if (escalations.length === 0) continue;
          patterns.push(action.value);
          for (const escalation of escalations) granted.add(escalation);
        }
        if (statement.notActions.length > 0) {
          const escalations = escalationsGrantedByNotAction(
            statement.notActions.map((entry) => entry.value),
          ).filter((escalation) => actsOn(escalation, services));
          if (escalations.length > 0) patterns.push('NotAction');
          for (const escalation of escalations) granted.add(escalation);
        }
        if (granted.size === 0) continue;
        const examples = [...granted].slice(0, 6).join(', ');
        findings.push(
          makeFinding(this, {
            entity: roleEntity(role),
            location: policyLocation(policy, statement.path),
            rationale: `${role.name} is handed to end users by Cognito, and ${patterns.join(', ')} grants ${examples}${granted.size > 6 ? ', …' : ''}: a user could give themselves or another principal more permissions than the design intends.`,
            fix: 'Remove the escalation actions from this role; if the app needs them, call a backend that checks the request and acts with its own role.',
          }),
        );
      }
    }
    return findings;
  },
};

export const permissionChecks: DesignCheck[] = [
  guestWriteAccess,
  writeOnWildcardResource,
  privilegeEscalation,
];
