// The desktop window's app:// handler in Chromium. The Electron binary cannot run here, so a small
// loopback server hands every page request to the very function Electron's `protocol.handle` calls
// (`serveAppRequest`, with the request rewritten to `app://studio/…`): the built renderer is served
// with that handler's files, types and headers (CSP included), and Monaco's module worker must start
// under `worker-src 'self'` without a CSP refusal. Host API calls are passed to a browser-mode
// server, standing in for the preload's IPC.

import { expect, test } from '@playwright/test';
import { createServer, request as httpRequest, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { appHost, appScheme, serveAppRequest } from '../../src-main/electron/app-protocol';
import { headerContentSecurityPolicy } from '../../src-main/host/security-headers';
import { repositoryRoot, startApp, type RunningApp } from './support/app-server';
import { AppPage } from './support/pages';
import { PolicyEditorPage } from './support/policy-editor';

const rendererRoot = join(repositoryRoot, 'dist', 'renderer');

/** Serves pages through the app:// handler; forwards /api/ to the browser-mode server as its own origin. */
async function startHandlerServer(api: URL): Promise<{ server: Server; origin: string }> {
  const server = createServer((incoming, outgoing) => {
    const path = incoming.url ?? '/';
    if (path.startsWith('/api/')) {
      const forwarded = httpRequest(
        {
          host: api.hostname,
          port: api.port,
          path,
          method: incoming.method,
          headers: {
            ...incoming.headers,
            host: api.host,
            ...(incoming.headers.origin ? { origin: api.origin } : {}),
          },
        },
        (answer) => {
          outgoing.writeHead(answer.statusCode ?? 502, answer.headers);
          answer.pipe(outgoing);
        },
      );
      incoming.pipe(forwarded);
      return;
    }
    const request = new Request(`${appScheme}://${appHost}${path}`, { method: incoming.method });
    void serveAppRequest(rendererRoot, request).then(async (response) => {
      outgoing.writeHead(response.status, Object.fromEntries(response.headers));
      outgoing.end(Buffer.from(await response.arrayBuffer()));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

let app: RunningApp;
let handler: { server: Server; origin: string };

test.afterEach(async () => {
  await new Promise((resolve) => handler.server.close(resolve));
  await app.stop();
});

test('the renderer served by the app:// handler runs Monaco and its module worker under the CSP', async ({
  page,
}) => {
  app = await startApp({ example: 'photo-sharing' });
  const api = new URL(app.url);
  handler = await startHandlerServer(api);
  const refusals: string[] = [];
  page.on('console', (message) => {
    if (/Content Security Policy|worker error/i.test(message.text())) refusals.push(message.text());
  });
  page.on('pageerror', (error) => refusals.push(`page error: ${error.message}`));
  const workers: string[] = [];
  page.on('worker', (worker) => workers.push(worker.url()));
  const scriptTypes = new Map<string, string>();
  page.context().on('response', (response) => {
    if (/\.js$/.test(new URL(response.url()).pathname))
      scriptTypes.set(response.url(), response.headers()['content-type'] ?? '');
  });

  const studio = new AppPage(page);
  const entry = await page.goto(`${handler.origin}/index.html${api.hash}`);
  expect(entry?.headers()['content-security-policy']).toBe(headerContentSecurityPolicy);
  await expect(page.locator('.react-flow__node').first()).toBeVisible();
  await studio.canvas.select('PhotoSharingAuthenticated');
  await page.getByTestId('open-inline-policy').first().click();
  const editor = new PolicyEditorPage(page);
  await expect.poll(() => editor.text()).toContain('ReadPublicGallery');
  // The policy editor's Monaco features never need the editor worker while editing, so the worker
  // is started the way Monaco starts it: through the `MonacoEnvironment.getWorker` the editor set up
  // (Vite's module-worker constructor), under the page's CSP.
  await expect(editor.root.locator('.monaco-editor')).toBeVisible();
  await page.evaluate(() => {
    const environment = (
      window as unknown as { MonacoEnvironment: { getWorker(id: string, label: string): Worker } }
    ).MonacoEnvironment;
    const worker = environment.getWorker('workerMain.js', 'editorWorkerService');
    worker.addEventListener('error', (event) => console.error(`worker error: ${event.message}`));
  });
  await expect
    .poll(() => workers.filter((url) => /\/assets\/editor\.worker-[^/]*\.js$/.test(url)))
    .toHaveLength(1);
  const worker = page.workers().find((candidate) => candidate.url().includes('editor.worker'))!;
  // The module ran: Monaco's worker entry installed its message handler, on the handler's origin.
  await expect.poll(() => worker.evaluate(() => typeof self.onmessage)).toBe('function');
  expect(await worker.evaluate(() => self.location.origin)).toBe(handler.origin);
  const workerType = [...scriptTypes].find(([url]) => url.includes('editor.worker'))?.[1];
  expect(workerType).toBe('text/javascript; charset=utf-8');
  expect(refusals).toEqual([]);

  // The CSP is really in force on this origin: a blob: worker, which worker-src 'self' excludes, is refused.
  await page.evaluate(() => {
    new Worker(URL.createObjectURL(new Blob(['postMessage(1)'], { type: 'text/javascript' })));
  });
  await expect
    .poll(() => refusals.join('\n'))
    .toMatch(/worker from 'blob:.*"worker-src 'self'". The action has been blocked/s);
  expect(page.workers().map((candidate) => candidate.url())).toEqual([worker.url()]);
});
