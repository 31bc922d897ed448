// Reads what the account holds for every resource a design names, for the plan. Unlike the pull, a
// read that fails stops the plan: a plan built on a partial picture could undo someone's work.

import {
  desiredState,
  isManaged,
  type ObservedIdentityPool,
  type ObservedState,
} from '../../../shared/export/plan';
import type { DesignDocument, IdentityPool } from '../../../shared/model/types';
import { callerAccount } from './account';
import type { AwsConnection } from './connection';
import { AwsAccessError, describeAwsError } from './errors';
import { readPolicy, readRole } from './iam-read';
import { describePool, poolIdsNamed, readPoolRoles, readPrincipalTagMap, settingsOf } from './pool-read';

async function guarded<T>(resource: string, action: string, read: () => Promise<T>): Promise<T> {
  try {
    return await read();
  } catch (error) {
    throw new AwsAccessError(describeAwsError(error, resource, action));
  }
}

/** Refuses a design for another account or region before anything is read or changed. */
export function checkTarget(design: DesignDocument, accountId: string, region: string): void {
  if (design.account.accountId !== accountId) {
    throw new AwsAccessError(
      `the design is for account ${design.account.accountId} but the credentials belong to account ${accountId}; ` +
        "use credentials of that account or change the design's account id",
      'AccountMismatch',
    );
  }
  if (design.account.region !== region) {
    throw new AwsAccessError(
      `the design's region is ${design.account.region} but the target region is ${region}; ` +
        "pass --region with the design's region or change the design's region",
      'RegionMismatch',
    );
  }
}

export async function observeAccount(
  connection: AwsConnection,
  design: DesignDocument,
): Promise<ObservedState> {
  const accountId = await callerAccount(connection);
  checkTarget(design, accountId, connection.region);
  const desired = desiredState(design);
  const observed: ObservedState = {
    accountId,
    region: connection.region,
    roles: {},
    policies: {},
    identityPools: {},
  };
  for (const policy of desired.policies) {
    observed.policies[policy.Arn] = await guarded(`managed policy ${policy.Arn}`, 'iam:GetPolicy', () =>
      readPolicy(connection.iam, policy.Arn),
    );
  }
  for (const role of desired.roles) {
    observed.roles[role.RoleName] = await guarded(`role ${role.RoleName}`, 'iam:GetRole', () =>
      readRole(connection.iam, role.RoleName),
    );
  }
  for (const pool of design.identityPools) {
    const principalTagProviders = Object.keys(
      desired.identityPools.find((entry) => entry.designId === pool.id)?.PrincipalTags ?? {},
    );
    observed.identityPools[pool.id] = await observePool(connection, pool, principalTagProviders);
  }
  return observed;
}

/**
 * The pool by the design's id; when that id does not exist (a design drawn offline, or an apply that
 * created the pool but could not record its id), a pool of the same name that carries the managed tag.
 */
async function observePool(
  connection: AwsConnection,
  pool: IdentityPool,
  principalTagProviders: string[],
): Promise<ObservedIdentityPool | null> {
  const client = connection.cognitoIdentity;
  const resource = `identity pool ${pool.name}`;
  const describe = (id: string) =>
    guarded(resource, 'cognito-identity:DescribeIdentityPool', () => describePool(client, id));
  const inRegion = pool.poolId.startsWith(`${connection.region}:`);
  let description = inRegion ? await describe(pool.poolId) : null;
  let foundBy: ObservedIdentityPool['foundBy'] = 'id';
  if (!description) {
    foundBy = 'name';
    const ids = await guarded(resource, 'cognito-identity:ListIdentityPools', () =>
      poolIdsNamed(client, pool.name),
    );
    for (const id of ids) {
      const candidate = await describe(id);
      if (candidate && isManaged(candidate.IdentityPoolTags ?? {})) {
        description = candidate;
        break;
      }
    }
  }
  if (!description?.IdentityPoolId) return null;
  const poolId = description.IdentityPoolId;
  const principalTags: ObservedIdentityPool['PrincipalTags'] = {};
  for (const name of principalTagProviders) {
    const map = await guarded(resource, 'cognito-identity:GetPrincipalTagAttributeMap', () =>
      readPrincipalTagMap(client, poolId, name),
    );
    if (map) principalTags[name] = map;
  }
  return {
    IdentityPoolId: poolId,
    settings: settingsOf(description),
    Tags: { ...(description.IdentityPoolTags ?? {}) },
    ...(await guarded(resource, 'cognito-identity:GetIdentityPoolRoles', () =>
      readPoolRoles(client, poolId),
    )),
    PrincipalTags: principalTags,
    foundBy,
  };
}
