// The AWS errors the simulator reproduces (design.md §5.2) and the documentation pages behind them.

import type { SimulationError } from './types';

export const DOCS = {
  roleBasedAccessControl:
    'https://docs.aws.amazon.com/cognito/latest/developerguide/role-based-access-control.html',
  roleTrust: 'https://docs.aws.amazon.com/cognito/latest/developerguide/role-trust-and-permissions.html',
  authenticationFlow: 'https://docs.aws.amazon.com/cognito/latest/developerguide/authentication-flow.html',
  iamRoles: 'https://docs.aws.amazon.com/cognito/latest/developerguide/iam-roles.html',
  userGroups: 'https://docs.aws.amazon.com/cognito/latest/developerguide/cognito-user-pools-user-groups.html',
  attributesForAccessControl:
    'https://docs.aws.amazon.com/cognito/latest/developerguide/attributes-for-access-control.html',
  usingAttributesForAccessControl:
    'https://docs.aws.amazon.com/cognito/latest/developerguide/using-afac-with-cognito-identity-pools.html',
  providerMappings: 'https://docs.aws.amazon.com/cognito/latest/developerguide/provider-mappings.html',
  getCredentialsForIdentity:
    'https://docs.aws.amazon.com/cognitoidentity/latest/APIReference/API_GetCredentialsForIdentity.html',
  samlRoleAttribute:
    'https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_providers_create_saml_assertions.html',
  preTokenGeneration:
    'https://docs.aws.amazon.com/cognito/latest/developerguide/user-pool-lambda-pre-token-generation.html',
  idToken:
    'https://docs.aws.amazon.com/cognito/latest/developerguide/amazon-cognito-user-pools-using-the-id-token.html',
} as const;

export const MESSAGES = {
  guestNotSupported: 'Unauthenticated access is not supported for this identity pool.',
  unsupportedProvider: 'Token is not from a supported provider of this identity pool.',
  invalidConfiguration: 'Invalid identity pool configuration. Check assigned IAM roles for this pool.',
  ambiguousDenied: (provider: string) =>
    `The ambiguous role mapping rules for: ${provider} denied this request.`,
} as const;

export function awsError(code: string, message: string): SimulationError {
  return { code, message, source: 'aws' };
}

export function inputError(message: string): SimulationError {
  return { code: 'InvalidSimulationInput', message, source: 'input' };
}

export function notAuthorized(message: string): SimulationError {
  return awsError('NotAuthorizedException', message);
}

export function invalidConfiguration(): SimulationError {
  return awsError('InvalidIdentityPoolConfigurationException', MESSAGES.invalidConfiguration);
}
