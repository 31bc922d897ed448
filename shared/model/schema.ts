// Runtime schema of the design document (the current version only; older files are migrated
// first, see migrations.ts). Structure and single-field rules live here; rules that relate several
// fields or entities (references, duplicates, counts) live in semantics.ts.
//
// Objects are strict: unknown fields are reported (validate.ts turns them into warnings and drops
// them). Policy documents are kept as loose JSON: the IAM engine validates their content.

import { z } from 'zod';
import { LIMITS, PATTERNS, isPolicyArn, isRoleArn } from './limits';
import type {
  AccountContext,
  AppClient,
  DesignDocument,
  IdentityPool,
  ManagedPolicy,
  MappingRule,
  Persona,
  PrincipalTagMapping,
  Provider,
  ProviderRef,
  Role,
  RoleMapping,
  UserPool,
  UserPoolAttribute,
  UserPoolGroup,
  UserPoolUser,
} from './types';
import { DESIGN_FORMAT, DESIGN_VERSION } from './types';

interface TextRule {
  min?: number;
  max: number;
  pattern?: RegExp;
  /** Said when the pattern does not match, e.g. "must look like `us-east-1_AbC123`". */
  patternMessage?: string;
}

/**
 * A string with a length range and an optional pattern. The pattern only runs on strings of
 * acceptable length, so an oversized value cannot make a regular expression slow.
 */
function text(rule: TextRule): z.ZodString {
  const min = rule.min ?? 1;
  return z.string().superRefine((value, context) => {
    if (value.length < min || value.length > rule.max) {
      const message =
        min === 1 && value.length === 0
          ? 'must not be empty'
          : `must be ${min}–${rule.max} characters long (got ${value.length})`;
      context.addIssue({ code: 'custom', message });
      return;
    }
    if (rule.pattern && !rule.pattern.test(value)) {
      context.addIssue({
        code: 'custom',
        message: rule.patternMessage ?? `must match ${String(rule.pattern)}`,
      });
    }
  });
}

function arn(check: (value: string) => boolean, message: string): z.ZodString {
  return z.string().superRefine((value, context) => {
    if (!check(value)) context.addIssue({ code: 'custom', message });
  });
}

const designId = text({
  ...LIMITS.designIdLength,
  pattern: PATTERNS.designId,
  patternMessage: 'ids may contain letters, digits, `_`, `-`, `.` and `:` only',
});

const integer = (min: number, max: number) =>
  z
    .number()
    .int({ error: 'must be a whole number' })
    .min(min, { error: `must be at least ${min}` })
    .max(max, { error: `must be at most ${max}` });

const roleArnString = arn(
  isRoleArn,
  'must be a role ARN `arn:aws:iam::<12-digit account>:role/<path/><name>`',
);
const policyArnString = arn(
  isPolicyArn,
  'must be a managed policy ARN `arn:aws:iam::<12-digit account or aws>:policy/<path/><name>`',
);

/** Tag keys and claim names are free-form strings inside `Record`s. */
const stringMap = z.record(z.string(), z.string());

/** A policy document as JSON; its statements are checked by the IAM engine. */
export const policyDocumentSchema = z.looseObject({
  Version: z.string().optional(),
  Id: z.string().optional(),
  Statement: z.unknown(),
});

export const accountSchema: z.ZodType<AccountContext> = z.strictObject({
  accountId: text({ max: 12, pattern: PATTERNS.accountId, patternMessage: 'must be 12 digits' }),
  partition: z.enum(['aws', 'aws-cn', 'aws-us-gov']),
  region: text({ max: 32, pattern: PATTERNS.region, patternMessage: 'must be a region such as `us-east-1`' }),
});

export const providerSchema: z.ZodType<Provider> = z.strictObject({
  id: designId,
  name: text({ max: 256 }),
  kind: z.enum(['google', 'facebook', 'amazon', 'apple', 'twitter', 'oidc', 'saml', 'developer']),
  providerKey: text({ max: LIMITS.arnMaxLength }),
  clientIds: z.array(text({ max: 2048 })),
  samlAttributes: z.array(text({ max: 2048 })).optional(),
});

