// Wires the desktop app together: security policy, the main window, the menu, the host API over
// IPC and the unsaved-changes prompt. Everything Electron-specific that is not a one-liner lives in
// window.ts, ipc.ts, menu.ts and close-guard.ts, which the unit tests exercise with fakes.

import type {
  BrowserWindow as BrowserWindowType,
  App,
  Dialog,
  IpcMain,
  Menu as MenuType,
  Protocol,
  Session,
} from 'electron';
import { extname, dirname, join } from 'node:path';
import type { HostApi } from '../../shared/host/api';
import { menuCommandChannel, type MenuMessage } from '../../shared/host/transport';
import { createDispatcher } from '../host/dispatch';
import { createHostService, type FileDialogs } from '../host/service';
import { designFileSuffix } from '../services/files';
import { appPageUrl, appScheme, appSchemePrivileges, serveAppRequest } from './app-protocol';
import { createCloseGuard, type CloseChoice } from './close-guard';
import { registerHostHandlers, type IpcMainLike } from './ipc';
import { buildMenuTemplate, type MenuActions } from './menu';
import {
  createMainWindow,
  hardenWebContents,
  installSessionPolicy,
  type AppPage,
  type HardenableContents,
  type PolicySession,
} from './window';

export interface ElectronModules {
  app: App;
  BrowserWindow: typeof BrowserWindowType;
  ipcMain: IpcMain;
  Menu: typeof MenuType;
  dialog: Dialog;
  session: { defaultSession: Session };
  protocol: Pick<Protocol, 'registerSchemesAsPrivileged' | 'handle'>;
}

const designFilters = [{ name: 'Cognito designs', extensions: ['json'] }];

/** The design named on the command line: the last argument that looks like a JSON file. */
export function startupDesignFromArguments(argv: readonly string[]): string | undefined {
  return [...argv]
    .reverse()
    .find((argument) => !argument.startsWith('-') && extname(argument).toLowerCase() === '.json');
}

export function startDesktopApp(electron: ElectronModules, argv: readonly string[]): void {
  const { app, BrowserWindow, ipcMain, Menu, dialog, protocol } = electron;
  const appRoot = app.getAppPath();
  const rendererRoot = join(appRoot, 'dist', 'renderer');
  const page: AppPage = { url: new URL(appPageUrl) };
  const startupDesignPath = startupDesignFromArguments(argv);
  let mainWindow: BrowserWindowType | undefined;

  app.enableSandbox();
  // Must happen before the app is ready (Electron's rule for privileged schemes).
  protocol.registerSchemesAsPrivileged([{ scheme: appScheme, privileges: appSchemePrivileges }]);
  app.on('web-contents-created', (_event, contents) =>
    hardenWebContents(contents as unknown as HardenableContents, page),
  );

  function sendMenuCommand(message: MenuMessage): void {
    mainWindow?.webContents.send(menuCommandChannel, message);
  }

  const closeGuard = createCloseGuard({
    async confirmClose(title): Promise<CloseChoice> {
      if (!mainWindow) return 'discard';
      const { response } = await dialog.showMessageBox(mainWindow, {
        type: 'warning',
        buttons: ['Save', "Don't Save", 'Cancel'],
        defaultId: 0,
        cancelId: 2,
        message: `Do you want to save the changes to ${title || 'this design'}?`,
        detail: "Your changes will be lost if you don't save them.",
      });
      return (['save', 'discard', 'cancel'] as const)[response] ?? 'cancel';
    },
    requestSave: () => sendMenuCommand({ command: 'file.save', detail: {} }),
    closeWindow: () => mainWindow?.close(),
  });

  const dialogs: FileDialogs = {
    async chooseOpenPath() {
      if (!mainWindow) return undefined;
      const result = await dialog.showOpenDialog(mainWindow, {
        properties: ['openFile'],
        filters: designFilters,
      });
      return result.canceled ? undefined : result.filePaths[0];
    },
    async chooseSavePath(suggestedPath) {
      if (!mainWindow) return undefined;
      const result = await dialog.showSaveDialog(mainWindow, {
        defaultPath: suggestedPath ?? join(app.getPath('documents'), `untitled${designFileSuffix}`),
        filters: designFilters,
      });
      if (result.canceled || !result.filePath) return undefined;
      // Some platforms' save dialogs do not add the extension of the chosen filter.
      return extname(result.filePath).toLowerCase() === '.json'
        ? result.filePath
        : `${result.filePath}${designFileSuffix}`;
    },
    async chooseExportPath(suggestedName, extensions) {
      if (!mainWindow) return undefined;
      const result = await dialog.showSaveDialog(mainWindow, {
        defaultPath: join(app.getPath('documents'), suggestedName),
        filters: [{ name: 'Export', extensions: extensions.map((extension) => extension.slice(1)) }],
      });
      if (result.canceled || !result.filePath) return undefined;
      const chosen = result.filePath;
      return extensions.some((extension) => chosen.toLowerCase().endsWith(extension))
        ? chosen
        : `${chosen}${extensions[0] ?? ''}`;
    },
  };

  const menuActions: MenuActions = {
    send: (command, detail) => sendMenuCommand({ command, detail: detail ?? {} }),
  };

  function installMenu(recentFiles: readonly string[]): void {
    Menu.setApplicationMenu(
      Menu.buildFromTemplate(
        buildMenuTemplate({ platform: process.platform, recentFiles, actions: menuActions }),
      ),
    );
  }

  const service = createHostService({
    mode: 'electron',
    version: app.getVersion(),
    platform: process.platform,
    workingDirectory: startupDesignPath === undefined ? process.cwd() : dirname(startupDesignPath),
    appDataDirectory: app.getPath('userData'),
    examplesDirectory: join(appRoot, 'assets', 'examples'),
    ...(startupDesignPath === undefined ? {} : { startupDesignPath }),
    dialogs,
    onDocumentState(state) {
      closeGuard.setDocumentState(state);
      mainWindow?.setTitle(`${state.dirty ? '• ' : ''}${state.title} — Cognito Access Studio`);
      mainWindow?.setDocumentEdited(state.dirty);
    },
    onRecentFilesChanged: installMenu,
    // The renderer asks for this only when its focus is in a text field (Edit menu).
    editNatively(action) {
      if (!mainWindow) return false;
      mainWindow.webContents[action]();
      return true;
    },
  });
  const guardedService: HostApi = {
    ...service,
    async saveDesign(request) {
      try {
        const result = await service.saveDesign(request);
        if ('canceled' in result) closeGuard.onSaveAbandoned();
        return result;
      } catch (error) {
        closeGuard.onSaveAbandoned();
        throw error;
      }
    },
  };
  const dispatch = createDispatcher(guardedService, (method, error) =>
    console.error(`Host method ${method} failed:`, error),
  );

  app.on('window-all-closed', () => app.quit());

  void app.whenReady().then(async () => {
    protocol.handle(appScheme, (request) => serveAppRequest(rendererRoot, request));
    installSessionPolicy(electron.session.defaultSession as unknown as PolicySession, page);
    registerHostHandlers(ipcMain as unknown as IpcMainLike, dispatch, page);
    installMenu(await service.listRecent({}));

    const window = createMainWindow(BrowserWindow, join(appRoot, 'dist', 'main', 'preload.cjs'));
    mainWindow = window;
    window.once('ready-to-show', () => window.show());
    window.on('close', (event) => closeGuard.onWindowClose(event));
    window.on('closed', () => {
      mainWindow = undefined;
    });
    await window.loadURL(appPageUrl);
  });
}
