// What the policy editor shows for a PolicyRef: the document as text, whether it can be edited, the
// policy type, the roles whose sessions it applies to, and how a new document is stored in the design.

import { generateTrustPolicy } from '../../shared/cognito/trust';
import { guestSessionPolicies } from '../../shared/cognito/scope-down';
import type { PolicyDocument, PolicyKind } from '../../shared/iam/types';
import { managedPolicyArn } from '../../shared/model/keys';
import type { DesignDocument } from '../../shared/model/types';
import type { Finding } from '../../shared/review';
import type { AwsManagedPolicyState } from '../data/use-aws-managed-policies';
import { updateEntity } from '../state/edits/entities';
import type { PolicyRef } from '../state/types';

export interface PolicySource {
  /** Stable per document: names the editor model (and its undo stack and draft). */
  key: string;
  title: string;
  kind: PolicyKind;
  /** The stored document (undefined: nothing stored, e.g. an AWS managed policy). */
  document: unknown;
  readOnly: boolean;
  /** Said above the editor: why it is read-only, what it is. */
  note?: string;
  /** Roles whose sessions the policy applies to (policy variables, summary). */
  roleIds: string[];
  /** Labels review findings use for this document (`inline 'Name'`, `trust`, …) and the owning entity. */
  findingLabels: string[];
  ownerId?: string;
  /** A generated trust policy (offers "Customize"). */
  generatedTrust?: boolean;
}

export function policyKey(ref: PolicyRef): string {
  switch (ref.kind) {
    case 'inline':
      return `inline/${ref.roleId}/${ref.policyName}`;
    case 'trust':
      return `trust/${ref.roleId}`;
    case 'managed':
      return `managed/${ref.policyId}`;
    case 'awsManaged':
      return `aws/${ref.arn}`;
    case 'guestScopeDown':
      return `guest/${ref.identityPoolId}`;
  }
}

function awsManagedPolicySource(
  design: DesignDocument,
  arn: string,
  key: string,
  aws: AwsManagedPolicyState,
): PolicySource {
  const name = arn.slice(arn.lastIndexOf('/') + 1);
  const base = {
    key,
    kind: 'identity' as const,
    readOnly: true,
    roleIds: design.roles
      .filter((role) => role.managedPolicyArns.includes(arn) || role.permissionsBoundaryArn === arn)
      .map((role) => role.id),
    findingLabels: [],
  };
  if (aws.status === 'loading')
    return {
      ...base,
      title: `${name} · AWS managed policy`,
      document: undefined,
      note: `Loading the AWS managed policy data for ${arn}…`,
    };
  if (aws.status === 'failed')
    return {
      ...base,
      title: `${name} · AWS managed policy`,
      document: undefined,
      note: `The AWS managed policy data could not be loaded (${aws.error}), so ${arn} cannot be shown.`,
    };
  const version = aws.source.get(arn);
  if (!version)
    return {
      ...base,
      title: `${name} · AWS managed policy`,
      document: undefined,
      note: `${arn} is not in the AWS managed policy data (${aws.source.source}, ${aws.source.dataDate}): an AWS managed policy of another partition, a newer one or a mistyped name. It is not evaluated.`,
    };
  return {
    ...base,
    title: `${name} · AWS managed policy ${version.versionId}`,
    document: version.document,
    note: `Read-only: AWS maintains this policy. Default version ${version.versionId} as of ${aws.source.dataDate} (${aws.source.source}); the version in an account can be newer. ${arn}`,
  };
}

/**
 * `aws`: the AWS managed policy data (the renderer loads it on demand); an AWS managed policy is
 * shown read-only from it.
 */
