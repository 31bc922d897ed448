// Building blocks shared by the plan's parts: a change before it is numbered, the managed tag test.

import { MANAGED_TAG_KEY, MANAGED_TAG_VALUE, type Operation, type PlannedChange } from './plan-types';

export type Draft = Omit<PlannedChange, 'step'>;

export function isManaged(tags: Record<string, string>): boolean {
  return tags[MANAGED_TAG_KEY] === MANAGED_TAG_VALUE;
}

export function change(
  resource: string,
  summary: string,
  operation: Operation,
  diff: string,
  flags: { adopt?: boolean; deletion?: boolean } = {},
): Draft {
  return {
    resource,
    summary,
    adopt: flags.adopt ?? false,
    deletion: flags.deletion ?? false,
    diff,
    operation,
  };
}
