// The trust policy Cognito meets for a role: the hand-written one, or the one the Cognito engine
// generates from the pools that use the role.

import { trustPolicyOf } from '../cognito';
import type { PolicyDocument } from '../iam/types';
import type { DesignDocument, Role } from '../model/types';

/** The generated trust policy of a role, or undefined when no identity pool uses it. */
export function generatedTrustPolicy(design: DesignDocument, role: Role): PolicyDocument | undefined {
  return trustPolicyOf(design, { ...role, trustPolicy: { mode: 'generated' } }).document;
}
