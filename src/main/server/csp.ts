/**
 * The renderer's Content-Security-Policy, for `serve` and the desktop window alike: only our
 * own scripts, Monaco's workers from our origin or blob:, no plugins, no framing by others.
 * Posts are untrusted, so nothing here lets inline script or remote code run. Remote images
 * may load (they cannot run code); the UI only requests them once the user allows it.
 */
export const RENDERER_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  // blob: for uploaded files, which the UI fetches from Mockmost's own file routes with a session.
  "img-src 'self' data: blob: http: https:",
  "font-src 'self' data:",
  "worker-src 'self' blob:",
  "connect-src 'self'",
  "frame-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'self'",
].join('; ');
