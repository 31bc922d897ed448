// The host API's transports without its schemas: the Electron preload bridge, or browser mode's
// loopback HTTP API with the per-run token. client.ts validates what goes through them; this
// module stays small and free of the schema library so that the start-up requests
// (startup-requests.ts) can be sent before the schemas and the rest of the app's code are evaluated.

import type { HostMethod } from '../../shared/host/api';
import { browserTokenFragmentKey, hostBridgeName, hostHttpPath } from '../../shared/host/names';
import type { HostBridge } from '../../shared/host/transport';

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

export function findBridge(): HostBridge | undefined {
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

export type Transport = (method: HostMethod, request: unknown) => Promise<unknown>;

export function bridgeTransport(bridge: HostBridge): Transport {
  return (method, request) => bridge[method](request);
}

export function httpTransport(token: string | undefined): Transport {
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

let current: Transport | undefined;

/**
 * The transport of this page, chosen once: the token is read from the address only the first time
 * (it is removed from the address bar then), so every caller must share this one.
 */
export function currentTransport(): Transport {
  if (!current) {
    const bridge = findBridge();
    current = bridge ? bridgeTransport(bridge) : httpTransport(readBrowserToken());
  }
  return current;
}
