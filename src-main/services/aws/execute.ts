// One planned operation → one AWS call (two for a policy version at the version limit).

import {
  CreateIdentityPoolCommand,
  SetIdentityPoolRolesCommand,
  SetPrincipalTagAttributeMapCommand,
  UpdateIdentityPoolCommand,
} from '@aws-sdk/client-cognito-identity';
import {
  AttachRolePolicyCommand,
  CreatePolicyCommand,
  CreatePolicyVersionCommand,
  CreateRoleCommand,
  DeletePolicyVersionCommand,
  DeleteRolePermissionsBoundaryCommand,
  DeleteRolePolicyCommand,
  DetachRolePolicyCommand,
  PutRolePermissionsBoundaryCommand,
  PutRolePolicyCommand,
  TagPolicyCommand,
  TagRoleCommand,
  UpdateAssumeRolePolicyCommand,
  UpdateRoleCommand,
} from '@aws-sdk/client-iam';
import type { Operation } from '../../../shared/export/plan';
import type { AwsConnection } from './connection';
import { AwsAccessError } from './errors';

const tagList = (tags: Record<string, string>) =>
  Object.entries(tags).map(([Key, Value]) => ({ Key, Value }));
const json = (document: unknown) => JSON.stringify(document);

/** The IAM or Cognito action an operation calls, for messages (`iam:CreateRole`). */
export function actionOf(operation: Operation): string {
  const service =
    operation.type.includes('IdentityPool') || operation.type === 'SetPrincipalTagAttributeMap'
      ? 'cognito-identity'
      : 'iam';
  return operation.type === 'RecordIdentityPoolId' ? 'design update' : `${service}:${operation.type}`;
}

/**
 * Runs one operation. `poolIdOf` gives the AWS id of a design pool (it may have been created earlier
 * in the same apply). Returns the new pool id for CreateIdentityPool.
 */
export async function execute(
  connection: AwsConnection,
  operation: Operation,
  poolIdOf: (designPoolId: string) => string,
): Promise<string | undefined> {
  const { iam, cognitoIdentity } = connection;
  switch (operation.type) {
    case 'CreateIdentityPool': {
      const created = await cognitoIdentity.send(
        new CreateIdentityPoolCommand({ ...operation.settings, IdentityPoolTags: operation.tags }),
      );
      if (!created.IdentityPoolId) throw new AwsAccessError('CreateIdentityPool answered without a pool id');
      return created.IdentityPoolId;
    }
    case 'RecordIdentityPoolId':
      return operation.IdentityPoolId;
    case 'CreatePolicy':
      await iam.send(
        new CreatePolicyCommand({
          PolicyName: operation.PolicyName,
          Path: operation.Path,
          ...(operation.Description ? { Description: operation.Description } : {}),
          PolicyDocument: json(operation.PolicyDocument),
          Tags: tagList(operation.Tags),
        }),
      );
      return undefined;
    case 'CreatePolicyVersion':
      if (operation.DeleteVersionId) {
        await iam.send(
          new DeletePolicyVersionCommand({
            PolicyArn: operation.PolicyArn,
            VersionId: operation.DeleteVersionId,
          }),
        );
      }
      await iam.send(
        new CreatePolicyVersionCommand({
          PolicyArn: operation.PolicyArn,
          PolicyDocument: json(operation.PolicyDocument),
          SetAsDefault: true,
        }),
      );
      return undefined;
    case 'TagPolicy':
      await iam.send(new TagPolicyCommand({ PolicyArn: operation.PolicyArn, Tags: tagList(operation.Tags) }));
      return undefined;
    case 'CreateRole':
      await iam.send(
        new CreateRoleCommand({
          RoleName: operation.RoleName,
          Path: operation.Path,
          ...(operation.Description ? { Description: operation.Description } : {}),
          AssumeRolePolicyDocument: json(operation.AssumeRolePolicyDocument),
          MaxSessionDuration: operation.MaxSessionDuration,
          Tags: tagList(operation.Tags),
        }),
      );
      return undefined;
    case 'TagRole':
      await iam.send(new TagRoleCommand({ RoleName: operation.RoleName, Tags: tagList(operation.Tags) }));
      return undefined;
    case 'UpdateAssumeRolePolicy':
      await iam.send(
        new UpdateAssumeRolePolicyCommand({
          RoleName: operation.RoleName,
          PolicyDocument: json(operation.PolicyDocument),
        }),
      );
      return undefined;
    case 'UpdateRole':
      await iam.send(
        new UpdateRoleCommand({
          RoleName: operation.RoleName,
          MaxSessionDuration: operation.MaxSessionDuration,
          ...(operation.Description !== undefined ? { Description: operation.Description } : {}),
        }),
      );
      return undefined;
    case 'PutRolePolicy':
      await iam.send(
        new PutRolePolicyCommand({
          RoleName: operation.RoleName,
          PolicyName: operation.PolicyName,
          PolicyDocument: json(operation.PolicyDocument),
        }),
      );
      return undefined;
    case 'DeleteRolePolicy':
      await iam.send(
        new DeleteRolePolicyCommand({ RoleName: operation.RoleName, PolicyName: operation.PolicyName }),
      );
      return undefined;
    case 'AttachRolePolicy':
      await iam.send(
        new AttachRolePolicyCommand({ RoleName: operation.RoleName, PolicyArn: operation.PolicyArn }),
      );
      return undefined;
    case 'DetachRolePolicy':
      await iam.send(
        new DetachRolePolicyCommand({ RoleName: operation.RoleName, PolicyArn: operation.PolicyArn }),
      );
      return undefined;
    case 'PutRolePermissionsBoundary':
      await iam.send(
        new PutRolePermissionsBoundaryCommand({
          RoleName: operation.RoleName,
          PermissionsBoundary: operation.PermissionsBoundary,
        }),
      );
      return undefined;
    case 'DeleteRolePermissionsBoundary':
      await iam.send(new DeleteRolePermissionsBoundaryCommand({ RoleName: operation.RoleName }));
      return undefined;
    case 'UpdateIdentityPool':
      await cognitoIdentity.send(
        new UpdateIdentityPoolCommand({
          IdentityPoolId: poolIdOf(operation.designPoolId),
          ...operation.settings,
          IdentityPoolTags: operation.tags,
        }),
      );
      return undefined;
    case 'SetIdentityPoolRoles':
      await cognitoIdentity.send(
        new SetIdentityPoolRolesCommand({
          IdentityPoolId: poolIdOf(operation.designPoolId),
          Roles: operation.Roles,
          RoleMappings: operation.RoleMappings,
        }),
      );
      return undefined;
    case 'SetPrincipalTagAttributeMap':
      await cognitoIdentity.send(
        new SetPrincipalTagAttributeMapCommand({
          IdentityPoolId: poolIdOf(operation.designPoolId),
          IdentityProviderName: operation.IdentityProviderName,
          UseDefaults: operation.UseDefaults,
          PrincipalTags: operation.PrincipalTags,
        }),
      );
      return undefined;
  }
}
