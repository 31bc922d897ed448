// The desktop window loads the renderer from a privileged custom scheme, `app://studio/`, instead of
// file://. Electron's security checklist, item 18 "Avoid usage of the file:// protocol and prefer
// usage of custom protocols": pages on file:// get more privileges than in a browser and can read
// every file of the machine, while a custom protocol serves only the files it chooses
// (https://www.electronjs.org/docs/latest/tutorial/security#18-avoid-usage-of-the-file-protocol-and-prefer-usage-of-custom-protocols).
// A request maps to a file of dist/renderer by the same function browser mode uses
// (`resolveStaticFile`: decoded, no `..`, no symbolic link leaving the folder, regular files only);
// anything else is 404. Pure Node (no electron import), so it is tested without the Electron binary.

import { readFile } from 'node:fs/promises';
import { securityHeaders } from '../host/security-headers';
import { contentTypeOf, resolveStaticFile } from '../host/static-files';

export const appScheme = 'app';
export const appHost = 'studio';
/** The only page the desktop app shows. */
export const appPageUrl = `${appScheme}://${appHost}/index.html`;

/**
 * `protocol.registerSchemesAsPrivileged` privileges (https://www.electronjs.org/docs/latest/api/protocol):
 * `standard` gives the scheme an origin (`app://studio`, which CSP `'self'` names) and relative URLs;
 * `secure` makes it a secure context like https; `supportFetchAPI` and `corsEnabled` let the page
 * load its ES modules and Monaco's module worker, which Chromium fetches in CORS mode (same-origin
 * here, so no cross-origin read is opened). Not `bypassCSP`: the app's CSP applies to this scheme.
 * No service workers, no streaming.
 */
export const appSchemePrivileges = {
  standard: true,
  secure: true,
  supportFetchAPI: true,
  corsEnabled: true,
} as const;

export type AppRequestOutcome =
  { status: 200; file: string; contentType: string } | { status: 404 | 405; reason: string };

/** Which file of `root` an app:// request names, or why it is refused. */
export async function resolveAppRequest(
  root: string,
  method: string,
  requestUrl: string,
): Promise<AppRequestOutcome> {
  let url: URL;
  try {
    url = new URL(requestUrl);
  } catch {
    return { status: 404, reason: 'malformed address' };
  }
  if (url.protocol !== `${appScheme}:` || url.host !== appHost || url.username || url.password)
    return { status: 404, reason: 'not an address of the app' };
  if (method !== 'GET' && method !== 'HEAD') return { status: 405, reason: 'only GET and HEAD' };
  const file = await resolveStaticFile(root, url.pathname);
  if (file === undefined) return { status: 404, reason: 'no such file in the renderer folder' };
  const contentType = contentTypeOf(file);
  // Only the types the build produces: nothing else of the folder is served, even by mistake.
  if (contentType === 'application/octet-stream') return { status: 404, reason: 'not a renderer file type' };
  return { status: 200, file, contentType };
}

/** The `protocol.handle` handler: the file with the app's security headers (CSP, nosniff), or an empty 404/405. */
export async function serveAppRequest(root: string, request: Request): Promise<Response> {
  const outcome = await resolveAppRequest(root, request.method, request.url);
  if (outcome.status !== 200) {
    return new Response(null, {
      status: outcome.status,
      headers: {
        ...securityHeaders,
        'Content-Type': 'text/plain; charset=utf-8',
        ...(outcome.status === 405 ? { Allow: 'GET, HEAD' } : {}),
      },
    });
  }
  const body = request.method === 'HEAD' ? null : await readFile(outcome.file);
  return new Response(body, {
    status: 200,
    headers: { ...securityHeaders, 'Content-Type': outcome.contentType, 'Cache-Control': 'no-cache' },
  });
}
