// Cross-field and cross-entity rules of a structurally valid design (design.md §4, §5.1):
// unique ids, references that resolve, provider keys that fit their kind, and AWS limits that
// span several fields. User-pool and identity-pool rules are in semantics-user-pools.ts and
// semantics-identity-pools.ts.
//
// Issue codes: duplicate-id, duplicate-name, dangling-reference, invalid-reference,
// provider-key-mismatch, missing-client-id, invalid-arn, limit, unknown-attribute, unknown-layout-node, principal-tag-conflict
// (two app clients of one user pool with different principal-tag maps; AWS stores one map per user pool).

import { managedPolicyArn, SOCIAL_PROVIDER_KEYS } from './keys';
import { LIMITS, PATTERNS, isOidcIssuerKey, isSamlProviderArn } from './limits';
import type { PathSegment } from './paths';
import { formatPath } from './paths';
import { checkIdentityPools } from './semantics-identity-pools';
import type { DesignIndex } from './semantics-issues';
import { buildIndex, IssueList } from './semantics-issues';
import { checkUserPools } from './semantics-user-pools';
import type { DesignDocument, ModelIssue, Role } from './types';

export function checkSemantics(design: DesignDocument): ModelIssue[] {
  const list = new IssueList();
  const allIds = checkUniqueIds(design, list);
  const index = buildIndex(design);
  checkProviders(design, list);
  checkUserPools(design, index, list);
  checkIdentityPools(design, index, list);
  checkRoles(design, list);
  checkManagedPolicies(design, list);
  checkPersonas(design, index, list);
  for (const nodeId of Object.keys(design.layout.positions)) {
    if (!allIds.has(nodeId)) {
      list.warning(
        'unknown-layout-node',
        ['layout', 'positions', nodeId],
        `no entity has the id "${nodeId}"; the position is ignored`,
      );
    }
  }
  return list.issues;
}

/** Every design id is unique across the whole document, so any id names exactly one thing. */
function checkUniqueIds(design: DesignDocument, list: IssueList): Set<string> {
  // Where each id was first seen; written out only for a duplicate.
  const seen = new Map<string, PathSegment[]>();
  const visit = (id: string, path: PathSegment[]) => {
    const first = seen.get(id);
    if (first === undefined) seen.set(id, path);
    else list.error('duplicate-id', [...path, 'id'], `id "${id}" is already used by ${formatPath(first)}`);
  };
  design.providers.forEach((provider, index) => visit(provider.id, ['providers', index]));
  design.userPools.forEach((pool, poolIndex) => {
    visit(pool.id, ['userPools', poolIndex]);
    pool.clients.forEach((client, index) => visit(client.id, ['userPools', poolIndex, 'clients', index]));
  });
  design.identityPools.forEach((pool, poolIndex) => {
    visit(pool.id, ['identityPools', poolIndex]);
    pool.roleMappings.forEach((mapping, mappingIndex) => {
      const mappingPath: PathSegment[] = ['identityPools', poolIndex, 'roleMappings', mappingIndex];
      visit(mapping.id, mappingPath);
      mapping.rules.forEach((rule, ruleIndex) => visit(rule.id, [...mappingPath, 'rules', ruleIndex]));
    });
  });
  design.roles.forEach((role, index) => visit(role.id, ['roles', index]));
  design.managedPolicies.forEach((policy, index) => visit(policy.id, ['managedPolicies', index]));
  design.personas.forEach((persona, index) => visit(persona.id, ['personas', index]));
  return new Set(seen.keys());
}

const PROVIDERS_WITH_CLIENT_IDS: ReadonlySet<string> = new Set([
  'google',
  'facebook',
  'amazon',
  'apple',
  'oidc',
]);

