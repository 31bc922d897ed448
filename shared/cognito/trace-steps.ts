// Trace steps shared by the enhanced and basic flows.

import { DOCS } from './errors';
import type { SimulatedSession, TraceStep } from './types';

export function identityStep(identityId: string, given: boolean): TraceStep {
  return {
    id: 'identity-id',
    title: 'Identity id',
    detail: given
      ? `Using the given identity id ${identityId}.`
      : `AWS assigns the identity id; offline we derive a stable fake one from pool, provider and subject: ${identityId}.`,
    outcome: 'info',
    data: { identityId },
  };
}

export function amrStep(amr: string[], assumption: boolean): TraceStep {
  return {
    id: 'amr',
    title: 'amr of the Cognito token',
    detail: `cognito-identity.amazonaws.com:amr = [${amr.join(', ')}]${assumption ? ' (the entries after the provider key are our assumption for this provider)' : ''}.`,
    outcome: 'info',
    assumption: assumption ? true : undefined,
    source: DOCS.roleTrust,
    data: { amr },
  };
}

export function sessionStep(session: SimulatedSession): TraceStep {
  return {
    id: 'session',
    title: 'Credentials',
    detail:
      `Session ${session.sessionName} as ${session.assumedRoleArn} (aws:userid ${session.userId}); simulated keys ${session.credentials.accessKeyId}, ` +
      `expiring ${session.credentials.expiration}. These keys are fake and work nowhere.`,
    outcome: 'pass',
    source: DOCS.getCredentialsForIdentity,
    data: {
      assumedRoleArn: session.assumedRoleArn,
      userId: session.userId,
      expiration: session.credentials.expiration,
    },
  };
}
