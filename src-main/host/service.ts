// The one implementation of the host API (shared/host/api.ts) over the file services. Both
// transports (Electron IPC, loopback HTTP) call it through the validating dispatcher.

import { isAbsolute, join, resolve } from 'node:path';
import {
  exportExtensions,
  type HostApi,
  type HostRequest,
  type HostResponse,
  type NativeEditAction,
} from '../../shared/host/api';
import { MAX_DESIGN_BYTES } from '../../shared/model/io';
import {
  createRecentFiles,
  createRecoveryStore,
  listExampleDesigns,
  readTextFileLimited,
  writeFileAtomic,
} from '../services/files';
import { AwsAccessError, createAwsHostMethods, type AwsHostMethods } from '../services/aws';
import { actionLevelSource } from '../services/catalog/action-levels';
import { createIamDataCatalog } from '../services/catalog/iam-data-catalog';
import { HostFailure } from './errors';
import { createWorkspace } from './workspace';

/** The one design size limit (shared/model/io.ts), also that of the host API schema. */
export const maxDesignBytes = MAX_DESIGN_BYTES;

/** The example shown when nothing else was asked for. */
export const defaultExampleId = 'photo-sharing';

export interface FileDialogs {
  /** Resolves to the chosen path, or undefined when the person cancels. */
  chooseOpenPath(): Promise<string | undefined>;
  chooseSavePath(suggestedPath: string | undefined): Promise<string | undefined>;
  /** Save dialog for a text export; `extensions` are the allowed ones, the first is the default. */
  chooseExportPath(suggestedName: string, extensions: readonly string[]): Promise<string | undefined>;
}

export interface DocumentState {
  title: string;
  dirty: boolean;
}

export interface HostServiceDependencies {
  mode: 'electron' | 'browser';
  version: string;
  platform: string;
  /** Where relative paths resolve and browser-mode file prompts start. */
  workingDirectory: string;
  /**
   * Browser mode: the one folder whose designs the API may open and save (every path is confined
   * to it). Absent in the desktop app, whose native dialogs let the person choose any file.
   */
  workspaceDirectory?: string;
  /** Per-user app data: recent files list and recovery file. */
  appDataDirectory: string;
  examplesDirectory: string;
  /** The design named on the command line, if any. */
  startupDesignPath?: string;
  /** Native dialogs (Electron). Without them, open and save need an explicit path. */
  dialogs?: FileDialogs;
  onDocumentState?(state: DocumentState): void;
  onRecentFilesChanged?(files: string[]): void;
  /** Runs a text editing command in the focused page; false where there is none (browser mode). */
  editNatively?(action: NativeEditAction): boolean;
  now?(): Date;
  /** Account methods; default: the AWS SDK in this process (tests and the e2e host stub replace them). */
  aws?: AwsHostMethods;
}

/** An account failure reaches the page as one line with code `aws`. */
function reportingAwsFailures(methods: AwsHostMethods): AwsHostMethods {
  const wrap =
    <R, A>(method: (request: R) => Promise<A>) =>
    async (request: R): Promise<A> => {
      try {
        return await method(request);
      } catch (error) {
        if (error instanceof AwsAccessError) throw new HostFailure('aws', error.message);
        throw error;
      }
    };
  return {
    awsListProfiles: wrap(methods.awsListProfiles),
    awsListIdentityPools: wrap(methods.awsListIdentityPools),
    awsPull: wrap(methods.awsPull),
    awsPlan: wrap(methods.awsPlan),
    awsApply: wrap(methods.awsApply),
  };
}

