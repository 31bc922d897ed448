// AWS managed policies (`arn:aws:iam::aws:policy/…`) as data the evaluators can use. Shared code
// reads no files: the data is injected as an `AwsManagedPolicySource` (the CLI loads the file
// shipped with it, the renderer a lazily loaded chunk; see src-main/services/aws-managed-policies
// and src-renderer/data/aws-managed-policies.ts). Callers that know an account's own copy of a
// policy (pulled from AWS) put a source for it in front with `layerAwsManagedPolicies`.

import type { PolicyDocument } from './types';

export interface AwsManagedPolicyVersion {
  document: PolicyDocument;
  /** `v4`: the default version the data holds. */
  versionId: string;
}

export interface AwsManagedPolicySource {
  /** The default version of the policy with this ARN, or undefined when unknown. */
  get(arn: string): AwsManagedPolicyVersion | undefined;
  /** Date of the newest policy version in the data (`2026-08-26`), to show next to answers. */
  readonly dataDate: string;
  /** Where the data comes from (package name and version), for display. */
  readonly source: string;
}

/** The shipped data file (scripts/aws-managed-policies.mjs writes it). */
export interface AwsManagedPolicyData {
  format: 'aws-managed-policies/1';
  source: string;
  dataDate: string;
  /** Key: the ARN after `policy/` (path and name, `service-role/AWSLambdaRole`); value: [versionId, document]. */
  policies: Record<string, [string, PolicyDocument]>;
}

const awsManagedArn = /^arn:aws:iam::aws:policy\/(.+)$/;

/**
 * True for an AWS managed policy ARN. Only the `aws` partition: the data describes the commercial
 * regions, and China and GovCloud have their own sets.
 */
export function isAwsManagedPolicyArn(arn: string): boolean {
  return awsManagedArn.test(arn);
}

/** Any AWS-partition managed policy ARN, whichever partition it is written in (`arn:aws-cn:…` too). */
export function isAnyAwsManagedPolicyArn(arn: string): boolean {
  return /^arn:[^:]+:iam::aws:policy\//.test(arn);
}

export function isAwsManagedPolicyData(value: unknown): value is AwsManagedPolicyData {
  const data = value as Partial<AwsManagedPolicyData> | null;
  return (
    typeof data === 'object' &&
    data !== null &&
    data.format === 'aws-managed-policies/1' &&
    typeof data.dataDate === 'string' &&
    typeof data.source === 'string' &&
    typeof data.policies === 'object' &&
    data.policies !== null
  );
}

export function createAwsManagedPolicySource(data: AwsManagedPolicyData): AwsManagedPolicySource {
  return {
    dataDate: data.dataDate,
    source: data.source,
    get(arn) {
      const key = awsManagedArn.exec(arn)?.[1];
      if (key === undefined || !Object.hasOwn(data.policies, key)) return undefined;
      const [versionId, document] = data.policies[key] as [string, PolicyDocument];
      return { versionId, document };
    },
  };
}

/** The first source that knows a policy answers for it (an account's own copy before the shipped data). */
export function layerAwsManagedPolicies(
  ...sources: ReadonlyArray<AwsManagedPolicySource | undefined>
): AwsManagedPolicySource | undefined {
  const present = sources.filter((source): source is AwsManagedPolicySource => source !== undefined);
  if (present.length <= 1) return present[0];
  const last = present[present.length - 1] as AwsManagedPolicySource;
  return {
    dataDate: last.dataDate,
    source: present.map((source) => source.source).join(', then '),
    get(arn) {
      for (const source of present) {
        const found = source.get(arn);
        if (found) return found;
      }
      return undefined;
    },
  };
}

/** The policy's name for messages: `AWS managed policy AmazonS3ReadOnlyAccess (v3)`. */
export function awsManagedPolicyLabel(arn: string, version: AwsManagedPolicyVersion): string {
  const name = arn.slice(arn.lastIndexOf('/') + 1);
  return `AWS managed policy ${name} (${version.versionId})`;
}
