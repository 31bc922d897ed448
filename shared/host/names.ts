// The names both ends of the host API agree on, with no schema library: the renderer sends its
// start-up requests with them (src-renderer/host/startup-requests.ts) before the schemas are built.

import type { HostMethod } from './api';

/** Name of the object the Electron preload exposes on `window`. */
export const hostBridgeName = 'cognitoStudio';

/** URL path of one host method (browser mode, `POST`). */
export function hostHttpPath(method: HostMethod): string {
  return `/api/${method}`;
}

/** Browser mode: the per-run token travels in the URL fragment under this name. */
export const browserTokenFragmentKey = 'token';
