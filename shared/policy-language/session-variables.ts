// The policy variables that exist in the sessions of given roles (design.md §5.3): what Cognito
// identity pools of the design put into the credentials of identities that reach those roles.
// https://docs.aws.amazon.com/cognito/latest/developerguide/iam-roles.html
// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_variables.html

import { fakeIdentityId } from '../cognito/fake-ids';
import { principalTagProviderName } from '../model/principal-tags';
import type { DesignDocument } from '../model/types';
import { buildReviewContext, type Route } from '../review';

export interface SessionVariable {
  /** As written inside `${…}`, e.g. `cognito-identity.amazonaws.com:sub`. */
  name: string;
  /** Only meaningful in Condition values (multi-valued keys cannot be substituted into text). */
  conditionsOnly: boolean;
  multivalued: boolean;
  /** What the variable holds, with its caveats. */
  description: string;
  /** The value a sample identity of the design would get, when one reaches the role. */
  sample?: string;
}

const COGNITO = 'cognito-identity.amazonaws.com';

/** Provider-specific keys of web identity federation that Cognito sessions do not carry. */
export const NOT_IN_COGNITO_SESSIONS =
  /^(graph\.facebook\.com|accounts\.google\.com|www\.amazon\.com|appleid\.apple\.com|cognito-idp\.[^:]+):/i;

function sampleRoute(routes: Route[]): Route | undefined {
  return routes.find((route) => !route.guest) ?? routes[0];
}

/** Variables for sessions of `roleIds` (the role of an inline or trust policy, or every role attaching a managed policy). */
export function sessionVariables(design: DesignDocument, roleIds: readonly string[]): SessionVariable[] {
  const context = buildReviewContext(design);
  const routes = roleIds.flatMap((roleId) => context.routesToRole(roleId));
  const variables: SessionVariable[] = [];
  const sample = sampleRoute(routes);
  if (routes.length > 0) {
    const providerName =
      sample && sample.providerRef ? principalTagProviderName(design, sample.providerRef) : undefined;
    const poolIds = [...new Set(routes.map((route) => route.pool.poolId))];
    variables.push(
      {
        name: `${COGNITO}:sub`,
        conditionsOnly: false,
        multivalued: false,
        description:
          'The identity id Cognito gives this identity in its identity pool (region:GUID). Stable per person and pool: the key for per-identity prefixes and rows.',
        sample: sample
          ? fakeIdentityId(sample.pool.poolId, providerName ?? 'guest', 'sample-persona')
          : undefined,
      },
      {
        name: `${COGNITO}:aud`,
        conditionsOnly: false,
        multivalued: false,
        description: `The identity pool id (${poolIds.join(', ')}).`,
        sample: sample?.pool.poolId,
      },
      {
        name: `${COGNITO}:amr`,
        conditionsOnly: true,
        multivalued: true,
        description:
          'Authentication methods: "authenticated" or "unauthenticated", the provider and the provider-specific subject. Conditions only, multivalued: test it with ForAnyValue:StringLike.',
        sample: sample
          ? JSON.stringify(
              sample.guest ? ['unauthenticated'] : ['authenticated', ...(providerName ? [providerName] : [])],
            )
          : undefined,
      },
    );
    const tagKeys = [...new Set(routes.flatMap((route) => route.tagKeys))].sort();
    for (const key of tagKeys) {
      variables.push({
        name: `aws:PrincipalTag/${key}`,
        conditionsOnly: false,
        multivalued: false,
        description: `Principal tag "${key}" that the identity pool's principal-tag map sets from a token claim.`,
      });
    }
  }
  variables.push(
    {
      name: 'aws:userid',
      conditionsOnly: false,
      multivalued: false,
      description:
        'role-id:CognitoIdentityCredentials — the same for every session of the role here, so it does not partition data per person.',
    },
    {
      name: 'aws:username',
      conditionsOnly: false,
      multivalued: false,
      description: 'Absent for federated (assumed-role) sessions: a policy using it never matches them.',
    },
    {
      name: 'aws:PrincipalAccount',
      conditionsOnly: false,
      multivalued: false,
      description: 'The account that owns the role.',
      sample: design.account.accountId,
    },
  );
  return variables;
}