export const userPoolAttributeSchema: z.ZodType<UserPoolAttribute> = z.strictObject({
  name: text({ max: 32 + 'custom:'.length }),
  custom: z.boolean(),
  mutable: z.boolean(),
  dataType: z.enum(['String', 'Number', 'Boolean', 'DateTime']),
});

export const appClientSchema: z.ZodType<AppClient> = z.strictObject({
  id: designId,
  clientId: text({
    ...LIMITS.appClientIdLength,
    pattern: PATTERNS.appClientId,
    patternMessage: 'app client ids contain letters, digits, `_` and `+` only',
  }),
  name: text({ max: 128 }),
  readAttributes: z.array(z.string()),
  writeAttributes: z.array(z.string()),
  serverSideTokenCheck: z.boolean(),
});

export const userPoolGroupSchema: z.ZodType<UserPoolGroup> = z.strictObject({
  name: text({
    ...LIMITS.groupNameLength,
    pattern: PATTERNS.groupName,
    patternMessage: 'group names may not contain spaces or control characters',
  }),
  precedence: integer(0, LIMITS.groupPrecedenceMax).optional(),
  roleId: designId.optional(),
  description: text({ min: 0, max: 2048 }).optional(),
});

export const userPoolUserSchema: z.ZodType<UserPoolUser> = z.strictObject({
  username: text({ max: 128 }),
  sub: text({
    max: 36,
    pattern: PATTERNS.uuid,
    patternMessage: 'must be a UUID such as `2f9c1a7e-5b3d-4c8e-9a61-7d0e4b2f6c13`',
  }),
  groups: z.array(z.string()),
  attributes: stringMap,
});

export const userPoolSchema: z.ZodType<UserPool> = z.strictObject({
  id: designId,
  poolId: text({
    max: LIMITS.userPoolIdMaxLength,
    pattern: PATTERNS.userPoolId,
    patternMessage: 'must be `<region>_<id>`, e.g. `us-east-1_AbC123`',
  }),
  name: text({
    ...LIMITS.poolNameLength,
    pattern: PATTERNS.poolName,
    patternMessage: 'may contain letters, digits, spaces and `+ = , . @ -` only',
  }),
  clients: z.array(appClientSchema),
  groups: z.array(userPoolGroupSchema),
  attributes: z.array(userPoolAttributeSchema),
  federatedProviderIds: z.array(designId),
  preTokenGeneration: z
    .strictObject({
      addOrOverrideClaims: stringMap.optional(),
      suppressClaims: z.array(z.string()).optional(),
      groupsToOverride: z.array(z.string()).optional(),
      iamRolesToOverride: z.array(designId).optional(),
      preferredRole: designId.optional(),
    })
    .optional(),
  users: z.array(userPoolUserSchema),
});

export const providerRefSchema: z.ZodType<ProviderRef> = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('userPoolClient'), userPoolId: designId, clientId: designId }),
  z.strictObject({ type: z.literal('provider'), providerId: designId }),
]);

export const mappingRuleSchema: z.ZodType<MappingRule> = z.strictObject({
  id: designId,
  claim: text(LIMITS.claimLength),
  matchType: z.enum(['Equals', 'Contains', 'StartsWith', 'NotEqual']),
  value: text(LIMITS.ruleValueLength),
  roleId: designId,
});

export const roleMappingSchema: z.ZodType<RoleMapping> = z.strictObject({
  id: designId,
  provider: providerRefSchema,
  type: z.enum(['Token', 'Rules']),
  ambiguousRoleResolution: z.enum(['AuthenticatedRole', 'Deny']),
  rules: z.array(mappingRuleSchema),
});

export const principalTagMappingSchema: z.ZodType<PrincipalTagMapping> = z.strictObject({
  provider: providerRefSchema,
  useDefaults: z.boolean(),
  tags: stringMap,
});