export function resolvePolicySource(
  design: DesignDocument,
  ref: PolicyRef,
  aws: AwsManagedPolicyState = { status: 'loading' },
): PolicySource | undefined {
  const key = policyKey(ref);
  switch (ref.kind) {
    case 'inline': {
      const role = design.roles.find((candidate) => candidate.id === ref.roleId);
      const policy = role?.inlinePolicies.find((candidate) => candidate.name === ref.policyName);
      if (!role || !policy) return undefined;
      return {
        key,
        title: `${role.name} · inline policy ${policy.name}`,
        kind: 'identity',
        document: policy.document,
        readOnly: false,
        roleIds: [role.id],
        findingLabels: [`inline '${policy.name}'`],
        ownerId: role.id,
      };
    }
    case 'trust': {
      const role = design.roles.find((candidate) => candidate.id === ref.roleId);
      if (!role) return undefined;
      const base = {
        key,
        kind: 'trust' as const,
        roleIds: [role.id],
        findingLabels: ['trust'],
        ownerId: role.id,
      };
      if (role.trustPolicy.mode === 'custom')
        return {
          ...base,
          title: `${role.name} · trust policy (custom)`,
          document: role.trustPolicy.document,
          readOnly: false,
        };
      const generated = generateTrustPolicy(design, role);
      return {
        ...base,
        title: `${role.name} · trust policy (generated)`,
        document: generated.document,
        readOnly: true,
        generatedTrust: true,
        note: [
          'Generated from the identity pools that use this role. Customize to edit a copy.',
          ...generated.notes,
        ].join(' '),
      };
    }
    case 'managed': {
      const policy = design.managedPolicies.find((candidate) => candidate.id === ref.policyId);
      if (!policy) return undefined;
      const arn = managedPolicyArn(design.account, policy);
      const attached = design.roles.filter(
        (role) => role.managedPolicyArns.includes(arn) || role.permissionsBoundaryArn === arn,
      );
      return {
        key,
        title: `${policy.name} · customer managed policy`,
        kind: 'identity',
        document: policy.document,
        readOnly: false,
        roleIds: attached.map((role) => role.id),
        findingLabels: [`managed '${policy.name}'`, `boundary '${policy.name}'`],
        ownerId: policy.id,
      };
    }
    case 'awsManaged':
      return awsManagedPolicySource(design, ref.arn, key, aws);
    case 'guestScopeDown': {
      const pool = design.identityPools.find((candidate) => candidate.id === ref.identityPoolId);
      if (!pool) return undefined;
      const [inline, managed] = guestSessionPolicies(design.account.partition);
      return {
        key,
        title: `${pool.name} · guest scope-down session policy`,
        kind: 'session',
        document: inline?.document,
        readOnly: true,
        roleIds: pool.unauthenticatedRoleId ? [pool.unauthenticatedRoleId] : [],
        findingLabels: [],
        ownerId: pool.id,
        note: `Cognito adds this inline session policy and the managed policy ${managed?.origin ?? ''} to guest credentials of the enhanced flow: guests get at most what both allow.`,
      };
    }
  }
}

/** The text the editor starts from for a stored document. */
export function documentText(document: unknown): string {
  return document === undefined ? '' : JSON.stringify(document, null, 2);
}

/**
 * The design with `document` stored as the policy `ref` names (a trust policy becomes custom);
 * undefined when the design holds no such editable policy.
 */
export function withPolicyDocument(
  design: DesignDocument,
  ref: PolicyRef,
  document: PolicyDocument,
): DesignDocument | undefined {
  if (ref.kind === 'inline') {
    const role = design.roles.find((candidate) => candidate.id === ref.roleId);
    if (!role?.inlinePolicies.some((policy) => policy.name === ref.policyName)) return undefined;
    const inlinePolicies = role.inlinePolicies.map((policy) =>
      policy.name === ref.policyName ? { ...policy, document } : policy,
    );
    return updateEntity(design, 'role', role.id, { inlinePolicies });
  }
  if (ref.kind === 'trust') {
    if (!design.roles.some((role) => role.id === ref.roleId)) return undefined;
    return updateEntity(design, 'role', ref.roleId, { trustPolicy: { mode: 'custom', document } });
  }
  if (ref.kind === 'managed') {
    if (!design.managedPolicies.some((policy) => policy.id === ref.policyId)) return undefined;
    return updateEntity(design, 'managedPolicy', ref.policyId, { document });
  }
  return undefined;
}

/** Review findings that point into this document. */
export function findingsInPolicy(findings: readonly Finding[], source: PolicySource): Finding[] {
  return findings.filter(
    (finding) =>
      finding.location?.policy !== undefined &&
      source.findingLabels.includes(finding.location.policy) &&
      (finding.entity.id === source.ownerId || source.roleIds.includes(finding.entity.id)),
  );
}
