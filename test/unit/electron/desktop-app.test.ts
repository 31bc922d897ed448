import type { BrowserWindowConstructorOptions, MenuItemConstructorOptions } from 'electron';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { hostMethods } from '../../../shared/host/api';
import {
  startDesktopApp,
  startupDesignFromArguments,
  type ElectronModules,
} from '../../../src-main/electron/desktop-app';
import type { InvokeEvent } from '../../../src-main/electron/ipc';
import { useTemporaryDirectories } from '../files/temporary-directory';

const temporaryDirectory = useTemporaryDirectories();

/** A fake of the Electron objects the desktop app touches, recording what it is asked to do. */
async function fakeElectron() {
  // An installed app: its built renderer next to a file that must stay out of the page's reach.
  const appRoot = await temporaryDirectory();
  await mkdir(join(appRoot, 'dist', 'renderer'), { recursive: true });
  await writeFile(join(appRoot, 'dist', 'renderer', 'index.html'), '<title>Studio</title>');
  await writeFile(join(appRoot, 'dist', 'main.cjs'), 'main process code');
  const dataDirectory = await temporaryDirectory();
  const record = {
    sandboxEnabled: false,
    appListeners: new Map<string, (...args: unknown[]) => void>(),
    handlers: new Map<string, (event: InvokeEvent, ...args: unknown[]) => Promise<unknown>>(),
    windows: [] as FakeWindow[],
    menus: [] as MenuItemConstructorOptions[][],
    sentToRenderer: [] as Array<[string, unknown]>,
    nativeEdits: [] as string[],
    sessionPolicyInstalled: false,
    privilegedSchemes: [] as unknown[],
    protocolHandlers: new Map<string, (request: Request) => Promise<Response>>(),
  };
  class FakeWindow {
    title = '';
    loaded: string | undefined;
    listeners = new Map<string, (event: { preventDefault(): void }) => void>();
    webContents = {
      send: (channel: string, message: unknown) => record.sentToRenderer.push([channel, message]),
      ...Object.fromEntries(
        ['undo', 'redo', 'cut', 'copy', 'paste', 'delete', 'selectAll'].map((action) => [
          action,
          () => record.nativeEdits.push(action),
        ]),
      ),
    };
    constructor(readonly options: BrowserWindowConstructorOptions) {
      record.windows.push(this);
    }
    once(event: string, listener: () => void) {
      this.listeners.set(event, listener);
    }
    on(event: string, listener: (event: { preventDefault(): void }) => void) {
      this.listeners.set(event, listener);
    }
    async loadURL(url: string) {
      this.loaded = url;
      pageLoaded();
    }
    setTitle(title: string) {
      this.title = title;
    }
    setDocumentEdited() {}
    close() {}
  }
  let ready: () => void = () => undefined;
  let isReady = false;
  const readyPromise = new Promise<void>(
    (resolve) =>
      (ready = () => {
        isReady = true;
        resolve();
      }),
  );
  // Loading the page is the last step of start-up (after the menu, which waits for the recent
  // files on disk): tests wait for it rather than for a guessed delay.
  let pageLoaded: () => void = () => undefined;
  const pageLoadedPromise = new Promise<void>((resolve) => (pageLoaded = resolve));
  const electron = {
    app: {
      getAppPath: () => appRoot,
      enableSandbox: () => (record.sandboxEnabled = true),
      on: (event: string, listener: (...args: unknown[]) => void) => record.appListeners.set(event, listener),
      whenReady: () => readyPromise,
      getVersion: () => '9.9.9',
      getPath: () => dataDirectory,
      quit: () => undefined,
    },
    BrowserWindow: FakeWindow,
    ipcMain: {
      handle: (channel: string, listener: (event: InvokeEvent, ...args: unknown[]) => Promise<unknown>) =>
        record.handlers.set(channel, listener),
    },
    Menu: {
      buildFromTemplate: (template: MenuItemConstructorOptions[]) => template,
      setApplicationMenu: (menu: MenuItemConstructorOptions[]) => record.menus.push(menu),
    },
    dialog: {},
    protocol: {
      registerSchemesAsPrivileged: (schemes: unknown[]) => {
        // Electron accepts this call only before the app is ready.
        if (isReady) throw new Error('registered after ready');
        record.privilegedSchemes.push(...schemes);
      },
      handle: (scheme: string, handler: (request: Request) => Promise<Response>) =>
        record.protocolHandlers.set(scheme, handler),
    },
    session: {
      defaultSession: {
        webRequest: {
          onHeadersReceived: () => (record.sessionPolicyInstalled = true),
          onBeforeRequest: () => undefined,
        },
        setPermissionRequestHandler: () => undefined,
        setPermissionCheckHandler: () => undefined,
      },
    },
  } as unknown as ElectronModules;
  async function start(argv: string[]) {
    startDesktopApp(electron, argv);
    ready();
    await pageLoadedPromise;
  }
  return { record, start, appRoot };
}

