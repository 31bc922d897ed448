// The IAM action catalog as the matrix axes need it, fetched from the main process per service
// (host API `catalogActions`) and cached for the session: the catalog does not change while the app runs.

import type { ActionLevelSource, CatalogActionLevel } from '../../shared/cognito';
import { getHost } from '../host/client';

const cache = new Map<string, Promise<CatalogActionLevel[]>>();

export const hostActionLevels: ActionLevelSource = {
  actionsOf(service: string): Promise<CatalogActionLevel[]> {
    const key = service.toLowerCase();
    if (!/^[a-z0-9-]{1,64}$/.test(key)) return Promise.resolve([]);
    let entry = cache.get(key);
    if (!entry) {
      entry = getHost()
        .catalogActions({ services: [key] })
        .then((response) => response.services[0]?.actions ?? []);
      // A failed call is not cached, so the next computation asks again.
      entry.catch(() => cache.delete(key));
      cache.set(key, entry);
    }
    return entry;
  },
};
