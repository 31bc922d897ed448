import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createDispatcher } from '../../../src-main/host/dispatch';
import { startBrowserServer, type BrowserServer } from '../../../src-main/host/http-transport';
import { createHostService } from '../../../src-main/host/service';
import { useTemporaryDirectories } from '../files/temporary-directory';

const temporaryDirectory = useTemporaryDirectories();
let server: BrowserServer | undefined;

afterEach(async () => {
  vi.unstubAllGlobals();
  vi.resetModules();
  await server?.close();
  server = undefined;
});

/** The browser globals the client reads, over a real browser-mode server. */
async function browserPage(hash: (server: BrowserServer) => string) {
  const directory = await temporaryDirectory();
  const service = createHostService({
    mode: 'browser',
    version: '2.0.0',
    platform: 'linux',
    workingDirectory: directory,
    appDataDirectory: join(directory, 'data'),
    examplesDirectory: join(process.cwd(), 'assets', 'examples'),
  });
  server = await startBrowserServer({ dispatch: createDispatcher(service), staticDirectory: directory });
  const base = `http://127.0.0.1:${server.port}`;
  const storage = new Map<string, string>();
  const location = { hash: hash(server), pathname: '/', search: '' };
  const replaced: string[] = [];
  vi.stubGlobal('window', {
    location,
    history: { replaceState: (_state: unknown, _title: string, url: string) => replaced.push(url) },
  });
  vi.stubGlobal('sessionStorage', {
    getItem: (key: string) => storage.get(key) ?? null,
    setItem: (key: string, value: string) => storage.set(key, value),
  });
  const realFetch = globalThis.fetch;
  const sent: string[] = [];
  vi.stubGlobal('fetch', (path: string, init: RequestInit) => {
    sent.push(path);
    return realFetch(`${base}${path}`, init);
  });
  const client = await import('../../../src-renderer/host/client');
  const startup = await import('../../../src-renderer/host/startup-requests');
  return { client, startup, replaced, storage, directory, sent };
}

describe('renderer host client in browser mode', () => {
  it('reads the token from the fragment, hides it from the address bar and calls the host', async () => {
    const { client, replaced } = await browserPage((running) => `#token=${running.token}`);
    expect(client.getAppMode()).toBe('browser');
    expect(await client.getHost().getAppInfo({})).toMatchObject({ mode: 'browser', version: '2.0.0' });
    expect(replaced).toEqual(['/']);
  });

  it('keeps the token for reloads of the same tab', async () => {
    const first = await browserPage((running) => `#token=${running.token}`);
    await first.client.getHost().listRecent({});
    const token = [...first.storage.values()][0];
    expect(token).toBe(server?.token);
  });

  it('reports a missing token clearly', async () => {
    const { client } = await browserPage(() => '');
    await expect(client.getHost().getAppInfo({})).rejects.toMatchObject({
      name: 'HostCallError',
      code: 'unauthorized',
    });
  });

  it('turns a refused token into a HostCallError with the server message', async () => {
    const { client } = await browserPage(() => '#token=not-the-token');
    await expect(client.getHost().getAppInfo({})).rejects.toMatchObject({
      code: 'unauthorized',
      message: expect.stringContaining('Wrong access token'),
    });
  });

  it('checks requests before sending them', async () => {
    const { client } = await browserPage((running) => `#token=${running.token}`);
    const setState = client.getHost().setDocumentState as (request: unknown) => Promise<unknown>;
    await expect(setState({ title: 'x' })).rejects.toMatchObject({
      code: 'invalid-request',
      message: expect.stringContaining('$.dirty'),
    });
  });

  it('passes host errors through with their code and message', async () => {
    const { client, directory } = await browserPage((running) => `#token=${running.token}`);
    const missing = join(directory, 'missing.json');
    await expect(client.getHost().openDesign({ path: missing })).rejects.toMatchObject({
      code: 'not-found',
      message: `Cannot open ${missing}: no such file or directory.`,
    });
  });

  it('answers the first start-up calls with the requests sent before the app loaded', async () => {
    const { client, startup, sent } = await browserPage((running) => `#token=${running.token}`);
    startup.sendStartupRequests();
    startup.sendStartupRequests();
    expect(sent).toEqual(['/api/readRecovery', '/api/getStartupDesign']);
    const host = client.getHost();
    expect(await host.readRecovery({})).toEqual({ none: true });
    const design = await host.getStartupDesign({});
    expect('content' in design && design.path.endsWith('.cognito-design.json')).toBe(true);
    expect(sent).toHaveLength(2);
    // Every later call asks the host again.
    await host.getStartupDesign({});
    expect(sent).toEqual(['/api/readRecovery', '/api/getStartupDesign', '/api/getStartupDesign']);
  });

  it('delivers locally dispatched menu commands to subscribers until they unsubscribe', async () => {
    const { client } = await browserPage(() => '');
    const received: unknown[] = [];
    const unsubscribe = client.onMenuCommand((command, detail) => received.push([command, detail]));
    client.dispatchMenuCommand('edit.undo');
    unsubscribe();
    client.dispatchMenuCommand('edit.redo');
    expect(received).toEqual([['edit.undo', {}]]);
  });
});

describe('renderer host client in the desktop app', () => {
  it('uses the preload bridge and rejects answers that break the schema', async () => {
    vi.stubGlobal('cognitoStudio', {
      getAppInfo: async () => ({
        result: { version: '1', mode: 'electron', platform: 'linux', workingDirectory: '/' },
      }),
      listRecent: async () => ({ result: [42] }),
      onMenuCommand: () => () => undefined,
    });
    const client = await import('../../../src-renderer/host/client');
    expect(client.getAppMode()).toBe('electron');
    expect(await client.getHost().getAppInfo({})).toEqual({
      version: '1',
      mode: 'electron',
      platform: 'linux',
      workingDirectory: '/',
    });
    await expect(client.getHost().listRecent({})).rejects.toMatchObject({ code: 'invalid-response' });
  });

  it('checks the answers to the start-up requests like any other', async () => {
    const calls: string[] = [];
    vi.stubGlobal('cognitoStudio', {
      readRecovery: async () => {
        calls.push('readRecovery');
        return { result: { content: 42 } };
      },
      getStartupDesign: async () => {
        calls.push('getStartupDesign');
        return { error: { code: 'not-found', message: 'The start-up design is gone.' } };
      },
      onMenuCommand: () => () => undefined,
    });
    const startup = await import('../../../src-renderer/host/startup-requests');
    startup.sendStartupRequests();
    const client = await import('../../../src-renderer/host/client');
    await expect(client.getHost().readRecovery({})).rejects.toMatchObject({ code: 'invalid-response' });
    await expect(client.getHost().getStartupDesign({})).rejects.toMatchObject({
      code: 'not-found',
      message: 'The start-up design is gone.',
    });
    expect(calls).toEqual(['readRecovery', 'getStartupDesign']);
  });
});
