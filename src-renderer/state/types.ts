// State shapes shared by the store, the commands and the components.

import type { DesignDocument } from '../../shared/model/types';
import type { Finding, Severity } from '../../shared/review';

export type EntityCollection = 'providers' | 'userPools' | 'identityPools' | 'roles' | 'managedPolicies';
export type EntityKind = 'provider' | 'userPool' | 'identityPool' | 'role' | 'managedPolicy';

export const COLLECTION_OF_KIND: Record<EntityKind, EntityCollection> = {
  provider: 'providers',
  userPool: 'userPools',
  identityPool: 'identityPools',
  role: 'roles',
  managedPolicy: 'managedPolicies',
};

export interface Selection {
  /** Entity design ids (= node ids). */
  nodes: string[];
  /** Derived edge ids (graph.ts). */
  edges: string[];
}

export type ThemeChoice = 'system' | 'light' | 'dark';

/** Entities copied to the in-app clipboard (the system clipboard is not reachable in every shell). */
export interface ClipboardContent {
  providers: DesignDocument['providers'];
  userPools: DesignDocument['userPools'];
  identityPools: DesignDocument['identityPools'];
  roles: DesignDocument['roles'];
  managedPolicies: DesignDocument['managedPolicies'];
  positions: DesignDocument['layout']['positions'];
}

export interface UiState {
  theme: ThemeChoice;
  minimap: boolean;
  clipboard: ClipboardContent | null;
  /** Rule to highlight in the inspector (set when a rule edge is selected). */
  focusedRuleId: string | null;
  /** Incremented to ask the canvas to fit the view once the current design is rendered. */
  fitRequest: number;
  /** Findings badge per entity id (count and highest severity); empty until review findings are attached. */
  findings: Record<string, { count: number; severity: Severity }>;
  /** Review findings of the current design, most severe first. Derived data: never in undo history. */
  reviewFindings: readonly Finding[];
  /** Finding whose rationale and fix the inspector shows expanded. */
  activeFindingId: string | null;
  /** The policy document the policy editor shows, and the place in it to reveal; null when closed. */
  policyEditor: PolicyTarget | null;
  /** The simulator panel is docked under the canvas. */
  simulatorOpen: boolean;
  /** Nodes and edges the simulated identity travelled, lit on the canvas; null when nothing is simulated. */
  simulationPath: { nodes: string[]; edges: string[] } | null;
  /** What the main area shows: the design canvas or the access matrix (which replaces the canvas). */
  view: 'design' | 'matrix';
}

/**
 * One policy document of a design. Permissions boundaries are managed policies referenced by ARN,
 * so they open as `managed` (customer) or `awsManaged` (read-only).
 */
export type PolicyRef =
  | { kind: 'inline'; roleId: string; policyName: string }
  | { kind: 'trust'; roleId: string }
  | { kind: 'managed'; policyId: string }
  | { kind: 'awsManaged'; arn: string }
  | { kind: 'guestScopeDown'; identityPoolId: string };

/** Where to open the policy editor: the document and, optionally, the JSON path to reveal. */
export interface PolicyTarget {
  policy: PolicyRef;
  /** JSON path inside the policy document, e.g. `$.Statement[1].Condition`. */
  jsonPath?: string;
}

/**
 * Policy text typed in the policy editor that is not a valid policy JSON object yet, by policy key
 * (policy-editor/policy-source.ts `policyKey`). Part of the undoable document and of the recovery
 * file, never of the saved design.
 */
export type PolicyDrafts = Readonly<Record<string, string>>;

/** What a command sees and returns. */
export interface CommandState {
  design: DesignDocument;
  selection: Selection;
  ui: UiState;
  /** Omitted in a command's result: the drafts stay as they were. */
  policyDrafts?: PolicyDrafts;
}

/**
 * One user-facing edit (Excalidraw style): menus, shortcuts, the palette, the inspector and tests
 * all go through these objects. `perform` is pure; returning the same state object means "nothing
 * to do".
 */
export interface Command<Args = void> {
  id: string;
  label: string;
  /** Shown in menus, e.g. `Mod+D`; `Mod` is Cmd on macOS and Ctrl elsewhere. */
  keybinding?: string;
  recordsHistory: boolean;
  perform(state: CommandState, args: Args): CommandState;
}
