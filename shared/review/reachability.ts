// Basic (classic) flow: the caller gets an OpenID token from Cognito and calls
// AssumeRoleWithWebIdentity itself, so it can reach every role whose trust policy accepts that
// token — role mappings and the guest scope-down do not apply (design.md §5.2 step 13).
// https://docs.aws.amazon.com/cognito/latest/developerguide/authentication-flow.html

import { amrFor, checkTrust } from '../cognito';
import type { Role } from '../model/types';
import type { ReviewContext, Route } from './context';

const probeSubject = '00000000-0000-4000-8000-000000000000';

/**
 * The amr values of the token a route's identities receive (design.md §5.2 step 9): the Cognito
 * engine's `amrFor`, with a probe subject standing for the identity.
 */
export function routeAmr(route: Route): string[] {
  if (route.guest) return amrFor(undefined).amr;
  const provider = route.provider;
  if (!provider) return ['authenticated'];
  const kind = provider.userPool
    ? 'userPool'
    : provider.provider?.kind === 'developer'
      ? 'developer'
      : 'provider';
  return amrFor({ ...provider, kind, claims: {}, subject: probeSubject }).amr;
}

/**
 * Whether the role's trust policy accepts the pool's token for this route. In the basic flow the
 * caller assumes the role itself without session tags, so only sts:AssumeRoleWithWebIdentity counts.
 */
export function trustAccepts(context: ReviewContext, role: Role, route: Route): boolean {
  const trust = context.trust(role);
  if (!trust.document) return false;
  const region = route.pool.poolId.split(':')[0] ?? 'us-east-1';
  try {
    return checkTrust(context.design, role, {
      poolId: route.pool.poolId,
      amr: routeAmr(route),
      identityId: `${region}:${probeSubject}`,
      principalTags: {},
    }).allowed;
  } catch {
    return false;
  }
}

/** Roles a route's identities can assume through the basic flow. */
export function basicFlowReachableRoles(context: ReviewContext, route: Route): Role[] {
  return context.design.roles.filter((role) => trustAccepts(context, role, route));
}
