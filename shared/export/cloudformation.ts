// CloudFormation export of a design (YAML or JSON): identity pools with one role attachment each,
// principal-tag maps, IAM roles, customer managed policies and the OIDC / SAML providers the pools
// accept; existing user pools and app clients are parameters. What is created and why: iac-model.ts.
//
// References: https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-cognito-identitypool.html
// https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-cognito-identitypoolroleattachment.html
// https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-cognito-identitypoolprincipaltag.html

import { Document, Scalar, visit } from 'yaml';
import type { DesignDocument } from '../model/types';
import { CfnNames, type Json } from './cloudformation-refs';
import { buildIacModel, samlProviderName, type IacIdentityPool, type IacModel } from './iac-model';
import { pascalCase, UniqueNames } from './iac-names';

export type CloudFormationSyntax = 'yaml' | 'json';

export interface IacExport {
  /** The file's text, ending in a newline. */
  text: string;
  /** What a person must know or finish before deploying. */
  notes: string[];
}

// Template limits: https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/cloudformation-limits.html
const MAX_DESCRIPTION_BYTES = 1024;
const MERGE_TAG = 'tag:yaml.org,2002:merge';

export function exportCloudFormation(design: DesignDocument, syntax: CloudFormationSyntax): IacExport {
  const model = buildIacModel(design);
  const { template, notes } = buildTemplate(model);
  if (syntax === 'json') return { text: `${JSON.stringify(template, null, 2)}\n`, notes };
  // YAML 1.1 quoting, because CloudFormation reads `yes`, `off` or `2012-10-17` unquoted as booleans
  // and dates; no anchors or aliases, which CloudFormation does not accept.
  // A plain `<<` is a YAML 1.1 merge key; a policy or tag key spelled so must stay a string. The
  // library writes merge keys bare, so its merge tag is left out and every `<<` is quoted.
  const document = new Document(template, {
    version: '1.1',
    aliasDuplicateObjects: false,
    customTags: (tags) => tags.filter((tag) => typeof tag === 'string' || tag.tag !== MERGE_TAG),
  });
  visit(document, {
    Scalar(_, node) {
      if (node.value === '<<') node.type = Scalar.QUOTE_DOUBLE;
    },
  });
  const yaml = document.toString({ lineWidth: 0 });
  return {
    text: `# Exported by Cognito Access Studio; notes for deployment are under Metadata.\n${yaml}`,
    notes,
  };
}

function buildTemplate(model: IacModel): { template: Record<string, Json>; notes: string[] } {
  const names = new CfnNames(model);
  const { design } = model;
  const parameters: Record<string, Json> = {};
  const resources: Record<string, Json> = {};
  const outputs: Record<string, Json> = {};
  const notes = [...model.notes];

  for (const { userPool, clients } of model.userPools) {
    parameters[names.resources.get(`userPool:${userPool.id}`)] = {
      Type: 'String',
      Description: `Id of the existing user pool '${userPool.name}'`,
      Default: userPool.poolId,
      AllowedPattern: '[\\w-]+_[0-9a-zA-Z]+',
    };
    for (const client of clients) {
      parameters[names.resources.get(`client:${userPool.id}:${client.id}`)] = {
        Type: 'String',
        Description: `Id of the app client '${client.name}' of the user pool '${userPool.name}'`,
        Default: client.clientId,
        AllowedPattern: '[\\w+]+',
      };
    }
  }

  for (const provider of model.samlProviders) {
    const parameter = names.resources.get(`samlMetadata:${provider.id}`);
    parameters[parameter] = {
      Type: 'String',
      Description: `SAML metadata document (XML) of '${provider.name}'`,
    };
    notes.push(`SAML provider '${provider.name}': give its metadata document as the parameter ${parameter}.`);
    resources[names.resources.get(`saml:${provider.id}`)] = {
      Type: 'AWS::IAM::SAMLProvider',
      Properties: { Name: samlProviderName(provider), SamlMetadataDocument: { Ref: parameter } },
    };
  }
  for (const provider of model.oidcProviders) {
    resources[names.resources.get(`oidc:${provider.id}`)] = {
      Type: 'AWS::IAM::OIDCProvider',
      Properties: { Url: `https://${provider.providerKey}`, ClientIdList: [...provider.clientIds] },
    };
  }

  for (const { policy, document } of model.managedPolicies) {
    resources[names.resources.get(`policy:${policy.id}`)] = {
      Type: 'AWS::IAM::ManagedPolicy',
      Properties: {
        ManagedPolicyName: policy.name,
        Path: policy.path,
        ...(policy.description ? { Description: policy.description } : {}),
        PolicyDocument: names.value(document),
      },
    };
  }

  for (const entry of model.roles) {
    const { role } = entry;
    const logicalId = names.resources.get(`role:${role.id}`);
    const tags = Object.entries(role.tags).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    resources[logicalId] = {
      Type: 'AWS::IAM::Role',
      Properties: {
        RoleName: role.name,
        Path: role.path,
        ...(role.description ? { Description: role.description } : {}),
        AssumeRolePolicyDocument: names.value(entry.trustPolicy),
        ...(entry.inlinePolicies.length > 0
          ? {
              Policies: entry.inlinePolicies.map((policy) => ({
                PolicyName: policy.name,
                PolicyDocument: names.value(policy.document),
              })),
            }
          : {}),
        ...(entry.managedPolicyArns.length > 0
          ? { ManagedPolicyArns: entry.managedPolicyArns.map((arn) => names.text(arn)) }
          : {}),
        ...(entry.permissionsBoundary ? { PermissionsBoundary: names.text(entry.permissionsBoundary) } : {}),
        MaxSessionDuration: role.maxSessionDuration,
        ...(tags.length > 0 ? { Tags: tags.map(([Key, Value]) => ({ Key, Value })) } : {}),
      },
    };
    outputs[names.outputs.claim(`role:${role.id}`, `${logicalId}Arn`)] = {
      Description: `ARN of the role '${role.name}'`,
      Value: { 'Fn::GetAtt': [logicalId, 'Arn'] },
    };
  }

  for (const pool of model.identityPools) Object.assign(resources, identityPoolResources(names, pool));
  for (const pool of design.identityPools) {
    const logicalId = names.resources.get(`identityPool:${pool.id}`);
    outputs[names.outputs.claim(`identityPool:${pool.id}`, `${logicalId}Id`)] = {
      Description: `Id of the identity pool '${pool.name}'`,
      Value: { Ref: logicalId },
    };
  }

  const description = design.description ? `${design.name}: ${design.description}` : design.name;
  const template = {
    AWSTemplateFormatVersion: '2010-09-09',
    Description: truncate(`${description} (exported by Cognito Access Studio)`, MAX_DESCRIPTION_BYTES),
    ...(notes.length > 0 ? { Metadata: { CognitoAccessStudio: { Notes: notes } } } : {}),
    ...(Object.keys(parameters).length > 0 ? { Parameters: parameters } : {}),
    Resources: resources,
    ...(Object.keys(outputs).length > 0 ? { Outputs: outputs } : {}),
  };
  return { template, notes };
}

