// The Content-Security-Policy of the renderer and the other response headers browser mode sends.
// The renderer loads only its own files: no remote scripts, styles, frames or connections.
// `style-src 'unsafe-inline'` is needed because the canvas and the policy editor inject <style>
// elements at run time; scripts stay restricted to the app's own bundle.

const policyDirectives = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "worker-src 'self' blob:",
  "manifest-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "object-src 'none'",
];

/** The policy for a `<meta http-equiv="Content-Security-Policy">` tag in index.html. */
export const rendererContentSecurityPolicy = policyDirectives.join('; ');

/** As a response header, `frame-ancestors` is honoured too (it is ignored in a meta tag). */
export const headerContentSecurityPolicy = [...policyDirectives, "frame-ancestors 'none'"].join('; ');

export const securityHeaders: Readonly<Record<string, string>> = {
  'Content-Security-Policy': headerContentSecurityPolicy,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'X-Frame-Options': 'DENY',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
};
