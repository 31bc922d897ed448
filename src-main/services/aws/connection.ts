// One connection to an AWS account: the standard credential chain (environment, shared config
// and credentials files with the chosen profile — including SSO and credential_process —, container
// and instance roles), a region and an optional endpoint override for local emulators.
// https://docs.aws.amazon.com/sdkref/latest/guide/standardized-credentials.html
// https://docs.aws.amazon.com/sdkref/latest/guide/feature-ss-endpoints.html
// Credentials stay inside the SDK clients built here; nothing else receives them.

import { CognitoIdentityClient } from '@aws-sdk/client-cognito-identity';
import { CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider';
import { IAMClient } from '@aws-sdk/client-iam';
import { STSClient } from '@aws-sdk/client-sts';
import { fromNodeProviderChain } from '@aws-sdk/credential-providers';
import type { AwsCredentialIdentityProvider } from '@smithy/types';
import { AwsAccessError } from './errors';

/** Where to connect; every field is optional and falls back to the environment. */
export interface AwsTarget {
  /** Named profile of the shared config files; default `AWS_PROFILE`, then `default`. */
  profile?: string;
  /** Default `AWS_REGION`, then `AWS_DEFAULT_REGION`. */
  region?: string;
  /** Endpoint override, e.g. `http://127.0.0.1:5000`; default `AWS_ENDPOINT_URL`. */
  endpointUrl?: string;
}

export interface AwsConnection {
  region: string;
  endpointUrl: string | undefined;
  iam: IAMClient;
  cognitoIdentity: CognitoIdentityClient;
  userPools: CognitoIdentityProviderClient;
  sts: STSClient;
  credentials: AwsCredentialIdentityProvider;
}

/** Attempts per call, throttling and transient errors included (the SDK's standard retry strategy). */
const MAX_ATTEMPTS = 6;

export function resolveRegion(target: AwsTarget, environment: NodeJS.ProcessEnv = process.env): string {
  const region = target.region ?? environment.AWS_REGION ?? environment.AWS_DEFAULT_REGION;
  if (!region) throw new AwsAccessError('no AWS region: pass --region or set AWS_REGION');
  if (!/^[a-z]{2}(-[a-z]+)+-\d+$/.test(region)) throw new AwsAccessError(`not an AWS region: '${region}'`);
  return region;
}

export function resolveEndpoint(
  target: AwsTarget,
  environment: NodeJS.ProcessEnv = process.env,
): string | undefined {
  const endpoint = target.endpointUrl ?? environment.AWS_ENDPOINT_URL;
  if (!endpoint) return undefined;
  let url: URL;
  try {
    url = new URL(endpoint);
  } catch {
    throw new AwsAccessError(`not a URL: endpoint '${endpoint}'`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new AwsAccessError(`endpoint must be http:// or https:// (got '${url.protocol}')`);
  }
  if (url.username || url.password)
    throw new AwsAccessError('the endpoint URL must not carry a user name or password');
  return url.toString().replace(/\/$/, '');
}

export function connect(target: AwsTarget): AwsConnection {
  // The app runs on Node 20 (design.md §3). The SDK warns, on several lines of stderr, that releases
  // after January 2027 will need Node 22 — about future versions, not this one — which would break
  // the CLI's one-line messages. Anyone can still turn it on by setting the variable to `false`.
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
  const region = resolveRegion(target);
  const endpointUrl = resolveEndpoint(target);
  const credentials = fromNodeProviderChain(target.profile ? { profile: target.profile } : {});
  const config = {
    region,
    credentials,
    maxAttempts: MAX_ATTEMPTS,
    ...(endpointUrl ? { endpoint: endpointUrl } : {}),
  };
  return {
    region,
    endpointUrl,
    credentials,
    // IAM is global: its endpoint lives in us-east-1 for the aws partition whatever the design's region.
    iam: new IAMClient(config),
    cognitoIdentity: new CognitoIdentityClient(config),
    userPools: new CognitoIdentityProviderClient(config),
    sts: new STSClient(config),
  };
}

export function disconnect(connection: AwsConnection): void {
  connection.iam.destroy();
  connection.cognitoIdentity.destroy();
  connection.userPools.destroy();
  connection.sts.destroy();
}