export function createHostService(dependencies: HostServiceDependencies): HostApi {
  const recentFiles = createRecentFiles(join(dependencies.appDataDirectory, 'recent-files.json'));
  const recovery = createRecoveryStore(
    join(dependencies.appDataDirectory, 'recovery', 'recovery.json'),
    dependencies.now,
  );

  const workspace =
    dependencies.workspaceDirectory === undefined
      ? undefined
      : createWorkspace(dependencies.workspaceDirectory);

  function resolveDesignPath(path: string): string {
    const absolute = isAbsolute(path) ? path : resolve(dependencies.workingDirectory, path);
    // Only design documents (JSON) are read or written, so a misused API cannot touch other files.
    if (!absolute.toLowerCase().endsWith('.json')) {
      throw new HostFailure(
        'invalid-path',
        `${absolute} is not a design file: design files end in .cognito-design.json (or .json).`,
      );
    }
    return absolute;
  }

  async function remember(path: string): Promise<void> {
    const files = await recentFiles.add(path).catch(() => undefined);
    if (files) dependencies.onRecentFilesChanged?.(files);
  }

  /** `trusted`: a path the app chose itself (start-up design, example), not one from the API. */
  async function openFile(path: string, trusted = false): Promise<{ path: string; content: string }> {
    if (workspace && !trusted) {
      // The raw path: `..` is refused before anything normalises it away.
      const confined = await workspace.resolveForOpen(path);
      resolveDesignPath(confined.readPath);
      return {
        path: resolveDesignPath(confined.path),
        content: await readTextFileLimited(confined.readPath, maxDesignBytes),
      };
    }
    const absolute = resolveDesignPath(path);
    const content = await readTextFileLimited(absolute, maxDesignBytes);
    return { path: absolute, content };
  }

  function requireDialogs(action: string): FileDialogs {
    if (!dependencies.dialogs) {
      throw new HostFailure(
        'unsupported',
        `Browser mode has no file dialog: give the path of the file to ${action}.`,
      );
    }
    return dependencies.dialogs;
  }

  async function getAppInfo(): Promise<HostResponse<'getAppInfo'>> {
    return {
      version: dependencies.version,
      mode: dependencies.mode,
      platform: dependencies.platform,
      workingDirectory: dependencies.workingDirectory,
    };
  }

  async function listExamples(): Promise<HostResponse<'listExamples'>> {
    return listExampleDesigns(dependencies.examplesDirectory);
  }

  async function getStartupDesign(): Promise<HostResponse<'getStartupDesign'>> {
    if (dependencies.startupDesignPath !== undefined) return openFile(dependencies.startupDesignPath, true);
    const examples = await listExampleDesigns(dependencies.examplesDirectory);
    const example = examples.find((candidate) => candidate.id === defaultExampleId) ?? examples[0];
    return example ? openFile(example.path, true) : { none: true };
  }

  async function openDesign(request: HostRequest<'openDesign'>): Promise<HostResponse<'openDesign'>> {
    const path = request.path ?? (await requireDialogs('open').chooseOpenPath());
    if (path === undefined) return { canceled: true };
    const opened = await openFile(path);
    await remember(opened.path);
    return opened;
  }

  async function saveDesign(request: HostRequest<'saveDesign'>): Promise<HostResponse<'saveDesign'>> {
    const askForPath = request.path === undefined || request.saveAs === true;
    const path = askForPath ? await requireDialogs('save').chooseSavePath(request.path) : request.path;
    if (path === undefined) return { canceled: true };
    const absolute = workspace ? await workspace.resolveForSave(path) : resolveDesignPath(path);
    try {
      JSON.parse(request.content);
    } catch {
      throw new HostFailure('invalid-content', `Not saved to ${absolute}: the document is not valid JSON.`);
    }
    await writeFileAtomic(absolute, request.content);
    await remember(absolute);
    return { path: absolute };
  }

  async function exportFile(request: HostRequest<'exportFile'>): Promise<HostResponse<'exportFile'>> {
    const extensions = exportExtensions[request.format];
    const path =
      request.path ?? (await requireDialogs('export to').chooseExportPath(request.suggestedName, extensions));
    if (path === undefined) return { canceled: true };
    const absolute = workspace
      ? await workspace.resolveForWrite(path)
      : isAbsolute(path)
        ? path
        : resolve(dependencies.workingDirectory, path);
    // Exports are written only under their own extensions, so a misused API cannot replace other files.
    if (!extensions.some((extension) => absolute.toLowerCase().endsWith(extension))) {
      throw new HostFailure(
        'invalid-path',
        `${absolute} does not end in ${extensions.join(' or ')}: choose a file name with that extension.`,
      );
    }
    await writeFileAtomic(absolute, request.content);
    return { path: absolute };
  }

  // Loaded per service on first use (design.md §6: never block start-up on the whole catalog).
  const actionLevels = actionLevelSource(createIamDataCatalog());

  async function catalogActions(
    request: HostRequest<'catalogActions'>,
  ): Promise<HostResponse<'catalogActions'>> {
    const services = [];
    for (const service of new Set(request.services))
      services.push({ service, actions: await actionLevels.actionsOf(service) });
    return { services };
  }

  async function listRecent(): Promise<HostResponse<'listRecent'>> {
    return recentFiles.list();
  }

  async function writeRecovery(
    request: HostRequest<'writeRecovery'>,
  ): Promise<HostResponse<'writeRecovery'>> {
    await recovery.write(request.content, request.path, request.policyDrafts);
    return { ok: true };
  }

  async function readRecovery(): Promise<HostResponse<'readRecovery'>> {
    return (await recovery.read()) ?? { none: true };
  }

  async function clearRecovery(
    request: HostRequest<'clearRecovery'>,
  ): Promise<HostResponse<'clearRecovery'>> {
    if (request.setAside) {
      const keptAt = await recovery.setAside();
      return keptAt === undefined ? { ok: true } : { ok: true, keptAt };
    }
    await recovery.clear();
    return { ok: true };
  }

  async function setDocumentState(
    request: HostRequest<'setDocumentState'>,
  ): Promise<HostResponse<'setDocumentState'>> {
    dependencies.onDocumentState?.({ title: request.title, dirty: request.dirty });
    return { ok: true };
  }

  async function listWorkspace(
    request: HostRequest<'listWorkspace'>,
  ): Promise<HostResponse<'listWorkspace'>> {
    if (!workspace) {
      throw new HostFailure(
        'unsupported',
        'The desktop app uses the system file dialogs; there is no workspace.',
      );
    }
    return workspace.list(request.directory);
  }

  const catalog = createIamDataCatalog();

  async function getIamCatalogIndex(): Promise<HostResponse<'getIamCatalogIndex'>> {
    return {
      services: await catalog.listServices(),
      globalConditionKeys: await catalog.listGlobalConditionKeys(),
    };
  }

  async function getIamCatalogService(
    request: HostRequest<'getIamCatalogService'>,
  ): Promise<HostResponse<'getIamCatalogService'>> {
    if (!(await catalog.hasService(request.service))) return { actions: [] };
    const names = await catalog.listActions(request.service);
    const actions = await Promise.all(names.map((name) => catalog.getAction(request.service, name)));
    return { actions: actions.filter((action) => action !== undefined) };
  }

  async function getIamCatalogConditionKey(
    request: HostRequest<'getIamCatalogConditionKey'>,
  ): Promise<HostResponse<'getIamCatalogConditionKey'>> {
    return (await catalog.getConditionKey(request.key)) ?? { none: true };
  }

  async function editNatively(request: HostRequest<'editNatively'>): Promise<HostResponse<'editNatively'>> {
    return { done: dependencies.editNatively?.(request.action) ?? false };
  }

  return {
    getAppInfo,
    listExamples,
    getStartupDesign,
    openDesign,
    saveDesign,
    listRecent,
    writeRecovery,
    readRecovery,
    clearRecovery,
    setDocumentState,
    exportFile,
    ...reportingAwsFailures(dependencies.aws ?? createAwsHostMethods()),
    catalogActions,
    listWorkspace,
    getIamCatalogIndex,
    getIamCatalogService,
    getIamCatalogConditionKey,
    editNatively,
  };
}
