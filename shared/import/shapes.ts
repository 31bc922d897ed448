// Shapes of the AWS CLI outputs the import reads, and recognition by shape (never by file name).
// Fields follow the API references:
//   https://docs.aws.amazon.com/cognitoidentity/latest/APIReference/API_DescribeIdentityPool.html
//   https://docs.aws.amazon.com/cognitoidentity/latest/APIReference/API_GetIdentityPoolRoles.html
//   https://docs.aws.amazon.com/cognitoidentity/latest/APIReference/API_GetPrincipalTagAttributeMap.html
//   https://docs.aws.amazon.com/IAM/latest/APIReference/API_GetAccountAuthorizationDetails.html
//   https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_DescribeUserPool.html
//   https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_ListGroups.html
//   https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_DescribeUserPoolClient.html
// Schemas are loose: the AWS CLI prints many more fields than the design needs.

import { z } from 'zod';
import type { DumpKind, ImportProblem } from './types';

/** Policy documents arrive as objects (AWS CLI decodes them) or as URL-encoded JSON text (raw API). */
const policyValue = z.union([z.string(), z.looseObject({})]);

export const describeIdentityPoolSchema = z.looseObject({
  IdentityPoolId: z.string().min(1),
  IdentityPoolName: z.string().min(1),
  AllowUnauthenticatedIdentities: z.boolean(),
  AllowClassicFlow: z.boolean().optional(),
  SupportedLoginProviders: z.record(z.string(), z.string()).optional(),
  DeveloperProviderName: z.string().optional(),
  OpenIdConnectProviderARNs: z.array(z.string()).optional(),
  CognitoIdentityProviders: z
    .array(
      z.looseObject({
        ProviderName: z.string().min(1),
        ClientId: z.string().min(1),
        ServerSideTokenCheck: z.boolean().optional(),
      }),
    )
    .optional(),
  SamlProviderARNs: z.array(z.string()).optional(),
  IdentityPoolTags: z.record(z.string(), z.string()).optional(),
});

export const mappingRuleSchema = z.looseObject({
  Claim: z.string(),
  MatchType: z.enum(['Equals', 'Contains', 'StartsWith', 'NotEqual']),
  Value: z.string(),
  RoleARN: z.string().min(1),
});

export const getIdentityPoolRolesSchema = z.looseObject({
  IdentityPoolId: z.string().min(1),
  Roles: z.record(z.string(), z.string()).optional(),
  RoleMappings: z
    .record(
      z.string(),
      z.looseObject({
        Type: z.enum(['Token', 'Rules']),
        AmbiguousRoleResolution: z.enum(['AuthenticatedRole', 'Deny']).optional(),
        RulesConfiguration: z.looseObject({ Rules: z.array(mappingRuleSchema) }).optional(),
      }),
    )
    .optional(),
});

export const principalTagMapSchema = z.looseObject({
  IdentityPoolId: z.string().min(1),
  IdentityProviderName: z.string().min(1),
  UseDefaults: z.boolean().optional(),
  PrincipalTags: z.record(z.string(), z.string()).optional(),
});

export const authorizationDetailsSchema = z.looseObject({
  RoleDetailList: z
    .array(
      z.looseObject({
        RoleName: z.string().min(1),
        Path: z.string().optional(),
        Arn: z.string().min(1),
        AssumeRolePolicyDocument: policyValue.optional(),
        RolePolicyList: z
          .array(z.looseObject({ PolicyName: z.string().min(1), PolicyDocument: policyValue }))
          .optional(),
        AttachedManagedPolicies: z
          .array(z.looseObject({ PolicyName: z.string().optional(), PolicyArn: z.string().min(1) }))
          .optional(),
        PermissionsBoundary: z.looseObject({ PermissionsBoundaryArn: z.string().min(1) }).optional(),
        Tags: z.array(z.looseObject({ Key: z.string(), Value: z.string() })).optional(),
      }),
    )
    .optional(),
  Policies: z
    .array(
      z.looseObject({
        PolicyName: z.string().min(1),
        Arn: z.string().min(1),
        Path: z.string().optional(),
        Description: z.string().optional(),
        DefaultVersionId: z.string().optional(),
        PolicyVersionList: z
          .array(
            z.looseObject({
              Document: policyValue.optional(),
              VersionId: z.string().optional(),
              IsDefaultVersion: z.boolean().optional(),
            }),
          )
          .optional(),
      }),
    )
    .optional(),
  UserDetailList: z.array(z.unknown()).optional(),
  GroupDetailList: z.array(z.unknown()).optional(),
});

export const describeUserPoolSchema = z.looseObject({
  UserPool: z.looseObject({
    Id: z.string().min(1),
    Name: z.string().optional(),
    Arn: z.string().optional(),
    SchemaAttributes: z
      .array(
        z.looseObject({
          Name: z.string().min(1),
          AttributeDataType: z.enum(['String', 'Number', 'DateTime', 'Boolean']).optional(),
          Mutable: z.boolean().optional(),
        }),
      )
      .optional(),
    LambdaConfig: z.looseObject({}).optional(),
  }),
});

