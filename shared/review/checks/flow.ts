// Basic (classic) flow: enabled means identities choose their role among every role that trusts
// the pool's token, bypassing role mappings and the guest scope-down.
// https://docs.aws.amazon.com/cognito/latest/developerguide/authentication-flow.html

import { createEmptyRole } from '../../model/lookup';
import type { Role } from '../../model/types';
import type { ReviewContext, Route } from '../context';
import { designLocation, identityPoolEntity, makeFinding } from '../findings';
import { broaderWitness, describeWitness } from '../privilege';
import { basicFlowReachableRoles, routeAmr } from '../reachability';
import type { DesignCheck, Finding } from '../types';

/** Stands for "no role": a route that gets no credentials in the enhanced flow. */
const noRole: Role = createEmptyRole('', '(no role)');

function routeName(route: Route): string {
  if (route.guest) return 'guests';
  return `identities from ${route.provider?.mappingKey ?? 'an unresolved provider'}`;
}

function tagValues(route: Route): Record<string, string> {
  return Object.fromEntries(route.tagKeys.map((key) => [key, `probe-${key}`]));
}

/** Escalations for one route: a reachable role that allows something one of the mapped roles does not. */
function escalations(context: ReviewContext, route: Route): string[] {
  const mapped = route.roleIds
    .map((id) => context.role(id))
    .filter((role): role is Role => role !== undefined);
  const session = { poolId: route.pool.poolId, amr: routeAmr(route), tags: tagValues(route) };
  const result: string[] = [];
  for (const reachable of basicFlowReachableRoles(context, route)) {
    if (route.roleIds.includes(reachable.id)) continue;
    for (const narrower of mapped.length > 0 ? mapped : [noRole]) {
      const witness = broaderWitness(context, reachable, narrower, session);
      if (!witness) continue;
      result.push(
        `${routeName(route)} mapped to ${narrower.name} can assume ${reachable.name}, which allows ${describeWitness(witness)}`,
      );
      break;
    }
  }
  return result;
}

export const basicFlowEnabled: DesignCheck = {
  id: 'basic-flow-enabled',
  code: 'COG-BASIC-FLOW',
  severity: 'critical',
  title: 'Basic (classic) authentication flow is enabled',
  description:
    'With the basic flow, callers assume any role whose trust policy accepts the identity pool token; role mappings and the guest scope-down do not apply. Critical when an identity can reach a role more privileged than the one it is mapped to.',
  help: 'Turn off the basic flow (AllowClassicFlow = false) unless a client needs it; otherwise make every role trust only the amr values of the identities meant to get it.',
  needsCatalog: false,
  run(context) {
    const findings: Finding[] = [];
    context.design.identityPools.forEach((pool, poolIndex) => {
      if (!pool.allowClassicFlow) return;
      const routes = context.routes.filter((route) => route.pool.id === pool.id);
      const found = routes.flatMap((route) => escalations(context, route));
      const base = `${pool.name} allows the basic flow: a caller exchanges its identity pool token for credentials of any role whose trust policy accepts it, so role mappings and the guest scope-down session policies do not apply.`;
      findings.push(
        makeFinding(this, {
          entity: identityPoolEntity(pool),
          location: designLocation(`$.identityPools[${poolIndex}].allowClassicFlow`),
          severity: found.length > 0 ? 'critical' : 'high',
          title: found.length > 0 ? 'Basic flow lets identities reach a more privileged role' : this.title,
          rationale:
            found.length > 0
              ? `${base} ${found.join('; ')}.`
              : `${base} No identity reaches a role broader than its mapped one today, but any trust policy change can open one.`,
          fix: "Set allowClassicFlow to false, or restrict each role's trust policy (aud and amr, provider names in amr) so that only its intended identities can assume it.",
        }),
      );
    });
    return findings;
  },
};

export const flowChecks: DesignCheck[] = [basicFlowEnabled];
