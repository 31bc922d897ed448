// Loopback HTTP transport of the host API ("browser mode", design.md §3). Guards, in order:
//   1. bound to 127.0.0.1 only (no option to change it);
//   2. `Host` must name this server (127.0.0.1:<port> or localhost:<port>) — defeats DNS rebinding;
//   3. an `Origin`, when sent, must be this server's origin — defeats cross-site requests;
//   4. API calls need `POST`, the per-run token (`Authorization: Bearer …`), JSON, and a bounded body;
//   5. static files come only from the renderer directory, with a strict CSP and nosniff.

import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { browserTokenFragmentKey } from '../../shared/host/transport';
import type { HostDispatcher } from './dispatch';
import { isHostMethod } from './dispatch';
import { securityHeaders } from './security-headers';
import { contentTypeOf, resolveStaticFile } from './static-files';

export const loopbackAddress = '127.0.0.1';

/** Large enough for the biggest design the API accepts (20 MiB of text) once JSON-escaped. */
export const defaultMaxBodyBytes = 32 * 1024 * 1024;

export interface BrowserServerOptions {
  dispatch: HostDispatcher;
  /** The built renderer (index.html and its assets). */
  staticDirectory: string;
  /** 0 or absent: a random free port. */
  port?: number;
  maxBodyBytes?: number;
}

export interface BrowserServer {
  port: number;
  token: string;
  /** The address to open, token in the fragment. */
  url: string;
  close(): Promise<void>;
}

/** 256 random bits, URL-safe. */
export function createAccessToken(): string {
  return randomBytes(32).toString('base64url');
}

function digest(value: string): Buffer {
  return createHash('sha256').update(value).digest();
}

/** Constant-time comparison; hashing first makes the lengths equal. */
function tokensMatch(presented: string, expected: string): boolean {
  return timingSafeEqual(digest(presented), digest(expected));
}

function sendJson(
  response: ServerResponse,
  status: number,
  body: unknown,
  extraHeaders: Record<string, string> = {},
): void {
  const text = JSON.stringify(body);
  response.writeHead(status, {
    ...securityHeaders,
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': Buffer.byteLength(text),
    'Cache-Control': 'no-store',
    ...extraHeaders,
  });
  response.end(text);
}

function reject(
  response: ServerResponse,
  status: number,
  code: string,
  message: string,
  extraHeaders?: Record<string, string>,
): void {
  sendJson(response, status, { error: { code, message } }, extraHeaders);
}

function statusOfError(code: string): number {
  switch (code) {
    case 'invalid-request':
      return 400;
    case 'unknown-method':
      return 404;
    case 'internal':
    case 'invalid-response':
      return 500;
    default:
      return 422;
  }
}

class BodyTooLargeError extends Error {}
class BodyNotUtf8Error extends Error {}

/** Strict decoding: a lenient one would replace bad bytes with U+FFFD and save the damage. */
function decodeUtf8(bytes: Buffer): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new BodyNotUtf8Error();
  }
}

function readBody(request: IncomingMessage, maxBytes: number): Promise<Buffer> {
  return new Promise((resolvePromise, rejectPromise) => {
    const chunks: Buffer[] = [];
    let length = 0;
    request.on('data', (chunk: Buffer) => {
      length += chunk.length;
      if (length > maxBytes) {
        request.removeAllListeners('data');
        rejectPromise(new BodyTooLargeError());
        return;
      }
      chunks.push(chunk);
    });
    request.on('end', () => resolvePromise(Buffer.concat(chunks, length)));
    request.on('error', rejectPromise);
  });
}