export const listGroupsSchema = z.looseObject({
  Groups: z.array(
    z.looseObject({
      GroupName: z.string().min(1),
      UserPoolId: z.string().min(1),
      Description: z.string().optional(),
      RoleArn: z.string().optional(),
      Precedence: z.number().int().nonnegative().optional(),
    }),
  ),
});

export const describeUserPoolClientSchema = z.looseObject({
  UserPoolClient: z.looseObject({
    UserPoolId: z.string().min(1),
    ClientId: z.string().min(1),
    ClientName: z.string().optional(),
    ReadAttributes: z.array(z.string()).optional(),
    WriteAttributes: z.array(z.string()).optional(),
    SupportedIdentityProviders: z.array(z.string()).optional(),
  }),
});

export type DescribeIdentityPool = z.infer<typeof describeIdentityPoolSchema>;
export type GetIdentityPoolRoles = z.infer<typeof getIdentityPoolRolesSchema>;
export type PrincipalTagMap = z.infer<typeof principalTagMapSchema>;
export type AuthorizationDetails = z.infer<typeof authorizationDetailsSchema>;
export type RoleDetail = NonNullable<AuthorizationDetails['RoleDetailList']>[number];
export type ManagedPolicyDetail = NonNullable<AuthorizationDetails['Policies']>[number];
export type DescribeUserPool = z.infer<typeof describeUserPoolSchema>;
export type ListGroups = z.infer<typeof listGroupsSchema>;
export type DescribeUserPoolClient = z.infer<typeof describeUserPoolClientSchema>;

export type ParsedDump =
  | { kind: 'describe-identity-pool'; data: DescribeIdentityPool }
  | { kind: 'get-identity-pool-roles'; data: GetIdentityPoolRoles }
  | { kind: 'get-principal-tag-attribute-map'; data: PrincipalTagMap }
  | { kind: 'get-account-authorization-details'; data: AuthorizationDetails }
  | { kind: 'describe-user-pool'; data: DescribeUserPool }
  | { kind: 'list-groups'; data: ListGroups }
  | { kind: 'describe-user-pool-client'; data: DescribeUserPoolClient };

const schemas = {
  'describe-identity-pool': describeIdentityPoolSchema,
  'get-identity-pool-roles': getIdentityPoolRolesSchema,
  'get-principal-tag-attribute-map': principalTagMapSchema,
  'get-account-authorization-details': authorizationDetailsSchema,
  'describe-user-pool': describeUserPoolSchema,
  'list-groups': listGroupsSchema,
  'describe-user-pool-client': describeUserPoolClientSchema,
} as const;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Which command printed this JSON, judged by its distinctive top-level keys; undefined when none fits. */
export function recognizeDump(content: unknown): DumpKind | undefined {
  if (!isRecord(content)) return undefined;
  const has = (key: string) => key in content;
  if (has('UserPoolClient')) return 'describe-user-pool-client';
  if (has('UserPool')) return 'describe-user-pool';
  if (has('Groups') && Array.isArray(content.Groups)) return 'list-groups';
  if (['RoleDetailList', 'Policies', 'UserDetailList', 'GroupDetailList'].some(has))
    return 'get-account-authorization-details';
  if (has('IdentityPoolId')) {
    if (has('IdentityProviderName')) return 'get-principal-tag-attribute-map';
    if (has('IdentityPoolName') || has('AllowUnauthenticatedIdentities')) return 'describe-identity-pool';
    if (has('Roles') || has('RoleMappings')) return 'get-identity-pool-roles';
  }
  return undefined;
}

export const SUPPORTED_COMMANDS =
  'aws cognito-identity describe-identity-pool | get-identity-pool-roles | get-principal-tag-attribute-map, ' +
  'aws iam get-account-authorization-details, aws cognito-idp describe-user-pool | list-groups | describe-user-pool-client';

/** Recognises and checks one file; problems carry the JSON path inside the file. */
export function parseDump(file: string, content: unknown): ParsedDump | ImportProblem {
  const kind = recognizeDump(content);
  if (!kind) {
    return {
      file,
      path: '$',
      message: `not recognised as the JSON output of a supported command (${SUPPORTED_COMMANDS})`,
    };
  }
  const parsed = schemas[kind].safeParse(content);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return {
      file,
      path: formatPath(issue?.path ?? []),
      message: `${kind} output: ${issue?.message ?? 'invalid'}`,
    };
  }
  return { kind, data: parsed.data } as ParsedDump;
}

export function formatPath(path: ReadonlyArray<PropertyKey>): string {
  let text = '$';
  for (const segment of path) {
    if (typeof segment === 'number') text += `[${segment}]`;
    else if (typeof segment === 'string' && /^[A-Za-z_$][\w$]*$/.test(segment)) text += `.${segment}`;
    else text += `[${JSON.stringify(String(segment))}]`;
  }
  return text;
}
