// Types of the account plan: what the design wants in AWS (desired), what the account holds
// (observed, read by src-main/services/aws), and the ordered changes between them.
// Field names follow the IAM and Cognito identity API references, so the main process can pass
// operations to the SDK unchanged:
//   https://docs.aws.amazon.com/IAM/latest/APIReference/API_Operations.html
//   https://docs.aws.amazon.com/cognitoidentity/latest/APIReference/API_Operations.html

import type { PolicyDocument } from '../iam/types';

/** Tag carried by every resource the studio created or adopted; nothing without it is deleted. */
export const MANAGED_TAG_KEY = 'cognito-studio:managed';
export const MANAGED_TAG_VALUE = 'true';

/** IAM keeps at most five versions of a managed policy (IAM quotas, "Versions per managed policy"). */
export const MAX_POLICY_VERSIONS = 5;

/** The settings UpdateIdentityPool replaces as a whole (request syntax of UpdateIdentityPool). */
export interface IdentityPoolSettings {
  IdentityPoolName: string;
  AllowUnauthenticatedIdentities: boolean;
  AllowClassicFlow: boolean;
  SupportedLoginProviders: Record<string, string>;
  DeveloperProviderName?: string;
  OpenIdConnectProviderARNs: string[];
  CognitoIdentityProviders: Array<{ ProviderName: string; ClientId: string; ServerSideTokenCheck: boolean }>;
  SamlProviderARNs: string[];
}

export interface AwsMappingRule {
  Claim: string;
  MatchType: 'Equals' | 'Contains' | 'StartsWith' | 'NotEqual';
  Value: string;
  RoleARN: string;
}

export interface AwsRoleMapping {
  Type: 'Token' | 'Rules';
  AmbiguousRoleResolution?: 'AuthenticatedRole' | 'Deny';
  RulesConfiguration?: { Rules: AwsMappingRule[] };
}

export interface PrincipalTagMap {
  UseDefaults: boolean;
  PrincipalTags: Record<string, string>;
}

export interface DesiredRole {
  RoleName: string;
  Path: string;
  Arn: string;
  Description?: string;
  /** Undefined when no pool uses a role with a generated trust policy: nothing to trust. */
  AssumeRolePolicyDocument: PolicyDocument | undefined;
  MaxSessionDuration: number;
  InlinePolicies: Record<string, PolicyDocument>;
  AttachedPolicyArns: string[];
  PermissionsBoundaryArn?: string;
  /** The design's tags plus the managed tag. */
  Tags: Record<string, string>;
}

export interface DesiredPolicy {
  PolicyName: string;
  Path: string;
  Arn: string;
  Description?: string;
  Document: PolicyDocument;
}

export interface DesiredIdentityPool {
  /** Design id of the pool (operations refer to pools by it: AWS may assign the id during apply). */
  designId: string;
  IdentityPoolId: string;
  settings: IdentityPoolSettings;
  Roles: Record<string, string>;
  RoleMappings: Record<string, AwsRoleMapping>;
  /** Keyed by identity provider name (user pools: `cognito-idp.<region>.amazonaws.com/<poolId>`). */
  PrincipalTags: Record<string, PrincipalTagMap>;
}

export interface DesiredState {
  accountId: string;
  region: string;
  roles: DesiredRole[];
  policies: DesiredPolicy[];
  identityPools: DesiredIdentityPool[];
}

export interface ObservedRole {
  RoleName: string;
  Path: string;
  Arn: string;
  Description?: string;
  AssumeRolePolicyDocument?: PolicyDocument;
  MaxSessionDuration?: number;
  InlinePolicies: Record<string, PolicyDocument>;
  AttachedPolicyArns: string[];
  PermissionsBoundaryArn?: string;
  Tags: Record<string, string>;
}

export interface ObservedPolicyVersion {
  VersionId: string;
  IsDefaultVersion: boolean;
  /** ISO date; the oldest non-default version is deleted first at the version limit. */
  CreateDate?: string;
}

export interface ObservedPolicy {
  Arn: string;
  PolicyName: string;
  Path: string;
  DefaultVersionId: string;
  Document?: PolicyDocument;
  Versions: ObservedPolicyVersion[];
  Tags: Record<string, string>;
}

