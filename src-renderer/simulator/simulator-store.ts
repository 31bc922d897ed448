// The simulator's own state: the identity being tried, the requests, the panel height. None of it is
// part of the design (personas are, and are saved through design commands), so none of it is undoable.

import { create } from 'zustand';
import type { DesignDocument } from '../../shared/model/types';
import { emptyForm, formFromPersona, type IdentityForm } from './identity';

/** One "may they do this?" request; `context` holds `key=value` lines (a key repeated = several values). */
export interface RequestRow {
  id: number;
  action: string;
  resource: string;
  context: string;
}

export const MIN_HEIGHT = 160;
export const DEFAULT_HEIGHT = 340;

export interface SimulatorState {
  form: IdentityForm | null;
  /** The persona the form was loaded from or last saved to. */
  personaId: string | null;
  requests: RequestRow[];
  height: number;
  nextRequestId: number;
  setForm(patch: Partial<IdentityForm>): void;
  /** Starts from scratch for this design (first open, or a design whose pools are gone). */
  resetForm(design: DesignDocument): void;
  loadPersona(design: DesignDocument, personaId: string | null): void;
  setPersonaId(personaId: string | null): void;
  addRequest(): void;
  updateRequest(id: number, patch: Partial<Omit<RequestRow, 'id'>>): void;
  removeRequest(id: number): void;
  setHeight(height: number): void;
}

export function createSimulatorStore() {
  return create<SimulatorState>()((set, get) => ({
    form: null,
    personaId: null,
    requests: [{ id: 1, action: 's3:GetObject', resource: '', context: '' }],
    height: DEFAULT_HEIGHT,
    nextRequestId: 2,
    setForm(patch) {
      const form = get().form;
      if (form) set({ form: { ...form, ...patch } });
    },
    resetForm(design) {
      set({ form: emptyForm(design), personaId: null });
    },
    loadPersona(design, personaId) {
      const persona = design.personas.find((candidate) => candidate.id === personaId);
      const current = get().form ?? emptyForm(design);
      set({
        personaId: persona ? persona.id : null,
        form: persona ? formFromPersona(design, persona, current) : current,
      });
    },
    setPersonaId(personaId) {
      set({ personaId });
    },
    addRequest() {
      const id = get().nextRequestId;
      set({
        requests: [...get().requests, { id, action: '', resource: '', context: '' }],
        nextRequestId: id + 1,
      });
    },
    updateRequest(id, patch) {
      set({ requests: get().requests.map((row) => (row.id === id ? { ...row, ...patch } : row)) });
    },
    removeRequest(id) {
      set({ requests: get().requests.filter((row) => row.id !== id) });
    },
    setHeight(height) {
      set({ height: Math.max(MIN_HEIGHT, Math.round(height)) });
    },
  }));
}

export const useSimulator = createSimulatorStore();
