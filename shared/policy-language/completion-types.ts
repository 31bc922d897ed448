// The editor-neutral shape of completion items; the Monaco adapter maps them to its own types.

export type CompletionKind =
  'property' | 'value' | 'module' | 'function' | 'variable' | 'operator' | 'snippet';

export interface PolicyCompletion {
  label: string;
  /** Replaces the range of the result; a snippet when `snippet` (`$1`, `${1:name}`, literal `\$`). */
  insertText: string;
  snippet?: boolean;
  kind: CompletionKind;
  /** Short, beside the label (access level, type, count of matched actions). */
  detail?: string;
  /** Markdown. */
  documentation?: string;
  /** What the typed text is matched against, when it differs from the label. */
  filterText?: string;
  sortText?: string;
  /** Ask for completion again after inserting (a service prefix, then its actions). */
  retrigger?: boolean;
}

export interface CompletionResult {
  items: PolicyCompletion[];
  /** Offsets of the text the items replace. */
  replaceStart: number;
  replaceEnd: number;
}

/** Escapes text for a snippet, where `$`, `}` and `\` are syntax. */
export function snippetText(text: string): string {
  return text.replace(/[\\$}]/g, (character) => `\\${character}`);
}
