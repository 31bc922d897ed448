// References in a CloudFormation template: the logical ids of parameters and resources, and how an
// export text (literal parts and references) becomes a string, `Ref`, `Fn::GetAtt`, `Fn::Sub` or
// `Fn::Join`.
// https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/intrinsic-function-reference-sub.html

import { samlProviderName, type IacModel } from './iac-model';
import { pascalCase, UniqueNames } from './iac-names';
import { IacText, type IacRef, type IacValue } from './iac-text';

export type Json = string | number | boolean | null | Json[] | { [key: string]: Json };

/**
 * Literal text inside `Fn::Sub`: a `${…}` would be read as a variable, and `${!…}` stands for the
 * literal `${…}`, so IAM policy variables such as ${cognito-identity.amazonaws.com:sub} reach IAM
 * unchanged. Only a `${` that a `}` closes forms a variable (the first `}` ends it, as cfn-lint's
 * parser reads it); an unclosed `${` is left as is.
 */
function escapeSubLiteral(value: string): string {
  return value.replace(/\$\{([^}]*)\}/g, (_match, inner: string) => `\${!${inner}}`);
}

function hasUnclosedVariable(value: string): boolean {
  return value.replace(/\$\{[^}]*\}/g, '').includes('${');
}

/** Logical ids of the template and how a reference is written (`Ref`, `Fn::GetAtt`, `Fn::Sub`, `Fn::Join`). */
export class CfnNames {
  readonly resources = new UniqueNames();
  readonly outputs = new UniqueNames();

  constructor(readonly model: IacModel) {
    const { design } = model;
    for (const { userPool, clients } of model.userPools) {
      this.resources.claim(
        `userPool:${userPool.id}`,
        `UserPool${pascalCase(userPool.name) || pascalCase(userPool.id)}Id`,
      );
      for (const client of clients) {
        this.resources.claim(
          `client:${userPool.id}:${client.id}`,
          `UserPool${pascalCase(userPool.name) || pascalCase(userPool.id)}${pascalCase(client.name) || pascalCase(client.id)}ClientId`,
        );
      }
    }
    for (const provider of model.samlProviders) {
      const base = pascalCase(samlProviderName(provider)) || pascalCase(provider.id);
      this.resources.claim(`samlMetadata:${provider.id}`, `SamlProvider${base}MetadataDocument`);
      this.resources.claim(`saml:${provider.id}`, `SamlProvider${base}`);
    }
    for (const provider of model.oidcProviders) {
      this.resources.claim(
        `oidc:${provider.id}`,
        `OidcProvider${pascalCase(provider.name) || pascalCase(provider.id)}`,
      );
    }
    for (const { policy } of model.managedPolicies) {
      this.resources.claim(
        `policy:${policy.id}`,
        `Policy${pascalCase(policy.name) || pascalCase(policy.id)}`,
      );
    }
    for (const { role } of model.roles) {
      this.resources.claim(`role:${role.id}`, `Role${pascalCase(role.name) || pascalCase(role.id)}`);
    }
    for (const pool of design.identityPools) {
      const base = `IdentityPool${pascalCase(pool.name) || pascalCase(pool.id)}`;
      this.resources.claim(`identityPool:${pool.id}`, base);
      this.resources.claim(`roleAttachment:${pool.id}`, `${base}RoleAttachment`);
    }
  }

  ref(ref: IacRef): string {
    switch (ref.ref) {
      case 'identityPoolId':
        return this.resources.get(`identityPool:${ref.identityPoolId}`);
      case 'userPoolId':
      case 'userPoolRegion':
        return this.resources.get(`userPool:${ref.userPoolId}`);
      case 'userPoolClientId':
        return this.resources.get(`client:${ref.userPoolId}:${ref.clientId}`);
      case 'roleArn':
        return this.resources.get(`role:${ref.roleId}`);
      case 'managedPolicyArn':
        return this.resources.get(`policy:${ref.policyId}`);
      case 'samlProviderArn':
        return this.resources.get(`saml:${ref.providerId}`);
      case 'oidcProviderArn':
        return this.resources.get(`oidc:${ref.providerId}`);
      case 'partition':
        return 'AWS::Partition';
      case 'accountId':
        return 'AWS::AccountId';
    }
  }

  /** The intrinsic function that yields `ref` on its own. */
  direct(ref: IacRef): Json {
    const name = this.ref(ref);
    switch (ref.ref) {
      case 'userPoolRegion':
        return { 'Fn::Select': [0, { 'Fn::Split': ['_', { Ref: name }] }] };
      case 'roleArn':
      case 'samlProviderArn':
      case 'oidcProviderArn':
        return { 'Fn::GetAtt': [name, 'Arn'] };
      default:
        // Ref of a managed policy is its ARN; of an identity pool, its id; of a parameter, its value.
        return { Ref: name };
    }
  }

  /** `Fn::Sub` placeholder for `ref`; a user pool's region needs a variable of the Sub's own. */
  placeholder(ref: IacRef, variables: Record<string, Json>): string {
    const name = this.ref(ref);
    switch (ref.ref) {
      case 'userPoolRegion': {
        const variable = `${name}Region`;
        variables[variable] = this.direct(ref);
        return `\${${variable}}`;
      }
      case 'roleArn':
      case 'samlProviderArn':
      case 'oidcProviderArn':
        return `\${${name}.Arn}`;
      default:
        return `\${${name}}`;
    }
  }

  text(value: IacText): Json {
    const literal = value.literal();
    if (literal !== undefined) return literal;
    const [only] = value.segments;
    if (value.segments.length === 1 && only !== undefined && typeof only !== 'string')
      return this.direct(only);
    // A literal `${` that no `}` closes before the next reference would swallow that reference
    // into one `${…}`; Fn::Join reads nothing inside its parts.
    const last = value.segments.length - 1;
    if (
      value.segments.some(
        (segment, index) => typeof segment === 'string' && index < last && hasUnclosedVariable(segment),
      )
    ) {
      return {
        'Fn::Join': [
          '',
          value.segments.map((segment) => (typeof segment === 'string' ? segment : this.direct(segment))),
        ],
      };
    }
    const variables: Record<string, Json> = {};
    const template = value.segments
      .map((segment) =>
        typeof segment === 'string' ? escapeSubLiteral(segment) : this.placeholder(segment, variables),
      )
      .join('');
    return Object.keys(variables).length > 0 ? { 'Fn::Sub': [template, variables] } : { 'Fn::Sub': template };
  }

  value(value: IacValue): Json {
    if (value instanceof IacText) return this.text(value);
    if (value === null || typeof value !== 'object') return value;
    if (Array.isArray(value)) return value.map((item) => this.value(item));
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, this.value(item)]));
  }
}