function checkProviders(design: DesignDocument, list: IssueList): void {
  const keys = new Map<string, number>();
  design.providers.forEach((provider, index) => {
    const path: PathSegment[] = ['providers', index];
    const key = provider.providerKey;
    if (provider.kind in SOCIAL_PROVIDER_KEYS) {
      const expected = SOCIAL_PROVIDER_KEYS[provider.kind as keyof typeof SOCIAL_PROVIDER_KEYS];
      if (key !== expected) {
        list.error(
          'provider-key-mismatch',
          [...path, 'providerKey'],
          `a ${provider.kind} provider's key must be "${expected}" (got "${key}")`,
        );
      }
    } else if (provider.kind === 'saml') {
      if (!isSamlProviderArn(key)) {
        list.error(
          'invalid-arn',
          [...path, 'providerKey'],
          'a SAML provider key must be the IAM SAML provider ARN `arn:aws:iam::<account>:saml-provider/<name>`',
        );
      } else if (key.split(':')[4] !== design.account.accountId) {
        list.warning(
          'invalid-reference',
          [...path, 'providerKey'],
          `the SAML provider belongs to account ${key.split(':')[4]}, not the design's account ${design.account.accountId}`,
        );
      }
    } else if (provider.kind === 'oidc') {
      if (!isOidcIssuerKey(key)) {
        list.error(
          'provider-key-mismatch',
          [...path, 'providerKey'],
          'an OIDC provider key is the issuer without `https://`: host, optional port and path (e.g. `login.example.com/tenant`)',
        );
      }
    } else if (
      key.length > LIMITS.developerProviderNameLength.max ||
      !PATTERNS.developerProviderName.test(key)
    ) {
      list.error(
        'provider-key-mismatch',
        [...path, 'providerKey'],
        'a developer provider name has 1–128 letters, digits, `.`, `_` or `-`',
      );
    }
    // Cognito checks the token's audience against these ids; without one no login can succeed.
    // https://docs.aws.amazon.com/cognito/latest/developerguide/external-identity-providers.html
    if (PROVIDERS_WITH_CLIENT_IDS.has(provider.kind) && provider.clientIds.length === 0) {
      list.error(
        'missing-client-id',
        [...path, 'clientIds'],
        `a ${provider.kind} provider needs the app (client) id its tokens are issued to`,
      );
    }
    if (provider.samlAttributes && provider.kind !== 'saml') {
      list.warning(
        'schema',
        [...path, 'samlAttributes'],
        'SAML attributes are only meaningful for SAML providers',
      );
    }
    const first = keys.get(key);
    if (first !== undefined) {
      list.error(
        'duplicate-name',
        [...path, 'providerKey'],
        `provider key "${key}" is already used by $.providers[${first}]`,
      );
    } else {
      keys.set(key, index);
    }
  });
}

function checkRoles(design: DesignDocument, list: IssueList): void {
  const names = new Map<string, number>();
  const designPolicyArns = new Set(
    design.managedPolicies.map((policy) => managedPolicyArn(design.account, policy)),
  );
  const checkPolicyArn = (arn: string, path: PathSegment[]) => {
    const account = arn.split(':')[4];
    if (account === 'aws') return;
    if (account !== design.account.accountId) {
      list.error(
        'invalid-reference',
        path,
        `customer managed policy of account ${account} cannot be attached in account ${design.account.accountId}`,
      );
    } else if (!designPolicyArns.has(arn)) {
      list.warning(
        'dangling-reference',
        path,
        'no managed policy of the design has this ARN; its permissions are unknown to simulation',
      );
    }
  };
  design.roles.forEach((role, roleIndex) => {
    const path: PathSegment[] = ['roles', roleIndex];
    // IAM role names are unique per account regardless of case and path.
    const key = role.name.toLowerCase();
    const first = names.get(key);
    if (first !== undefined)
      list.error(
        'duplicate-name',
        [...path, 'name'],
        `role name "${role.name}" is already used by $.roles[${first}] (IAM role names are case-insensitive)`,
      );
    else names.set(key, roleIndex);

    const inlineNames = new Set<string>();
    role.inlinePolicies.forEach((policy, policyIndex) => {
      if (inlineNames.has(policy.name))
        list.error(
          'duplicate-name',
          [...path, 'inlinePolicies', policyIndex, 'name'],
          `inline policy "${policy.name}" is defined twice`,
        );
      inlineNames.add(policy.name);
    });
    checkAttachedPolicies(role, path, checkPolicyArn, list);
    checkTags(role, path, list);
  });
}

