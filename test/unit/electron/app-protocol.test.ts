// The app:// protocol handler of the desktop window, on a real folder with hostile request paths.

import { mkdir, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { appPageUrl, resolveAppRequest, serveAppRequest } from '../../../src-main/electron/app-protocol';
import { headerContentSecurityPolicy } from '../../../src-main/host/security-headers';
import { useTemporaryDirectories } from '../files/temporary-directory';

const temporaryDirectory = useTemporaryDirectories();

/** <tmp>/renderer (served) next to <tmp>/secret.txt and <tmp>/private/ (not served). */
async function rendererFolder(): Promise<string> {
  const base = await temporaryDirectory();
  const root = join(base, 'renderer');
  await mkdir(join(root, 'assets'), { recursive: true });
  await mkdir(join(base, 'private'));
  await writeFile(join(root, 'index.html'), '<!doctype html><title>Studio</title>');
  await writeFile(join(root, 'assets', 'index.js'), 'export {};');
  await writeFile(join(root, 'assets', 'editor.worker.js'), 'self.onmessage = () => {};');
  await writeFile(join(root, 'assets', 'index.css'), 'body {}');
  await writeFile(join(root, 'assets', 'codicon.ttf'), 'font');
  await writeFile(join(root, 'assets', 'notes.bin'), 'bytes of no renderer type');
  await writeFile(join(base, 'secret.txt'), 'credentials');
  await writeFile(join(base, 'private', 'key.js'), 'secret');
  await symlink(join(base, 'secret.txt'), join(root, 'assets', 'leak.txt'));
  await symlink(join(base, 'private'), join(root, 'linked'));
  await symlink(join(root, 'assets', 'index.js'), join(root, 'alias.js'));
  return root;
}

async function get(root: string, url: string, method = 'GET') {
  const response = await serveAppRequest(root, new Request(url, { method }));
  return {
    status: response.status,
    type: response.headers.get('content-type'),
    body: await response.text(),
    response,
  };
}

describe('app:// requests', () => {
  it('serves the page and its assets with their types and the security headers', async () => {
    const root = await rendererFolder();
    const page = await get(root, appPageUrl);
    expect(page).toMatchObject({ status: 200, type: 'text/html; charset=utf-8' });
    expect(page.body).toContain('<title>Studio</title>');
    expect(page.response.headers.get('content-security-policy')).toBe(headerContentSecurityPolicy);
    expect(page.response.headers.get('x-content-type-options')).toBe('nosniff');
    expect((await get(root, 'app://studio/')).body).toContain('<title>Studio</title>');
    expect(await get(root, 'app://studio/index.html?design=1#/inspector')).toMatchObject({ status: 200 });
    expect(await get(root, 'app://studio/assets/index.js')).toMatchObject({
      status: 200,
      type: 'text/javascript; charset=utf-8',
      body: 'export {};',
    });
    expect(await get(root, 'app://studio/assets/editor.worker.js')).toMatchObject({
      status: 200,
      type: 'text/javascript; charset=utf-8',
    });
    expect(await get(root, 'app://studio/assets/index.css')).toMatchObject({
      type: 'text/css; charset=utf-8',
    });
    expect(await get(root, 'app://studio/assets/codicon.ttf')).toMatchObject({ type: 'font/ttf' });
    // A link inside the folder to a file inside the folder is fine.
    expect(await get(root, 'app://studio/alias.js')).toMatchObject({ status: 200, body: 'export {};' });
  });

  it('answers HEAD without a body and refuses other methods', async () => {
    const root = await rendererFolder();
    expect(await get(root, appPageUrl, 'HEAD')).toMatchObject({ status: 200, body: '' });
    const post = await get(root, appPageUrl, 'POST');
    expect(post.status).toBe(405);
    expect(post.response.headers.get('allow')).toBe('GET, HEAD');
  });

  it('never leaves the renderer folder, however the path is spelt', async () => {
    const root = await rendererFolder();
    for (const url of [
      'app://studio/../secret.txt',
      'app://studio/assets/../../secret.txt',
      'app://studio/%2e%2e/secret.txt',
      'app://studio/%2E%2E/%2e%2e/secret.txt',
      'app://studio/..%2fsecret.txt',
      'app://studio/assets/..%2F..%2Fsecret.txt',
      'app://studio/%2e%2e%2fsecret.txt',
      'app://studio/assets/..%5C..%5Csecret.txt',
      'app://studio/assets/leak.txt',
      'app://studio/linked/key.js',
      `app://studio/${encodeURIComponent(join(root, '..', 'secret.txt'))}`,
      'app://studio//etc/passwd',
      'app://studio/%2Fetc%2Fpasswd',
      'app://studio/C:%5CWindows%5Cwin.ini',
      'app://studio/index.html%00.js',
      'app://studio/%E0%A4%A',
    ]) {
      const answer = await get(root, url);
      expect(answer.status, url).toBe(404);
      expect(answer.body, url).toBe('');
    }
  });

  it('serves nothing but files of the renderer types, and only to its own origin', async () => {
    const root = await rendererFolder();
    for (const url of [
      'app://studio/assets',
      'app://studio/assets/',
      'app://studio/assets/notes.bin',
      'app://studio/missing.js',
      'app://other/index.html',
      'app://studio:8080/index.html',
      `file://${join(root, 'index.html')}`,
      'http://studio/index.html',
    ]) {
      expect((await get(root, url)).status, url).toBe(404);
    }
    // Fetch Requests cannot carry credentials; the resolver refuses them all the same.
    expect(await resolveAppRequest(root, 'GET', 'app://user:pass@studio/index.html')).toMatchObject({
      status: 404,
    });
    expect(await resolveAppRequest(root, 'GET', 'not a url')).toMatchObject({ status: 404 });
  });
});
