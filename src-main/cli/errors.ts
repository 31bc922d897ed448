// Errors the CLI reports as bad input: one line on stderr, exit code 2 (design.md §9).

/** Bad input from the user (file, flag, JSON content). The message names where and what. */
export class CliInputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CliInputError';
  }
}

/** Exit codes of the CLI contract. */
export const EXIT_OK = 0;
/** Validation errors, findings at or above the threshold, or requests that could not all be answered. */
export const EXIT_FAILURE = 1;
/** Bad input: missing file, malformed JSON, invalid design, unknown flag. */
export const EXIT_BAD_INPUT = 2;

/** Reduces any thrown value to one line without a stack trace. */
export function oneLine(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return text.replace(/\s*\n\s*/g, ' ').trim() || 'unknown error';
}
