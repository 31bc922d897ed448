// Which connections the canvas allows, and what each one means as a model edit. A refused
// connection carries a sentence for the user saying why and what to do instead.

import { clientHandle, groupHandle, HANDLES } from './graph';
import { managedPolicyArn, sameProviderRef } from './keys';
import { LIMITS } from './limits';
import type { DesignDocument, ProviderRef } from './types';

/** At most 400 rules per role mapping (API model); 25 is the documented quota (design.md §5.1). */
export const MAX_RULES_PER_MAPPING = LIMITS.rulesPerMappingMax;
/** Role mappings for at most 10 providers per identity pool (design.md §5.1). */
export const MAX_MAPPINGS_PER_POOL = LIMITS.roleMappingsPerPool;

export type ConnectionEdit =
  | { type: 'federate'; providerId: string; userPoolId: string }
  | { type: 'accept'; identityPoolId: string; provider: ProviderRef }
  | {
      type: 'setDefaultRole';
      identityPoolId: string;
      which: 'authenticated' | 'unauthenticated';
      roleId: string;
    }
  /** Appends a rule to `mappingId`, or creates a Rules mapping for `newMappingFor` first. */
  | {
      type: 'addRule';
      identityPoolId: string;
      roleId: string;
      mappingId?: string;
      newMappingFor?: ProviderRef;
    }
  | { type: 'setGroupRole'; userPoolId: string; groupName: string; roleId: string }
  | { type: 'attachPolicy'; roleId: string; policyId: string };

export type ConnectionCheck = { ok: true; edit: ConnectionEdit } | { ok: false; reason: string };

export interface ConnectionAttempt {
  source: string;
  sourceHandle?: string | null;
  target: string;
  targetHandle?: string | null;
}

type EntityKind = 'provider' | 'userPool' | 'identityPool' | 'role' | 'managedPolicy';

/** The kind of entity a design id names, or undefined. */
export function entityKind(design: DesignDocument, id: string): EntityKind | undefined {
  if (design.providers.some((entity) => entity.id === id)) return 'provider';
  if (design.userPools.some((entity) => entity.id === id)) return 'userPool';
  if (design.identityPools.some((entity) => entity.id === id)) return 'identityPool';
  if (design.roles.some((entity) => entity.id === id)) return 'role';
  if (design.managedPolicies.some((entity) => entity.id === id)) return 'managedPolicy';
  return undefined;
}

function refused(reason: string): ConnectionCheck {
  return { ok: false, reason };
}

const INTO_PROVIDER =
  'A provider has no inputs: logins start there. Drag from the provider to a user pool or an identity pool.';

export function checkConnection(design: DesignDocument, attempt: ConnectionAttempt): ConnectionCheck {
  const sourceKind = entityKind(design, attempt.source);
  const targetKind = entityKind(design, attempt.target);
  if (!sourceKind || !targetKind) return refused('Both ends of a connection must be entities of the design.');
  if (attempt.source === attempt.target) return refused('A node cannot be connected to itself.');
  if (targetKind === 'provider') return refused(INTO_PROVIDER);
  switch (sourceKind) {
    case 'provider':
      return fromProvider(design, attempt.source, attempt.target, targetKind);
    case 'userPool':
      return fromUserPool(design, attempt, targetKind);
    case 'identityPool':
      return fromIdentityPool(design, attempt, targetKind);
    case 'role':
      return fromRole(design, attempt.source, attempt.target, targetKind);
    case 'managedPolicy':
      return refused('A managed policy is attached to roles: drag from a role to the policy.');
  }
}

// User pools federate social, OIDC and SAML IdPs; Twitter and developer providers are identity
// pool-only. https://docs.aws.amazon.com/cognito/latest/developerguide/cognito-user-pools-identity-federation.html
function fromProvider(
  design: DesignDocument,
  providerId: string,
  target: string,
  targetKind: EntityKind,
): ConnectionCheck {
  const provider = design.providers.find((entity) => entity.id === providerId);
  if (!provider) return refused('Unknown provider.');
  if (targetKind === 'userPool') {
    if (provider.kind === 'developer') {
      return refused(
        'A developer provider signs users in through your own back end; it cannot be federated into a user pool. Connect it to an identity pool.',
      );
    }
    if (provider.kind === 'twitter') {
      return refused(
        'User pools cannot federate Twitter logins. Connect Twitter to an identity pool instead.',
      );
    }
    const pool = design.userPools.find((entity) => entity.id === target);
    if (pool?.federatedProviderIds.includes(providerId))
      return refused(`${provider.name} is already federated into ${pool.name}.`);
    return { ok: true, edit: { type: 'federate', providerId, userPoolId: target } };
  }
  if (targetKind === 'identityPool') {
    const pool = design.identityPools.find((entity) => entity.id === target);
    if (!pool) return refused('Unknown identity pool.');
    const ref: ProviderRef = { type: 'provider', providerId };
    if (pool.acceptedProviders.some((accepted) => sameProviderRef(accepted, ref))) {
      return refused(`${pool.name} already accepts ${provider.name}.`);
    }
    if (provider.kind === 'developer') {
      const otherDeveloper = pool.acceptedProviders.some(
        (accepted) =>
          accepted.type === 'provider' &&
          design.providers.find((entity) => entity.id === accepted.providerId)?.kind === 'developer',
      );
      if (otherDeveloper) return refused('An identity pool accepts only one developer provider name.');
    }
    return { ok: true, edit: { type: 'accept', identityPoolId: target, provider: ref } };
  }
  if (targetKind === 'role') {
    return refused(
      'A provider does not assume roles directly: connect it to an identity pool, then map the pool to the role.',
    );
  }
  return refused('A provider connects to a user pool (federation) or to an identity pool (accepted login).');
}

