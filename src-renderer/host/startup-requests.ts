// The two host calls every start-up makes (the recovery file and the start-up design), sent as the
// start-up chunk begins to run (main.tsx imports send-startup-requests.ts first), before the rest of
// the app's code is evaluated: a large design then travels while that code runs instead of after
// it. client.ts hands each answer to the first matching call, which checks the request and the
// answer with the schemas as always.

import type { HostMethod } from '../../shared/host/api';
import { currentTransport } from './transport';

const STARTUP_METHODS = ['readRecovery', 'getStartupDesign'] as const satisfies readonly HostMethod[];

const sent = new Map<HostMethod, Promise<unknown>>();

/** Sends the start-up requests (both take an empty request). Once per page. */
export function sendStartupRequests(): void {
  if (sent.size > 0) return;
  const transport = currentTransport();
  for (const method of STARTUP_METHODS) {
    const answer = transport(method, {});
    // Whoever takes the answer reports a failure; until then it is not an unhandled rejection.
    answer.catch(() => undefined);
    sent.set(method, answer);
  }
}

/**
 * The answer to `method` sent at start-up, once, when `request` is what was sent (an empty
 * object); undefined otherwise, and for every later call, which goes to the host anew.
 */
export function takeStartupRequest(method: HostMethod, request: unknown): Promise<unknown> | undefined {
  const answer = sent.get(method);
  if (!answer || !isEmptyObject(request)) return undefined;
  sent.delete(method);
  return answer;
}

function isEmptyObject(value: unknown): boolean {
  return (
    typeof value === 'object' && value !== null && !Array.isArray(value) && Object.keys(value).length === 0
  );
}