export async function startBrowserServer(options: BrowserServerOptions): Promise<BrowserServer> {
  const token = createAccessToken();
  const maxBodyBytes = options.maxBodyBytes ?? defaultMaxBodyBytes;
  let port = 0;

  function allowedHosts(): string[] {
    return [`${loopbackAddress}:${port}`, `localhost:${port}`];
  }

  function checkHostAndOrigin(request: IncomingMessage, response: ServerResponse): boolean {
    const host = (request.headers.host ?? '').toLowerCase();
    if (!allowedHosts().includes(host)) {
      reject(
        response,
        403,
        'forbidden-host',
        'This server only answers requests addressed to 127.0.0.1 or localhost on its own port.',
      );
      return false;
    }
    const origin = request.headers.origin;
    if (
      origin !== undefined &&
      !allowedHosts().some((allowed) => origin.toLowerCase() === `http://${allowed}`)
    ) {
      reject(response, 403, 'forbidden-origin', 'Requests from other web sites are refused.');
      return false;
    }
    return true;
  }

  async function handleApi(
    request: IncomingMessage,
    response: ServerResponse,
    method: string,
  ): Promise<void> {
    if (request.method !== 'POST') {
      reject(response, 405, 'method-not-allowed', 'Host API calls use POST.', { Allow: 'POST' });
      return;
    }
    const authorization = request.headers.authorization;
    if (authorization === undefined || !authorization.startsWith('Bearer ')) {
      reject(
        response,
        401,
        'unauthorized',
        `Missing access token: open the address printed at start-up (it carries #${browserTokenFragmentKey}=…).`,
      );
      return;
    }
    if (!tokensMatch(authorization.slice('Bearer '.length), token)) {
      reject(
        response,
        401,
        'unauthorized',
        'Wrong access token: each run of browser mode has a new one; open the address printed at start-up.',
      );
      return;
    }
    if (!isHostMethod(method)) {
      reject(response, 404, 'unknown-method', `Unknown host method "${method.slice(0, 100)}".`);
      return;
    }
    const contentType = request.headers['content-type'] ?? '';
    if (!/^application\/json(\s*;|$)/i.test(contentType)) {
      reject(response, 415, 'unsupported-media-type', 'Host API calls send application/json.');
      return;
    }
    const declaredLength = Number(request.headers['content-length'] ?? '0');
    if (declaredLength > maxBodyBytes) {
      reject(response, 413, 'too-large', `Request body over the ${maxBodyBytes} byte limit.`, {
        Connection: 'close',
      });
      request.resume();
      return;
    }
    let body: string;
    try {
      body = decodeUtf8(await readBody(request, maxBodyBytes));
    } catch (error) {
      if (error instanceof BodyNotUtf8Error) {
        reject(response, 400, 'invalid-request', `The ${method} request body is not valid UTF-8 text.`);
        return;
      }
      if (error instanceof BodyTooLargeError) {
        reject(response, 413, 'too-large', `Request body over the ${maxBodyBytes} byte limit.`, {
          Connection: 'close',
        });
        request.resume();
      }
      return;
    }
    let payload: unknown;
    try {
      payload = body.length === 0 ? {} : JSON.parse(body);
    } catch {
      reject(response, 400, 'invalid-request', `The ${method} request body is not valid JSON.`);
      return;
    }
    const envelope = await options.dispatch(method, payload);
    sendJson(response, 'error' in envelope ? statusOfError(envelope.error.code) : 200, envelope);
  }

  async function handleStatic(
    request: IncomingMessage,
    response: ServerResponse,
    pathname: string,
  ): Promise<void> {
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      reject(response, 405, 'method-not-allowed', 'Only GET and HEAD are served here.', {
        Allow: 'GET, HEAD',
      });
      return;
    }
    const file = await resolveStaticFile(options.staticDirectory, pathname);
    if (file === undefined) {
      reject(response, 404, 'not-found', 'Not found.');
      return;
    }
    response.writeHead(200, {
      ...securityHeaders,
      'Content-Type': contentTypeOf(file),
      'Cache-Control': 'no-cache',
    });
    if (request.method === 'HEAD') {
      response.end();
      return;
    }
    createReadStream(file)
      .on('error', () => response.destroy())
      .pipe(response);
  }

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    if (!checkHostAndOrigin(request, response)) return;
    let pathname: string;
    try {
      pathname = new URL(request.url ?? '/', `http://${loopbackAddress}`).pathname;
    } catch {
      reject(response, 400, 'bad-request', 'Malformed request address.');
      return;
    }
    if (pathname.startsWith('/api/')) {
      await handleApi(request, response, pathname.slice('/api/'.length));
    } else {
      await handleStatic(request, response, pathname);
    }
  }

  const server: Server = createServer((request, response) => {
    handle(request, response).catch(() => {
      if (!response.headersSent) reject(response, 500, 'internal', 'The server failed unexpectedly.');
      else response.destroy();
    });
  });
  // Slow or stalled clients must not pin connections forever.
  server.requestTimeout = 60_000;
  server.headersTimeout = 20_000;

  await new Promise<void>((resolvePromise, rejectPromise) => {
    server.once('error', rejectPromise);
    server.listen(options.port ?? 0, loopbackAddress, () => {
      server.off('error', rejectPromise);
      resolvePromise();
    });
  });
  port = (server.address() as AddressInfo).port;

  return {
    port,
    token,
    url: `http://${loopbackAddress}:${port}/#${browserTokenFragmentKey}=${token}`,
    close: () =>
      new Promise<void>((resolvePromise) => {
        server.closeAllConnections();
        server.close(() => resolvePromise());
      }),
  };
}
