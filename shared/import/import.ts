// Builds a design from AWS CLI JSON dumps (any subset). Pure: the CLI reads the files and writes
// the result. What the dumps do not say is reported as missing or assumed, never silently invented.

import {
  DESIGN_FORMAT,
  DESIGN_VERSION,
  type AccountContext,
  type DesignDocument,
  type Partition,
} from '../model/types';
import { ImportContext } from './context';
import { ensureRole, trustsCognitoIdentity } from './iam-roles';
import { importIdentityPools, type IdentityPoolDumps } from './identity-pools';
import { parseDump, type ParsedDump } from './shapes';
import type { DumpFile, ImportOptions, ImportProblem, ImportResult, RecognizedDump } from './types';
import { importUserPools, type UserPoolDumps } from './user-pools';
import { parseArn, regionOfPoolId } from './values';

const PLACEHOLDER_ACCOUNT = '000000000000';
const PLACEHOLDER_REGION = 'us-east-1';

export function importAwsDumps(files: readonly DumpFile[], options: ImportOptions = {}): ImportResult {
  const problems: ImportProblem[] = [];
  const parsed: Array<{ file: string; dump: ParsedDump }> = [];
  for (const file of files) {
    const result = parseDump(file.name, file.content);
    if ('kind' in result) parsed.push({ file: file.name, dump: result });
    else problems.push(result);
  }
  if (problems.length > 0) return { ok: false, problems };
  if (parsed.length === 0)
    return { ok: false, problems: [{ file: '(none)', path: '$', message: 'no input files' }] };

  const dumps = parsed.map((entry) => entry.dump);
  const notes: string[] = [];
  const account = inferAccount(dumps, notes);
  const context = new ImportContext(account);
  notes.forEach((note) => context.assume(note));
  context.report.recognized.push(...parsed.map(({ file, dump }) => describeDump(file, dump)));

  const identityDumps: IdentityPoolDumps = { pools: [], roles: [], tagMaps: [] };
  const userPoolDumps: UserPoolDumps = { pools: [], clients: [], groups: [] };
  let hasIamDetails = false;
  const definedIn = new Map<string, { file: string; canonical: string }>();
  for (const { file, dump } of parsed) {
    switch (dump.kind) {
      case 'describe-identity-pool':
        identityDumps.pools.push(dump.data);
        break;
      case 'get-identity-pool-roles':
        identityDumps.roles.push(dump.data);
        break;
      case 'get-principal-tag-attribute-map':
        identityDumps.tagMaps.push(dump.data);
        break;
      case 'get-account-authorization-details':
        hasIamDetails = true;
        for (const role of dump.data.RoleDetailList ?? []) {
          warnIfRedefined(context, 'role', role.Arn, role, file, definedIn);
          context.roleDetails.set(role.Arn, role);
        }
        for (const policy of dump.data.Policies ?? []) {
          warnIfRedefined(context, 'managed policy', policy.Arn, policy, file, definedIn);
          context.policyDetails.set(policy.Arn, policy);
        }
        break;
      case 'describe-user-pool':
        userPoolDumps.pools.push(dump.data);
        break;
      case 'list-groups':
        userPoolDumps.groups.push(dump.data);
        break;
      case 'describe-user-pool-client':
        userPoolDumps.clients.push(dump.data);
        break;
    }
  }

  importUserPools(context, userPoolDumps);
  importIdentityPools(context, identityDumps);
  importCognitoTrustedRoles(context);
  reportAbsentKinds(context, dumps, hasIamDetails);

  const design: DesignDocument = {
    format: DESIGN_FORMAT,
    version: DESIGN_VERSION,
    name: options.name ?? context.identityPools[0]?.name ?? context.userPools[0]?.name ?? 'Imported design',
    description: `Imported from AWS CLI output: ${parsed
      .map((entry) => entry.dump.kind)
      .filter(unique)
      .join(', ')}.`,
    account,
    providers: context.providers,
    userPools: context.userPools,
    identityPools: context.identityPools,
    roles: context.roles,
    managedPolicies: context.managedPolicies,
    personas: [],
    layout: { positions: {} },
  };
  context.missing(
    'personas and canvas positions: not part of AWS; add personas to simulate and review access',
  );
  return { ok: true, design, report: context.report };
}

function unique<T>(value: T, index: number, array: readonly T[]): boolean {
  return array.indexOf(value) === index;
}

