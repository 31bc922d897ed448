// The host calls that start-up needs, sent by the entry module before the rest of the application
// is even downloaded: the design then travels, and is parsed, while the browser loads and compiles
// the UI, instead of after it. Kept apart from document-actions.ts so the entry chunk holds only
// the host client and the model.

import { loadDesign, type LoadResult } from '../../shared/model/io';
import { getHost } from '../host/client';

type Host = ReturnType<typeof getHost>;

export type StartupRequests = {
  recovery: ReturnType<Host['readRecovery']>;
  startup: ReturnType<Host['getStartupDesign']>;
  /** The start-up design parsed, when there is no recovery file to offer first. */
  parsed: Promise<{ path: string; result: LoadResult } | undefined>;
};
let startupRequests: StartupRequests | undefined;

/** The last segment of a path, for messages and titles. */
export function fileName(path: string | undefined): string {
  if (!path) return '';
  return path.split(/[\\/]/).at(-1) ?? path;
}

async function parseWhenNoRecovery(
  recovery: StartupRequests['recovery'],
  startup: StartupRequests['startup'],
): Promise<{ path: string; result: LoadResult } | undefined> {
  if ('content' in (await recovery)) return undefined;
  const design = await startup;
  if ('none' in design) return undefined;
  const result = loadDesign(design.content, { fileName: fileName(design.path), allowSemanticErrors: true });
  return { path: design.path, result };
}

/** Asks the host for the recovery file and the start-up design at once (once per page load). */
export function prefetchStartupDesign(): StartupRequests {
  if (startupRequests) return startupRequests;
  const host = getHost();
  const recovery = host.readRecovery({});
  const startup = host.getStartupDesign({});
  startupRequests = { recovery, startup, parsed: parseWhenNoRecovery(recovery, startup) };
  // Awaited by openStartupDesign; a failure is reported there, not as an unhandled rejection.
  for (const request of Object.values(startupRequests)) (request as Promise<unknown>).catch(() => undefined);
  return startupRequests;
}
