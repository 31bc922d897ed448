// AWS limits and identifier formats the design document is checked against (design.md §5.1).
// The schema, the semantic validator and the inspector's inline validation all read them from here.
//
// Sources:
// - Identity pools: https://docs.aws.amazon.com/cognitoidentity/latest/APIReference/API_RoleMapping.html,
//   https://docs.aws.amazon.com/cognitoidentity/latest/APIReference/API_MappingRule.html,
//   https://docs.aws.amazon.com/cognitoidentity/latest/APIReference/API_CreateIdentityPool.html,
//   https://docs.aws.amazon.com/cognito/latest/developerguide/quotas.html
// - User pools: https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_CreateUserPool.html,
//   https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_CreateGroup.html
// - IAM: https://docs.aws.amazon.com/IAM/latest/APIReference/API_CreateRole.html,
//   https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_iam-quotas.html

export const LIMITS = {
  /** Role mappings per identity pool (RoleMappings map, max 10 entries). */
  roleMappingsPerPool: 10,
  /** Documented quota of rules per role mapping; above it we warn. */
  rulesPerMappingQuota: 25,
  /** The API model's hard maximum of rules per role mapping. */
  rulesPerMappingMax: 400,
  claimLength: { min: 1, max: 64 },
  ruleValueLength: { min: 1, max: 128 },
  /** SupportedLoginProviders map of an identity pool. */
  socialProvidersPerPool: 10,
  poolNameLength: { min: 1, max: 128 },
  /** Identity ids and identity pool ids. */
  identityIdMaxLength: 55,
  userPoolIdMaxLength: 55,
  /** PrincipalTags map of SetPrincipalTagAttributeMap. */
  principalTagsPerProvider: 50,
  principalTagKeyLength: { min: 1, max: 128 },
  principalTagClaimLength: { min: 1, max: 256 },
  appClientIdLength: { min: 1, max: 128 },
  developerProviderNameLength: { min: 1, max: 128 },
  groupNameLength: { min: 1, max: 128 },
  /** Group precedence is a non-negative 32-bit integer. */
  groupPrecedenceMax: 2_147_483_647,
  /** Name after the `custom:` prefix. */
  customAttributeNameLength: { min: 1, max: 20 },
  roleNameLength: { min: 1, max: 64 },
  policyNameLength: { min: 1, max: 128 },
  iamPathLength: { min: 1, max: 512 },
  iamDescriptionMaxLength: 1000,
  maxSessionDuration: { min: 3600, max: 43200 },
  /** Tags per IAM role. */
  roleTags: 50,
  tagKeyLength: { min: 1, max: 128 },
  tagValueMaxLength: 256,
  /** Managed policies attached to a role: default quota (warn above) and the maximum it can be raised to. */
  managedPoliciesPerRoleQuota: 10,
  managedPoliciesPerRoleMax: 20,
  arnMaxLength: 2048,
  /** Design ids (ours, not AWS's). */
  designIdLength: { min: 1, max: 128 },
} as const;

const REGION = '[a-z]{2}(?:-[a-z]+)+-\\d{1,2}';
const GUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';

export const PATTERNS = {
  accountId: /^\d{12}$/,
  region: new RegExp(`^${REGION}$`),
  /** `<region>_<id>`, e.g. `us-east-1_AbC123`. */
  userPoolId: new RegExp(`^${REGION}_[0-9a-zA-Z]+$`),
  /** `<region>:<guid>`; also the shape of identity ids. */
  identityPoolId: new RegExp(`^${REGION}:${GUID}$`),
  poolName: /^[\w\s+=,.@-]+$/,
  appClientId: /^[\w+]+$/,
  groupName: /^[\p{L}\p{M}\p{S}\p{N}\p{P}]+$/u,
  iamName: /^[\w+=,.@-]+$/,
  /** `/` or `/a/b/` with printable ASCII in between. */
  iamPath: /^(?:\/|\/[\u0021-\u007E]+\/)$/,
  developerProviderName: /^[\w._-]+$/,
  uuid: new RegExp(`^${GUID}$`, 'i'),
  designId: /^[\w.:-]+$/,
} as const;

