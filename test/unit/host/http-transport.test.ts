import { mkdir, symlink, writeFile } from 'node:fs/promises';
import { connect } from 'node:net';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createDispatcher, type HostDispatcher } from '../../../src-main/host/dispatch';
import { startBrowserServer, type BrowserServer } from '../../../src-main/host/http-transport';
import { createHostService } from '../../../src-main/host/service';
import { useTemporaryDirectories } from '../files/temporary-directory';
import { sendRaw, type RawRequest } from './http-client';

const temporaryDirectory = useTemporaryDirectories();
const servers: BrowserServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()));
});

const secret = 'TOP-SECRET-OUTSIDE-THE-ROOT';

async function aServer(
  options: { maxBodyBytes?: number; dispatch?: HostDispatcher } = {},
): Promise<{ server: BrowserServer; calls: string[] }> {
  const directory = await temporaryDirectory();
  const root = join(directory, 'renderer');
  await mkdir(join(root, 'assets'), { recursive: true });
  await writeFile(join(root, 'index.html'), '<!doctype html><title>Cognito Access Studio</title>');
  await writeFile(join(root, 'assets', 'app.js'), 'console.log("app")');
  await writeFile(join(directory, 'secret.txt'), secret);
  await symlink(join(directory, 'secret.txt'), join(root, 'assets', 'link.js'));
  const calls: string[] = [];
  const service = createHostService({
    mode: 'browser',
    version: '1.0.0',
    platform: 'linux',
    workingDirectory: directory,
    appDataDirectory: join(directory, 'data'),
    examplesDirectory: join(process.cwd(), 'assets', 'examples'),
  });
  const realDispatch = createDispatcher(service);
  const dispatch: HostDispatcher =
    options.dispatch ??
    (async (method, request) => {
      calls.push(method);
      return realDispatch(method, request);
    });
  const server = await startBrowserServer({
    dispatch,
    staticDirectory: root,
    ...(options.maxBodyBytes ? { maxBodyBytes: options.maxBodyBytes } : {}),
  });
  servers.push(server);
  return { server, calls };
}

function apiCall(
  server: BrowserServer,
  overrides: Partial<RawRequest> = {},
): Promise<Awaited<ReturnType<typeof sendRaw>>> {
  return sendRaw({
    port: server.port,
    method: 'POST',
    path: '/api/getAppInfo',
    body: '{}',
    ...overrides,
    headers: {
      'Content-Type': 'application/json',
      Authorization: `Bearer ${server.token}`,
      ...overrides.headers,
    },
  });
}