export const identityPoolSchema: z.ZodType<IdentityPool> = z.strictObject({
  id: designId,
  poolId: text({
    max: LIMITS.identityIdMaxLength,
    pattern: PATTERNS.identityPoolId,
    patternMessage:
      'must be `<region>:<guid>` in lower case, e.g. `us-east-1:6f1a2b3c-4d5e-4f60-8a71-92b3c4d5e6f7`',
  }),
  name: text({
    ...LIMITS.poolNameLength,
    pattern: PATTERNS.poolName,
    patternMessage: 'may contain letters, digits, spaces and `+ = , . @ -` only',
  }),
  allowUnauthenticated: z.boolean(),
  allowClassicFlow: z.boolean(),
  acceptedProviders: z.array(providerRefSchema),
  authenticatedRoleId: designId.optional(),
  unauthenticatedRoleId: designId.optional(),
  roleMappings: z.array(roleMappingSchema),
  principalTags: z.array(principalTagMappingSchema),
});

const iamPath = text({
  ...LIMITS.iamPathLength,
  pattern: PATTERNS.iamPath,
  patternMessage: 'must be `/` or start and end with `/`, e.g. `/app/`',
});
const iamName = (range: { min: number; max: number }) =>
  text({
    ...range,
    pattern: PATTERNS.iamName,
    patternMessage: 'may contain letters, digits and `+ = , . @ _ -` only',
  });

export const managedPolicySchema: z.ZodType<ManagedPolicy> = z.strictObject({
  id: designId,
  name: iamName(LIMITS.policyNameLength),
  path: iamPath,
  description: text({ min: 0, max: LIMITS.iamDescriptionMaxLength }).optional(),
  document: policyDocumentSchema,
});

export const roleSchema: z.ZodType<Role> = z.strictObject({
  id: designId,
  name: iamName(LIMITS.roleNameLength),
  path: iamPath,
  description: text({ min: 0, max: LIMITS.iamDescriptionMaxLength }).optional(),
  trustPolicy: z.discriminatedUnion('mode', [
    z.strictObject({ mode: z.literal('generated') }),
    z.strictObject({ mode: z.literal('custom'), document: policyDocumentSchema }),
  ]),
  inlinePolicies: z.array(
    z.strictObject({ name: iamName(LIMITS.policyNameLength), document: policyDocumentSchema }),
  ),
  managedPolicyArns: z.array(policyArnString),
  permissionsBoundaryArn: policyArnString.optional(),
  maxSessionDuration: integer(LIMITS.maxSessionDuration.min, LIMITS.maxSessionDuration.max),
  tags: stringMap,
});

export const personaSchema: z.ZodType<Persona> = z.strictObject({
  id: designId,
  name: text({ max: 256 }),
  identityPoolId: designId,
  login: z.discriminatedUnion('type', [
    z.strictObject({ type: z.literal('guest') }),
    z.strictObject({
      type: z.literal('userPool'),
      userPoolId: designId,
      clientId: designId,
      username: text({ max: 128 }),
    }),
    z.strictObject({
      type: z.literal('provider'),
      providerId: designId,
      claims: z.record(z.string(), z.unknown()),
    }),
  ]),
  customRoleArn: roleArnString.optional(),
  identityId: text({
    max: LIMITS.identityIdMaxLength,
    pattern: PATTERNS.identityPoolId,
    patternMessage: 'must be `<region>:<guid>` in lower case',
  }).optional(),
});

const finite = z.number().refine(Number.isFinite, { error: 'must be a finite number' });

export const designDocumentSchema: z.ZodType<DesignDocument> = z.strictObject({
  format: z.literal(DESIGN_FORMAT),
  version: z.literal(DESIGN_VERSION),
  name: text({ max: 256 }),
  description: text({ min: 0, max: 10_000 }).optional(),
  account: accountSchema,
  providers: z.array(providerSchema),
  userPools: z.array(userPoolSchema),
  identityPools: z.array(identityPoolSchema),
  roles: z.array(roleSchema),
  managedPolicies: z.array(managedPolicySchema),
  personas: z.array(personaSchema),
  layout: z.strictObject({ positions: z.record(z.string(), z.strictObject({ x: finite, y: finite })) }),
});
