// Pull: reads identity pools and everything they name from an account, as the API responses the
// offline import already understands (shared/import), and builds a design from them. Read-only.
// Lists are paginated; throttling is retried by the SDK's retry strategy; a refusal on one item is
// reported for that item and the pull goes on.

import {
  DescribeUserPoolClientCommand,
  DescribeUserPoolCommand,
  paginateListGroups,
  paginateListUserPoolClients,
} from '@aws-sdk/client-cognito-identity-provider';
import { GetOpenIDConnectProviderCommand, GetSAMLProviderCommand } from '@aws-sdk/client-iam';
import { importAwsDumps, type DumpFile, type ImportReport } from '../../../shared/import';
import type { ObservedRole } from '../../../shared/export/plan';
import { oidcProviderArn } from '../../../shared/model/keys';
import type { DesignDocument } from '../../../shared/model/types';
import { callerAccount } from './account';
import type { AwsConnection } from './connection';
import { describeAwsError } from './errors';
import { readPolicy, readRole, roleNameOfArn } from './iam-read';
import { describePool, readPoolRoles, readPrincipalTagMap } from './pool-read';

export interface PullResult {
  accountId: string;
  region: string;
  design: DesignDocument;
  report: ImportReport;
  /** Items that could not be read (access denied, not found, …), one line each. */
  problems: string[];
}

/** Drops the SDK's response metadata so the dump is the API's JSON response. */
function body<T extends object>(response: T): Omit<T, '$metadata'> {
  const copy = { ...response } as T & { $metadata?: unknown };
  delete copy.$metadata;
  return copy;
}

