// The renderer's one way to reach the host (design.md §2). It picks the transport — the Electron
// preload bridge when present, else browser mode's loopback HTTP API with the per-run token — and
// validates every request and response with the shared schemas, so the UI never sees a malformed
// answer and never needs to know which transport it has.

import {
  hostApiSchemas,
  hostErrorSchema,
  hostMethods,
  type HostApi,
  type HostMethod,
  type HostResponse,
  type MenuCommand,
} from '../../shared/host/api';
import {
  browserTokenFragmentKey,
  hostBridgeName,
  hostHttpPath,
  type HostBridge,
  type MenuCommandDetail,
  type MenuCommandListener,
} from '../../shared/host/transport';

export type AppMode = 'electron' | 'browser';

/** A failed host call: `code` is machine-readable, `message` is written for people. */
export class HostCallError extends Error {
  override readonly name = 'HostCallError';

  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

const tokenStorageKey = 'cognito-studio.browser-token';

function findBridge(): HostBridge | undefined {
  const candidate = (globalThis as Record<string, unknown>)[hostBridgeName];
  return typeof candidate === 'object' && candidate !== null ? (candidate as HostBridge) : undefined;
}

export function getAppMode(): AppMode {
  return findBridge() ? 'electron' : 'browser';
}

/**
 * Browser mode's token arrives in the URL fragment (`#token=…`): fragments are never sent to a
 * server or in a Referer, so it stays out of logs. It is kept in sessionStorage (this tab only)
 * for reloads and removed from the address bar so it is not copied or bookmarked by accident.
 */
export function readBrowserToken(
  location: Pick<Location, 'hash' | 'pathname' | 'search'> = window.location,
): string | undefined {
  const fragment = new URLSearchParams(location.hash.replace(/^#/, ''));
  const fromFragment = fragment.get(browserTokenFragmentKey);
  if (fromFragment) {
    try {
      sessionStorage.setItem(tokenStorageKey, fromFragment);
    } catch {
      // Storage may be disabled; the token still works for this page load.
    }
    fragment.delete(browserTokenFragmentKey);
    const rest = fragment.toString();
    window.history.replaceState(null, '', `${location.pathname}${location.search}${rest ? `#${rest}` : ''}`);
    return fromFragment;
  }
  try {
    return sessionStorage.getItem(tokenStorageKey) ?? undefined;
  } catch {
    return undefined;
  }
}

function unwrap<M extends HostMethod>(method: M, envelope: unknown): HostResponse<M> {
  const failure = hostErrorSchema.safeParse(envelope);
  if (failure.success) throw new HostCallError(failure.data.error.code, failure.data.error.message);
  if (typeof envelope !== 'object' || envelope === null || !('result' in envelope)) {
    throw new HostCallError('invalid-response', `The host sent an unreadable answer to ${method}.`);
  }
  const parsed = hostApiSchemas[method].response.safeParse(envelope.result);
  if (!parsed.success)
    throw new HostCallError('invalid-response', `The host sent an invalid answer to ${method}.`);
  return parsed.data as HostResponse<M>;
}

function checkRequest(method: HostMethod, request: unknown): unknown {
  const parsed = hostApiSchemas[method].request.safeParse(request);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue ? ['$', ...issue.path.map(String)].join('.') : '$';
    throw new HostCallError(
      'invalid-request',
      `Invalid ${method} request at ${where}: ${issue?.message ?? 'rejected'}`,
    );
  }
  return parsed.data;
}

type Transport = (method: HostMethod, request: unknown) => Promise<unknown>;

function bridgeTransport(bridge: HostBridge): Transport {
  return (method, request) => bridge[method](request);
}

function httpTransport(token: string | undefined): Transport {
  return async (method, request) => {
    if (token === undefined) {
      throw new HostCallError(
        'unauthorized',
        'No access token: open the address printed when browser mode started (it ends in #token=…).',
      );
    }
    let response: Response;
    try {
      response = await fetch(hostHttpPath(method), {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
        body: JSON.stringify(request),
        credentials: 'omit',
        cache: 'no-store',
      });
    } catch {
      throw new HostCallError(
        'unreachable',
        'Cannot reach the Cognito Access Studio server: is browser mode still running?',
      );
    }
    try {
      return await response.json();
    } catch {
      throw new HostCallError(
        'invalid-response',
        `The server answered ${method} with HTTP ${response.status} and no readable body.`,
      );
    }
  };
}

function createHost(transport: Transport): HostApi {
  const entries = hostMethods.map((method) => [
    method,
    async (request: unknown) => unwrap(method, await transport(method, checkRequest(method, request))),
  ]);
  return Object.fromEntries(entries) as HostApi;
}

let host: HostApi | undefined;
const localListeners = new Set<MenuCommandListener>();

export function getHost(): HostApi {
  if (!host) {
    const bridge = findBridge();
    host = createHost(bridge ? bridgeTransport(bridge) : httpTransport(readBrowserToken()));
  }
  return host;
}

/**
 * Subscribes to menu commands: the desktop menu's in Electron, and in both modes those raised with
 * `dispatchMenuCommand` (browser mode's in-page menu bar). Returns the unsubscribe function.
 */
export function onMenuCommand(listener: MenuCommandListener): () => void {
  localListeners.add(listener);
  const unsubscribeBridge = findBridge()?.onMenuCommand(listener);
  return () => {
    localListeners.delete(listener);
    unsubscribeBridge?.();
  };
}

/** Runs a menu command as if picked from the desktop menu (for the in-page menu bar). */
export function dispatchMenuCommand(command: MenuCommand, detail: MenuCommandDetail = {}): void {
  for (const listener of [...localListeners]) listener(command, detail);
}
