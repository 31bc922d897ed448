// The plan's changes for one IAM role: create, tags (adopt), trust policy, session duration and
// description, inline policies, attachments, boundary, then the deletions.

import { jsonDiff, sameJson } from './plan-diff';
import { change, isManaged, type Draft } from './plan-change';
import type { DesiredRole, ObservedRole } from './plan-types';

export function roleChanges(
  role: DesiredRole,
  found: ObservedRole | null | undefined,
  notes: string[],
): Draft[] {
  const resource = `role ${role.Path}${role.RoleName}`;
  if (found === undefined) return [];
  const trust = role.AssumeRolePolicyDocument;
  if (!trust) {
    notes.push(
      `${resource}: no identity pool uses the role and its trust policy is generated, so it trusts nobody; ` +
        `the trust policy is left ${found ? 'as it is' : 'unset and the role is not created'}.`,
    );
    if (!found) return [];
  }
  if (found && found.Path !== role.Path) {
    notes.push(
      `${resource}: the account's role has the path ${found.Path}; IAM cannot change a role's path, so ARNs the design ` +
        `derives (${role.Arn}) do not name it — change the design's path or recreate the role`,
    );
  }
  const drafts: Draft[] = [];
  if (found === null) {
    if (!trust) return [];
    drafts.push(
      change(
        resource,
        'create role',
        {
          type: 'CreateRole',
          RoleName: role.RoleName,
          Path: role.Path,
          ...(role.Description ? { Description: role.Description } : {}),
          AssumeRolePolicyDocument: trust,
          MaxSessionDuration: role.MaxSessionDuration,
          Tags: role.Tags,
        },
        jsonDiff(undefined, {
          AssumeRolePolicyDocument: trust,
          MaxSessionDuration: role.MaxSessionDuration,
          Tags: role.Tags,
        }),
      ),
    );
  }
  const current: ObservedRole = found ?? {
    RoleName: role.RoleName,
    Path: role.Path,
    Arn: role.Arn,
    ...(role.Description ? { Description: role.Description } : {}),
    ...(trust ? { AssumeRolePolicyDocument: trust } : {}),
    MaxSessionDuration: role.MaxSessionDuration,
    InlinePolicies: {},
    AttachedPolicyArns: [],
    Tags: role.Tags,
  };
  const adopt = found !== null && !isManaged(current.Tags);
  const flags = { adopt };
  const changedTags = Object.fromEntries(
    Object.entries(role.Tags).filter(([key, value]) => current.Tags[key] !== value),
  );
  if (Object.keys(changedTags).length > 0) {
    drafts.push(
      change(
        resource,
        adopt ? 'adopt: tag the existing role as managed by the studio' : 'set tags',
        { type: 'TagRole', RoleName: role.RoleName, Tags: changedTags },
        jsonDiff(current.Tags, { ...current.Tags, ...changedTags }),
        flags,
      ),
    );
  }
  if (trust && !sameJson(current.AssumeRolePolicyDocument, trust)) {
    drafts.push(
      change(
        resource,
        'update trust policy',
        { type: 'UpdateAssumeRolePolicy', RoleName: role.RoleName, PolicyDocument: trust },
        jsonDiff(current.AssumeRolePolicyDocument, trust),
        flags,
      ),
    );
  }
  if (
    current.MaxSessionDuration !== role.MaxSessionDuration ||
    (role.Description !== undefined && current.Description !== role.Description)
  ) {
    drafts.push(
      change(
        resource,
        'update maximum session duration and description',
        {
          type: 'UpdateRole',
          RoleName: role.RoleName,
          MaxSessionDuration: role.MaxSessionDuration,
          ...(role.Description !== undefined ? { Description: role.Description } : {}),
        },
        jsonDiff(
          { Description: current.Description, MaxSessionDuration: current.MaxSessionDuration },
          {
            Description: role.Description ?? current.Description,
            MaxSessionDuration: role.MaxSessionDuration,
          },
        ),
        flags,
      ),
    );
  }
  for (const [name, document] of Object.entries(role.InlinePolicies)) {
    const before = current.InlinePolicies[name];
    if (sameJson(before, document)) continue;
    drafts.push(
      change(
        resource,
        `${before ? 'update' : 'add'} inline policy ${name}`,
        { type: 'PutRolePolicy', RoleName: role.RoleName, PolicyName: name, PolicyDocument: document },
        jsonDiff(before, document),
        flags,
      ),
    );
  }
  for (const arn of role.AttachedPolicyArns) {
    if (current.AttachedPolicyArns.includes(arn)) continue;
    drafts.push(
      change(
        resource,
        `attach managed policy ${arn}`,
        { type: 'AttachRolePolicy', RoleName: role.RoleName, PolicyArn: arn },
        '',
        flags,
      ),
    );
  }
  if (role.PermissionsBoundaryArn && current.PermissionsBoundaryArn !== role.PermissionsBoundaryArn) {
    drafts.push(
      change(
        resource,
        `set permissions boundary ${role.PermissionsBoundaryArn}`,
        {
          type: 'PutRolePermissionsBoundary',
          RoleName: role.RoleName,
          PermissionsBoundary: role.PermissionsBoundaryArn,
        },
        jsonDiff(current.PermissionsBoundaryArn ?? null, role.PermissionsBoundaryArn),
        flags,
      ),
    );
  }
  const deletion = { adopt, deletion: true };
  for (const [name, document] of Object.entries(current.InlinePolicies)) {
    if (name in role.InlinePolicies) continue;
    drafts.push(
      change(
        resource,
        `delete inline policy ${name} (not in the design)`,
        { type: 'DeleteRolePolicy', RoleName: role.RoleName, PolicyName: name },
        jsonDiff(document, undefined),
        deletion,
      ),
    );
  }
  for (const arn of current.AttachedPolicyArns) {
    if (role.AttachedPolicyArns.includes(arn)) continue;
    drafts.push(
      change(
        resource,
        `detach managed policy ${arn} (not in the design)`,
        { type: 'DetachRolePolicy', RoleName: role.RoleName, PolicyArn: arn },
        '',
        deletion,
      ),
    );
  }
  if (!role.PermissionsBoundaryArn && current.PermissionsBoundaryArn) {
    drafts.push(
      change(
        resource,
        `remove permissions boundary ${current.PermissionsBoundaryArn} (not in the design)`,
        { type: 'DeleteRolePermissionsBoundary', RoleName: role.RoleName },
        jsonDiff(current.PermissionsBoundaryArn, null),
        deletion,
      ),
    );
  }
  return drafts;
}