const PARTITIONS = new Set(['aws', 'aws-cn', 'aws-us-gov']);

/**
 * Splits `arn:<partition>:iam::<account>:<kind>/<path/>name` without a backtracking regex, so a
 * huge string cannot stall validation.
 */
function parseIamArn(
  arn: string,
): { partition: string; account: string; kind: string; path: string; name: string } | undefined {
  if (arn.length > LIMITS.arnMaxLength) return undefined;
  const parts = arn.split(':');
  if (parts.length !== 6 || parts[0] !== 'arn' || parts[2] !== 'iam' || parts[3] !== '') return undefined;
  const [, partition = '', , , account = '', resource = ''] = parts;
  const slash = resource.indexOf('/');
  if (slash <= 0) return undefined;
  const lastSlash = resource.lastIndexOf('/');
  return {
    partition,
    account,
    kind: resource.slice(0, slash),
    path: resource.slice(slash, lastSlash + 1),
    name: resource.slice(lastSlash + 1),
  };
}

function isLength(value: string, range: { min: number; max: number }): boolean {
  return value.length >= range.min && value.length <= range.max;
}

/** Role ARN `arn:<partition>:iam::<account>:role/<path>/<name>`. */
export function isRoleArn(arn: string): boolean {
  const parsed = parseIamArn(arn);
  return (
    parsed !== undefined &&
    PARTITIONS.has(parsed.partition) &&
    PATTERNS.accountId.test(parsed.account) &&
    parsed.kind === 'role' &&
    PATTERNS.iamPath.test(parsed.path) &&
    isLength(parsed.name, LIMITS.roleNameLength) &&
    PATTERNS.iamName.test(parsed.name)
  );
}

/** Managed policy ARN: customer (`arn:aws:iam::<account>:policy/…`) or AWS managed (`arn:aws:iam::aws:policy/…`). */
export function isPolicyArn(arn: string): boolean {
  const parsed = parseIamArn(arn);
  return (
    parsed !== undefined &&
    PARTITIONS.has(parsed.partition) &&
    (parsed.account === 'aws' || PATTERNS.accountId.test(parsed.account)) &&
    parsed.kind === 'policy' &&
    PATTERNS.iamPath.test(parsed.path) &&
    isLength(parsed.name, LIMITS.policyNameLength) &&
    PATTERNS.iamName.test(parsed.name)
  );
}

/** IAM SAML provider ARN `arn:<partition>:iam::<account>:saml-provider/<name>` (name `[\w._-]{1,128}`). */
export function isSamlProviderArn(arn: string): boolean {
  const parsed = parseIamArn(arn);
  return (
    parsed !== undefined &&
    PARTITIONS.has(parsed.partition) &&
    PATTERNS.accountId.test(parsed.account) &&
    parsed.kind === 'saml-provider' &&
    parsed.path === '/' &&
    isLength(parsed.name, { min: 1, max: 128 }) &&
    /^[\w._-]+$/.test(parsed.name)
  );
}

/**
 * OIDC provider key as Cognito uses it: the issuer URL without `https://` (host, optional port and
 * path), e.g. `login.microsoftonline.com/<tenant>/v2.0`.
 */
export function isOidcIssuerKey(key: string): boolean {
  if (key.length === 0 || key.length > LIMITS.arnMaxLength) return false;
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(key)) return false;
  const slash = key.indexOf('/');
  const host = slash === -1 ? key : key.slice(0, slash);
  const path = slash === -1 ? '' : key.slice(slash);
  return (
    /^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)*(?::\d{1,5})?$/i.test(host) &&
    !/\s/.test(path)
  );
}

/** Standard user pool attributes (OpenID Connect standard claims Cognito supports). */
export const STANDARD_ATTRIBUTES: ReadonlySet<string> = new Set([
  'sub',
  'address',
  'birthdate',
  'email',
  'email_verified',
  'family_name',
  'gender',
  'given_name',
  'locale',
  'middle_name',
  'name',
  'nickname',
  'phone_number',
  'phone_number_verified',
  'picture',
  'preferred_username',
  'profile',
  'updated_at',
  'website',
  'zoneinfo',
]);
