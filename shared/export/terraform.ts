// Terraform export of a design (one .tf file for the AWS provider): identity pools, their roles
// attachment with ordered mapping rules, principal-tag maps, IAM roles with inline policies,
// customer managed policies and their attachments, the OIDC / SAML providers the pools accept;
// existing user pools and app clients are variables. What is created and why: iac-model.ts.
//
// Provider documentation (hashicorp/terraform-provider-aws, website/docs/r/):
// cognito_identity_pool, cognito_identity_pool_roles_attachment (`mapping_rule` blocks are a list,
// "Rules are evaluated in order. The first one to match specifies the role."; `roles` is required),
// cognito_identity_pool_provider_principal_tag, iam_role, iam_role_policy, iam_policy,
// iam_role_policy_attachment, iam_openid_connect_provider, iam_saml_provider.

import type { DesignDocument } from '../model/types';
import type { IacExport } from './cloudformation';
import { buildIacModel, samlProviderName, type IacIdentityPool, type IacModel } from './iac-model';
import { snakeCase, UniqueNames } from './iac-names';
import type { IacRef, IacText, IacValue } from './iac-text';
import {
  block,
  HclExpression,
  hclFromIac,
  hclText,
  renderHclBlock,
  renderHclValue,
  type HclBlock,
  type HclBody,
  type HclValue,
} from './terraform-hcl';

/** A Terraform identifier: letters, digits, underscores; not starting with a digit. */
function identifier(...candidates: string[]): string {
  const name = candidates.map(snakeCase).find((candidate) => candidate !== '') ?? 'item';
  return /^[0-9]/.test(name) ? `_${name}` : name;
}

class TfNames {
  /** One namespace per resource type or kind of name. */
  private readonly spaces = new Map<string, UniqueNames>();
  readonly usedData = new Set<'partition' | 'caller'>();

  claim(space: string, key: string, base: string): string {
    let names = this.spaces.get(space);
    if (!names) {
      names = new UniqueNames('_');
      this.spaces.set(space, names);
    }
    return names.claim(key, base);
  }

  get(space: string, key: string): string {
    const names = this.spaces.get(space);
    if (!names) throw new Error(`export: no ${space} names`);
    return names.get(key);
  }

  expression(ref: IacRef): string {
    switch (ref.ref) {
      case 'identityPoolId':
        return `aws_cognito_identity_pool.${this.get('identityPool', ref.identityPoolId)}.id`;
      case 'userPoolId':
        return `var.${this.get('variable', `userPool:${ref.userPoolId}`)}`;
      case 'userPoolRegion':
        return `split("_", var.${this.get('variable', `userPool:${ref.userPoolId}`)})[0]`;
      case 'userPoolClientId':
        return `var.${this.get('variable', `client:${ref.userPoolId}:${ref.clientId}`)}`;
      case 'roleArn':
        return `aws_iam_role.${this.get('role', ref.roleId)}.arn`;
      case 'managedPolicyArn':
        return `aws_iam_policy.${this.get('policy', ref.policyId)}.arn`;
      case 'samlProviderArn':
        return `aws_iam_saml_provider.${this.get('saml', ref.providerId)}.arn`;
      case 'oidcProviderArn':
        return `aws_iam_openid_connect_provider.${this.get('oidc', ref.providerId)}.arn`;
      case 'partition':
        this.usedData.add('partition');
        return 'data.aws_partition.current.partition';
      case 'accountId':
        this.usedData.add('caller');
        return 'data.aws_caller_identity.current.account_id';
    }
  }

  text(value: IacText): HclValue {
    return hclText(value, (ref) => this.expression(ref));
  }
}

/** A policy document as `jsonencode({...})`, so Terraform writes the JSON and references resolve. */
function jsonencode(names: TfNames, value: IacValue): HclExpression {
  return new HclExpression(
    `jsonencode(${renderHclValue(
      hclFromIac(value, (ref) => names.expression(ref)),
      2,
    )})`,
  );
}

