// Small helpers the panels share: the update function of one entity.

import { useCallback } from 'react';
import { updateEntityCommand } from '../state/commands';
import { useAppStore } from '../state/store';
import type { EntityKind } from '../state/types';

export function useEntityUpdate<T>(kind: EntityKind, id: string): (patch: Partial<T>) => void {
  return useCallback(
    (patch: Partial<T>) =>
      useAppStore.getState().run(updateEntityCommand, { kind, id, patch: patch as Record<string, unknown> }),
    [kind, id],
  );
}