function checkAttachedPolicies(
  role: Role,
  path: PathSegment[],
  checkPolicyArn: (arn: string, path: PathSegment[]) => void,
  list: IssueList,
): void {
  const count = role.managedPolicyArns.length;
  if (count > LIMITS.managedPoliciesPerRoleMax) {
    list.error(
      'limit',
      [...path, 'managedPolicyArns'],
      `at most ${LIMITS.managedPoliciesPerRoleMax} managed policies can be attached to a role (got ${count})`,
    );
  } else if (count > LIMITS.managedPoliciesPerRoleQuota) {
    list.warning(
      'limit',
      [...path, 'managedPolicyArns'],
      `more than ${LIMITS.managedPoliciesPerRoleQuota} managed policies needs a quota increase (got ${count})`,
    );
  }
  const attached = new Set<string>();
  role.managedPolicyArns.forEach((arn, arnIndex) => {
    if (attached.has(arn))
      list.warning(
        'duplicate-name',
        [...path, 'managedPolicyArns', arnIndex],
        'this policy is attached twice',
      );
    attached.add(arn);
    checkPolicyArn(arn, [...path, 'managedPolicyArns', arnIndex]);
  });
  if (role.permissionsBoundaryArn !== undefined)
    checkPolicyArn(role.permissionsBoundaryArn, [...path, 'permissionsBoundaryArn']);
}

function checkTags(role: Role, path: PathSegment[], list: IssueList): void {
  const entries = Object.entries(role.tags);
  if (entries.length > LIMITS.roleTags)
    list.error(
      'limit',
      [...path, 'tags'],
      `a role has at most ${LIMITS.roleTags} tags (got ${entries.length})`,
    );
  for (const [key, value] of entries) {
    const tagPath: PathSegment[] = [...path, 'tags', key];
    if (key.length < LIMITS.tagKeyLength.min || key.length > LIMITS.tagKeyLength.max) {
      list.error(
        'limit',
        tagPath,
        `tag keys have ${LIMITS.tagKeyLength.min}–${LIMITS.tagKeyLength.max} characters`,
      );
    } else if (key.toLowerCase().startsWith('aws:')) {
      list.error('schema', tagPath, 'tag keys starting with `aws:` are reserved for AWS');
    }
    if (value.length > LIMITS.tagValueMaxLength)
      list.error('limit', tagPath, `tag values have at most ${LIMITS.tagValueMaxLength} characters`);
  }
}

function checkManagedPolicies(design: DesignDocument, list: IssueList): void {
  const arns = new Map<string, number>();
  design.managedPolicies.forEach((policy, index) => {
    const arn = managedPolicyArn(design.account, policy);
    const first = arns.get(arn);
    if (first !== undefined)
      list.error(
        'duplicate-name',
        ['managedPolicies', index, 'name'],
        `policy ${arn} is already defined by $.managedPolicies[${first}]`,
      );
    else arns.set(arn, index);
  });
}

function checkPersonas(design: DesignDocument, index: DesignIndex, list: IssueList): void {
  const identityPoolIds = new Set(design.identityPools.map((pool) => pool.id));
  design.personas.forEach((persona, personaIndex) => {
    const path: PathSegment[] = ['personas', personaIndex];
    if (!identityPoolIds.has(persona.identityPoolId)) {
      list.error(
        'dangling-reference',
        [...path, 'identityPoolId'],
        `no identity pool has the id "${persona.identityPoolId}"`,
      );
    }
    const login = persona.login;
    if (login.type === 'provider' && !index.providersById.has(login.providerId)) {
      list.error(
        'dangling-reference',
        [...path, 'login', 'providerId'],
        `no provider has the id "${login.providerId}"`,
      );
    }
    if (login.type === 'userPool') {
      const pool = index.userPoolsById.get(login.userPoolId);
      if (!pool) {
        list.error(
          'dangling-reference',
          [...path, 'login', 'userPoolId'],
          `no user pool has the id "${login.userPoolId}"`,
        );
      } else {
        if (!index.clientsByPool.get(pool.id)?.has(login.clientId)) {
          list.error(
            'dangling-reference',
            [...path, 'login', 'clientId'],
            `user pool "${pool.id}" has no app client with the id "${login.clientId}"`,
          );
        }
        if (!index.usernamesByPool.get(pool.id)?.has(login.username)) {
          list.error(
            'dangling-reference',
            [...path, 'login', 'username'],
            `user pool "${pool.id}" has no user "${login.username}"`,
          );
        }
      }
    }
  });
}
