// The host API's account methods (shared/host/api.ts: awsListProfiles … awsApply) over this
// service. Designs arrive and leave as text; credentials and SDK objects never leave this process.
// Every failure is an AwsAccessError with one scrubbed line; the host turns it into its error shape.

import type { HostRequest, HostResponse } from '../../../shared/host/api';
import { loadDesign } from '../../../shared/model/io';
import { serializeDesign } from '../../../shared/model/serialize';
import type { DesignDocument } from '../../../shared/model/types';
import { listProfiles } from './account';
import { applyDesign, planDesign, planFingerprint } from './apply';
import { connect, disconnect, type AwsConnection, type AwsTarget } from './connection';
import { AwsAccessError, describeAwsError } from './errors';
import { callerAccount } from './account';
import { listPools } from './pool-read';
import { pullIdentityPools } from './pull';

export interface AwsHostMethods {
  awsListProfiles(request: HostRequest<'awsListProfiles'>): Promise<HostResponse<'awsListProfiles'>>;
  awsListIdentityPools(
    request: HostRequest<'awsListIdentityPools'>,
  ): Promise<HostResponse<'awsListIdentityPools'>>;
  awsPull(request: HostRequest<'awsPull'>): Promise<HostResponse<'awsPull'>>;
  awsPlan(request: HostRequest<'awsPlan'>): Promise<HostResponse<'awsPlan'>>;
  awsApply(request: HostRequest<'awsApply'>): Promise<HostResponse<'awsApply'>>;
}

function parseDesign(content: string): DesignDocument {
  const loaded = loadDesign(content);
  if (loaded.ok) return loaded.design;
  const first = loaded.issues.find((issue) => issue.severity === 'error') ?? loaded.issues[0];
  throw new AwsAccessError(
    `the design has errors; fix them before planning: ${first ? `${first.path}: ${first.message}` : 'it does not load'}`,
    'InvalidDesign',
  );
}

/** Runs with a fresh connection; any failure becomes one scrubbed line. */
async function withConnection<T>(
  target: AwsTarget,
  action: string,
  run: (connection: AwsConnection) => Promise<T>,
): Promise<T> {
  let connection: AwsConnection | undefined;
  try {
    connection = connect(target);
    return await run(connection);
  } catch (error) {
    if (error instanceof AwsAccessError) throw error;
    throw new AwsAccessError(describeAwsError(error, 'the account', action));
  } finally {
    if (connection) disconnect(connection);
  }
}

export function createAwsHostMethods(environment: NodeJS.ProcessEnv = process.env): AwsHostMethods {
  return {
    async awsListProfiles() {
      const profiles = await listProfiles().catch(() => []);
      const defaultProfile = environment.AWS_PROFILE;
      const defaultRegion = environment.AWS_REGION ?? environment.AWS_DEFAULT_REGION;
      return {
        profiles,
        ...(defaultProfile ? { defaultProfile } : {}),
        ...(defaultRegion ? { defaultRegion } : {}),
      };
    },
    awsListIdentityPools({ target }) {
      return withConnection(target, 'cognito-identity:ListIdentityPools', async (connection) => ({
        accountId: await callerAccount(connection),
        region: connection.region,
        pools: await listPools(connection.cognitoIdentity),
      }));
    },
    awsPull({ target, identityPoolIds }) {
      return withConnection(target, 'pull', async (connection) => {
        const pulled = await pullIdentityPools(connection, identityPoolIds);
        if (!('design' in pulled)) throw new AwsAccessError(pulled.problems[0] ?? 'nothing could be read');
        return {
          accountId: pulled.accountId,
          region: pulled.region,
          content: serializeDesign(pulled.design),
          problems: pulled.problems,
          missing: pulled.report.missing,
          assumptions: pulled.report.assumptions,
          warnings: pulled.report.warnings,
        };
      });
    },
    awsPlan({ target, content }) {
      const design = parseDesign(content);
      return withConnection({ region: design.account.region, ...target }, 'plan', async (connection) => {
        const plan = await planDesign(connection, design);
        return { ...plan, fingerprint: planFingerprint(plan) };
      });
    },
    awsApply({ target, content, fingerprint, adopt, allowDelete }) {
      const design = parseDesign(content);
      return withConnection({ region: design.account.region, ...target }, 'apply', async (connection) => {
        const result = await applyDesign(connection, design, {
          adopt,
          allowDelete,
          confirmedFingerprint: fingerprint,
        });
        return {
          accountId: result.accountId,
          region: result.region,
          ok: result.ok,
          steps: result.steps,
          ...(result.failure ? { failure: result.failure } : {}),
          ...(result.designChanged ? { content: serializeDesign(result.design) } : {}),
        };
      });
    },
  };
}