describe('desktop app wiring', () => {
  it('enables the sandbox for every renderer and hardens every web contents', async () => {
    const { record, start } = await fakeElectron();
    await start([]);
    expect(record.sandboxEnabled).toBe(true);
    expect(record.appListeners.has('web-contents-created')).toBe(true);
    expect(record.sessionPolicyInstalled).toBe(true);
  });

  it('opens one secure window on the built renderer, from app://, with the bundled preload', async () => {
    const { record, start, appRoot } = await fakeElectron();
    await start([]);
    expect(record.windows).toHaveLength(1);
    const window = record.windows[0]!;
    expect(window.loaded).toBe('app://studio/index.html');
    expect(record.privilegedSchemes).toEqual([
      {
        scheme: 'app',
        privileges: { standard: true, secure: true, supportFetchAPI: true, corsEnabled: true },
      },
    ]);
    expect([...record.protocolHandlers.keys()]).toEqual(['app']);
    const serve = record.protocolHandlers.get('app')!;
    const page = await serve(new Request('app://studio/index.html'));
    expect(page.status).toBe(200);
    expect(await page.text()).toBe('<title>Studio</title>');
    expect((await serve(new Request('app://studio/%2e%2e/main.cjs'))).status).toBe(404);
    expect(window.options.webPreferences).toMatchObject({
      preload: join(appRoot, 'dist', 'main', 'preload.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
    });
  });

  it('serves the host API on one channel per method, only to the app page', async () => {
    const { record, start } = await fakeElectron();
    await start([]);
    expect([...record.handlers.keys()].sort()).toEqual(hostMethods.map((method) => `host:${method}`).sort());
    const appFrame = { url: 'app://studio/index.html', parent: null };
    const info = await record.handlers.get('host:getAppInfo')?.({ senderFrame: appFrame }, {});
    expect(info).toMatchObject({ result: { mode: 'electron', version: '9.9.9' } });
    const foreign = await record.handlers.get('host:getAppInfo')?.(
      { senderFrame: { url: 'https://evil.example/', parent: null } },
      {},
    );
    expect(foreign).toMatchObject({ error: { code: 'forbidden-sender' } });
  });

  it('installs the menu, whose items reach the renderer as menu commands', async () => {
    const { record, start } = await fakeElectron();
    await start([]);
    const menu = record.menus.at(-1)!;
    const file = menu.find((entry) => entry.label === '&File')!.submenu as MenuItemConstructorOptions[];
    (file.find((entry) => entry.label === 'Save')!.click as () => void)();
    expect(record.sentToRenderer).toEqual([['menu:command', { command: 'file.save', detail: {} }]]);
  });

  it('runs a text editing command natively in the page only when the renderer asks for it', async () => {
    const { record, start } = await fakeElectron();
    await start([]);
    const edit = record.menus.at(-1)!.find((entry) => entry.label === '&Edit')!
      .submenu as MenuItemConstructorOptions[];
    (edit.find((entry) => entry.label === 'Undo')!.click as () => void)();
    expect(record.nativeEdits).toEqual([]);
    expect(record.sentToRenderer).toEqual([['menu:command', { command: 'edit.undo', detail: {} }]]);
    const appFrame = { url: 'app://studio/index.html', parent: null };
    const done = await record.handlers.get('host:editNatively')?.(
      { senderFrame: appFrame },
      { action: 'undo' },
    );
    expect(done).toEqual({ result: { done: true } });
    expect(record.nativeEdits).toEqual(['undo']);
    const refused = await record.handlers.get('host:editNatively')?.(
      { senderFrame: appFrame },
      { action: 'print' },
    );
    expect(refused).toMatchObject({ error: {} });
    expect(record.nativeEdits).toEqual(['undo']);
  });

  it('shows the document title and dirty marker in the window title', async () => {
    const { record, start } = await fakeElectron();
    await start([]);
    const appFrame = { url: 'app://studio/index.html', parent: null };
    await record.handlers.get('host:setDocumentState')?.(
      { senderFrame: appFrame },
      { title: 'Photo sharing', dirty: true },
    );
    expect(record.windows[0]!.title).toBe('• Photo sharing — Cognito Access Studio');
  });

  it('takes the start-up design from the command line', () => {
    expect(startupDesignFromArguments(['--inspect', '/home/me/a.cognito-design.json'])).toBe(
      '/home/me/a.cognito-design.json',
    );
    expect(startupDesignFromArguments(['.', '--flag'])).toBeUndefined();
  });
});
