// File errors that people can read: what failed, on which file, and why, without a stack trace.

export type FileErrorCode =
  | 'not-found'
  | 'permission-denied'
  | 'too-large'
  | 'not-a-file'
  | 'invalid-path'
  | 'invalid-content'
  | 'already-exists'
  | 'io-error';

export class FileServiceError extends Error {
  override readonly name = 'FileServiceError';

  constructor(
    readonly code: FileErrorCode,
    message: string,
    /** `cause` keeps the underlying file-system error, for callers that word messages their own way. */
    options?: ErrorOptions,
  ) {
    super(message, options);
  }
}

function errnoCode(error: unknown): string | undefined {
  if (typeof error === 'object' && error !== null && 'code' in error && typeof error.code === 'string') {
    return error.code;
  }
  return undefined;
}

/** Turns a Node file-system error into a FileServiceError naming the file and the reason. */
export function describeFileError(error: unknown, action: string, path: string): FileServiceError {
  if (error instanceof FileServiceError) return error;
  const cause = { cause: error };
  switch (errnoCode(error)) {
    case 'ENOENT':
      return new FileServiceError('not-found', `Cannot ${action} ${path}: no such file or directory.`, cause);
    case 'EACCES':
    case 'EPERM':
      return new FileServiceError('permission-denied', `Cannot ${action} ${path}: permission denied.`, cause);
    case 'EISDIR':
      return new FileServiceError('not-a-file', `Cannot ${action} ${path}: it is a directory.`, cause);
    case 'ENOSPC':
      return new FileServiceError('io-error', `Cannot ${action} ${path}: the disk is full.`, cause);
    case 'EROFS':
      return new FileServiceError(
        'permission-denied',
        `Cannot ${action} ${path}: the file system is read-only.`,
        cause,
      );
    default: {
      const reason = error instanceof Error ? error.message : String(error);
      return new FileServiceError('io-error', `Cannot ${action} ${path}: ${reason}`, cause);
    }
  }
}
