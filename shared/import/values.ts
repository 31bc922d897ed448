// Small readers for values found in AWS dumps: policy documents and ARNs.

import type { PolicyDocument } from '../iam/types';
import type { Partition } from '../model/types';

/**
 * A policy document from a dump. The AWS CLI prints decoded objects; the raw API returns JSON text
 * URL-encoded per RFC 3986 ("Policies returned by this operation are URL-encoded compliant with
 * RFC 3986": https://docs.aws.amazon.com/IAM/latest/APIReference/API_GetAccountAuthorizationDetails.html).
 */
export function decodePolicyDocument(value: unknown): { document: PolicyDocument } | { error: string } {
  let candidate = value;
  if (typeof candidate === 'string') {
    let text = candidate.trim();
    if (text.startsWith('%')) {
      try {
        text = decodeURIComponent(text);
      } catch {
        return { error: 'policy text is neither JSON nor valid URL-encoded JSON' };
      }
    }
    try {
      candidate = JSON.parse(text);
    } catch {
      return { error: 'policy text is not valid JSON' };
    }
  }
  if (typeof candidate !== 'object' || candidate === null || Array.isArray(candidate)) {
    return { error: 'policy is not a JSON object' };
  }
  if (!('Statement' in candidate)) return { error: 'policy has no Statement' };
  return { document: candidate as PolicyDocument };
}

export interface ParsedArn {
  partition: Partition;
  service: string;
  region: string;
  account: string;
  resource: string;
}

const partitions: readonly Partition[] = ['aws', 'aws-cn', 'aws-us-gov'];

export function parseArn(arn: string): ParsedArn | undefined {
  const parts = arn.split(':');
  if (parts.length < 6 || parts[0] !== 'arn') return undefined;
  const partition = parts[1] as Partition;
  if (!partitions.includes(partition)) return undefined;
  return {
    partition,
    service: parts[2] ?? '',
    region: parts[3] ?? '',
    account: parts[4] ?? '',
    resource: parts.slice(5).join(':'),
  };
}

/** Name and path of an IAM role or policy ARN: `role/a/b/Name` → { path: '/a/b/', name: 'Name' }. */
export function nameAndPath(
  arn: string,
  type: 'role' | 'policy',
): { name: string; path: string } | undefined {
  const parsed = parseArn(arn);
  if (!parsed || parsed.service !== 'iam' || !parsed.resource.startsWith(`${type}/`)) return undefined;
  const rest = parsed.resource.slice(type.length + 1);
  const slash = rest.lastIndexOf('/');
  if (slash < 0) return { name: rest, path: '/' };
  return { name: rest.slice(slash + 1), path: `/${rest.slice(0, slash + 1)}` };
}

/** Region of an identity pool id `<region>:<guid>` or a user pool id `<region>_<id>`. */
export function regionOfPoolId(poolId: string): string | undefined {
  const match = /^([a-z]{2}(?:-[a-z]+)+-\d+)[:_]/.exec(poolId);
  return match?.[1];
}

/** Lower-case words joined by dashes, for readable design ids. */
export function slug(text: string): string {
  const value = text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 48);
  return value || 'item';
}

/** Hands out design ids that are unique within one design. */
export class IdAllocator {
  private readonly used = new Set<string>();

  allocate(prefix: string, hint: string): string {
    const base = `${prefix}-${slug(hint)}`;
    let id = base;
    for (let counter = 2; this.used.has(id); counter += 1) id = `${base}-${counter}`;
    this.used.add(id);
    return id;
  }
}
