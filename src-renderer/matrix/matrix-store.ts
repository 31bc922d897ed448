// The access matrix view's own state: which axes the person chose, the computed table (derived
// data, never in the design or the undo history), the selected cell and the comparison design.

import { create } from 'zustand';
import {
  ACCESS_LEVELS,
  designActions,
  designResources,
  filterByAccessLevel,
  parseActionList,
  parseResourceList,
  serviceActions,
  serviceOfResource,
  servicesOfDesign,
  withAccessLevels,
  type AccessDiff,
  type ActionLevelSource,
  type MatrixAction,
  type MatrixTable,
  type ResourceTemplate,
} from '../../shared/cognito';
import type { DesignDocument } from '../../shared/model/types';

export type ActionSource = 'design' | 'services' | 'list';
export type ResourceSource = 'design' | 'list';

export interface MatrixSettings {
  actionSource: ActionSource;
  /** Service prefixes, comma or space separated (actionSource `services`). */
  services: string;
  /** Typed actions (actionSource `list`). */
  actionList: string;
  /** Access levels shown; all of them = no filter. */
  accessLevels: string[];
  resourceSource: ResourceSource;
  /** Optional service prefixes the design's resources are narrowed to (resourceSource `design`). */
  resourceServices: string;
  /** Typed resources, one per line (resourceSource `list`). */
  resourceList: string;
  /** Hide rows in which no persona is allowed. */
  onlyAllowedRows: boolean;
}

export interface CellRef {
  action: number;
  resource: number;
  persona: number;
}

export interface Comparison {
  /** "the last saved version" or a file name. */
  label: string;
  design: DesignDocument;
}

export interface MatrixState {
  settings: MatrixSettings;
  table: MatrixTable | null;
  /** Problems with the typed axes (invalid actions), shown above the table. */
  notes: string[];
  error: string | null;
  computing: boolean;
  selected: CellRef | null;
  comparison: Comparison | null;
  diff: AccessDiff | null;
  setSettings(patch: Partial<MatrixSettings>): void;
  select(cell: CellRef | null): void;
  setComparison(comparison: Comparison | null): void;
}

export function defaultSettings(): MatrixSettings {
  return {
    actionSource: 'design',
    services: '',
    actionList: '',
    accessLevels: [...ACCESS_LEVELS],
    resourceSource: 'design',
    resourceServices: '',
    resourceList: '',
    onlyAllowedRows: false,
  };
}

export const useMatrixStore = create<MatrixState>()((set, get) => ({
  settings: defaultSettings(),
  table: null,
  notes: [],
  error: null,
  computing: false,
  selected: null,
  comparison: null,
  diff: null,
  setSettings(patch) {
    set({ settings: { ...get().settings, ...patch }, selected: null });
  },
  select(cell) {
    set({ selected: cell });
  },
  setComparison(comparison) {
    set({ comparison, diff: null });
  },
}));

export function splitServices(text: string): string[] {
  return [
    ...new Set(
      text
        .split(/[\s,]+/)
        .map((item) => item.trim().toLowerCase())
        .filter((item) => item !== ''),
    ),
  ];
}

export interface Axes {
  actions: MatrixAction[];
  resources: ResourceTemplate[];
  notes: string[];
}

/** The actions and resource templates the settings choose, for this design. */
export async function chooseAxes(
  design: DesignDocument,
  settings: MatrixSettings,
  source: ActionLevelSource,
): Promise<Axes> {
  const notes: string[] = [];
  let actions: MatrixAction[];
  if (settings.actionSource === 'services') {
    const services = splitServices(settings.services);
    const chosen = services.length > 0 ? services : servicesOfDesign(design);
    actions = await serviceActions(chosen, source);
    const unknown: string[] = [];
    for (const service of chosen) if ((await source.actionsOf(service)).length === 0) unknown.push(service);
    if (unknown.length > 0) notes.push(`Not in the IAM catalog: ${unknown.join(', ')}`);
  } else if (settings.actionSource === 'list') {
    const parsed = parseActionList(settings.actionList);
    if (parsed.invalid.length > 0)
      notes.push(`Not actions (expected service:Action): ${parsed.invalid.join(', ')}`);
    actions = await withAccessLevels(parsed.actions, source);
  } else {
    actions = await designActions(design, source);
  }
  actions = filterByAccessLevel(actions, settings.accessLevels);

  let resources: ResourceTemplate[];
  if (settings.resourceSource === 'list') {
    resources = parseResourceList(settings.resourceList);
  } else {
    const services = splitServices(settings.resourceServices);
    resources = designResources(design).filter((template) => {
      if (services.length === 0) return true;
      const service = serviceOfResource(template.text);
      return service === undefined || services.includes(service);
    });
  }
  return { actions, resources, notes };
}
