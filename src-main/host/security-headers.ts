// The Content-Security-Policy of the renderer and the other response headers browser mode sends.
// The renderer loads only its own files: no remote scripts, styles, frames or connections.
// `style-src 'unsafe-inline'` is needed because the canvas and the policy editor inject <style>
// elements at run time; scripts stay restricted to the app's own bundle.
// Monaco (the policy editor) is bundled: its code is a lazy chunk of our own (`script-src 'self'`,
// no eval), its icon font a file of ours (`font-src 'self'`), its colour rules <style> elements
// (`'unsafe-inline'` above) and its one worker a bundled file (`worker-src 'self'`; no blob: or
// remote workers). The IAM catalog reaches the editor through the host API (`connect-src 'self'`).

const policyDirectives = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "worker-src 'self'",
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
