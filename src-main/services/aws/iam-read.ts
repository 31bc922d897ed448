// Reading IAM roles and customer managed policies, every list paginated. A resource that does not
// exist reads as null; other failures propagate to the caller, which decides whether to go on.

import {
  GetPolicyCommand,
  GetPolicyVersionCommand,
  GetRoleCommand,
  GetRolePolicyCommand,
  paginateListAttachedRolePolicies,
  paginateListPolicyTags,
  paginateListPolicyVersions,
  paginateListRolePolicies,
  paginateListRoleTags,
  type IAMClient,
} from '@aws-sdk/client-iam';
import type { ObservedPolicy, ObservedRole } from '../../../shared/export/plan';
import type { PolicyDocument } from '../../../shared/iam/types';
import { decodePolicyDocument } from '../../../shared/import';
import { AwsAccessError, isNotFound } from './errors';

function decode(value: unknown, where: string): PolicyDocument {
  const decoded = decodePolicyDocument(value);
  if ('error' in decoded) throw new AwsAccessError(`${where}: ${decoded.error}`);
  return decoded.document;
}

function tagsOf(
  list: Array<{ Key?: string | undefined; Value?: string | undefined }>,
): Record<string, string> {
  return Object.fromEntries(
    list.filter((tag) => tag.Key !== undefined).map((tag) => [tag.Key, tag.Value ?? '']),
  );
}

/** Role name from a role ARN `arn:aws:iam::123:role/path/Name`. */
export function roleNameOfArn(arn: string): string {
  return arn.slice(arn.lastIndexOf('/') + 1);
}

export async function readRole(iam: IAMClient, roleName: string): Promise<ObservedRole | null> {
  let role;
  try {
    role = (await iam.send(new GetRoleCommand({ RoleName: roleName }))).Role;
  } catch (error) {
    if (isNotFound(error)) return null;
    throw error;
  }
  if (!role?.Arn) return null;
  const inline: Record<string, PolicyDocument> = {};
  for await (const page of paginateListRolePolicies({ client: iam }, { RoleName: roleName })) {
    for (const name of page.PolicyNames ?? []) {
      const policy = await iam.send(new GetRolePolicyCommand({ RoleName: roleName, PolicyName: name }));
      inline[name] = decode(policy.PolicyDocument, `role ${roleName} inline policy ${name}`);
    }
  }
  const attached: string[] = [];
  for await (const page of paginateListAttachedRolePolicies({ client: iam }, { RoleName: roleName })) {
    for (const policy of page.AttachedPolicies ?? []) if (policy.PolicyArn) attached.push(policy.PolicyArn);
  }
  const tags: Array<{ Key?: string; Value?: string }> = [];
  for await (const page of paginateListRoleTags({ client: iam }, { RoleName: roleName }))
    tags.push(...(page.Tags ?? []));
  return {
    RoleName: role.RoleName ?? roleName,
    Path: role.Path ?? '/',
    Arn: role.Arn,
    ...(role.Description ? { Description: role.Description } : {}),
    ...(role.AssumeRolePolicyDocument
      ? { AssumeRolePolicyDocument: decode(role.AssumeRolePolicyDocument, `role ${roleName} trust policy`) }
      : {}),
    ...(role.MaxSessionDuration !== undefined ? { MaxSessionDuration: role.MaxSessionDuration } : {}),
    InlinePolicies: inline,
    AttachedPolicyArns: attached.sort(),
    ...(role.PermissionsBoundary?.PermissionsBoundaryArn
      ? { PermissionsBoundaryArn: role.PermissionsBoundary.PermissionsBoundaryArn }
      : {}),
    Tags: tagsOf(tags),
  };
}

export async function readPolicy(iam: IAMClient, arn: string): Promise<ObservedPolicy | null> {
  let policy;
  try {
    policy = (await iam.send(new GetPolicyCommand({ PolicyArn: arn }))).Policy;
  } catch (error) {
    if (isNotFound(error)) return null;
    throw error;
  }
  if (!policy) return null;
  const defaultVersionId = policy.DefaultVersionId ?? 'v1';
  const version = await iam.send(
    new GetPolicyVersionCommand({ PolicyArn: arn, VersionId: defaultVersionId }),
  );
  const versions: ObservedPolicy['Versions'] = [];
  for await (const page of paginateListPolicyVersions({ client: iam }, { PolicyArn: arn })) {
    for (const entry of page.Versions ?? []) {
      if (!entry.VersionId) continue;
      versions.push({
        VersionId: entry.VersionId,
        IsDefaultVersion: entry.IsDefaultVersion === true,
        ...(entry.CreateDate ? { CreateDate: new Date(entry.CreateDate).toISOString() } : {}),
      });
    }
  }
  const tags: Array<{ Key?: string; Value?: string }> = [];
  for await (const page of paginateListPolicyTags({ client: iam }, { PolicyArn: arn }))
    tags.push(...(page.Tags ?? []));
  return {
    Arn: arn,
    PolicyName: policy.PolicyName ?? arn,
    Path: policy.Path ?? '/',
    DefaultVersionId: defaultVersionId,
    ...(version.PolicyVersion?.Document
      ? { Document: decode(version.PolicyVersion.Document, `managed policy ${arn}`) }
      : {}),
    Versions: versions,
    Tags: tagsOf(tags),
  };
}