export async function pullIdentityPools(
  connection: AwsConnection,
  poolIds: string[],
  options: { name?: string } = {},
): Promise<PullResult | { problems: string[] }> {
  const accountId = await callerAccount(connection);
  const problems: string[] = [];
  const dumps: DumpFile[] = [];
  const attempt = async <T>(
    resource: string,
    action: string,
    read: () => Promise<T>,
  ): Promise<T | undefined> => {
    try {
      return await read();
    } catch (error) {
      problems.push(describeAwsError(error, resource, action));
      return undefined;
    }
  };

  const roleArns = new Set<string>();
  const userPoolIds = new Set<string>();
  for (const poolId of poolIds) {
    const resource = `identity pool ${poolId}`;
    const pool = await attempt(resource, 'cognito-identity:DescribeIdentityPool', () =>
      describePool(connection.cognitoIdentity, poolId),
    );
    if (pool === null) problems.push(`${resource}: no such identity pool in ${connection.region}`);
    if (!pool) continue;
    dumps.push({ name: `DescribeIdentityPool ${poolId}`, content: body(pool) });
    const roles = await attempt(resource, 'cognito-identity:GetIdentityPoolRoles', () =>
      readPoolRoles(connection.cognitoIdentity, poolId),
    );
    if (roles) {
      dumps.push({ name: `GetIdentityPoolRoles ${poolId}`, content: { IdentityPoolId: poolId, ...roles } });
      for (const arn of Object.values(roles.Roles)) roleArns.add(arn);
      for (const mapping of Object.values(roles.RoleMappings))
        for (const rule of mapping.RulesConfiguration?.Rules ?? []) roleArns.add(rule.RoleARN);
    }
    const providerNames = new Set<string>([
      ...(pool.CognitoIdentityProviders ?? []).map((provider) => provider.ProviderName ?? ''),
      ...Object.keys(pool.SupportedLoginProviders ?? {}),
      ...(pool.OpenIdConnectProviderARNs ?? []).map((arn) => arn.slice(arn.indexOf('oidc-provider/') + 14)),
      ...(pool.SamlProviderARNs ?? []),
    ]);
    for (const name of [...providerNames].filter(Boolean)) {
      const map = await attempt(
        `${resource} principal tags for ${name}`,
        'cognito-identity:GetPrincipalTagAttributeMap',
        () => readPrincipalTagMap(connection.cognitoIdentity, poolId, name),
      );
      if (map) {
        dumps.push({
          name: `GetPrincipalTagAttributeMap ${poolId} ${name}`,
          content: { IdentityPoolId: poolId, IdentityProviderName: name, ...map },
        });
      }
    }
    for (const provider of pool.CognitoIdentityProviders ?? []) {
      const userPoolId = provider.ProviderName?.split('/').pop();
      if (userPoolId) userPoolIds.add(userPoolId);
    }
  }

  for (const userPoolId of userPoolIds) {
    for (const arn of await pullUserPool(connection, userPoolId, dumps, attempt, problems)) roleArns.add(arn);
  }

  const roleDetails: unknown[] = [];
  const readRoles = new Map<string, ObservedRole>();
  const policyArns = new Set<string>();
  for (const arn of roleArns) {
    const name = roleNameOfArn(arn);
    const role = await attempt(`role ${name}`, 'iam:GetRole', () => readRole(connection.iam, name));
    if (role === null) problems.push(`role ${name}: named by an identity pool or group but does not exist`);
    if (!role) continue;
    readRoles.set(role.RoleName, role);
    for (const policyArn of [...role.AttachedPolicyArns, role.PermissionsBoundaryArn ?? '']) {
      if (policyArn && !policyArn.includes(':iam::aws:policy/')) policyArns.add(policyArn);
    }
    roleDetails.push({
      RoleName: role.RoleName,
      Path: role.Path,
      Arn: role.Arn,
      AssumeRolePolicyDocument: role.AssumeRolePolicyDocument,
      RolePolicyList: Object.entries(role.InlinePolicies).map(([PolicyName, PolicyDocument]) => ({
        PolicyName,
        PolicyDocument,
      })),
      AttachedManagedPolicies: role.AttachedPolicyArns.map((PolicyArn) => ({ PolicyArn })),
      ...(role.PermissionsBoundaryArn
        ? { PermissionsBoundary: { PermissionsBoundaryArn: role.PermissionsBoundaryArn } }
        : {}),
      Tags: Object.entries(role.Tags).map(([Key, Value]) => ({ Key, Value })),
    });
  }
  const policies: unknown[] = [];
  for (const arn of policyArns) {
    const policy = await attempt(`managed policy ${arn}`, 'iam:GetPolicy', () =>
      readPolicy(connection.iam, arn),
    );
    if (!policy) continue;
    policies.push({
      PolicyName: policy.PolicyName,
      Arn: policy.Arn,
      Path: policy.Path,
      DefaultVersionId: policy.DefaultVersionId,
      PolicyVersionList: [
        { Document: policy.Document, VersionId: policy.DefaultVersionId, IsDefaultVersion: true },
      ],
    });
  }
  if (roleDetails.length > 0 || policies.length > 0) {
    dumps.push({
      name: 'IAM roles and policies',
      content: { RoleDetailList: roleDetails, Policies: policies },
    });
  }

  const imported = importAwsDumps(dumps, options.name === undefined ? {} : { name: options.name });
  if (!imported.ok) {
    return {
      problems: [
        ...problems,
        ...imported.problems.map((problem) => `${problem.file}: ${problem.path}: ${problem.message}`),
      ],
    };
  }
  // GetRole reports what the authorization-details shape the import reads lacks; the account id
  // comes from STS rather than from ARNs.
  const design: DesignDocument = {
    ...imported.design,
    account: { ...imported.design.account, accountId, region: connection.region },
    roles: imported.design.roles.map((role) => {
      const read = readRoles.get(role.name);
      if (!read) return role;
      return {
        ...role,
        ...(read.MaxSessionDuration !== undefined ? { maxSessionDuration: read.MaxSessionDuration } : {}),
        ...(read.Description ? { description: read.Description } : {}),
      };
    }),
  };
  const oidcKeysRead = await readIdentityProviders(connection, design, attempt);
  const report: ImportReport = {
    ...imported.report,
    missing: imported.report.missing.filter(
      (line) => !oidcKeysRead.some((key) => line.startsWith(`OIDC provider ${key}: `)),
    ),
    assumptions: imported.report.assumptions.filter(
      (line) => !line.startsWith('account id ') && !line.startsWith('maximum session duration:'),
    ),
  };
  return { accountId, region: connection.region, design, report, problems };
}

