// Mutable state shared by the import steps: the design being built, lookups by AWS identifier,
// and the report. Each step (iam-roles, user-pools, identity-pools) adds to it.

import type {
  AccountContext,
  AppClient,
  IdentityPool,
  ManagedPolicy,
  Provider,
  Role,
  UserPool,
} from '../model/types';
import type { ManagedPolicyDetail, RoleDetail } from './shapes';
import type { ImportReport } from './types';
import { IdAllocator } from './values';

export class ImportContext {
  readonly ids = new IdAllocator();
  readonly report: ImportReport = { recognized: [], missing: [], assumptions: [], warnings: [] };

  readonly providers: Provider[] = [];
  readonly userPools: UserPool[] = [];
  readonly identityPools: IdentityPool[] = [];
  readonly roles: Role[] = [];
  readonly managedPolicies: ManagedPolicy[] = [];

  /** Role details of get-account-authorization-details, by ARN. */
  readonly roleDetails = new Map<string, RoleDetail>();
  /** Managed policy details of get-account-authorization-details, by ARN. */
  readonly policyDetails = new Map<string, ManagedPolicyDetail>();

  readonly roleByArn = new Map<string, Role>();
  readonly userPoolByPoolId = new Map<string, UserPool>();
  readonly providerByKey = new Map<string, Provider>();

  constructor(readonly account: AccountContext) {}

  missing(text: string): void {
    if (!this.report.missing.includes(text)) this.report.missing.push(text);
  }

  assume(text: string): void {
    if (!this.report.assumptions.includes(text)) this.report.assumptions.push(text);
  }

  warn(text: string): void {
    if (!this.report.warnings.includes(text)) this.report.warnings.push(text);
  }

  findClient(userPool: UserPool, clientId: string): AppClient | undefined {
    return userPool.clients.find((client) => client.clientId === clientId);
  }
}
