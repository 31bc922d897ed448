// Where commands write. Injected so commands stay testable without touching the real process.

export interface CliOutput {
  /** Writes text to standard output as is (callers add newlines). */
  out(text: string): void;
  /** Writes text to standard error as is. */
  err(text: string): void;
}

export function processOutput(): CliOutput {
  return {
    out(text) {
      process.stdout.write(text);
    },
    err(text) {
      process.stderr.write(text);
    },
  };
}
