// Errors that cross the host boundary carry a code and a message for people, never a stack trace.

import { FileServiceError } from '../services/files';

export type HostErrorCode =
  | 'invalid-request'
  | 'invalid-response'
  | 'unknown-method'
  | 'unsupported'
  | 'outside-workspace'
  | 'internal'
  | 'aws'
  | FileServiceError['code'];

export class HostFailure extends Error {
  override readonly name = 'HostFailure';

  constructor(
    readonly code: HostErrorCode,
    message: string,
  ) {
    super(message);
  }
}

/** The `{ error: { code, message } }` body for any thrown value; unknown errors stay generic. */
export function toHostError(error: unknown): { error: { code: string; message: string } } {
  if (error instanceof HostFailure || error instanceof FileServiceError) {
    return { error: { code: error.code, message: error.message } };
  }
  return {
    error: {
      code: 'internal',
      message: 'The host failed unexpectedly; see the application log for details.',
    },
  };
}
