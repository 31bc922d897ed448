// View commands of the simulator panel (not design edits: they never enter the undo history).

import type { Command } from '../state/types';

export const toggleSimulatorCommand: Command = {
  id: 'view.toggleSimulator',
  label: 'Simulator',
  keybinding: 'Mod+J',
  recordsHistory: false,
  perform(state) {
    const simulatorOpen = !state.ui.simulatorOpen;
    return {
      ...state,
      ui: { ...state.ui, simulatorOpen, ...(simulatorOpen ? {} : { simulationPath: null }) },
    };
  },
};
