// Personas (saved identities to simulate): create, edit, duplicate, delete. Pure edits plus their
// store commands, so every change is one undo step like any other design edit.

import type { DesignDocument, Persona, UserPoolUser } from '../../../shared/model/types';
import type { Command } from '../types';
import { uniqueId, uniqueName } from './ids';

/** A persona as the simulator builds it; the id is given when it replaces an existing persona. */
export type PersonaDraft = Omit<Persona, 'id'> & { id?: string };

/** A sample user the persona signs in as, added to (or replacing the same username in) its user pool. */
export interface PersonaUser {
  userPoolId: string;
  user: UserPoolUser;
}

function personaIds(design: DesignDocument): Set<string> {
  return new Set(design.personas.map((persona) => persona.id));
}

function withoutUndefined(persona: Persona): Persona {
  const copy: Persona = {
    id: persona.id,
    name: persona.name,
    identityPoolId: persona.identityPoolId,
    login: persona.login,
  };
  if (persona.customRoleArn) copy.customRoleArn = persona.customRoleArn;
  if (persona.identityId) copy.identityId = persona.identityId;
  return copy;
}

/** Adds or replaces the sample user `user.username` of a user pool. */
export function upsertUser(design: DesignDocument, { userPoolId, user }: PersonaUser): DesignDocument {
  return {
    ...design,
    userPools: design.userPools.map((pool) => {
      if (pool.id !== userPoolId) return pool;
      const exists = pool.users.some((candidate) => candidate.username === user.username);
      return {
        ...pool,
        users: exists
          ? pool.users.map((candidate) => (candidate.username === user.username ? user : candidate))
          : [...pool.users, user],
      };
    }),
  };
}

/** Saves a persona: replaces the one with `draft.id`, or adds a new one with a fresh id and unique name. */
export function savePersona(
  design: DesignDocument,
  draft: PersonaDraft,
  user?: PersonaUser,
): { design: DesignDocument; id: string } {
  const base = user ? upsertUser(design, user) : design;
  const existing =
    draft.id === undefined ? undefined : base.personas.find((persona) => persona.id === draft.id);
  if (existing) {
    const persona = withoutUndefined({ ...draft, id: existing.id });
    return {
      design: {
        ...base,
        personas: base.personas.map((candidate) => (candidate.id === existing.id ? persona : candidate)),
      },
      id: existing.id,
    };
  }
  const id = uniqueId('persona', personaIds(base));
  const name = uniqueName(
    draft.name.trim() || 'Persona',
    base.personas.map((persona) => persona.name),
  );
  return { design: { ...base, personas: [...base.personas, withoutUndefined({ ...draft, id, name })] }, id };
}

export function renamePersona(design: DesignDocument, id: string, name: string): DesignDocument {
  const trimmed = name.trim();
  if (trimmed === '' || !design.personas.some((persona) => persona.id === id && persona.name !== trimmed))
    return design;
  return {
    ...design,
    personas: design.personas.map((persona) => (persona.id === id ? { ...persona, name: trimmed } : persona)),
  };
}

/** Copies a persona right after the original, named "<name> copy". */
export function duplicatePersona(
  design: DesignDocument,
  id: string,
): { design: DesignDocument; id?: string } {
  const index = design.personas.findIndex((persona) => persona.id === id);
  const original = design.personas[index];
  if (!original) return { design };
  const copyId = uniqueId('persona', personaIds(design));
  const name = uniqueName(
    `${original.name} copy`,
    design.personas.map((persona) => persona.name),
  );
  const copy: Persona = structuredClone({ ...original, id: copyId, name });
  const personas = [...design.personas];
  personas.splice(index + 1, 0, copy);
  return { design: { ...design, personas }, id: copyId };
}

export function removePersona(design: DesignDocument, id: string): DesignDocument {
  if (!design.personas.some((persona) => persona.id === id)) return design;
  return { ...design, personas: design.personas.filter((persona) => persona.id !== id) };
}

export const savePersonaCommand: Command<{ draft: PersonaDraft; user?: PersonaUser }> = {
  id: 'persona.save',
  label: 'Save persona',
  recordsHistory: true,
  perform(state, { draft, user }) {
    return { ...state, design: savePersona(state.design, draft, user).design };
  },
};

export const renamePersonaCommand: Command<{ id: string; name: string }> = {
  id: 'persona.rename',
  label: 'Rename persona',
  recordsHistory: true,
  perform(state, { id, name }) {
    const design = renamePersona(state.design, id, name);
    return design === state.design ? state : { ...state, design };
  },
};

export const duplicatePersonaCommand: Command<{ id: string }> = {
  id: 'persona.duplicate',
  label: 'Duplicate persona',
  recordsHistory: true,
  perform(state, { id }) {
    const { design } = duplicatePersona(state.design, id);
    return design === state.design ? state : { ...state, design };
  },
};

export const removePersonaCommand: Command<{ id: string }> = {
  id: 'persona.remove',
  label: 'Delete persona',
  recordsHistory: true,
  perform(state, { id }) {
    const design = removePersona(state.design, id);
    return design === state.design ? state : { ...state, design };
  },
};
