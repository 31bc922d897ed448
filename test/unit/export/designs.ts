// Designs for the export tests: the three examples as shipped, and a hostile variant of the B2B
// example whose free text carries quotes, backslashes, line breaks, `${…}`, `%{…}` and YAML/HCL
// look-alikes, and which accepts OIDC, SAML, social and developer providers directly (so every
// resource type the export can write is linted and validated).

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadDesign } from '../../../shared/model/io';
import type { DesignDocument } from '../../../shared/model/types';

const root = join(import.meta.dirname, '../../..');

export const EXAMPLE_NAMES = ['photo-sharing', 'b2b-saas', 'analytics-sdk'] as const;

export function loadExample(name: string): DesignDocument {
  const result = loadDesign(
    readFileSync(join(root, 'assets/examples', `${name}.cognito-design.json`), 'utf8'),
  );
  if (!result.ok) throw new Error(`example ${name} does not load: ${result.issues[0]?.message}`);
  return result.design;
}

/** Text that breaks naive quoting in YAML, JSON and HCL. */
export const HOSTILE = `it's "quoted" \\ back\nslash: \${aws:username} %{if} $\${x} # no comment: yes`;

export function hostileDesign(): DesignDocument {
  const design = loadExample('b2b-saas');
  design.name = `Hostile ${HOSTILE}`;
  design.description = `Line one\nline two "${HOSTILE}"`;
  const pool = design.identityPools[0]!;
  const saml = design.providers.find((provider) => provider.kind === 'saml')!;
  const oidc = design.providers.find((provider) => provider.kind === 'oidc')!;
  saml.name = `Acme "SAML"\n${HOSTILE}`;
  design.providers.push(
    {
      id: 'provider-google',
      name: 'Google',
      kind: 'google',
      providerKey: 'accounts.google.com',
      clientIds: ['a.apps.googleusercontent.com', 'b.apps.googleusercontent.com'],
    },
    {
      id: 'provider-dev',
      name: 'Backend',
      kind: 'developer',
      providerKey: 'login.example.backend',
      clientIds: [],
    },
  );
  pool.acceptedProviders.push(
    { type: 'provider', providerId: saml.id },
    { type: 'provider', providerId: oidc.id },
    { type: 'provider', providerId: 'provider-google' },
    { type: 'provider', providerId: 'provider-dev' },
  );
  const support = design.roles.find((role) => role.id === 'role-support')!;
  pool.roleMappings.push({
    id: 'mapping-oidc',
    provider: { type: 'provider', providerId: oidc.id },
    type: 'Rules',
    ambiguousRoleResolution: 'AuthenticatedRole',
    rules: [
      {
        id: 'rule-hostile',
        claim: 'custom:"odd\\claim"',
        matchType: 'Contains',
        value: HOSTILE.slice(0, 120),
        roleId: support.id,
      },
    ],
  });
  pool.principalTags.push({
    provider: { type: 'provider', providerId: saml.id },
    useDefaults: true,
    tags: { 'team "x"': 'https://example.com/${claim}', '<<': 'yes' },
  });
  support.description = `Support\n"${HOSTILE}"`;
  support.tags = { note: HOSTILE.replace(/[^\w _.:/=+\-@]/g, '_') };
  support.inlinePolicies.push({
    name: 'Hostile',
    document: {
      Version: '2012-10-17',
      Statement: [
        {
          Sid: 'PassOwnRoleAndReadPool',
          Effect: 'Allow',
          Action: ['iam:PassRole', 'cognito-idp:DescribeUserPool'],
          Resource: [
            `arn:aws:iam::111122223333:role/saas/SaaSSupportReadOnly`,
            `arn:aws:cognito-idp:us-east-1:111122223333:userpool/us-east-1_T3n4ntP0l`,
            // An unclosed `${` before a reference: Fn::Sub would swallow the reference.
            `arn:aws:s3:::odd-$\{bucket/us-east-1_T3n4ntP0l/*`,
          ],
        },
        {
          Sid: 'PoolScopedUserPrefix',
          Effect: 'Allow',
          Action: 's3:GetObject',
          Resource: `arn:aws:s3:::bucket/${'us-east-1_T3n4ntP0l'}/\${aws:PrincipalTag/tenant}/*`,
          Condition: {
            StringEquals: {
              'aws:ResourceTag/${odd}': HOSTILE,
              'cognito-identity.amazonaws.com:aud': pool.poolId,
            },
          },
        },
      ],
    },
  });
  return design;
}
