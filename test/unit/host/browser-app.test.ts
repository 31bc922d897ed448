import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { parseBrowserModeArguments, startBrowserMode, UsageError } from '../../../src-main/host/browser-app';
import type { BrowserServer } from '../../../src-main/host/http-transport';
import { useTemporaryDirectories } from '../files/temporary-directory';
import { sendRaw } from './http-client';

const temporaryDirectory = useTemporaryDirectories();
let server: BrowserServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

describe('browser mode options', () => {
  it('accepts --port, --open and --data-dir', () => {
    expect(parseBrowserModeArguments(['--port', '8123', '--open', 'a.json', '--data-dir', '/tmp/d'])).toEqual(
      {
        port: 8123,
        openPath: 'a.json',
        dataDirectory: '/tmp/d',
      },
    );
    expect(parseBrowserModeArguments([])).toEqual({ port: 0, openPath: undefined, dataDirectory: undefined });
    expect(parseBrowserModeArguments(['--workspace', 'designs'])).toMatchObject({ workspace: 'designs' });
  });

  it('has no way to drop the token or bind another address', () => {
    for (const argv of [['--no-token'], ['--host', '0.0.0.0'], ['--token', 'chosen'], ['design.json']]) {
      expect(() => parseBrowserModeArguments(argv), argv.join(' ')).toThrow(UsageError);
    }
  });

  it('refuses ports that are not ports', () => {
    for (const port of ['-1', '65536', '80.5', 'http']) {
      expect(() => parseBrowserModeArguments([`--port=${port}`])).toThrow(/--port must be a whole number/);
    }
  });
});

describe('startBrowserMode', () => {
  it('confines the API to the workspace folder, the working directory by default', async () => {
    const workspace = await temporaryDirectory();
    server = await startBrowserMode(process.cwd(), {
      port: 0,
      openPath: undefined,
      dataDirectory: workspace,
      workspace,
    });
    const call = (method: string, body: unknown) =>
      sendRaw({
        port: server?.port ?? 0,
        method: 'POST',
        path: `/api/${method}`,
        headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${server?.token}` },
        body: JSON.stringify(body),
      });
    const outside = await call('openDesign', { path: join(process.cwd(), 'package.json') });
    expect(JSON.parse(outside.body)).toMatchObject({ error: { code: 'outside-workspace' } });
    const listing = await call('listWorkspace', {});
    expect(JSON.parse(listing.body)).toMatchObject({ result: { root: workspace } });
  });

  it('refuses a workspace that is not a folder', async () => {
    await expect(
      startBrowserMode(process.cwd(), {
        port: 0,
        openPath: undefined,
        dataDirectory: undefined,
        workspace: 'package.json',
      }),
    ).rejects.toThrow(/is not a folder/);
  });

  it('serves the design named with --open, relative to the working directory', async () => {
    const dataDirectory = await temporaryDirectory();
    server = await startBrowserMode(process.cwd(), {
      port: 0,
      openPath: 'assets/examples/b2b-saas.cognito-design.json',
      dataDirectory,
    });
    const response = await sendRaw({
      port: server.port,
      method: 'POST',
      path: '/api/getStartupDesign',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${server.token}` },
      body: '{}',
    });
    expect(JSON.parse(response.body).result.path).toBe(
      join(process.cwd(), 'assets', 'examples', 'b2b-saas.cognito-design.json'),
    );
  });
});
