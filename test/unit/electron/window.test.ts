import type { BrowserWindowConstructorOptions } from 'electron';
import { describe, expect, it } from 'vitest';
import {
  createMainWindow,
  hardenWebContents,
  installSessionPolicy,
  isAppPageUrl,
  type AppPage,
  type HardenableContents,
  type PolicySession,
} from '../../../src-main/electron/window';

const page: AppPage = { url: new URL('app://studio/index.html') };

class FakeWindow {
  static created: BrowserWindowConstructorOptions[] = [];
  constructor(readonly options: BrowserWindowConstructorOptions) {
    FakeWindow.created.push(options);
  }
}

type Listener = (event: { preventDefault(): void; url: string }, url: string) => void;

function fakeContents(): {
  contents: HardenableContents;
  listeners: Map<string, Listener>;
  openHandler: () => { action: string };
} {
  const listeners = new Map<string, Listener>();
  let openHandler: (details: { url: string }) => { action: string } = () => ({ action: 'allow' });
  const contents = {
    setWindowOpenHandler(handler: (details: { url: string }) => { action: 'deny' }) {
      openHandler = handler;
    },
    on(event: string, listener: Listener) {
      listeners.set(event, listener);
    },
  } as HardenableContents;
  return { contents, listeners, openHandler: () => openHandler({ url: 'https://evil.example/' }) };
}

function navigate(listener: Listener | undefined, url: string): boolean {
  let prevented = false;
  listener?.({ preventDefault: () => (prevented = true), url }, url);
  return prevented;
}

describe('main window', () => {
  it('is created isolated, sandboxed, without Node and with web security on', () => {
    const window = createMainWindow(FakeWindow, '/opt/studio/dist/main/preload.cjs');
    const preferences = window.options.webPreferences;
    expect(preferences).toMatchObject({
      preload: '/opt/studio/dist/main/preload.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      experimentalFeatures: false,
    });
    expect(window.options.show).toBe(false);
  });
});

describe('web contents hardening', () => {
  it('denies every new window', () => {
    const fake = fakeContents();
    hardenWebContents(fake.contents, page);
    expect(fake.openHandler()).toEqual({ action: 'deny' });
  });

  it('blocks navigation and redirects to anything but the app page', () => {
    const fake = fakeContents();
    hardenWebContents(fake.contents, page);
    for (const event of ['will-navigate', 'will-redirect']) {
      const listener = fake.listeners.get(event);
      expect(listener, event).toBeDefined();
      expect(navigate(listener, 'https://evil.example/')).toBe(true);
      expect(navigate(listener, 'file:///etc/passwd')).toBe(true);
      expect(navigate(listener, 'file:///opt/studio/dist/renderer/index.html')).toBe(true);
      expect(navigate(listener, 'app://studio/other.html')).toBe(true);
      expect(navigate(listener, 'app://evil/index.html')).toBe(true);
      expect(navigate(listener, 'javascript:alert(1)')).toBe(true);
      expect(navigate(listener, 'not a url')).toBe(true);
      expect(navigate(listener, 'app://studio/index.html#/inspector')).toBe(false);
    }
  });

  it('refuses to attach <webview> tags', () => {
    const fake = fakeContents();
    hardenWebContents(fake.contents, page);
    expect(navigate(fake.listeners.get('will-attach-webview'), '')).toBe(true);
  });

  it('recognises only the app page as the app page', () => {
    expect(isAppPageUrl('app://studio/index.html', page)).toBe(true);
    expect(isAppPageUrl('app://studio/index.html?x=1', page)).toBe(true);
    expect(isAppPageUrl('app://studio:8080/index.html', page)).toBe(false);
    expect(isAppPageUrl('app://other/index.html', page)).toBe(false);
    expect(isAppPageUrl('file:///opt/studio/dist/renderer/index.html', page)).toBe(false);
    expect(isAppPageUrl('http://studio/index.html', page)).toBe(false);
  });
});

describe('session policy', () => {
  function fakeSession() {
    const handlers: {
      headers?: Parameters<PolicySession['webRequest']['onHeadersReceived']>[0];
      request?: Parameters<PolicySession['webRequest']['onBeforeRequest']>[0];
      permission?: Parameters<PolicySession['setPermissionRequestHandler']>[0];
      check?: Parameters<PolicySession['setPermissionCheckHandler']>[0];
    } = {};
    const session: PolicySession = {
      webRequest: {
        onHeadersReceived: (listener) => (handlers.headers = listener),
        onBeforeRequest: (listener) => (handlers.request = listener),
      },
      setPermissionRequestHandler: (handler) => (handlers.permission = handler),
      setPermissionCheckHandler: (handler) => (handlers.check = handler),
    };
    installSessionPolicy(session, page);
    return handlers;
  }

  it('adds a strict Content-Security-Policy to every response', () => {
    const handlers = fakeSession();
    let headers: Record<string, string[]> = {};
    handlers.headers?.(
      { responseHeaders: { 'Content-Type': ['text/html'] } },
      (response) => (headers = response.responseHeaders),
    );
    expect(headers['Content-Type']).toEqual(['text/html']);
    const policy = headers['Content-Security-Policy']?.[0] ?? '';
    expect(policy).toContain("default-src 'none'");
    expect(policy).toContain("script-src 'self'");
    expect(policy).not.toContain('unsafe-eval');
    expect(policy).not.toMatch(/script-src[^;]*unsafe-inline/);
  });

  it('cancels requests for remote content and keeps the app origin', () => {
    const handlers = fakeSession();
    const cancelled = (url: string): boolean => {
      let result = false;
      handlers.request?.({ url }, (response) => (result = response.cancel));
      return result;
    };
    expect(cancelled('https://cdn.example/script.js')).toBe(true);
    expect(cancelled('http://127.0.0.1:8080/')).toBe(true);
    expect(cancelled('ws://evil.example/')).toBe(true);
    expect(cancelled('app://studio/assets/index.js')).toBe(false);
    expect(cancelled('data:font/woff2;base64,AAAA')).toBe(false);
  });

  it('cancels every file: URL and every other origin (the app:// handler confines paths itself)', () => {
    const handlers = fakeSession();
    const cancelled = (url: string): boolean => {
      let result = false;
      handlers.request?.({ url }, (response) => (result = response.cancel));
      return result;
    };
    expect(cancelled('app://studio/index.html')).toBe(false);
    expect(cancelled('app://studio/assets/index%20copy.css')).toBe(false);
    for (const url of [
      'file:///etc/passwd',
      'file:///home/someone/.aws/credentials',
      'file:///opt/studio/dist/renderer/index.html',
      'file://fileserver/opt/studio/dist/renderer/index.html',
      'app://other/index.html',
      'app://studio:1234/index.html',
      'other-scheme://studio/index.html',
    ]) {
      expect(cancelled(url), url).toBe(true);
    }
  });

  it('denies every permission request and check', () => {
    const handlers = fakeSession();
    for (const permission of ['media', 'geolocation', 'notifications', 'openExternal', 'clipboard-read']) {
      let granted: boolean | undefined;
      handlers.permission?.({}, permission, (answer) => (granted = answer));
      expect(granted, permission).toBe(false);
      expect(handlers.check?.({}, permission)).toBe(false);
    }
  });
});