describe('browser mode server: normal use', () => {
  it('prints an address on 127.0.0.1 with a 256-bit token in the fragment, new on every run', async () => {
    const { server: first } = await aServer();
    const { server: second } = await aServer();
    expect(first.url).toBe(`http://127.0.0.1:${first.port}/#token=${first.token}`);
    expect(Buffer.from(first.token, 'base64url')).toHaveLength(32);
    expect(first.token).not.toBe(second.token);
  });

  it('answers an authorised API call', async () => {
    const { server } = await aServer();
    const response = await apiCall(server);
    expect(response.status).toBe(200);
    expect(JSON.parse(response.body)).toEqual({
      result: expect.objectContaining({ mode: 'browser', version: '1.0.0' }),
    });
    expect(response.headers['cache-control']).toBe('no-store');
  });

  it('accepts localhost as the Host and the page origin as Origin', async () => {
    const { server } = await aServer();
    const response = await apiCall(server, {
      headers: { Host: `localhost:${server.port}`, Origin: `http://localhost:${server.port}` },
    });
    expect(response.status).toBe(200);
  });

  it('serves the renderer with the security headers', async () => {
    const { server } = await aServer();
    const page = await sendRaw({ port: server.port, path: '/' });
    expect(page.status).toBe(200);
    expect(page.body).toContain('<title>Cognito Access Studio</title>');
    expect(page.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(page.headers['content-security-policy']).toContain("default-src 'none'");
    expect(page.headers['content-security-policy']).toContain("script-src 'self'");
    expect(page.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(page.headers['x-content-type-options']).toBe('nosniff');
    expect(page.headers['referrer-policy']).toBe('no-referrer');
    const script = await sendRaw({ port: server.port, path: '/assets/app.js' });
    expect(script.headers['content-type']).toBe('text/javascript; charset=utf-8');
  });

  it('reports application errors in the envelope without a stack trace', async () => {
    const { server } = await aServer();
    const response = await apiCall(server, {
      path: '/api/openDesign',
      body: JSON.stringify({ path: '/nowhere/missing.json' }),
    });
    expect(response.status).toBe(422);
    expect(JSON.parse(response.body)).toEqual({
      error: { code: 'not-found', message: 'Cannot open /nowhere/missing.json: no such file or directory.' },
    });
  });
});

describe('browser mode server: attacks', () => {
  it('refuses an API call without a token', async () => {
    const { server, calls } = await aServer();
    const response = await sendRaw({
      port: server.port,
      method: 'POST',
      path: '/api/getAppInfo',
      headers: { 'Content-Type': 'application/json' },
      body: '{}',
    });
    expect(response.status).toBe(401);
    expect(JSON.parse(response.body).error.code).toBe('unauthorized');
    expect(calls).toEqual([]);
  });

  it('refuses a wrong token, another run’s token, a token in another scheme and a token prefix', async () => {
    const { server, calls } = await aServer();
    const { server: other } = await aServer();
    for (const authorization of [
      `Bearer ${other.token}`,
      `Bearer ${server.token.slice(0, -1)}`,
      `Bearer ${server.token}x`,
      `Basic ${server.token}`,
      'Bearer ',
      server.token,
    ]) {
      const response = await apiCall(server, { headers: { Authorization: authorization } });
      expect(response.status, authorization).toBe(401);
    }
    expect(calls).toEqual([]);
  });

  it('refuses a token sent only in the query string', async () => {
    const { server } = await aServer();
    const response = await sendRaw({
      port: server.port,
      method: 'POST',
      path: `/api/getAppInfo?token=${server.token}`,
      headers: { 'Content-Type': 'application/json' },
      body: '{}',
    });
    expect(response.status).toBe(401);
  });

  it('refuses foreign Host headers (DNS rebinding), even with the right token', async () => {
    const { server, calls } = await aServer();
    for (const host of [
      'evil.example:' + server.port,
      `127.0.0.1:${server.port + 1}`,
      '127.0.0.1',
      `localhost.evil.example:${server.port}`,
      `[::1]:${server.port}`,
    ]) {
      const response = await apiCall(server, { headers: { Host: host } });
      expect(response.status, host).toBe(403);
      expect(JSON.parse(response.body).error.code).toBe('forbidden-host');
      const page = await sendRaw({ port: server.port, path: '/', headers: { Host: host } });
      expect(page.status, host).toBe(403);
    }
    expect(calls).toEqual([]);
  });

  it('refuses foreign Origin headers, even with the right token', async () => {
    const { server, calls } = await aServer();
    for (const origin of [
      'http://evil.example',
      `https://127.0.0.1:${server.port}`,
      `http://127.0.0.1:${server.port + 1}`,
      'null',
      `http://127.0.0.1:${server.port}.evil.example`,
    ]) {
      const response = await apiCall(server, { headers: { Origin: origin } });
      expect(response.status, origin).toBe(403);
      expect(JSON.parse(response.body).error.code).toBe('forbidden-origin');
    }
    expect(calls).toEqual([]);
  });

  it('refuses a body over the limit, declared or streamed', async () => {
    const { server, calls } = await aServer({ maxBodyBytes: 1000 });
    const body = JSON.stringify({ content: 'x'.repeat(5000) });
    const declared = await apiCall(server, { path: '/api/writeRecovery', body });
    expect(declared.status).toBe(413);
    const streamed = await apiCall(server, { path: '/api/writeRecovery', body, chunked: true });
    expect(streamed.status).toBe(413);
    expect(calls).toEqual([]);
  });

  it('refuses a declared 1 GiB body at the default limit without reading it', async () => {
    const { server } = await aServer();
    const response = await apiCall(server, {
      path: '/api/writeRecovery',
      body: '',
      headers: { 'Content-Length': String(1024 ** 3) },
    });
    expect(response.status).toBe(413);
  });

  it('refuses wrong HTTP methods', async () => {
    const { server } = await aServer();
    const get = await apiCall(server, { method: 'GET', body: undefined });
    expect(get.status).toBe(405);
    expect(get.headers.allow).toBe('POST');
    const putPage = await sendRaw({
      port: server.port,
      method: 'PUT',
      path: '/index.html',
      body: 'overwrite',
    });
    expect(putPage.status).toBe(405);
  });

  it('refuses unknown API methods, including object internals', async () => {
    const { server, calls } = await aServer();
    for (const method of ['shutdown', 'constructor', '__proto__', 'toString', '']) {
      const response = await apiCall(server, { path: `/api/${method}` });
      expect(response.status, method).toBe(404);
    }
    expect(calls).toEqual([]);
  });

  it('refuses non-JSON content types (form posts) and malformed JSON', async () => {
    const { server, calls } = await aServer();
    expect((await apiCall(server, { headers: { 'Content-Type': 'text/plain' } })).status).toBe(415);
    expect(
      (await apiCall(server, { headers: { 'Content-Type': 'application/x-www-form-urlencoded' } })).status,
    ).toBe(415);
    const malformed = await apiCall(server, { body: '{"a":' });
    expect(malformed.status).toBe(400);
    expect(calls).toEqual([]);
  });

  it('refuses a body that is not valid UTF-8 instead of saving replacement characters', async () => {
    const { server, calls } = await aServer();
    const prefix = Buffer.from('{"content":"{\\"name\\":\\"');
    const body = Buffer.concat([
      prefix,
      Buffer.from([0xff, 0xfe, 0xc3]),
      Buffer.from('\\"}","path":"x.json"}'),
    ]);
    const answer = await apiCall(server, { path: '/api/saveDesign', body });
    expect(answer.status).toBe(400);
    expect(JSON.parse(answer.body)).toMatchObject({ error: { code: 'invalid-request' } });
    expect(JSON.parse(answer.body).error.message).toMatch(/UTF-8/);
    expect(calls).not.toContain('saveDesign');
  });

  it('never serves files outside the renderer directory', async () => {
    const { server } = await aServer();
    const attempts = [
      '/../secret.txt',
      '/assets/../../secret.txt',
      '/%2e%2e/secret.txt',
      '/..%2fsecret.txt',
      '/%2e%2e%2fsecret.txt',
      '/assets/..%2f..%2fsecret.txt',
      '/..%5csecret.txt',
      '/assets/link.js',
      '/index.html%00.js',
      '/%E0%A4%A',
      '//etc/passwd',
      '/assets',
    ];
    for (const path of attempts) {
      const response = await sendRaw({ port: server.port, path });
      expect(response.status, path).toBe(404);
      expect(response.body, path).not.toContain(secret);
      expect(response.body, path).not.toContain('root:');
    }
  });

  it('listens on the loopback address only', async () => {
    const { server } = await aServer();
    // The whole 127.0.0.0/8 range is loopback on Linux: a server bound to every address (0.0.0.0)
    // would answer on 127.0.0.2 too; one bound to 127.0.0.1 refuses.
    const outcome = await new Promise<string>((resolve) => {
      const socket = connect({ host: '127.0.0.2', port: server.port });
      socket.once('connect', () => {
        socket.destroy();
        resolve('connected');
      });
      socket.once('error', (error: NodeJS.ErrnoException) => resolve(error.code ?? 'error'));
    });
    expect(outcome).toBe('ECONNREFUSED');
  });
});

describe('browser mode server: what another web page in the browser can do', () => {
  const evilOrigin = 'http://evil.example';

  it('gets no CORS preflight approval, so it cannot send the token header or JSON', async () => {
    const { server, calls } = await aServer();
    const preflight = await sendRaw({
      port: server.port,
      method: 'OPTIONS',
      path: '/api/saveDesign',
      headers: {
        Origin: evilOrigin,
        'Access-Control-Request-Method': 'POST',
        'Access-Control-Request-Headers': 'authorization, content-type',
      },
    });
    expect(preflight.status).toBe(403);
    expect(Object.keys(preflight.headers).filter((name) => name.startsWith('access-control-'))).toEqual([]);
    expect(calls).toEqual([]);
  });

  it('cannot save with a simple cross-site request (text/plain body, no token)', async () => {
    const { server, calls } = await aServer();
    const body = JSON.stringify({ path: '/tmp/planted.json', content: '{}' });
    // What <form enctype="text/plain"> or fetch(…, {mode: 'no-cors'}) sends: Origin set by the browser.
    const simple = await sendRaw({
      port: server.port,
      method: 'POST',
      path: '/api/saveDesign',
      body,
      headers: { Origin: evilOrigin, 'Content-Type': 'text/plain' },
    });
    expect(simple.status).toBe(403);
    // Even a client that sends no Origin at all still lacks the token.
    const withoutOrigin = await sendRaw({
      port: server.port,
      method: 'POST',
      path: '/api/saveDesign',
      body,
      headers: { 'Content-Type': 'text/plain' },
    });
    expect(withoutOrigin.status).toBe(401);
    expect(calls).toEqual([]);
  });

  it('allows no cross-origin reads: no CORS headers, framing refused, API answers never cached', async () => {
    const { server } = await aServer();
    const answers = [
      await apiCall(server),
      await apiCall(server, { headers: { Authorization: 'Bearer wrong' } }),
      await sendRaw({ port: server.port, path: '/' }),
      await sendRaw({ port: server.port, path: '/missing.js' }),
    ];
    for (const answer of answers) {
      expect(Object.keys(answer.headers).filter((name) => name.startsWith('access-control-'))).toEqual([]);
      expect(answer.headers['x-frame-options']).toBe('DENY');
      expect(answer.headers['x-content-type-options']).toBe('nosniff');
    }
    expect(answers[0]?.headers['cache-control']).toBe('no-store');
    expect(answers[1]?.headers['cache-control']).toBe('no-store');
  });

  it('never echoes the token or a stack trace in a refusal', async () => {
    const { server } = await aServer();
    const wrong = await apiCall(server, { headers: { Authorization: `Bearer ${server.token}x` } });
    expect(wrong.status).toBe(401);
    expect(wrong.body).not.toContain(server.token);
    const unknown = await apiCall(server, { path: `/api/${'<script>'.repeat(50)}` });
    expect(unknown.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(unknown.body).not.toMatch(/\n\s+at |\.ts:\d+/);
  });
});
