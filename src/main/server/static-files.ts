import { readFile } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';
import { RENDERER_CSP } from './csp';
import type { Reply } from './http-types';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ttf': 'font/ttf',
  '.woff2': 'font/woff2',
  '.ico': 'image/x-icon',
};

const SECURITY_HEADERS = {
  'Content-Security-Policy': RENDERER_CSP,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'X-Frame-Options': 'SAMEORIGIN',
};

/**
 * Serves the built renderer. Any path that is not a file gets index.html, as Mattermost's web
 * app does for its client-side routes (`/dev/channels/town-square`). The control token is
 * written into the page only for callers the server trusts (loopback), so the UI can reach
 * the control API without the user pasting it.
 */
export async function serveRenderer(dir: string | undefined, path: string, tokenForPage: string | undefined): Promise<Reply> {
  if (!dir) return { status: 404, headers: { 'Content-Type': 'text/plain' }, body: 'The web UI is not built; run npm run build.' };
  const file = normalize(join(dir, decodeURIComponentSafe(path)));
  if (file.startsWith(dir + sep) && extname(file) !== '' && !file.endsWith('index.html')) {
    try {
      const body = await readFile(file);
      return {
        status: 200,
        headers: {
          ...SECURITY_HEADERS,
          'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream',
          'Cache-Control': file.includes(`${sep}assets${sep}`) ? 'public, max-age=31536000, immutable' : 'no-cache',
        },
        body,
      };
    } catch {
      return { status: 404, headers: { ...SECURITY_HEADERS, 'Content-Type': 'text/plain' }, body: 'Not found' };
    }
  }
  let html: string;
  try {
    html = await readFile(join(dir, 'index.html'), 'utf8');
  } catch {
    return { status: 404, headers: { 'Content-Type': 'text/plain' }, body: 'The web UI is not built; run npm run build.' };
  }
  if (tokenForPage)
    html = html.replace('</head>', `<meta name="mockmost-control-token" content="${escapeAttribute(tokenForPage)}"></head>`);
  return { status: 200, headers: { ...SECURITY_HEADERS, 'Content-Type': TYPES['.html']!, 'Cache-Control': 'no-store' }, body: html };
}

function decodeURIComponentSafe(path: string): string {
  try {
    return decodeURIComponent(path);
  } catch {
    return path;
  }
}

function escapeAttribute(value: string): string {
  return value.replace(/[&"<>]/g, (c) => `&#${c.charCodeAt(0)};`);
}