/** Roles trusting Cognito identity that no pool references still matter (basic flow, hand-picked CustomRoleArn). */
function importCognitoTrustedRoles(context: ImportContext): void {
  let skipped = 0;
  for (const [arn, detail] of context.roleDetails) {
    if (context.roleByArn.has(arn)) continue;
    if (trustsCognitoIdentity(detail))
      ensureRole(context, arn, 'its trust policy (cognito-identity.amazonaws.com)');
    else skipped += 1;
  }
  if (skipped > 0) {
    context.warn(
      `${skipped} role(s) in get-account-authorization-details neither trust cognito-identity.amazonaws.com nor are used by the pools; not imported`,
    );
  }
}

function reportAbsentKinds(context: ImportContext, dumps: ParsedDump[], hasIamDetails: boolean): void {
  const kinds = new Set(dumps.map((dump) => dump.kind));
  if (!kinds.has('describe-identity-pool') && !kinds.has('get-identity-pool-roles')) {
    context.missing(
      'identity pools: no describe-identity-pool / get-identity-pool-roles output — run `aws cognito-identity describe-identity-pool --identity-pool-id <id>`',
    );
  }
  if (!hasIamDetails) {
    context.missing(
      'IAM roles and policies: no get-account-authorization-details output — run `aws iam get-account-authorization-details --filter Role LocalManagedPolicy`',
    );
  }
  for (const userPool of context.userPools) {
    if (
      !dumps.some(
        (dump) =>
          dump.kind === 'list-groups' &&
          dump.data.Groups.some((group) => group.UserPoolId === userPool.poolId),
      )
    ) {
      context.missing(
        `groups of user pool ${userPool.poolId}: no list-groups output (or no groups) — run \`aws cognito-idp list-groups --user-pool-id ${userPool.poolId}\``,
      );
    }
  }
  for (const pool of context.identityPools) {
    const mapped = pool.principalTags.length > 0;
    if (!mapped && pool.acceptedProviders.length > 0 && !kinds.has('get-principal-tag-attribute-map')) {
      context.missing(
        `principal tags of identity pool ${pool.poolId}: no get-principal-tag-attribute-map output — run \`aws cognito-identity get-principal-tag-attribute-map --identity-pool-id ${pool.poolId} --identity-provider-name <provider>\` per provider`,
      );
    }
  }
}

function describeDump(file: string, dump: ParsedDump): RecognizedDump {
  switch (dump.kind) {
    case 'describe-identity-pool':
      return {
        file,
        kind: dump.kind,
        summary: `identity pool "${dump.data.IdentityPoolName}" (${dump.data.IdentityPoolId})`,
      };
    case 'get-identity-pool-roles':
      return {
        file,
        kind: dump.kind,
        summary: `roles of ${dump.data.IdentityPoolId}: ${Object.keys(dump.data.Roles ?? {}).length} default, ${Object.keys(dump.data.RoleMappings ?? {}).length} mapping(s)`,
      };
    case 'get-principal-tag-attribute-map':
      return {
        file,
        kind: dump.kind,
        summary: `principal tags of ${dump.data.IdentityPoolId} for ${dump.data.IdentityProviderName}`,
      };
    case 'get-account-authorization-details':
      return {
        file,
        kind: dump.kind,
        summary: `${dump.data.RoleDetailList?.length ?? 0} role(s), ${dump.data.Policies?.length ?? 0} managed polic(ies)`,
      };
    case 'describe-user-pool':
      return {
        file,
        kind: dump.kind,
        summary: `user pool "${dump.data.UserPool.Name ?? dump.data.UserPool.Id}" (${dump.data.UserPool.Id})`,
      };
    case 'list-groups':
      return { file, kind: dump.kind, summary: `${dump.data.Groups.length} group(s)` };
    case 'describe-user-pool-client':
      return {
        file,
        kind: dump.kind,
        summary: `app client "${dump.data.UserPoolClient.ClientName ?? dump.data.UserPoolClient.ClientId}" of ${dump.data.UserPoolClient.UserPoolId}`,
      };
  }
}