function fromUserPool(
  design: DesignDocument,
  attempt: ConnectionAttempt,
  targetKind: EntityKind,
): ConnectionCheck {
  const pool = design.userPools.find((entity) => entity.id === attempt.source);
  if (!pool) return refused('Unknown user pool.');
  const handle = attempt.sourceHandle ?? HANDLES.userPoolOut;
  const group = pool.groups.find((candidate) => groupHandle(candidate.name) === handle);
  if (group) {
    if (targetKind !== 'role')
      return refused('A user pool group carries a role: connect the group to a role.');
    return {
      ok: true,
      edit: { type: 'setGroupRole', userPoolId: pool.id, groupName: group.name, roleId: attempt.target },
    };
  }
  if (targetKind === 'role') {
    return refused('Drag from a group row of the user pool to give that group a role.');
  }
  if (targetKind !== 'identityPool') {
    return refused('A user pool app client connects to an identity pool; a group connects to a role.');
  }
  let client = pool.clients.find((candidate) => clientHandle(candidate.id) === handle);
  if (!client) {
    if (pool.clients.length === 0)
      return refused(
        'Add an app client to the user pool first: identity pools accept user pool app clients.',
      );
    if (pool.clients.length > 1)
      return refused(
        'This user pool has several app clients: drag from the app client row the identity pool should accept.',
      );
    client = pool.clients[0];
  }
  if (!client) return refused('Unknown app client.');
  const identityPool = design.identityPools.find((entity) => entity.id === attempt.target);
  if (!identityPool) return refused('Unknown identity pool.');
  const ref: ProviderRef = { type: 'userPoolClient', userPoolId: pool.id, clientId: client.id };
  if (identityPool.acceptedProviders.some((accepted) => sameProviderRef(accepted, ref))) {
    return refused(`${identityPool.name} already accepts app client ${client.name}.`);
  }
  return { ok: true, edit: { type: 'accept', identityPoolId: identityPool.id, provider: ref } };
}

function fromIdentityPool(
  design: DesignDocument,
  attempt: ConnectionAttempt,
  targetKind: EntityKind,
): ConnectionCheck {
  const pool = design.identityPools.find((entity) => entity.id === attempt.source);
  if (!pool) return refused('Unknown identity pool.');
  if (targetKind !== 'role') {
    return refused(
      'An identity pool hands out roles: connect its authenticated, guest or rules handle to a role.',
    );
  }
  const roleId = attempt.target;
  switch (attempt.sourceHandle) {
    case HANDLES.identityPoolGuest:
      return {
        ok: true,
        edit: { type: 'setDefaultRole', identityPoolId: pool.id, which: 'unauthenticated', roleId },
      };
    case HANDLES.identityPoolRules: {
      const mapping = pool.roleMappings.find((candidate) => candidate.type === 'Rules');
      if (mapping) {
        if (mapping.rules.length >= MAX_RULES_PER_MAPPING) {
          return refused(`A role mapping holds at most ${MAX_RULES_PER_MAPPING} rules.`);
        }
        return {
          ok: true,
          edit: { type: 'addRule', identityPoolId: pool.id, roleId, mappingId: mapping.id },
        };
      }
      const unmapped = pool.acceptedProviders.find(
        (accepted) => !pool.roleMappings.some((existing) => sameProviderRef(existing.provider, accepted)),
      );
      if (!unmapped) {
        return refused(
          pool.acceptedProviders.length === 0
            ? 'Rules belong to a role mapping for an accepted provider: connect a provider to this identity pool first.'
            : 'Every accepted provider already has a Token mapping: switch one to Rules in the inspector first.',
        );
      }
      if (pool.roleMappings.length >= MAX_MAPPINGS_PER_POOL) {
        return refused(
          `An identity pool holds role mappings for at most ${MAX_MAPPINGS_PER_POOL} providers.`,
        );
      }
      return {
        ok: true,
        edit: { type: 'addRule', identityPoolId: pool.id, roleId, newMappingFor: unmapped },
      };
    }
    default:
      return {
        ok: true,
        edit: { type: 'setDefaultRole', identityPoolId: pool.id, which: 'authenticated', roleId },
      };
  }
}

function fromRole(
  design: DesignDocument,
  roleId: string,
  target: string,
  targetKind: EntityKind,
): ConnectionCheck {
  if (targetKind === 'identityPool' || targetKind === 'userPool') {
    return refused(
      'A role cannot accept logins; connect a provider to an identity pool, then the pool to the role.',
    );
  }
  if (targetKind === 'role')
    return refused('Roles do not connect to roles: connect a role to a managed policy.');
  const role = design.roles.find((entity) => entity.id === roleId);
  const policy = design.managedPolicies.find((entity) => entity.id === target);
  if (!role || !policy) return refused('Unknown role or policy.');
  if (role.managedPolicyArns.includes(managedPolicyArn(design.account, policy))) {
    return refused(`${policy.name} is already attached to ${role.name}.`);
  }
  return { ok: true, edit: { type: 'attachPolicy', roleId, policyId: policy.id } };
}
