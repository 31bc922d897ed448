// The one implementation of the host API (shared/host/api.ts) over the file services. Both
// transports (Electron IPC, loopback HTTP) call it through the validating dispatcher.

import { isAbsolute, join, resolve } from 'node:path';
import type { HostApi, HostRequest, HostResponse } from '../../shared/host/api';
import { MAX_DESIGN_BYTES } from '../../shared/model/io';
import {
  createRecentFiles,
  createRecoveryStore,
  listExampleDesigns,
  readTextFileLimited,
  writeFileAtomic,
} from '../services/files';
import { HostFailure } from './errors';

/** The one design size limit (shared/model/io.ts), also that of the host API schema. */
export const maxDesignBytes = MAX_DESIGN_BYTES;

/** The example shown when nothing else was asked for. */
export const defaultExampleId = 'photo-sharing';

export interface FileDialogs {
  /** Resolves to the chosen path, or undefined when the person cancels. */
  chooseOpenPath(): Promise<string | undefined>;
  chooseSavePath(suggestedPath: string | undefined): Promise<string | undefined>;
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
  /** Per-user app data: recent files list and recovery file. */
  appDataDirectory: string;
  examplesDirectory: string;
  /** The design named on the command line, if any. */
  startupDesignPath?: string;
  /** Native dialogs (Electron). Without them, open and save need an explicit path. */
  dialogs?: FileDialogs;
  onDocumentState?(state: DocumentState): void;
  onRecentFilesChanged?(files: string[]): void;
  now?(): Date;
}

export function createHostService(dependencies: HostServiceDependencies): HostApi {
  const recentFiles = createRecentFiles(join(dependencies.appDataDirectory, 'recent-files.json'));
  const recovery = createRecoveryStore(
    join(dependencies.appDataDirectory, 'recovery', 'recovery.json'),
    dependencies.now,
  );

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

  async function openFile(path: string): Promise<{ path: string; content: string }> {
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
    if (dependencies.startupDesignPath !== undefined) return openFile(dependencies.startupDesignPath);
    const examples = await listExampleDesigns(dependencies.examplesDirectory);
    const example = examples.find((candidate) => candidate.id === defaultExampleId) ?? examples[0];
    return example ? openFile(example.path) : { none: true };
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
    const absolute = resolveDesignPath(path);
    try {
      JSON.parse(request.content);
    } catch {
      throw new HostFailure('invalid-content', `Not saved to ${absolute}: the document is not valid JSON.`);
    }
    await writeFileAtomic(absolute, request.content);
    await remember(absolute);
    return { path: absolute };
  }

  async function listRecent(): Promise<HostResponse<'listRecent'>> {
    return recentFiles.list();
  }

  async function writeRecovery(
    request: HostRequest<'writeRecovery'>,
  ): Promise<HostResponse<'writeRecovery'>> {
    await recovery.write(request.content, request.path);
    return { ok: true };
  }

  async function readRecovery(): Promise<HostResponse<'readRecovery'>> {
    return (await recovery.read()) ?? { none: true };
  }

  async function clearRecovery(): Promise<HostResponse<'clearRecovery'>> {
    await recovery.clear();
    return { ok: true };
  }

  async function setDocumentState(
    request: HostRequest<'setDocumentState'>,
  ): Promise<HostResponse<'setDocumentState'>> {
    dependencies.onDocumentState?.({ title: request.title, dirty: request.dirty });
    return { ok: true };
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
  };
}