export interface ObservedIdentityPool {
  IdentityPoolId: string;
  settings: IdentityPoolSettings;
  Tags: Record<string, string>;
  Roles: Record<string, string>;
  RoleMappings: Record<string, AwsRoleMapping>;
  PrincipalTags: Record<string, PrincipalTagMap>;
  /** How the pool was found: by the design's id, or by name because the design's id does not exist. */
  foundBy: 'id' | 'name';
}

/** What the account holds for the resources the design names; `null` = does not exist. */
export interface ObservedState {
  accountId: string;
  region: string;
  roles: Record<string, ObservedRole | null>;
  policies: Record<string, ObservedPolicy | null>;
  /** Keyed by the design id of the pool. */
  identityPools: Record<string, ObservedIdentityPool | null>;
}

/** One AWS call (or a design update) with its request parameters. */
export type Operation =
  | {
      type: 'CreateIdentityPool';
      designPoolId: string;
      settings: IdentityPoolSettings;
      tags: Record<string, string>;
    }
  | { type: 'RecordIdentityPoolId'; designPoolId: string; IdentityPoolId: string }
  | {
      type: 'CreatePolicy';
      PolicyName: string;
      Path: string;
      Description?: string;
      PolicyDocument: PolicyDocument;
      Tags: Record<string, string>;
    }
  | {
      type: 'CreatePolicyVersion';
      PolicyArn: string;
      PolicyDocument: PolicyDocument;
      /** Deleted first because the policy already has the maximum number of versions. */
      DeleteVersionId?: string;
    }
  | { type: 'TagPolicy'; PolicyArn: string; Tags: Record<string, string> }
  | {
      type: 'CreateRole';
      RoleName: string;
      Path: string;
      Description?: string;
      AssumeRolePolicyDocument: PolicyDocument;
      MaxSessionDuration: number;
      Tags: Record<string, string>;
    }
  | { type: 'TagRole'; RoleName: string; Tags: Record<string, string> }
  | { type: 'UpdateAssumeRolePolicy'; RoleName: string; PolicyDocument: PolicyDocument }
  | { type: 'UpdateRole'; RoleName: string; MaxSessionDuration: number; Description?: string }
  | { type: 'PutRolePolicy'; RoleName: string; PolicyName: string; PolicyDocument: PolicyDocument }
  | { type: 'DeleteRolePolicy'; RoleName: string; PolicyName: string }
  | { type: 'AttachRolePolicy'; RoleName: string; PolicyArn: string }
  | { type: 'DetachRolePolicy'; RoleName: string; PolicyArn: string }
  | { type: 'PutRolePermissionsBoundary'; RoleName: string; PermissionsBoundary: string }
  | { type: 'DeleteRolePermissionsBoundary'; RoleName: string }
  | {
      type: 'UpdateIdentityPool';
      designPoolId: string;
      settings: IdentityPoolSettings;
      tags: Record<string, string>;
    }
  | {
      type: 'SetIdentityPoolRoles';
      designPoolId: string;
      Roles: Record<string, string>;
      RoleMappings: Record<string, AwsRoleMapping>;
    }
  | {
      type: 'SetPrincipalTagAttributeMap';
      designPoolId: string;
      IdentityProviderName: string;
      UseDefaults: boolean;
      PrincipalTags: Record<string, string>;
    };

export type OperationType = Operation['type'];

export interface PlannedChange {
  /** Position in the plan, from 1. */
  step: number;
  /** What is changed, e.g. `role PhotoSharingAdmins`, `identity pool PhotoSharingIdentities`. */
  resource: string;
  /** One line, e.g. `create role`, `update inline policy Moderation`. */
  summary: string;
  /** The resource exists without the managed tag: changing it needs explicit confirmation. */
  adopt: boolean;
  /** Removes something; applied only when deletion is allowed. */
  deletion: boolean;
  /** Readable diff of the JSON before and after (`-`/`+` lines), empty when there is nothing to show. */
  diff: string;
  operation: Operation;
}

export interface Plan {
  accountId: string;
  region: string;
  changes: PlannedChange[];
  /** Things the reader should know (e.g. roles whose trust policy is empty). */
  notes: string[];
}
