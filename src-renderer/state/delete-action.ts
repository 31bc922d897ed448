// Edit › Delete: when the selection is connected to entities that stay (a role a pool or a rule
// uses), the person sees what will be disconnected and confirms. The deletion is one command, so
// one undo step restores the entities and every relation.

import { confirmWithDetails } from '../shell/dialogs';
import { deleteSelectionCommand } from './commands';
import { describeDisconnections } from './edits/disconnections';
import { useAppStore } from './store';

export async function deleteSelection(): Promise<void> {
  const { design, selection } = useAppStore.getState();
  const lines = describeDisconnections(design, selection.nodes);
  if (lines.length > 0) {
    const count = selection.nodes.length;
    const confirmed = await confirmWithDetails(
      count === 1 ? 'Delete this entity?' : `Delete ${count} entities?`,
      `Other parts of the design use ${count === 1 ? 'it' : 'them'}; deleting disconnects ${lines.length === 1 ? 'this relation' : `these ${lines.length} relations`} (Undo brings everything back):`,
      lines,
      'Delete',
    );
    if (!confirmed) return;
  }
  useAppStore.getState().run(deleteSelectionCommand, undefined);
}