/** Every ARN and pool id in the dumps, for the account context. */
function collectIdentifiers(dumps: ParsedDump[]): { arns: string[]; poolIds: string[] } {
  const arns: string[] = [];
  const poolIds: string[] = [];
  for (const dump of dumps) {
    switch (dump.kind) {
      case 'describe-identity-pool':
        poolIds.push(dump.data.IdentityPoolId);
        arns.push(...(dump.data.OpenIdConnectProviderARNs ?? []), ...(dump.data.SamlProviderARNs ?? []));
        break;
      case 'get-identity-pool-roles':
        poolIds.push(dump.data.IdentityPoolId);
        arns.push(...Object.values(dump.data.Roles ?? {}));
        for (const mapping of Object.values(dump.data.RoleMappings ?? {})) {
          arns.push(...(mapping.RulesConfiguration?.Rules ?? []).map((rule) => rule.RoleARN));
        }
        break;
      case 'get-principal-tag-attribute-map':
        poolIds.push(dump.data.IdentityPoolId);
        break;
      case 'get-account-authorization-details':
        arns.push(
          ...(dump.data.RoleDetailList ?? []).map((role) => role.Arn),
          ...(dump.data.Policies ?? []).map((policy) => policy.Arn),
        );
        break;
      case 'describe-user-pool':
        poolIds.push(dump.data.UserPool.Id);
        if (dump.data.UserPool.Arn) arns.push(dump.data.UserPool.Arn);
        break;
      case 'list-groups':
        for (const group of dump.data.Groups) {
          poolIds.push(group.UserPoolId);
          if (group.RoleArn) arns.push(group.RoleArn);
        }
        break;
      case 'describe-user-pool-client':
        poolIds.push(dump.data.UserPoolClient.UserPoolId);
        break;
    }
  }
  return { arns, poolIds };
}

function inferAccount(dumps: ParsedDump[], notes: string[]): AccountContext {
  const { arns, poolIds } = collectIdentifiers(dumps);
  const parsedArns = arns.map(parseArn).filter((arn) => arn !== undefined);
  const accounts = mostCommon(
    parsedArns.map((arn) => arn.account).filter((account) => /^\d{12}$/.test(account)),
  );
  const partitions = mostCommon(parsedArns.map((arn) => arn.partition));
  const regions = mostCommon(poolIds.map(regionOfPoolId).filter((region) => region !== undefined));

  let accountId = accounts[0];
  if (accountId === undefined) {
    accountId = PLACEHOLDER_ACCOUNT;
    notes.push(
      `account id: no ARN in the dumps names an account; set to the placeholder ${PLACEHOLDER_ACCOUNT} — change it before exporting`,
    );
  } else {
    notes.push(`account id ${accountId}: taken from the ARNs in the dumps`);
    if (accounts.length > 1)
      notes.push(
        `the ARNs name several accounts (${accounts.join(', ')}); ${accountId} (the most frequent) was used`,
      );
  }
  const partition: Partition = partitions[0] ?? 'aws';
  if (partitions[0] === undefined) notes.push('partition: no ARN in the dumps; assumed aws');
  let region = regions[0];
  if (region === undefined) {
    region = PLACEHOLDER_REGION;
    notes.push(`region: no pool id in the dumps; assumed ${PLACEHOLDER_REGION}`);
  } else {
    notes.push(`region ${region}: taken from the pool ids`);
  }
  return { accountId, partition, region };
}

/** Distinct values, most frequent first (ties keep first-seen order). */
function mostCommon<T>(values: readonly T[]): T[] {
  const counts = new Map<T, number>();
  for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1);
  return [...counts.entries()].sort((a, b) => b[1] - a[1]).map(([value]) => value);
}

/** JSON with object keys sorted, so two dumps of the same entity compare equal whatever their key order. */
function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (typeof value === 'object' && value !== null) {
    const entries = Object.keys(value)
      .sort()
      .map((key) => `${JSON.stringify(key)}:${canonicalJson((value as Record<string, unknown>)[key])}`);
    return `{${entries.join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/**
 * Two dumps that define the same role or policy differently (taken at different times, or from
 * different accounts' files renamed alike) would otherwise end with the last one silently winning.
 */
function warnIfRedefined(
  context: ImportContext,
  kind: string,
  arn: string,
  detail: unknown,
  file: string,
  definedIn: Map<string, { file: string; canonical: string }>,
): void {
  const key = `${kind}\u0000${arn}`;
  const canonical = canonicalJson(detail);
  const earlier = definedIn.get(key);
  if (earlier && earlier.canonical !== canonical) {
    context.warn(
      `${kind} ${arn} is defined differently in ${earlier.file} and ${file}; the definition in ${file} (the later file) was used`,
    );
  }
  definedIn.set(key, { file, canonical });
}
