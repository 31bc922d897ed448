// The host calls that start-up needs, sent by the entry module before the rest of the application
// is even downloaded: the design then travels while the browser loads and compiles the UI, instead
// of after it. Kept apart from document-actions.ts so the entry chunk holds only the host client.

import { getHost } from '../host/client';

export type StartupRequests = {
  recovery: ReturnType<ReturnType<typeof getHost>['readRecovery']>;
  startup: ReturnType<ReturnType<typeof getHost>['getStartupDesign']>;
};
let startupRequests: StartupRequests | undefined;

/** Asks the host for the recovery file and the start-up design at once (once per page load). */
export function prefetchStartupDesign(): StartupRequests {
  if (startupRequests) return startupRequests;
  const host = getHost();
  startupRequests = { recovery: host.readRecovery({}), startup: host.getStartupDesign({}) };
  // Awaited by openStartupDesign; a failure is reported there, not as an unhandled rejection.
  startupRequests.recovery.catch(() => undefined);
  startupRequests.startup.catch(() => undefined);
  return startupRequests;
}
