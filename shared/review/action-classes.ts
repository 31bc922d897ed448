// Classifying action patterns: write, data-plane read, privilege escalation. With a catalog the
// access level decides (https://docs.aws.amazon.com/service-authorization/latest/reference/reference_policies_understand-policy-summary-access-level-summaries.html);
// without one, the verb the action name starts with.

import { actionMatches, actionPatternsOverlap } from './policy-scan';

/** Access levels from the catalog per lower-cased action pattern (filled by the review when a catalog is given). */
export type AccessLevels = Map<string, string[]>;

/** Verbs of mutating API names (AWS naming conventions). */
const writeVerbs = [
  'Put',
  'Create',
  'Delete',
  'Update',
  'Modify',
  'Attach',
  'Detach',
  'Add',
  'Remove',
  'Set',
  'Tag',
  'Untag',
  'Upload',
  'Write',
  'Start',
  'Stop',
  'Run',
  'Invoke',
  'Publish',
  'Send',
  'Execute',
  'Change',
  'Enable',
  'Disable',
  'Replace',
  'Restore',
  'Reset',
  'Associate',
  'Disassociate',
  'Register',
  'Deregister',
  'Import',
  'Copy',
  'Terminate',
  'Reboot',
  'Revoke',
  'Authorize',
  'Grant',
  'Cancel',
  'Abort',
  'Complete',
  'Confirm',
  'Accept',
  'Reject',
  'Pass',
  'Assume',
  'Admin',
  'Batch',
  'Merge',
  'Restart',
  'Purge',
  'Increment',
  'Decrement',
  'Subscribe',
  'Unsubscribe',
  'Unlink',
  'Link',
];

/** Read actions that return customer data rather than configuration (data plane). */
const dataPlaneReads = [
  's3:GetObject',
  's3:GetObjectVersion',
  'dynamodb:GetItem',
  'dynamodb:BatchGetItem',
  'dynamodb:Query',
  'dynamodb:Scan',
  'dynamodb:PartiQLSelect',
  'sqs:ReceiveMessage',
  'secretsmanager:GetSecretValue',
  'ssm:GetParameter',
  'ssm:GetParameters',
  'ssm:GetParametersByPath',
  'kms:Decrypt',
  'kinesis:GetRecords',
  'logs:GetLogEvents',
  'logs:FilterLogEvents',
  'rds-data:ExecuteStatement',
  'appsync:GraphQL',
  'execute-api:Invoke',
  'cognito-sync:ListRecords',
  'athena:GetQueryResults',
];

/** Actions that let a caller gain more permissions than it was given (or act as another principal). */
export const escalationActions = [
  'iam:PassRole',
  'iam:CreateRole',
  'iam:CreateUser',
  'iam:CreateAccessKey',
  'iam:CreateLoginProfile',
  'iam:UpdateLoginProfile',
  'iam:CreatePolicy',
  'iam:CreatePolicyVersion',
  'iam:SetDefaultPolicyVersion',
  'iam:PutRolePolicy',
  'iam:PutUserPolicy',
  'iam:PutGroupPolicy',
  'iam:AttachRolePolicy',
  'iam:AttachUserPolicy',
  'iam:AttachGroupPolicy',
  'iam:AddUserToGroup',
  'iam:UpdateAssumeRolePolicy',
  'iam:DeleteRolePermissionsBoundary',
  'iam:PutRolePermissionsBoundary',
  'sts:AssumeRole',
  'sts:GetFederationToken',
  'lambda:UpdateFunctionCode',
  'lambda:UpdateFunctionConfiguration',
  'lambda:CreateFunction',
  'lambda:AddPermission',
  'glue:UpdateDevEndpoint',
  'glue:CreateDevEndpoint',
  'cloudformation:CreateStack',
  'cloudformation:UpdateStack',
  'ec2:RunInstances',
  'ssm:SendCommand',
  'ssm:StartSession',
  'cognito-identity:SetIdentityPoolRoles',
  'cognito-identity:UpdateIdentityPool',
  'cognito-identity:SetPrincipalTagAttributeMap',
  'cognito-idp:AdminAddUserToGroup',
  'cognito-idp:AdminUpdateUserAttributes',
  'cognito-idp:AdminSetUserPassword',
  'cognito-idp:AdminCreateUser',
  'cognito-idp:UpdateUserPoolClient',
  'cognito-idp:UpdateGroup',
];

function nameOf(pattern: string): { service: string; name: string } {
  const index = pattern.indexOf(':');
  return index < 0
    ? { service: pattern, name: '' }
    : { service: pattern.slice(0, index), name: pattern.slice(index + 1) };
}

/** Whether a pattern can grant an action whose name starts with a write verb (by name only). */
function writeByVerb(pattern: string): boolean {
  if (pattern === '*') return true;
  const { name } = nameOf(pattern);
  const wildcard = name.search(/[*?]/);
  if (wildcard === 0) return true;
  const literal = (wildcard < 0 ? name : name.slice(0, wildcard)).toLowerCase();
  return writeVerbs.some((verb) => {
    const lowerVerb = verb.toLowerCase();
    return wildcard < 0
      ? literal.startsWith(lowerVerb)
      : literal.startsWith(lowerVerb) || lowerVerb.startsWith(literal);
  });
}

export type ActionClass = 'write' | 'data-read' | 'other';

/** Class of an action pattern: catalog access levels first, verbs otherwise. */
export function classifyAction(pattern: string, levels: AccessLevels | undefined): ActionClass {
  const known = levels?.get(pattern.toLowerCase());
  if (known && known.length > 0) {
    if (known.some((level) => /write|permissions management|tagging/i.test(level))) return 'write';
    if (dataPlaneReads.some((action) => actionPatternsOverlap(pattern, action))) return 'data-read';
    return 'other';
  }
  if (writeByVerb(pattern)) return 'write';
  if (dataPlaneReads.some((action) => actionPatternsOverlap(pattern, action))) return 'data-read';
  return 'other';
}

/** Escalation actions a granted pattern covers (or that cover it: `iam:Create*` vs `iam:CreateRole`). */
export function escalationsGranted(pattern: string): string[] {
  return escalationActions.filter((action) => actionPatternsOverlap(pattern, action));
}

/** Escalation actions a `NotAction` Allow grants: every one it does not exclude. */
export function escalationsGrantedByNotAction(excluded: string[]): string[] {
  return escalationActions.filter((action) => !excluded.some((pattern) => actionMatches(pattern, action)));
}
