// The AWS managed policy data for views that evaluate access (simulator, matrix, policy editor):
// loaded the first time a view needs it, and until then a state the view shows as "loading" so it
// never presents a decision that ignores an attached AWS managed policy as the answer.

import { useEffect, useState } from 'react';
import type { AwsManagedPolicySource } from '../../shared/iam/aws-managed-policies';
import { isAwsManagedPolicyArn } from '../../shared/iam/aws-managed-policies';
import type { DesignDocument, Role } from '../../shared/model/types';
import { loadAwsManagedPolicies, loadedAwsManagedPolicies } from './aws-managed-policies';

export type AwsManagedPolicyState =
  | { status: 'loaded'; source: AwsManagedPolicySource }
  | { status: 'loading' }
  | { status: 'failed'; error: string };

/** The AWS managed policy ARNs a role attaches (permission policies and boundary). */
export function awsManagedArnsOf(role: Role): string[] {
  return [
    ...role.managedPolicyArns,
    ...(role.permissionsBoundaryArn ? [role.permissionsBoundaryArn] : []),
  ].filter(isAwsManagedPolicyArn);
}

export function designAttachesAwsManagedPolicy(design: DesignDocument): boolean {
  return design.roles.some((role) => awsManagedArnsOf(role).length > 0);
}

function current(): AwsManagedPolicyState {
  const source = loadedAwsManagedPolicies();
  return source ? { status: 'loaded', source } : { status: 'loading' };
}

/** Starts loading when `needed` and re-renders once the data is there (or failed to load). */
export function useAwsManagedPolicies(needed: boolean): AwsManagedPolicyState {
  const [state, setState] = useState<AwsManagedPolicyState>(current);
  useEffect(() => {
    if (!needed || state.status === 'loaded') return undefined;
    let live = true;
    loadAwsManagedPolicies().then(
      (source) => {
        if (live) setState({ status: 'loaded', source });
      },
      (error: unknown) => {
        if (live)
          setState({ status: 'failed', error: error instanceof Error ? error.message : String(error) });
      },
    );
    return () => {
      live = false;
    };
  }, [needed, state.status]);
  return state;
}

/** Why a role's AWS managed policies are not evaluated yet, or undefined when they are (or it has none). */
export function awsManagedPoliciesPending(
  role: Role | undefined,
  state: AwsManagedPolicyState,
): string | undefined {
  const arns = role ? awsManagedArnsOf(role) : [];
  if (arns.length === 0 || state.status === 'loaded') return undefined;
  const names = arns.join(', ');
  return state.status === 'loading'
    ? `Not evaluated yet: AWS managed policies are loading (${names}).`
    : `Not evaluated: the AWS managed policy data could not be loaded (${state.error}), and ${names} is attached.`;
}
