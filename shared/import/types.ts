// Public types of the offline AWS import: JSON printed by the AWS CLI → a design document.

import type { DesignDocument } from '../model/types';

/** The AWS CLI commands whose output the import understands, recognised by shape. */
export type DumpKind =
  | 'describe-identity-pool'
  | 'get-identity-pool-roles'
  | 'get-principal-tag-attribute-map'
  | 'get-account-authorization-details'
  | 'describe-user-pool'
  | 'list-groups'
  | 'describe-user-pool-client';

/** One input file: its name (for messages) and its parsed JSON content. */
export interface DumpFile {
  name: string;
  content: unknown;
}

export interface RecognizedDump {
  file: string;
  kind: DumpKind;
  /** What the file contributed, e.g. `identity pool "photos" (us-east-1:…)`. */
  summary: string;
}

/** A problem with one input file, located by JSON path inside it. */
export interface ImportProblem {
  file: string;
  path: string;
  message: string;
}

export interface ImportReport {
  recognized: RecognizedDump[];
  /** Facts the dumps did not contain (and the command that would provide them). */
  missing: string[];
  /** Values chosen because the dumps did not say (account id from role ARNs, region from pool ids, …). */
  assumptions: string[];
  /** Content that was ignored or could not be represented. */
  warnings: string[];
}

export type ImportResult =
  { ok: true; design: DesignDocument; report: ImportReport } | { ok: false; problems: ImportProblem[] };

export interface ImportOptions {
  /** Design name; default: the identity pool's name. */
  name?: string;
}
