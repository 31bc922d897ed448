// Plan and apply against an account (design.md §8). Apply re-reads the account, checks that the
// plan is the one the person confirmed, creates missing identity pools first and records their ids
// in the design (the caller writes the design back), re-plans with the real ids, then runs the
// changes in order and stops at the first failure with what was and was not applied.

import { planChanges, type Plan, type PlannedChange } from '../../../shared/export/plan';
import type { DesignDocument } from '../../../shared/model/types';
import type { AwsConnection } from './connection';
import { AwsAccessError, awsErrorCode, describeAwsError } from './errors';
import { actionOf, execute } from './execute';
import { observeAccount } from './observe';

export async function planDesign(connection: AwsConnection, design: DesignDocument): Promise<Plan> {
  return planChanges(design, await observeAccount(connection, design));
}

/** Identifies a plan's content, so that apply can refuse when the account changed after confirmation. */
export function planFingerprint(plan: Plan): string {
  return JSON.stringify([
    plan.accountId,
    plan.region,
    plan.changes.map((change) => [change.resource, change.summary, change.diff]),
  ]);
}

export type StepStatus = 'applied' | 'failed' | 'not-applied' | 'skipped';

export interface StepResult {
  step: number;
  resource: string;
  summary: string;
  status: StepStatus;
  /** Why it failed or was skipped, one line. */
  message?: string;
}

export interface ApplyResult {
  accountId: string;
  region: string;
  ok: boolean;
  steps: StepResult[];
  /** The design with the ids of identity pools created or found during the apply. */
  design: DesignDocument;
  /** True when the design changed (pool ids recorded) and must be saved. */
  designChanged: boolean;
  /** One line for the first failure. */
  failure?: string;
}

export interface ApplyOptions {
  /** Apply deletions of managed things the design no longer has. */
  allowDelete: boolean;
  /** Change existing resources that lack the managed tag (adopt them). */
  adopt: boolean;
  /** When given, apply refuses if the fresh plan differs from the confirmed one. */
  confirmedFingerprint?: string;
  /** Called once pool ids are recorded, before IAM changes: write the design back. */
  onDesignChanged?: (design: DesignDocument) => Promise<void>;
  onStep?: (result: StepResult) => void;
  /** Waits between attempts while IAM propagates a new resource (eventual consistency). */
  retryDelaysMs?: readonly number[];
}

/**
 * IAM is eventually consistent: a role or policy created a moment ago may be reported missing by the
 * next call for a few seconds ("Changes that I make are not always immediately visible",
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/troubleshoot_general.html#troubleshoot_general_eventual-consistency).
 * Cognito answers InvalidParameter while a new role is not yet usable.
 */
const DEFAULT_RETRY_DELAYS_MS = [1000, 2000, 4000, 8000];
const PROPAGATION_CODES = new Set(['NoSuchEntity', 'InvalidParameter', 'ConcurrentModification']);

async function withPropagationRetries<T>(delays: readonly number[], run: () => Promise<T>): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await run();
    } catch (error) {
      const delay = delays[attempt];
      if (delay === undefined || !PROPAGATION_CODES.has(awsErrorCode(error) ?? '')) throw error;
      await new Promise((resolve) => setTimeout(resolve, delay));
    }
  }
}

function refuseUnconfirmed(plan: Plan, options: ApplyOptions): void {
  if (options.confirmedFingerprint !== undefined && options.confirmedFingerprint !== planFingerprint(plan)) {
    throw new AwsAccessError(
      'the account or the design changed since the plan was shown; plan again',
      'PlanChanged',
    );
  }
  const adopted = [
    ...new Set(plan.changes.filter((change) => change.adopt).map((change) => change.resource)),
  ];
  if (adopted.length > 0 && !options.adopt) {
    throw new AwsAccessError(
      `not applied: ${adopted.join(', ')} already exist(s) without the studio's tag; confirm adopting them (--adopt)`,
      'AdoptNotConfirmed',
    );
  }
}

export async function applyDesign(
  connection: AwsConnection,
  design: DesignDocument,
  options: ApplyOptions,
): Promise<ApplyResult> {
  const delays = options.retryDelaysMs ?? DEFAULT_RETRY_DELAYS_MS;
  let plan = await planDesign(connection, design);
  refuseUnconfirmed(plan, options);
  let current = design;
  const steps: StepResult[] = [];
  const record = (change: PlannedChange, status: StepStatus, message?: string) => {
    const result: StepResult = {
      step: steps.length + 1,
      resource: change.resource,
      summary: change.summary,
      status,
      ...(message ? { message } : {}),
    };
    steps.push(result);
    options.onStep?.(result);
  };
  const poolIdOf = (designPoolId: string) => {
    const pool = current.identityPools.find((candidate) => candidate.id === designPoolId);
    if (!pool) throw new AwsAccessError(`the design has no identity pool ${designPoolId}`);
    return pool.poolId;
  };
  const finish = (failure?: string): ApplyResult => ({
    accountId: plan.accountId,
    region: plan.region,
    ok: failure === undefined,
    steps,
    design: current,
    designChanged: current !== design,
    ...(failure ? { failure } : {}),
  });
  const run = async (changes: PlannedChange[], onPoolId?: (change: PlannedChange, id: string) => void) => {
    for (const [index, change] of changes.entries()) {
      if (change.deletion && !options.allowDelete) {
        record(change, 'skipped', 'deletion not allowed (--allow-delete)');
        continue;
      }
      try {
        const id = await withPropagationRetries(delays, () =>
          execute(connection, change.operation, poolIdOf),
        );
        if (id && onPoolId) onPoolId(change, id);
        record(change, 'applied');
      } catch (error) {
        const message = describeAwsError(error, change.resource, actionOf(change.operation));
        record(change, 'failed', message);
        for (const rest of changes.slice(index + 1)) record(rest, 'not-applied');
        return message;
      }
    }
    return undefined;
  };

  const creations = plan.changes.filter(
    (change) =>
      change.operation.type === 'CreateIdentityPool' || change.operation.type === 'RecordIdentityPoolId',
  );
  if (creations.length > 0) {
    const failure = await run(creations, (change, id) => {
      const op = change.operation;
      if (op.type !== 'CreateIdentityPool' && op.type !== 'RecordIdentityPoolId') return;
      current = {
        ...current,
        identityPools: current.identityPools.map((pool) =>
          pool.id === op.designPoolId ? { ...pool, poolId: id } : pool,
        ),
      };
    });
    if (current !== design) await options.onDesignChanged?.(current);
    if (failure) {
      for (const rest of plan.changes.filter((change) => !creations.includes(change)))
        record(rest, 'not-applied');
      return finish(failure);
    }
    plan = await planDesign(connection, current);
  }
  return finish(await run(plan.changes));
}
