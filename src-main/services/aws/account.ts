// Which account the credentials belong to (shown in the apply confirmation, and checked against
// the design's account before anything is changed), and the profiles a person can pick.
// STS GetCallerIdentity needs no permission ("No permissions are required to perform this
// operation": https://docs.aws.amazon.com/STS/latest/APIReference/API_GetCallerIdentity.html).

import { GetCallerIdentityCommand } from '@aws-sdk/client-sts';
import { loadSharedConfigFiles } from '@smithy/core/config';
import type { AwsConnection } from './connection';
import { AwsAccessError, describeAwsError } from './errors';

/** The 12-digit account id of the connection's credentials. */
export async function callerAccount(connection: AwsConnection): Promise<string> {
  let account: string | undefined;
  try {
    account = (await connection.sts.send(new GetCallerIdentityCommand({}))).Account;
  } catch (error) {
    throw new AwsAccessError(describeAwsError(error, 'the caller identity', 'sts:GetCallerIdentity'));
  }
  if (!account || !/^\d{12}$/.test(account))
    throw new AwsAccessError('sts:GetCallerIdentity answered without an account id');
  return account;
}

/** Profile names from the shared config and credentials files (never their contents). */
export async function listProfiles(): Promise<string[]> {
  const files = await loadSharedConfigFiles({ ignoreCache: true });
  const names = new Set([...Object.keys(files.configFile), ...Object.keys(files.credentialsFile)]);
  return [...names].sort();
}
