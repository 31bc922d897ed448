// File errors that people can read: what failed, on which file, and why, without a stack trace.

export type FileErrorCode =
  | 'not-found'
  | 'permission-denied'
  | 'too-large'
  | 'not-a-file'
  | 'invalid-path'
  | 'invalid-content'
  | 'io-error';

export class FileServiceError extends Error {
  override readonly name = 'FileServiceError';

  constructor(
    readonly code: FileErrorCode,
    message: string,
  ) {
    super(message);
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
  switch (errnoCode(error)) {
    case 'ENOENT':
      return new FileServiceError('not-found', `Cannot ${action} ${path}: no such file or directory.`);
    case 'EACCES':
    case 'EPERM':
      return new FileServiceError('permission-denied', `Cannot ${action} ${path}: permission denied.`);
    case 'EISDIR':
      return new FileServiceError('not-a-file', `Cannot ${action} ${path}: it is a directory.`);
    case 'ENOSPC':
      return new FileServiceError('io-error', `Cannot ${action} ${path}: the disk is full.`);
    case 'EROFS':
      return new FileServiceError(
        'permission-denied',
        `Cannot ${action} ${path}: the file system is read-only.`,
      );
    default: {
      const reason = error instanceof Error ? error.message : String(error);
      return new FileServiceError('io-error', `Cannot ${action} ${path}: ${reason}`);
    }
  }
}