/**
 * Fills in what the pool settings do not say about OIDC providers (their client ids, the audiences
 * Cognito accepts) and checks that SAML providers exist. Returns the OIDC provider keys read.
 */
async function readIdentityProviders(
  connection: AwsConnection,
  design: DesignDocument,
  attempt: <T>(resource: string, action: string, read: () => Promise<T>) => Promise<T | undefined>,
): Promise<string[]> {
  const read: string[] = [];
  for (const provider of design.providers) {
    if (provider.kind === 'oidc') {
      const arn = oidcProviderArn(design.account, provider);
      const answer = await attempt(
        `OIDC provider ${provider.providerKey}`,
        'iam:GetOpenIDConnectProvider',
        () => connection.iam.send(new GetOpenIDConnectProviderCommand({ OpenIDConnectProviderArn: arn })),
      );
      if (!answer) continue;
      provider.clientIds = [...(answer.ClientIDList ?? [])];
      read.push(provider.providerKey);
    } else if (provider.kind === 'saml') {
      await attempt(`SAML provider ${provider.providerKey}`, 'iam:GetSAMLProvider', () =>
        connection.iam.send(new GetSAMLProviderCommand({ SAMLProviderArn: provider.providerKey })),
      );
    }
  }
  return read;
}

/** Reads a user pool, its groups and app clients; returns the role ARNs its groups name. */
async function pullUserPool(
  connection: AwsConnection,
  userPoolId: string,
  dumps: DumpFile[],
  attempt: <T>(resource: string, action: string, read: () => Promise<T>) => Promise<T | undefined>,
  problems: string[],
): Promise<string[]> {
  const resource = `user pool ${userPoolId}`;
  if (!userPoolId.startsWith(`${connection.region}_`)) {
    problems.push(`${resource}: in another region than ${connection.region}; not read`);
    return [];
  }
  const client = connection.userPools;
  const pool = await attempt(resource, 'cognito-idp:DescribeUserPool', () =>
    client.send(new DescribeUserPoolCommand({ UserPoolId: userPoolId })),
  );
  if (pool) dumps.push({ name: `DescribeUserPool ${userPoolId}`, content: body(pool) });
  const roleArns: string[] = [];
  const groups = await attempt(resource, 'cognito-idp:ListGroups', async () => {
    const all = [];
    for await (const page of paginateListGroups({ client }, { UserPoolId: userPoolId }))
      all.push(...(page.Groups ?? []));
    return all;
  });
  if (groups) {
    dumps.push({ name: `ListGroups ${userPoolId}`, content: { Groups: groups } });
    for (const group of groups) if (group.RoleArn) roleArns.push(group.RoleArn);
  }
  const clientIds = await attempt(resource, 'cognito-idp:ListUserPoolClients', async () => {
    const ids: string[] = [];
    for await (const page of paginateListUserPoolClients({ client }, { UserPoolId: userPoolId }))
      for (const entry of page.UserPoolClients ?? []) if (entry.ClientId) ids.push(entry.ClientId);
    return ids;
  });
  for (const clientId of clientIds ?? []) {
    const described = await attempt(
      `${resource} app client ${clientId}`,
      'cognito-idp:DescribeUserPoolClient',
      () => client.send(new DescribeUserPoolClientCommand({ UserPoolId: userPoolId, ClientId: clientId })),
    );
    if (!described?.UserPoolClient) continue;
    // The client secret is a credential: it never enters a dump or a design.
    const { ClientSecret: _secret, ...clientFields } = described.UserPoolClient;
    dumps.push({ name: `DescribeUserPoolClient ${clientId}`, content: { UserPoolClient: clientFields } });
  }
  return roleArns;
}