export function exportTerraform(design: DesignDocument): IacExport {
  const model = buildIacModel(design);
  const names = new TfNames();
  claimNames(names, model);
  const notes = [...model.notes];
  const blocks: HclBlock[] = [];

  blocks.push(
    block('terraform', [
      block('required_providers', [['aws', { source: 'hashicorp/aws', version: '>= 5.0' }]]),
    ]),
    block('variable "region"', [
      ['description', 'Region of the identity pools'],
      ['type', new HclExpression('string')],
      ['default', design.account.region],
    ]),
    block('provider "aws"', [['region', new HclExpression('var.region')]]),
  );

  for (const { userPool, clients } of model.userPools) {
    blocks.push(
      block(`variable "${names.get('variable', `userPool:${userPool.id}`)}"`, [
        ['description', `Id of the existing user pool '${userPool.name}'`],
        ['type', new HclExpression('string')],
        ['default', userPool.poolId],
      ]),
    );
    for (const client of clients) {
      blocks.push(
        block(`variable "${names.get('variable', `client:${userPool.id}:${client.id}`)}"`, [
          ['description', `Id of the app client '${client.name}' of the user pool '${userPool.name}'`],
          ['type', new HclExpression('string')],
          ['default', client.clientId],
        ]),
      );
    }
  }

  for (const provider of model.samlProviders) {
    const variable = names.get('variable', `samlMetadata:${provider.id}`);
    notes.push(
      `SAML provider '${provider.name}': set the variable ${variable} to the path of its metadata document.`,
    );
    blocks.push(
      block(`variable "${variable}"`, [
        ['description', `Path of the SAML metadata document (XML) of '${provider.name}'`],
        ['type', new HclExpression('string')],
      ]),
      block(`resource "aws_iam_saml_provider" "${names.get('saml', provider.id)}"`, [
        ['name', samlProviderName(provider)],
        ['saml_metadata_document', new HclExpression(`file(var.${variable})`)],
      ]),
    );
  }
  for (const provider of model.oidcProviders) {
    blocks.push(
      block(`resource "aws_iam_openid_connect_provider" "${names.get('oidc', provider.id)}"`, [
        ['url', `https://${provider.providerKey}`],
        ['client_id_list', [...provider.clientIds]],
      ]),
    );
  }

  for (const { policy, document } of model.managedPolicies) {
    blocks.push(
      block(`resource "aws_iam_policy" "${names.get('policy', policy.id)}"`, [
        ['name', policy.name],
        ['path', policy.path],
        ['description', policy.description || undefined],
        ['policy', jsonencode(names, document)],
      ]),
    );
  }

  for (const entry of model.roles) {
    const { role } = entry;
    const name = names.get('role', role.id);
    const tags = Object.entries(role.tags).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    blocks.push(
      block(`resource "aws_iam_role" "${name}"`, [
        ['name', role.name],
        ['path', role.path],
        ['description', role.description || undefined],
        ['assume_role_policy', jsonencode(names, entry.trustPolicy)],
        ['max_session_duration', role.maxSessionDuration],
        [
          'permissions_boundary',
          entry.permissionsBoundary ? names.text(entry.permissionsBoundary) : undefined,
        ],
        ['tags', tags.length > 0 ? Object.fromEntries(tags) : undefined],
      ]),
    );
    entry.inlinePolicies.forEach((policy, index) => {
      const policyName = names.claim(
        'rolePolicy',
        `${role.id}:${index}`,
        identifier(`${name}_${policy.name}`),
      );
      blocks.push(
        block(`resource "aws_iam_role_policy" "${policyName}"`, [
          ['name', policy.name],
          ['role', new HclExpression(`aws_iam_role.${name}.name`)],
          ['policy', jsonencode(names, policy.document)],
        ]),
      );
    });
    entry.managedPolicyArns.forEach((arn, index) => {
      const literal = arn.literal();
      const policyPart = literal ? (literal.split('/').pop() ?? 'policy') : policyNameOf(names, arn);
      const attachment = names.claim(
        'attachment',
        `${role.id}:${index}`,
        identifier(`${name}_${policyPart}`),
      );
      blocks.push(
        block(`resource "aws_iam_role_policy_attachment" "${attachment}"`, [
          ['role', new HclExpression(`aws_iam_role.${name}.name`)],
          ['policy_arn', names.text(arn)],
        ]),
      );
    });
  }

  for (const pool of model.identityPools) blocks.push(...identityPoolBlocks(names, pool));

  for (const { role } of model.roles) {
    const name = names.get('role', role.id);
    blocks.push(
      block(`output "${names.claim('output', `role:${role.id}`, `${name}_role_arn`)}"`, [
        ['description', `ARN of the role '${role.name}'`],
        ['value', new HclExpression(`aws_iam_role.${name}.arn`)],
      ]),
    );
  }
  for (const { pool } of model.identityPools) {
    const name = names.get('identityPool', pool.id);
    blocks.push(
      block(`output "${names.claim('output', `identityPool:${pool.id}`, `${name}_identity_pool_id`)}"`, [
        ['description', `Id of the identity pool '${pool.name}'`],
        ['value', new HclExpression(`aws_cognito_identity_pool.${name}.id`)],
      ]),
    );
  }
  // Data sources go last: only the ones the documents above used.
  if (names.usedData.has('partition')) blocks.push(block('data "aws_partition" "current"', []));
  if (names.usedData.has('caller')) blocks.push(block('data "aws_caller_identity" "current"', []));

  const header = [
    `# Exported by Cognito Access Studio from the design ${JSON.stringify(design.name)}.`,
    ...notes.map((note) => `# Note: ${note}`),
  ]
    .map(commentLine)
    .join('\n');
  return { text: `${header}\n\n${blocks.map((item) => renderHclBlock(item)).join('\n\n')}\n`, notes };
}

