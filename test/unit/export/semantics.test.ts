// What the CloudFormation and Terraform exports say about a design: rule order, role-mapping keys,
// references instead of recorded ids and ARNs, user pools as inputs, policy variables kept literal,
// and hostile text quoted correctly in YAML, JSON and HCL. The real tools check the files in
// iac-tools.test.ts.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { exportCloudFormation } from '../../../shared/export/cloudformation';
import { exportIac } from '../../../shared/export/iac';
import { exportTerraform } from '../../../shared/export/terraform';
import type { DesignDocument } from '../../../shared/model/types';
import { EXAMPLE_NAMES, HOSTILE, hostileDesign, loadExample } from './designs';

type Template = {
  Parameters?: Record<string, { Default?: string; Type: string }>;
  Resources: Record<string, { Type: string; Properties: Record<string, unknown> }>;
  Metadata?: { CognitoAccessStudio: { Notes: string[] } };
  Description: string;
};

function template(design: DesignDocument): Template {
  return JSON.parse(exportCloudFormation(design, 'json').text) as Template;
}

function resourcesOfType(value: Template, type: string): Array<Record<string, unknown>> {
  return Object.values(value.Resources)
    .filter((resource) => resource.Type === type)
    .map((resource) => resource.Properties);
}

describe('CloudFormation export', () => {
  it('keeps the order of mapping rules and keys mappings through IdentityProvider', () => {
    const design = loadExample('b2b-saas');
    const [attachment, ...others] = resourcesOfType(
      template(design),
      'AWS::Cognito::IdentityPoolRoleAttachment',
    );
    expect(others).toHaveLength(0);
    const mappings = attachment!.RoleMappings as Record<string, Record<string, unknown>>;
    // Static, alphanumeric keys: the provider (with its parameters) is in IdentityProvider.
    expect(Object.keys(mappings)).toEqual(['MappingApp', 'MappingOps']);
    expect(mappings.MappingApp!.IdentityProvider).toEqual({
      'Fn::Sub': [
        'cognito-idp.${UserPoolB2bSaasTenantsIdRegion}.amazonaws.com/${UserPoolB2bSaasTenantsId}:${UserPoolB2bSaasTenantsSaasWebAppClientId}',
        {
          UserPoolB2bSaasTenantsIdRegion: {
            'Fn::Select': [0, { 'Fn::Split': ['_', { Ref: 'UserPoolB2bSaasTenantsId' }] }],
          },
        },
      ],
    });
    const rules = (mappings.MappingApp!.RulesConfiguration as { Rules: Array<Record<string, unknown>> })
      .Rules;
    const designRules = design.identityPools[0]!.roleMappings[0]!.rules;
    expect(rules.map((rule) => [rule.Claim, rule.MatchType, rule.Value])).toEqual(
      designRules.map((rule) => [rule.claim, rule.matchType, rule.value]),
    );
    expect(rules.map((rule) => rule.RoleARN)).toEqual([
      { 'Fn::GetAtt': ['RoleSaaSSupportReadOnly', 'Arn'] },
      { 'Fn::GetAtt': ['RoleSaaSTenantAdmin', 'Arn'] },
      { 'Fn::GetAtt': ['RoleSaaSTenantUser', 'Arn'] },
    ]);
    expect(mappings.MappingOps).toMatchObject({ Type: 'Token', AmbiguousRoleResolution: 'Deny' });
    expect(mappings.MappingOps).not.toHaveProperty('RulesConfiguration');
  });

  it('takes existing user pools and app clients as parameters defaulting to the design ids', () => {
    const value = template(loadExample('photo-sharing'));
    expect(value.Parameters).toMatchObject({
      UserPoolPhotoSharingUsersId: { Type: 'String', Default: 'us-east-1_Ph0t0Sh4r' },
      UserPoolPhotoSharingUsersPhotoWebClientId: { Type: 'String', Default: '5q2lm8d1c6hkt0v7b3n9r4s2ea' },
      UserPoolPhotoSharingUsersPhotoMobileClientId: { Type: 'String', Default: '1h7g3k9d5s2a8f6j4l0p2o3i7u' },
    });
    const [pool] = resourcesOfType(value, 'AWS::Cognito::IdentityPool');
    expect(pool!.CognitoIdentityProviders).toContainEqual(
      expect.objectContaining({
        ClientId: { Ref: 'UserPoolPhotoSharingUsersPhotoWebClientId' },
        ServerSideTokenCheck: true,
      }),
    );
    expect(pool!.SupportedLoginProviders).toEqual({
      'accounts.google.com': '406813571294-8p2c0rj6k1hq7ev3m4fkd5t0b9sgl1an.apps.googleusercontent.com',
      'graph.facebook.com': '874512369025417',
    });
    expect(value.Metadata?.CognitoAccessStudio.Notes.join(' ')).toMatch(
      /groups 'admins', 'editors', 'viewers'/,
    );
  });

  for (const name of EXAMPLE_NAMES) {
    it(`refers to what it creates instead of recorded ids and ARNs (${name})`, () => {
      const design = loadExample(name);
      const json = exportCloudFormation(design, 'json').text;
      const value = JSON.parse(json) as Template;
      for (const pool of design.identityPools) expect(json).not.toContain(pool.poolId);
      expect(json).not.toMatch(/arn:aws:iam::111122223333:(role|policy)\//);
      // User pool ids appear only as parameter defaults.
      for (const userPool of design.userPools) {
        const uses = json.split(userPool.poolId).length - 1;
        const defaults = Object.values(value.Parameters ?? {}).filter(
          (p) => p.Default === userPool.poolId,
        ).length;
        expect(uses).toBe(defaults);
      }
      // Generated trust policies trust the identity pool the template creates.
      for (const role of resourcesOfType(value, 'AWS::IAM::Role')) {
        const trust = JSON.stringify(role.AssumeRolePolicyDocument);
        expect(trust).toMatch(/"cognito-identity.amazonaws.com:aud":(\[)?\{"Ref":"IdentityPool/);
      }
    });
  }

  it('attaches design policies by reference and keeps policy variables literal outside Fn::Sub', () => {
    const value = template(loadExample('photo-sharing'));
    const admins = resourcesOfType(value, 'AWS::IAM::Role').find(
      (role) => role.RoleName === 'PhotoSharingAdmins',
    )!;
    expect(admins.ManagedPolicyArns).toEqual([{ Ref: 'PolicyPhotoSharingPerUserStorage' }]);
    expect(admins.PermissionsBoundary).toEqual({ Ref: 'PolicyPhotoSharingBoundary' });
    const storage = resourcesOfType(value, 'AWS::IAM::ManagedPolicy').find(
      (policy) => policy.ManagedPolicyName === 'PhotoSharingPerUserStorage',
    )!;
    expect(JSON.stringify(storage.PolicyDocument)).toContain(
      '"arn:aws:s3:::photo-sharing-media-111122223333/private/${cognito-identity.amazonaws.com:sub}/*"',
    );
  });

  it('escapes policy variables as ${!…} inside Fn::Sub and spells role ARNs from partition and account', () => {
    const value = template(hostileDesign());
    const support = resourcesOfType(value, 'AWS::IAM::Role').find(
      (role) => role.RoleName === 'SaaSSupportReadOnly',
    )!;
    const hostile = (
      support.Policies as Array<{ PolicyName: string; PolicyDocument: { Statement: unknown[] } }>
    ).find((policy) => policy.PolicyName === 'Hostile')!;
    const [passRole, prefix] = hostile.PolicyDocument.Statement as Array<Record<string, unknown>>;
    expect(passRole!.Resource).toEqual([
      { 'Fn::Sub': 'arn:${AWS::Partition}:iam::${AWS::AccountId}:role/saas/SaaSSupportReadOnly' },
      { 'Fn::Sub': 'arn:aws:cognito-idp:us-east-1:111122223333:userpool/${UserPoolB2bSaasTenantsId}' },
      { 'Fn::Join': ['', ['arn:aws:s3:::odd-${bucket/', { Ref: 'UserPoolB2bSaasTenantsId' }, '/*']] },
    ]);
    expect(prefix!.Resource).toEqual({
      'Fn::Sub': 'arn:aws:s3:::bucket/${UserPoolB2bSaasTenantsId}/${!aws:PrincipalTag/tenant}/*',
    });
    expect(prefix!.Condition).toEqual({
      StringEquals: {
        'aws:ResourceTag/${odd}': HOSTILE,
        'cognito-identity.amazonaws.com:aud': { Ref: 'IdentityPoolB2BSaaSIdentities' },
      },
    });
  });

  it('creates the OIDC and SAML providers a pool accepts and refers to them', () => {
    const result = exportCloudFormation(hostileDesign(), 'json');
    expect(result.notes).toContainEqual(
      expect.stringContaining(
        'give its metadata document as the parameter SamlProviderAcmeCorpOktaMetadataDocument',
      ),
    );
    const value = JSON.parse(result.text) as Template;
    expect(value.Metadata?.CognitoAccessStudio.Notes).toEqual(result.notes);
    const [pool] = resourcesOfType(value, 'AWS::Cognito::IdentityPool');
    expect(pool!.OpenIdConnectProviderARNs).toEqual([
      { 'Fn::GetAtt': ['OidcProviderGlobexMicrosoftEntraID', 'Arn'] },
    ]);
    expect(pool!.SamlProviderARNs).toEqual([{ 'Fn::GetAtt': ['SamlProviderAcmeCorpOkta', 'Arn'] }]);
    expect(pool!.DeveloperProviderName).toBe('login.example.backend');
    expect(pool!.SupportedLoginProviders).toEqual({
      'accounts.google.com': 'a.apps.googleusercontent.com,b.apps.googleusercontent.com',
    });
    expect(value.Resources.SamlProviderAcmeCorpOkta!.Properties).toEqual({
      Name: 'AcmeCorpOkta',
      SamlMetadataDocument: { Ref: 'SamlProviderAcmeCorpOktaMetadataDocument' },
    });
    expect(value.Resources.OidcProviderGlobexMicrosoftEntraID!.Properties).toEqual({
      Url: 'https://login.microsoftonline.com/5e2b7c41-8d9a-4f36-b0c2-7a1d3e9f6b84/v2.0',
      ClientIdList: ['0c9d8e7f-6a5b-4c3d-9e2f-1a0b9c8d7e6f'],
    });
    const tags = resourcesOfType(value, 'AWS::Cognito::IdentityPoolPrincipalTag');
    // One map per user pool (not per client) plus the SAML provider's.
    expect(tags.map((tag) => tag.IdentityProviderName)).toEqual([
      expect.objectContaining({ 'Fn::Sub': expect.any(Array) }),
      { 'Fn::GetAtt': ['SamlProviderAcmeCorpOkta', 'Arn'] },
    ]);
    expect(tags[1]).toMatchObject({
      UseDefaults: true,
      PrincipalTags: { 'team "x"': 'https://example.com/${claim}' },
    });
  });

  it('writes the same template as YAML and JSON, with hostile text intact', () => {
    const design = hostileDesign();
    const json = JSON.parse(exportCloudFormation(design, 'json').text) as Template;
    const yamlText = exportCloudFormation(design, 'yaml').text;
    // CloudFormation reads YAML 1.1-style scalars; parsing as 1.1 must give the same strings.
    expect(parseYaml(yamlText, { version: '1.1' })).toEqual(json);
    expect(parseYaml(yamlText)).toEqual(json);
    expect(json.Description).toContain(HOSTILE);
    const [attachment] = resourcesOfType(json, 'AWS::Cognito::IdentityPoolRoleAttachment');
    const oidcMapping = (attachment!.RoleMappings as Record<string, Record<string, unknown>>).MappingOidc!;
    expect(oidcMapping.IdentityProvider).toBe(
      'login.microsoftonline.com/5e2b7c41-8d9a-4f36-b0c2-7a1d3e9f6b84/v2.0',
    );
    expect(oidcMapping.RulesConfiguration).toEqual({
      Rules: [
        {
          Claim: 'custom:"odd\\claim"',
          MatchType: 'Contains',
          Value: HOSTILE.slice(0, 120),
          RoleARN: { 'Fn::GetAtt': ['RoleSaaSSupportReadOnly', 'Arn'] },
        },
      ],
    });
  });

  it('round-trips any text through Fn::Sub and YAML (property)', () => {
    // Fn::Sub as CloudFormation documents it: `${!x}` is the literal `${x}`, `${Name}` a variable.
    // https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/intrinsic-function-reference-sub.html
    const resolveSub = (template: string, variables: Record<string, string>): string =>
      template.replace(/\$\{(!?)([^}]*)\}/g, (_match, bang: string, name: string) =>
        bang ? `\${${name}}` : (variables[name] ?? `<unresolved ${name}>`),
      );
    const unit = fc.constantFrom(
      '${',
      '${!',
      '}',
      '$',
      '{',
      '!',
      ':',
      '/',
      '"',
      "'",
      '\\',
      '\n',
      '#',
      ' ',
      'a',
      'é',
      'yes',
      '- ',
      ': ',
    );
    fc.assert(
      fc.property(fc.string({ unit, maxLength: 30 }), fc.string({ unit, maxLength: 30 }), (before, after) => {
        const design = loadExample('b2b-saas');
        const resource = `${before}us-east-1_T3n4ntP0l${after}`;
        const policy = design.managedPolicies[0]!.document as { Statement: Array<Record<string, unknown>> };
        policy.Statement[0]!.Resource = resource;
        design.identityPools[0]!.roleMappings[0]!.rules[0]!.value = `${before}${after}`.slice(0, 128) || 'x';
        const json = JSON.parse(exportCloudFormation(design, 'json').text) as Template;
        expect(parseYaml(exportCloudFormation(design, 'yaml').text, { version: '1.1' })).toEqual(json);
        const [managed] = resourcesOfType(json, 'AWS::IAM::ManagedPolicy');
        const statement = (managed!.PolicyDocument as { Statement: Array<{ Resource: unknown }> })
          .Statement[0]!;
        const variables = { UserPoolB2bSaasTenantsId: 'us-east-1_T3n4ntP0l' };
        const value = statement.Resource as {
          'Fn::Sub'?: string;
          'Fn::Join'?: [string, Array<string | { Ref: 'UserPoolB2bSaasTenantsId' }>];
          Ref?: 'UserPoolB2bSaasTenantsId';
        };
        // The id alone is a plain Ref; with text around it, a Fn::Sub, or a Fn::Join when a literal
        // `${` left open would swallow the reference.
        const resolved =
          typeof statement.Resource === 'string'
            ? statement.Resource // the id runs into other name characters: not a reference
            : value.Ref
              ? variables[value.Ref]
              : value['Fn::Join']
                ? value['Fn::Join'][1]
                    .map((part) => (typeof part === 'string' ? part : variables[part.Ref]))
                    .join('')
                : resolveSub(value['Fn::Sub'] ?? '', variables);
        expect(resolved).toBe(resource);
      }),
      { numRuns: 150, seed: 20261127 },
    );
  });

  it('quotes YAML 1.1 booleans, dates and numbers-looking strings', () => {
    const design = loadExample('b2b-saas');
    const rules = design.identityPools[0]!.roleMappings[0]!.rules;
    const tricky = ['yes', 'off', '2012-10-17', '0x1F', '010', '~', 'null', '1e3'];
    tricky.forEach((value, index) => {
      rules.push({ ...rules[0]!, id: `rule-tricky-${index}`, value });
    });
    const parsed = parseYaml(exportCloudFormation(design, 'yaml').text, { version: '1.1' }) as Template;
    const [attachment] = resourcesOfType(parsed, 'AWS::Cognito::IdentityPoolRoleAttachment');
    const values = (
      attachment!.RoleMappings as Record<string, { RulesConfiguration: { Rules: Array<{ Value: unknown }> } }>
    ).MappingApp!.RulesConfiguration.Rules.map((rule) => rule.Value);
    expect(values.slice(3)).toEqual(tricky);
  });

  it('quotes a `<<` key so that YAML 1.1 does not read it as a merge key', () => {
    const design = loadExample('analytics-sdk');
    const document = design.roles[0]!.inlinePolicies[0]!.document as {
      Statement: Array<Record<string, unknown>>;
    };
    document.Statement[0]!.Condition = { StringEquals: { '<<': '<<' } };
    const yamlText = exportCloudFormation(design, 'yaml').text;
    expect(yamlText).toContain('"<<": "<<"');
    expect(parseYaml(yamlText, { version: '1.1', merge: true })).toEqual(
      JSON.parse(exportCloudFormation(design, 'json').text),
    );
  });

  it('keeps a __proto__ key of a policy as a key', () => {
    const design = loadExample('analytics-sdk');
    const document = design.roles[0]!.inlinePolicies[0]!.document as {
      Statement: Array<Record<string, unknown>>;
    };
    document.Statement[0]!.Condition = JSON.parse('{"StringEquals": {"__proto__": "x"}}') as unknown;
    const value = JSON.parse(exportCloudFormation(design, 'json').text) as Template;
    const [role] = resourcesOfType(value, 'AWS::IAM::Role');
    const policy = (
      role!.Policies as Array<{ PolicyDocument: { Statement: Array<{ Condition: unknown }> } }>
    )[0]!;
    expect(JSON.stringify(policy.PolicyDocument.Statement[0]!.Condition)).toBe(
      '{"StringEquals":{"__proto__":"x"}}',
    );
  });

  it('keeps the template description within 1,024 bytes of UTF-8', () => {
    const design = loadExample('analytics-sdk');
    design.description = 'Ünïcødé ✓ '.repeat(200);
    const { Description } = template(design);
    expect(new TextEncoder().encode(Description).length).toBeLessThanOrEqual(1024);
    expect(new TextEncoder().encode(Description).length).toBeGreaterThan(1000);
    expect(Description).toMatch(/^Analytics SDK: Ünïcødé ✓ .*…$/s);
  });

  it('leaves out a role whose generated trust policy would trust nobody, and says so', () => {
    const design = loadExample('analytics-sdk');
    design.roles.push({ ...design.roles[0]!, id: 'role-unused', name: 'Unused', inlinePolicies: [] });
    const result = exportCloudFormation(design, 'json');
    const roles = resourcesOfType(JSON.parse(result.text) as Template, 'AWS::IAM::Role');
    expect(roles.map((role) => role.RoleName)).toEqual(['AnalyticsSdkDevice']);
    expect(result.notes).toContainEqual(expect.stringContaining("Role 'Unused' is not exported"));
  });
});

describe('Terraform export', () => {
  it('writes mapping_rule blocks in the design order', () => {
    const design = loadExample('b2b-saas');
    const text = exportTerraform(design).text;
    const values = [
      ...text.matchAll(
        /mapping_rule \{\n\s+claim = "([^"]*)"\n\s+match_type = "(\w+)"\n\s+value = "([^"]*)"/g,
      ),
    ].map((match) => [match[1], match[2], match[3]]);
    expect(values).toEqual(
      design.identityPools[0]!.roleMappings[0]!.rules.map((rule) => [rule.claim, rule.matchType, rule.value]),
    );
  });

  it('takes user pools as variables and refers to what it creates', () => {
    const design = loadExample('b2b-saas');
    const text = exportTerraform(design).text;
    expect(text).toContain(
      'variable "b2b_saas_tenants_user_pool_id" {\n  description = "Id of the existing user pool \'b2b-saas-tenants\'"\n  type = string\n  default = "us-east-1_T3n4ntP0l"\n}',
    );
    expect(text.split('us-east-1_T3n4ntP0l')).toHaveLength(2);
    expect(text).not.toContain(design.identityPools[0]!.poolId);
    expect(text).not.toMatch(/arn:aws:iam::111122223333/);
    expect(text).toContain(
      '"cognito-identity.amazonaws.com:aud" = aws_cognito_identity_pool.b2bsaasidentities.id',
    );
    expect(text).toContain(
      'identity_provider = "cognito-idp.${split("_", var.b2b_saas_tenants_user_pool_id)[0]}.amazonaws.com/${var.b2b_saas_tenants_user_pool_id}:${var.b2b_saas_tenants_saas_web_app_client_id}"',
    );
    expect(text).toContain(
      'resource "aws_iam_role_policy_attachment" "saastenant_user_saastenant_data" {\n  role = aws_iam_role.saastenant_user.name\n  policy_arn = aws_iam_policy.saastenant_data.arn\n}',
    );
    expect(text).toContain(
      'resource "aws_cognito_identity_pool_provider_principal_tag" "b2bsaasidentities_principal_tags"',
    );
  });

  it('escapes policy variables as $${…} and never leaves an interpolation of design text', () => {
    for (const name of EXAMPLE_NAMES) {
      const text = exportTerraform(loadExample(name)).text;
      // Every `${` that is not escaped must be one of the export's own references.
      const interpolations = [...text.matchAll(/(?<!\$)\$\{([^}]*)\}/g)].map((match) => match[1]);
      for (const expression of interpolations) expect(expression).toMatch(/^(var\.|split\(|aws_|data\.)/);
    }
    expect(exportTerraform(loadExample('photo-sharing')).text).toContain(
      '"arn:aws:s3:::photo-sharing-media-111122223333/private/$${cognito-identity.amazonaws.com:sub}/*"',
    );
  });

  it('keeps hostile design text inside strings and comments', () => {
    const text = exportTerraform(hostileDesign()).text;
    const escaped = 'it\'s \\"quoted\\" \\\\ back\\nslash: $${aws:username} %%{if} $$${x} # no comment: yes';
    expect(text).toContain(`"aws:ResourceTag/$\${odd}" = "${escaped}"`);
    // Line breaks in the design name cannot end the header comment.
    const header = text.split('\n\n')[0]!;
    for (const line of header.split('\n')) expect(line.startsWith('#')).toBe(true);
    expect(text).toContain('saml_metadata_document = file(var.acme_corp_okta_saml_metadata_file)');
  });
});

describe('export entry point', () => {
  it('names files after the design and labels the format', () => {
    const design = loadExample('photo-sharing');
    expect(exportIac(design, { format: 'terraform' })).toMatchObject({
      fileName: 'Photo-sharing.tf',
      label: 'Terraform',
    });
    expect(exportIac(design, { format: 'cloudformation', syntax: 'json' })).toMatchObject({
      fileName: 'Photo-sharing.template.json',
      label: 'CloudFormation (JSON)',
    });
    expect(exportIac(hostileDesign(), { format: 'cloudformation' }).fileName).toMatch(
      /^[A-Za-z0-9._-]+\.template\.yaml$/,
    );
  });
});
