// The access-matrix axes' view of the IAM action catalog: each service's actions with their access
// level (shared/cognito/matrix-axes.ts). Used by the CLI and by the host API for the app.

import type { ActionLevelSource, CatalogActionLevel } from '../../../shared/cognito';
import type { IamCatalog } from '../../../shared/iam/catalog';

export function actionLevelSource(catalog: IamCatalog): ActionLevelSource {
  return {
    async actionsOf(service: string): Promise<CatalogActionLevel[]> {
      const names = await catalog.listActions(service);
      const levels: CatalogActionLevel[] = [];
      for (const name of names) {
        const action = await catalog.getAction(service, name);
        levels.push({ name, accessLevel: action?.accessLevel ?? '' });
      }
      return levels;
    },
  };
}
