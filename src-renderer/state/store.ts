// The one application store, composed of slices (zustand docs): the document (design, file,
// undo history), the selection and the UI. Every edit goes through `run(command, args)`.

import { create } from 'zustand';
import { createEmptyDesign } from '../../shared/model/lookup';
import type { DesignDocument } from '../../shared/model/types';
import { livePolicyDraftKeys } from './policy-drafts';
import type { Command, CommandState, PolicyDrafts, Selection, UiState } from './types';

const HISTORY_LIMIT = 200;

interface HistoryEntry {
  design: DesignDocument;
  selection: Selection;
  policyDrafts: PolicyDrafts;
}

export interface DocumentSlice {
  design: DesignDocument;
  /** Where the design was opened from or last saved to. */
  filePath: string | undefined;
  /** The design as last opened or saved; the document is dirty when `design` differs from it. */
  savedDesign: DesignDocument;
  /** Policy editor text that is not valid JSON yet: undoable with the design, never saved in it. */
  policyDrafts: PolicyDrafts;
  past: HistoryEntry[];
  future: HistoryEntry[];
  /** Base of an interaction in progress (a node drag), recorded as one undo step when it ends. */
  interactionBase: HistoryEntry | null;
}

export interface StoreActions {
  run<Args>(command: Command<Args>, args: Args): void;
  undo(): void;
  redo(): void;
  beginInteraction(): void;
  endInteraction(): void;
  /** Replaces the document (open, new, recovery with its policy drafts); clears history. */
  loadDocument(
    design: DesignDocument,
    filePath: string | undefined,
    options?: { dirty?: boolean; policyDrafts?: PolicyDrafts },
  ): void;
  markSaved(filePath: string, design: DesignDocument): void;
  /** Updates the layout without touching history or the dirty marker (filling missing positions). */
  fillPositions(positions: DesignDocument['layout']['positions']): void;
  setSelection(selection: Selection): void;
  setUi(patch: Partial<UiState>): void;
}

export type StoreState = DocumentSlice & { selection: Selection; ui: UiState } & StoreActions;

export const EMPTY_SELECTION: Selection = { nodes: [], edges: [] };
export const NO_POLICY_DRAFTS: PolicyDrafts = {};

export function initialUi(): UiState {
  return {
    theme: 'system',
    minimap: true,
    clipboard: null,
    focusedRuleId: null,
    fitRequest: 0,
    findings: {},
    reviewFindings: [],
    activeFindingId: null,
    policyEditor: null,
    simulatorOpen: false,
    simulationPath: null,
    view: 'design',
  };
}

/** An empty design in the current format, used before anything is opened and by File › New. */
export function emptyDesign(): DesignDocument {
  // The editor's new designs name the placeholder account of the AWS documentation examples.
  return {
    ...createEmptyDesign(),
    account: { accountId: '123456789012', partition: 'aws', region: 'us-east-1' },
  };
}

function snapshot(state: StoreState): HistoryEntry {
  return { design: state.design, selection: state.selection, policyDrafts: state.policyDrafts };
}

export function createAppStore() {
  return create<StoreState>()((set, get) => {
    const initial = emptyDesign();
    return {
      design: initial,
      filePath: undefined,
      savedDesign: initial,
      policyDrafts: NO_POLICY_DRAFTS,
      past: [],
      future: [],
      interactionBase: null,
      selection: EMPTY_SELECTION,
      ui: initialUi(),

      run(command, args) {
        const state = get();
        const before: CommandState = {
          design: state.design,
          selection: state.selection,
          ui: state.ui,
          policyDrafts: state.policyDrafts,
        };
        const after = command.perform(before, args);
        if (after === before) return;
        const policyDrafts = after.policyDrafts ?? state.policyDrafts;
        const documentChanged = after.design !== before.design || policyDrafts !== state.policyDrafts;
        const records = command.recordsHistory && documentChanged && state.interactionBase === null;
        set({
          design: after.design,
          selection: after.selection,
          ui: after.ui,
          policyDrafts,
          ...(records ? { past: [...state.past, snapshot(state)].slice(-HISTORY_LIMIT), future: [] } : {}),
        });
      },
      undo() {
        const state = get();
        const previous = state.past.at(-1);
        if (!previous) return;
        set({
          design: previous.design,
          selection: previous.selection,
          policyDrafts: previous.policyDrafts,
          past: state.past.slice(0, -1),
          future: [snapshot(state), ...state.future],
        });
      },
      redo() {
        const state = get();
        const next = state.future[0];
        if (!next) return;
        set({
          design: next.design,
          selection: next.selection,
          policyDrafts: next.policyDrafts,
          past: [...state.past, snapshot(state)],
          future: state.future.slice(1),
        });
      },
      beginInteraction() {
        set({ interactionBase: snapshot(get()) });
      },
      endInteraction() {
        const state = get();
        const base = state.interactionBase;
        if (!base) return;
        const changed = base.design !== state.design || base.policyDrafts !== state.policyDrafts;
        set({
          interactionBase: null,
          ...(changed ? { past: [...state.past, base].slice(-HISTORY_LIMIT), future: [] } : {}),
        });
      },
      loadDocument(design, filePath, options) {
        set({
          design,
          filePath,
          savedDesign: options?.dirty ? emptyDesign() : design,
          policyDrafts: options?.policyDrafts ?? NO_POLICY_DRAFTS,
          past: [],
          future: [],
          interactionBase: null,
          selection: EMPTY_SELECTION,
          ui: {
            ...get().ui,
            focusedRuleId: null,
            fitRequest: get().ui.fitRequest + 1,
            findings: {},
            reviewFindings: [],
            activeFindingId: null,
            policyEditor: null,
          },
        });
      },
      markSaved(filePath, design) {
        set({ filePath, savedDesign: design });
      },
      fillPositions(positions) {
        const state = get();
        const fill = (design: DesignDocument): DesignDocument => ({
          ...design,
          layout: { ...design.layout, positions: { ...positions, ...design.layout.positions } },
        });
        const wasClean = state.design === state.savedDesign;
        const design = fill(state.design);
        set({ design, ...(wasClean ? { savedDesign: design } : {}) });
      },
      setSelection(selection) {
        set({ selection });
      },
      setUi(patch) {
        set({ ui: { ...get().ui, ...patch } });
      },
    };
  });
}

export type AppStore = ReturnType<typeof createAppStore>;

/** The application's store. Tests create their own with `createAppStore()`. */
export const useAppStore = createAppStore();

export function isDirty(state: Pick<DocumentSlice, 'design' | 'savedDesign'>): boolean {
  return state.design !== state.savedDesign;
}

/** Keys of the policies whose editor text is a draft (not valid JSON, so not in the design). */
export function policyDraftKeys(state: Pick<DocumentSlice, 'design' | 'policyDrafts'>): string[] {
  return livePolicyDraftKeys(state.design, state.policyDrafts);
}

/** Work a save or the autosave has not captured: design edits, or policy drafts (never saved). */
export function hasUnsavedChanges(
  state: Pick<DocumentSlice, 'design' | 'savedDesign' | 'policyDrafts'>,
): boolean {
  return isDirty(state) || policyDraftKeys(state).length > 0;
}
