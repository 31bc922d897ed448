// Roles and customer managed policies from `aws iam get-account-authorization-details`.
// RoleDetail carries no MaxSessionDuration nor Description
// (https://docs.aws.amazon.com/IAM/latest/APIReference/API_RoleDetail.html): those are assumed.

import { managedPolicyArn, SOCIAL_PROVIDER_KEYS } from '../model/keys';
import type { ManagedPolicy, Role } from '../model/types';
import type { ImportContext } from './context';
import type { ManagedPolicyDetail, RoleDetail } from './shapes';
import { decodePolicyDocument, nameAndPath, parseArn } from './values';

const DEFAULT_MAX_SESSION_DURATION = 3600;

/** The role for an ARN, created on first use from its details (or as a stub when the dump lacks it). */
export function ensureRole(context: ImportContext, arn: string, usedBy: string): Role | undefined {
  const existing = context.roleByArn.get(arn);
  if (existing) return existing;
  const detail = context.roleDetails.get(arn);
  const role = detail ? roleFromDetail(context, detail) : stubRole(context, arn, usedBy);
  if (!role) return undefined;
  context.roles.push(role);
  context.roleByArn.set(arn, role);
  return role;
}

function stubRole(context: ImportContext, arn: string, usedBy: string): Role | undefined {
  const names = nameAndPath(arn, 'role');
  if (!names) {
    context.warn(`${usedBy}: '${arn}' is not an IAM role ARN; ignored`);
    return undefined;
  }
  context.missing(
    `role ${names.name} (${arn}, used by ${usedBy}): not in any get-account-authorization-details output; ` +
      'imported with no permission policies and a generated trust policy — run `aws iam get-account-authorization-details --filter Role LocalManagedPolicy`',
  );
  return {
    id: context.ids.allocate('role', names.name),
    name: names.name,
    path: names.path,
    trustPolicy: { mode: 'generated' },
    inlinePolicies: [],
    managedPolicyArns: [],
    maxSessionDuration: DEFAULT_MAX_SESSION_DURATION,
    tags: {},
  };
}

function roleFromDetail(context: ImportContext, detail: RoleDetail): Role {
  const where = `role ${detail.RoleName}`;
  const role: Role = {
    id: context.ids.allocate('role', detail.RoleName),
    name: detail.RoleName,
    path: detail.Path ?? '/',
    trustPolicy: { mode: 'generated' },
    inlinePolicies: [],
    managedPolicyArns: [],
    maxSessionDuration: DEFAULT_MAX_SESSION_DURATION,
    tags: {},
  };
  context.assume(
    `maximum session duration: get-account-authorization-details does not report it; every imported role is set to ${DEFAULT_MAX_SESSION_DURATION} seconds`,
  );
  if (detail.AssumeRolePolicyDocument === undefined) {
    context.missing(`${where}: no AssumeRolePolicyDocument in the dump; trust policy set to generated`);
  } else {
    const decoded = decodePolicyDocument(detail.AssumeRolePolicyDocument);
    if ('document' in decoded) role.trustPolicy = { mode: 'custom', document: decoded.document };
    else context.warn(`${where}: trust policy ignored (${decoded.error}); set to generated`);
  }
  for (const inline of detail.RolePolicyList ?? []) {
    const decoded = decodePolicyDocument(inline.PolicyDocument);
    if ('document' in decoded)
      role.inlinePolicies.push({ name: inline.PolicyName, document: decoded.document });
    else context.warn(`${where}: inline policy ${inline.PolicyName} ignored (${decoded.error})`);
  }
  for (const attached of detail.AttachedManagedPolicies ?? []) {
    role.managedPolicyArns.push(attached.PolicyArn);
    ensureManagedPolicy(context, attached.PolicyArn, where);
  }
  if (detail.PermissionsBoundary) {
    role.permissionsBoundaryArn = detail.PermissionsBoundary.PermissionsBoundaryArn;
    ensureManagedPolicy(context, role.permissionsBoundaryArn, `${where} (permissions boundary)`);
  }
  for (const tag of detail.Tags ?? []) role.tags[tag.Key] = tag.Value;
  return role;
}

/** AWS managed policies stay ARNs; customer managed ones are copied into the design with their default version. */
function ensureManagedPolicy(context: ImportContext, arn: string, usedBy: string): void {
  const parsed = parseArn(arn);
  if (!parsed || parsed.account === 'aws') return;
  if (context.managedPolicies.some((policy) => managedPolicyArn(context.account, policy) === arn)) return;
  const detail = context.policyDetails.get(arn);
  const names = nameAndPath(arn, 'policy');
  if (!detail || !names) {
    context.missing(
      `customer managed policy ${arn} (attached to ${usedBy}): not in the dump's Policies list; the role keeps the ARN but its permissions are unknown — ` +
        'include LocalManagedPolicy in `aws iam get-account-authorization-details`',
    );
    return;
  }
  const document = defaultVersionDocument(detail);
  const decoded =
    document === undefined ? { error: 'no default version document' } : decodePolicyDocument(document);
  if (!('document' in decoded)) {
    context.warn(`managed policy ${detail.PolicyName}: ignored (${decoded.error})`);
    return;
  }
  const policy: ManagedPolicy = {
    id: context.ids.allocate('policy', detail.PolicyName),
    name: detail.PolicyName,
    path: detail.Path ?? names.path,
    document: decoded.document,
  };
  if (detail.Description) policy.description = detail.Description;
  context.managedPolicies.push(policy);
}

function defaultVersionDocument(detail: ManagedPolicyDetail): unknown {
  const versions = detail.PolicyVersionList ?? [];
  const chosen =
    versions.find((version) => version.IsDefaultVersion === true) ??
    versions.find(
      (version) => detail.DefaultVersionId !== undefined && version.VersionId === detail.DefaultVersionId,
    );
  return chosen?.Document;
}

/** True when a trust policy names Cognito identity as a federated principal (a role meant for identity pools). */
export function trustsCognitoIdentity(detail: RoleDetail): boolean {
  if (detail.AssumeRolePolicyDocument === undefined) return false;
  const decoded = decodePolicyDocument(detail.AssumeRolePolicyDocument);
  return 'document' in decoded && JSON.stringify(decoded.document).includes('cognito-identity.amazonaws.com');
}

/** Social provider kind of a `SupportedLoginProviders` key, if it is one. */
export function socialKindOfKey(key: string): keyof typeof SOCIAL_PROVIDER_KEYS | undefined {
  const entry = Object.entries(SOCIAL_PROVIDER_KEYS).find(([, providerKey]) => providerKey === key);
  return entry?.[0] as keyof typeof SOCIAL_PROVIDER_KEYS | undefined;
}
