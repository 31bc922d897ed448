// Personas of the design: pick one to simulate, save the current identity as a new persona or into
// the chosen one (edit), rename, duplicate, delete. Each change is one undoable design command.

import { useEffect, useState, type ReactElement } from 'react';
import { notify } from '../state/notices';
import { duplicatePersonaCommand, removePersonaCommand, savePersonaCommand } from '../state/edits/personas';
import { useAppStore } from '../state/store';
import { personaDraftOf } from './identity';
import { useSimulator } from './simulator-store';

/** Runs a persona command and returns the id of the persona it added, if any. */
function runAndFindNew(run: () => void): string | undefined {
  const before = new Set(useAppStore.getState().design.personas.map((persona) => persona.id));
  run();
  return useAppStore.getState().design.personas.find((persona) => !before.has(persona.id))?.id;
}

export function PersonaBar(): ReactElement {
  const personas = useAppStore((state) => state.design.personas);
  const personaId = useSimulator((state) => state.personaId);
  const selected = personas.find((persona) => persona.id === personaId);
  const [name, setName] = useState(selected?.name ?? '');

  useEffect(() => setName(selected?.name ?? ''), [selected?.id, selected?.name]);

  const save = (asNew: boolean): void => {
    const { design } = useAppStore.getState();
    const form = useSimulator.getState().form;
    if (!form) return;
    const wanted = name.trim() || (asNew ? 'New persona' : (selected?.name ?? 'New persona'));
    const built = personaDraftOf(design, form, wanted, asNew ? undefined : selected?.id);
    if ('error' in built) {
      notify('error', `Cannot save the persona: ${built.error}`);
      return;
    }
    const added = runAndFindNew(() => useAppStore.getState().run(savePersonaCommand, built));
    if (added) useSimulator.getState().setPersonaId(added);
  };

  return (
    <div className="sim-personas" role="group" aria-label="Personas">
      <label className="sim-field__label" htmlFor="sim-persona">
        Persona
      </label>
      <select
        id="sim-persona"
        className="field__input sim-personas__select"
        value={selected?.id ?? ''}
        onChange={(event) =>
          useSimulator.getState().loadPersona(useAppStore.getState().design, event.target.value || null)
        }
      >
        <option value="">(none: identity below)</option>
        {personas.map((persona) => (
          <option key={persona.id} value={persona.id}>
            {persona.name}
          </option>
        ))}
      </select>
      <input
        className="field__input sim-personas__name"
        aria-label="Persona name"
        placeholder="Persona name"
        value={name}
        maxLength={128}
        onChange={(event) => setName(event.target.value)}
      />
      <button type="button" className="button button--small" onClick={() => save(true)}>
        Save as new persona
      </button>
      <button type="button" className="button button--small" disabled={!selected} onClick={() => save(false)}>
        Update persona
      </button>
      <button
        type="button"
        className="button button--small"
        disabled={!selected}
        onClick={() => {
          if (!selected) return;
          const added = runAndFindNew(() =>
            useAppStore.getState().run(duplicatePersonaCommand, { id: selected.id }),
          );
          if (added) useSimulator.getState().loadPersona(useAppStore.getState().design, added);
        }}
      >
        Duplicate
      </button>
      <button
        type="button"
        className="button button--small button--danger"
        disabled={!selected}
        onClick={() => {
          if (!selected) return;
          useAppStore.getState().run(removePersonaCommand, { id: selected.id });
          notify('success', `Deleted persona ${selected.name} (Undo brings it back).`);
        }}
      >
        Delete
      </button>
    </div>
  );
}
