// The main window and the rules every web page in the app obeys: isolated, sandboxed, no Node,
// its own files only, no navigation, no new windows, no permissions, a strict CSP.
// See https://www.electronjs.org/docs/latest/tutorial/security (checklist items cited below).

import type { BrowserWindowConstructorOptions } from 'electron';
import { headerContentSecurityPolicy } from '../host/security-headers';

/** The renderer's index.html (`app://studio/index.html`, see app-protocol.ts); the only page the app ever shows. */
export interface AppPage {
  url: URL;
}

/** True only for the app's own page (any fragment or query), never another file or origin. */
export function isAppPageUrl(candidate: string, page: AppPage): boolean {
  let url: URL;
  try {
    url = new URL(candidate);
  } catch {
    return false;
  }
  return (
    url.protocol === page.url.protocol && url.host === page.url.host && url.pathname === page.url.pathname
  );
}

/** The window constructor the app uses (Electron's BrowserWindow, or a fake in tests). */
export type WindowConstructor<Window> = new (options: BrowserWindowConstructorOptions) => Window;

/**
 * Checklist 2–4, 6–7: isolation, sandbox, no Node integration, web security kept on. The options
 * are written out literally here so that static scanners (electronegativity) can verify them.
 */
export function createMainWindow<Window>(
  BrowserWindow: WindowConstructor<Window>,
  preloadPath: string,
): Window {
  return new BrowserWindow({
    width: 1440,
    height: 900,
    minWidth: 900,
    minHeight: 600,
    show: false,
    title: 'Cognito Access Studio',
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      spellcheck: false,
      safeDialogs: true,
      // Middle-click must not open links in new windows (electronegativity AUXCLICK_JS_CHECK).
      disableBlinkFeatures: 'Auxclick',
    },
  });
}

/** The few WebContents members hardening touches (real WebContents fit this shape). */
export interface HardenableContents {
  setWindowOpenHandler(handler: (details: { url: string }) => { action: 'deny' }): void;
  on(
    event: 'will-navigate' | 'will-redirect',
    listener: (event: { preventDefault(): void; url: string }, url: string) => void,
  ): unknown;
  on(event: 'will-attach-webview', listener: (event: { preventDefault(): void }) => void): unknown;
}

/** Checklist 13–14: no navigation away from the app page, no new windows, no <webview>. */
export function hardenWebContents(contents: HardenableContents, page: AppPage): void {
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  contents.on('will-navigate', (event, url) => {
    if (!isAppPageUrl(url ?? event.url, page)) event.preventDefault();
  });
  contents.on('will-redirect', (event, url) => {
    if (!isAppPageUrl(url ?? event.url, page)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
}

type Headers = Record<string, string[]>;

/** The session members the policy touches (a real Session fits this shape). */
export interface PolicySession {
  webRequest: {
    onHeadersReceived(
      listener: (
        details: { responseHeaders?: Headers },
        callback: (response: { responseHeaders: Headers }) => void,
      ) => void,
    ): void;
    onBeforeRequest(
      listener: (details: { url: string }, callback: (response: { cancel: boolean }) => void) => void,
    ): void;
  };
  setPermissionRequestHandler(
    handler: (contents: unknown, permission: string, callback: (granted: boolean) => void) => void,
  ): void;
  setPermissionCheckHandler(handler: (contents: unknown, permission: string) => boolean): void;
}

/** Schemes the renderer may load from besides its own files: in-memory data the page created. */
const allowedInMemorySchemes = new Set(['data:', 'blob:', 'devtools:', 'chrome-extension:']);

/**
 * True for in-memory URLs and for the app's own origin (`app://studio/…`), whose protocol handler
 * serves only files of dist/renderer (app-protocol.ts). Every file: URL is refused: the page no
 * longer lives there, so no local file is in reach even if a script were injected.
 */
export function isAllowedRequest(candidate: string, page: AppPage): boolean {
  let url: URL;
  try {
    url = new URL(candidate);
  } catch {
    return false;
  }
  if (allowedInMemorySchemes.has(url.protocol)) return true;
  return url.protocol === page.url.protocol && url.host === page.url.host;
}

/**
 * Checklist 5 (permissions denied), 7 (CSP header next to the meta tag in index.html) and 1 (no
 * remote content: every http/https/ws request is cancelled, and so is every file: URL).
 */
export function installSessionPolicy(session: PolicySession, page: AppPage): void {
  session.webRequest.onHeadersReceived((details, callback) => {
    callback({
      responseHeaders: {
        ...details.responseHeaders,
        'Content-Security-Policy': [headerContentSecurityPolicy],
        'X-Content-Type-Options': ['nosniff'],
      },
    });
  });
  session.webRequest.onBeforeRequest((details, callback) =>
    callback({ cancel: !isAllowedRequest(details.url, page) }),
  );
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
}