function identityPoolResources(names: CfnNames, model: IacIdentityPool): Record<string, Json> {
  const { pool } = model;
  const logicalId = names.resources.get(`identityPool:${pool.id}`);
  const poolRef = { Ref: logicalId };
  const resources: Record<string, Json> = {};
  resources[logicalId] = {
    Type: 'AWS::Cognito::IdentityPool',
    Properties: {
      IdentityPoolName: pool.name,
      AllowUnauthenticatedIdentities: pool.allowUnauthenticated,
      AllowClassicFlow: pool.allowClassicFlow,
      ...(model.cognitoIdentityProviders.length > 0
        ? {
            CognitoIdentityProviders: model.cognitoIdentityProviders.map((provider) => ({
              ClientId: names.text(provider.clientId),
              ProviderName: names.text(provider.providerName),
              ServerSideTokenCheck: provider.serverSideTokenCheck,
            })),
          }
        : {}),
      ...(model.supportedLoginProviders.length > 0
        ? {
            SupportedLoginProviders: Object.fromEntries(
              model.supportedLoginProviders.map((provider) => [provider.key, provider.appIds]),
            ),
          }
        : {}),
      ...(model.openIdConnectProviderArns.length > 0
        ? { OpenIdConnectProviderARNs: model.openIdConnectProviderArns.map((arn) => names.text(arn)) }
        : {}),
      ...(model.samlProviderArns.length > 0
        ? { SamlProviderARNs: model.samlProviderArns.map((arn) => names.text(arn)) }
        : {}),
      ...(model.developerProviderName ? { DeveloperProviderName: model.developerProviderName } : {}),
    },
  };

  const roles: Record<string, Json> = {};
  if (model.authenticatedRole) roles.authenticated = names.text(model.authenticatedRole);
  if (model.unauthenticatedRole) roles.unauthenticated = names.text(model.unauthenticatedRole);
  if (Object.keys(roles).length > 0 || model.roleMappings.length > 0) {
    // RoleMappings keys cannot be intrinsic functions, and a user pool's key holds parameters: each
    // mapping gets a static key and names its provider in `IdentityProvider`, which takes precedence
    // over the key (see the IdentityPoolRoleAttachment page above).
    const mappingKeys = new UniqueNames();
    const roleMappings = Object.fromEntries(
      model.roleMappings.map((mapping) => [
        mappingKeys.claim(mapping.id, pascalCase(mapping.id) || 'Mapping'),
        {
          IdentityProvider: names.text(mapping.identityProvider),
          Type: mapping.type,
          AmbiguousRoleResolution: mapping.ambiguousRoleResolution,
          ...(mapping.type === 'Rules'
            ? {
                RulesConfiguration: {
                  Rules: mapping.rules.map((rule) => ({
                    Claim: rule.claim,
                    MatchType: rule.matchType,
                    Value: rule.value,
                    RoleARN: names.text(rule.roleArn),
                  })),
                },
              }
            : {}),
        },
      ]),
    );
    resources[names.resources.get(`roleAttachment:${pool.id}`)] = {
      Type: 'AWS::Cognito::IdentityPoolRoleAttachment',
      Properties: {
        IdentityPoolId: poolRef,
        ...(Object.keys(roles).length > 0 ? { Roles: roles } : {}),
        ...(model.roleMappings.length > 0 ? { RoleMappings: roleMappings } : {}),
      },
    };
  }

  model.principalTags.forEach((mapping, index) => {
    const tagId = names.resources.claim(`principalTag:${pool.id}:${index}`, `${logicalId}PrincipalTags`);
    resources[tagId] = {
      Type: 'AWS::Cognito::IdentityPoolPrincipalTag',
      Properties: {
        IdentityPoolId: poolRef,
        IdentityProviderName: names.text(mapping.identityProviderName),
        UseDefaults: mapping.useDefaults,
        PrincipalTags: { ...mapping.tags },
      },
    };
  });
  return resources;
}

/** Cuts `value` to at most `bytes` UTF-8 bytes (the template limit is in bytes), marking the cut. */
function truncate(value: string, bytes: number): string {
  const encoder = new TextEncoder();
  if (encoder.encode(value).length <= bytes) return value;
  let result = '';
  for (const character of value) {
    if (encoder.encode(`${result}${character}…`).length > bytes) break;
    result += character;
  }
  return `${result}…`;
}
