// Text from a design (names, claims, policy text) is untrusted in a report: control characters
// could rewrite a terminal, hide text or break a table, and markup characters could inject HTML.
// Every string that reaches a report goes through one of these.

// C0 controls, DEL, C1 controls, and the bidirectional overrides and isolates that reorder text
// (U+202A–U+202E, U+2066–U+2069; "Trojan Source", CVE-2021-42574).
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

/** Replaces every control character with a visible `\u{…}` escape; newlines and tabs too (one-line contexts). */
export function visibleText(text: string): string {
  return text.replace(
    CONTROL,
    (character) => `\\u{${character.charCodeAt(0).toString(16).padStart(4, '0')}}`,
  );
}

/** Like `visibleText` but keeps line breaks (multi-line blocks such as a trace detail). */
export function visibleLines(text: string): string {
  return text
    .split(/\r?\n/)
    .map((line) => visibleText(line))
    .join('\n');
}

const HTML_ENTITIES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Text for HTML element content and quoted attribute values. */
export function escapeHtml(text: string): string {
  return visibleText(text).replace(/[&<>"']/g, (character) => HTML_ENTITIES[character] ?? character);
}

/**
 * Text for Markdown, inline and inside table cells: the characters that start emphasis, code,
 * links, HTML or table columns are backslash-escaped, so a design name renders as written.
 */
export function escapeMarkdown(text: string): string {
  return visibleText(text).replace(/[\\`*_[\]<>|~]/g, (character) => `\\${character}`);
}