/** A `#` comment cannot span lines: any line break in design text is shown escaped. */
function commentLine(line: string): string {
  return line.replace(/[\r\n\u2028\u2029]/g, (character) => JSON.stringify(character).slice(1, -1));
}

function policyNameOf(names: TfNames, arn: IacText): string {
  const [only] = arn.segments;
  if (only && typeof only !== 'string' && only.ref === 'managedPolicyArn')
    return names.get('policy', only.policyId);
  return 'policy';
}

function claimNames(names: TfNames, model: IacModel): void {
  for (const { userPool, clients } of model.userPools) {
    const base = identifier(userPool.name, userPool.id);
    names.claim('variable', `userPool:${userPool.id}`, `${base}_user_pool_id`);
    for (const client of clients) {
      names.claim(
        'variable',
        `client:${userPool.id}:${client.id}`,
        `${base}_${identifier(client.name, client.id)}_client_id`,
      );
    }
  }
  for (const provider of model.samlProviders) {
    const base = identifier(samlProviderName(provider), provider.id);
    names.claim('saml', provider.id, base);
    names.claim('variable', `samlMetadata:${provider.id}`, `${base}_saml_metadata_file`);
  }
  for (const provider of model.oidcProviders)
    names.claim('oidc', provider.id, identifier(provider.name, provider.id));
  for (const { policy } of model.managedPolicies)
    names.claim('policy', policy.id, identifier(policy.name, policy.id));
  for (const { role } of model.roles) names.claim('role', role.id, identifier(role.name, role.id));
  for (const { pool } of model.identityPools)
    names.claim('identityPool', pool.id, identifier(pool.name, pool.id));
}

function identityPoolBlocks(names: TfNames, model: IacIdentityPool): HclBlock[] {
  const { pool } = model;
  const name = names.get('identityPool', pool.id);
  const poolId = new HclExpression(`aws_cognito_identity_pool.${name}.id`);
  const body: HclBody = [
    ['identity_pool_name', pool.name],
    ['allow_unauthenticated_identities', pool.allowUnauthenticated],
    ['allow_classic_flow', pool.allowClassicFlow],
    ['developer_provider_name', model.developerProviderName],
    [
      'supported_login_providers',
      model.supportedLoginProviders.length > 0
        ? Object.fromEntries(model.supportedLoginProviders.map((provider) => [provider.key, provider.appIds]))
        : undefined,
    ],
    [
      'openid_connect_provider_arns',
      model.openIdConnectProviderArns.length > 0
        ? model.openIdConnectProviderArns.map((arn) => names.text(arn))
        : undefined,
    ],
    [
      'saml_provider_arns',
      model.samlProviderArns.length > 0 ? model.samlProviderArns.map((arn) => names.text(arn)) : undefined,
    ],
    ...model.cognitoIdentityProviders.map((provider) =>
      block('cognito_identity_providers', [
        ['client_id', names.text(provider.clientId)],
        ['provider_name', names.text(provider.providerName)],
        ['server_side_token_check', provider.serverSideTokenCheck],
      ]),
    ),
  ];
  const blocks = [block(`resource "aws_cognito_identity_pool" "${name}"`, body)];

  const roles: Record<string, HclValue> = {};
  if (model.authenticatedRole) roles.authenticated = names.text(model.authenticatedRole);
  if (model.unauthenticatedRole) roles.unauthenticated = names.text(model.unauthenticatedRole);
  if (Object.keys(roles).length > 0 || model.roleMappings.length > 0) {
    blocks.push(
      block(`resource "aws_cognito_identity_pool_roles_attachment" "${name}"`, [
        ['identity_pool_id', poolId],
        ['roles', roles],
        ...model.roleMappings.map((mapping) =>
          block('role_mapping', [
            ['identity_provider', names.text(mapping.identityProvider)],
            ['type', mapping.type],
            ['ambiguous_role_resolution', mapping.ambiguousRoleResolution],
            // Written in the design's order: the provider keeps mapping_rule as a list, evaluated in order.
            ...mapping.rules.map((rule) =>
              block('mapping_rule', [
                ['claim', rule.claim],
                ['match_type', rule.matchType],
                ['value', rule.value],
                ['role_arn', names.text(rule.roleArn)],
              ]),
            ),
          ]),
        ),
      ]),
    );
  }

  model.principalTags.forEach((mapping, index) => {
    const tagName = names.claim('principalTag', `${pool.id}:${index}`, `${name}_principal_tags`);
    blocks.push(
      block(`resource "aws_cognito_identity_pool_provider_principal_tag" "${tagName}"`, [
        ['identity_pool_id', poolId],
        ['identity_provider_name', names.text(mapping.identityProviderName)],
        ['use_defaults', mapping.useDefaults],
        ['principal_tags', { ...mapping.tags }],
      ]),
    );
  });
  return blocks;
}
