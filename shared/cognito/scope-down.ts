// Guest scope-down (design.md §5.2 step 11): in the enhanced flow Cognito attaches two session policies to
// guest credentials. The lists live in a dated data file because AWS changes them; shared code reads no
// files, so the JSON is imported statically and bundled.

import scopeDownData from '../../assets/data/guest-scope-down.json';
import type { Partition } from '../model/types';
import type { PolicyDocument } from '../iam/types';
import type { SessionPolicy } from './types';

export interface GuestScopeDownInfo {
  /** Date the lists were last checked against the sources. */
  asOf: string;
  description: string;
  inlineSource: string;
  managedSource: string;
  managedPolicyName: string;
  managedPolicyVersion: string;
  /** Service prefixes the inline policy allows (`s3`, `dynamodb`, …), for display. */
  inlineServices: string[];
  /** Service prefixes the managed policy allows at least partly. */
  managedServices: string[];
}

function servicesOf(document: { Statement: Array<{ Action: string[] }> }): string[] {
  const services = document.Statement.flatMap((statement) =>
    statement.Action.map((action) => action.slice(0, action.indexOf(':'))),
  );
  return [...new Set(services)];
}

export function guestScopeDownInfo(): GuestScopeDownInfo {
  return {
    asOf: scopeDownData.asOf,
    description: scopeDownData.description,
    inlineSource: scopeDownData.inlineSessionPolicy.source,
    managedSource: scopeDownData.managedSessionPolicy.source,
    managedPolicyName: scopeDownData.managedSessionPolicy.name,
    managedPolicyVersion: scopeDownData.managedSessionPolicy.policyVersion,
    inlineServices: servicesOf(scopeDownData.inlineSessionPolicy.document),
    managedServices: servicesOf(scopeDownData.managedSessionPolicy.document),
  };
}

/** The two guest session policies, fresh copies the caller may keep. */
export function guestSessionPolicies(partition: Partition): SessionPolicy[] {
  return [
    {
      name: 'Cognito guest inline session policy',
      origin: 'inline',
      document: structuredClone(scopeDownData.inlineSessionPolicy.document) as PolicyDocument,
    },
    {
      name: scopeDownData.managedSessionPolicy.name,
      origin: `arn:${partition}:iam::aws:policy/${scopeDownData.managedSessionPolicy.name}`,
      document: structuredClone(scopeDownData.managedSessionPolicy.document) as PolicyDocument,
    },
  ];
}
