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
import type { MenuCommandDetail, MenuCommandListener } from '../../shared/host/transport';
import { takeStartupRequest } from './startup-requests';
import { currentTransport, findBridge, HostCallError, type Transport } from './transport';

export { getAppMode, HostCallError, readBrowserToken, type AppMode } from './transport';

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

function createHost(transport: Transport): HostApi {
  const entries = hostMethods.map((method) => [
    method,
    async (request: unknown) => {
      const checked = checkRequest(method, request);
      // A start-up request the page's first script already sent gets the same checks of its answer.
      const sent = takeStartupRequest(method, checked) ?? transport(method, checked);
      return unwrap(method, await sent);
    },
  ]);
  return Object.fromEntries(entries) as HostApi;
}

let host: HostApi | undefined;
const localListeners = new Set<MenuCommandListener>();

export function getHost(): HostApi {
  host ??= createHost(currentTransport());
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
