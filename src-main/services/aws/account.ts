// Which account the credentials belong to (shown in the apply confirmation, and checked against
// the design's account before anything is changed), and the profiles a person can pick.
// STS GetCallerIdentity needs no permission ("No permissions are required to perform this
// operation": https://docs.aws.amazon.com/STS/latest/APIReference/API_GetCallerIdentity.html).
// The SDK's STS client is not a dependency of the app, so the one Query API call is signed here
// with the SDK's own SigV4 signer.

import { createHash, createHmac, type Hash, type Hmac } from 'node:crypto';
import { loadSharedConfigFiles } from '@smithy/core/config';
import { SignatureV4 } from '@smithy/signature-v4';
import type { SourceData } from '@smithy/types';
import type { AwsConnection } from './connection';
import { AwsAccessError, describeAwsError } from './errors';

function bytes(data: SourceData): string | Uint8Array {
  if (typeof data === 'string' || data instanceof Uint8Array) return data;
  return ArrayBuffer.isView(data)
    ? new Uint8Array(data.buffer, data.byteOffset, data.byteLength)
    : new Uint8Array(data);
}

class NodeSha256 {
  private readonly hash: Hash | Hmac;
  constructor(secret?: SourceData) {
    this.hash = secret === undefined ? createHash('sha256') : createHmac('sha256', bytes(secret));
  }
  update(data: SourceData): void {
    this.hash.update(bytes(data));
  }
  digest(): Promise<Uint8Array> {
    return Promise.resolve(new Uint8Array(this.hash.digest()));
  }
}

function stsEndpoint(connection: AwsConnection): URL {
  return new URL(connection.endpointUrl ?? `https://sts.${connection.region}.amazonaws.com`);
}

/** The 12-digit account id of the connection's credentials. */
export async function callerAccount(connection: AwsConnection): Promise<string> {
  const url = stsEndpoint(connection);
  const body = 'Action=GetCallerIdentity&Version=2011-06-15';
  const signer = new SignatureV4({
    credentials: connection.credentials,
    region: connection.region,
    service: 'sts',
    sha256: NodeSha256,
  });
  let text: string;
  try {
    const signed = await signer.sign({
      method: 'POST',
      protocol: url.protocol,
      hostname: url.hostname,
      ...(url.port ? { port: Number(url.port) } : {}),
      path: url.pathname || '/',
      query: {},
      headers: { host: url.host, 'content-type': 'application/x-www-form-urlencoded; charset=utf-8' },
      body,
    });
    const response = await fetch(url, { method: 'POST', headers: signed.headers, body });
    text = await response.text();
    if (!response.ok) {
      const code = /<Code>([^<]+)<\/Code>/.exec(text)?.[1] ?? `HTTP ${response.status}`;
      const message = /<Message>([^<]+)<\/Message>/.exec(text)?.[1] ?? '';
      throw Object.assign(new Error(message), { name: code });
    }
  } catch (error) {
    throw new AwsAccessError(describeAwsError(error, 'the caller identity', 'sts:GetCallerIdentity'));
  }
  const account = /<Account>(\d{12})<\/Account>/.exec(text)?.[1];
  if (!account) throw new AwsAccessError('sts:GetCallerIdentity answered without an account id');
  return account;
}

/** Profile names from the shared config and credentials files (never their contents). */
export async function listProfiles(): Promise<string[]> {
  const files = await loadSharedConfigFiles({ ignoreCache: true });
  const names = new Set([...Object.keys(files.configFile), ...Object.keys(files.credentialsFile)]);
  return [...names].sort();
}
