// Where commands write. Injected so commands stay testable without touching the real process.
//
// Everything the CLI prints passes through `escapeTerminalText`: names, ARNs, claims and file names
// come from designs, AWS dumps and command lines that the user did not necessarily write, and a raw
// escape sequence in them would be executed by the terminal (retitling it, hiding text, faking
// output). The escapes are JSON's own (`\u001b`), so JSON, SARIF and CSV output stay valid.

export interface CliOutput {
  /** Writes text to standard output (callers add newlines); control characters are escaped. */
  out(text: string): void;
  /** Writes text to standard error; control characters are escaped. */
  err(text: string): void;
}

/**
 * C0 controls except tab and newline, DEL, C1 controls (U+009B is a one-character CSI), the line
 * and paragraph separators and the bidirectional overrides and isolates (which reorder what a
 * reader sees, "Trojan Source").
 */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const terminalControls = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

/**
 * Text safe to print on a terminal: every control character (see above) becomes `\uXXXX`. Tabs and
 * newlines stay. Other CLI commands and anything writing user-supplied text to a terminal use this.
 */
export function escapeTerminalText(text: string): string {
  terminalControls.lastIndex = 0;
  if (!terminalControls.test(text)) return text;
  return text.replace(
    terminalControls,
    (character) => `\\u${character.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}

/** Longest piece of user input an error message quotes (a 60 MB line must not be echoed whole). */
export const MAX_QUOTED_INPUT = 200;

/**
 * A piece of user input for an error message, at most `limit` characters (then "… (N more
 * characters)"). Escaping happens on output; this only bounds the length.
 */
export function quoteInput(text: string, limit = MAX_QUOTED_INPUT): string {
  if (text.length <= limit) return text;
  return `${text.slice(0, limit)}… (${text.length - limit} more characters)`;
}

/** Longest error message the CLI prints; longer ones (several quoted inputs) are cut. */
export const MAX_MESSAGE_LENGTH = 1000;

/** One message bounded to MAX_MESSAGE_LENGTH characters. */
export function boundMessage(message: string): string {
  return message.length <= MAX_MESSAGE_LENGTH ? message : `${message.slice(0, MAX_MESSAGE_LENGTH)}…`;
}

export function processOutput(): CliOutput {
  return {
    out(text) {
      process.stdout.write(escapeTerminalText(text));
    },
    err(text) {
      process.stderr.write(escapeTerminalText(text));
    },
  };
}

/** Output collected and written in large pieces: one write per row would dominate a long run. */
export interface BufferedOutput {
  write(text: string): void;
  /** Writes what is collected; call at the end (and whenever output must appear now). */
  flush(): void;
}

export function bufferedOutput(output: CliOutput, flushAt = 256 * 1024): BufferedOutput {
  let parts: string[] = [];
  let size = 0;
  const flush = (): void => {
    if (parts.length === 0) return;
    output.out(parts.join(''));
    parts = [];
    size = 0;
  };
  return {
    write(text) {
      parts.push(text);
      size += text.length;
      if (size >= flushAt) flush();
    },
    flush,
  };
}
