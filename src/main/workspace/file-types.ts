import { lookup } from 'mime-types';

/** Go's filepath.Base: the part after the last slash ("." for nothing). */
export function baseName(name: string): string {
  const trimmed = name.replace(/\/+$/, '');
  if (trimmed === '') return name === '' ? '.' : '/';
  return trimmed.slice(trimmed.lastIndexOf('/') + 1);
}

/**
 * A file name's extension (lower case, no dot) and MIME type as Mattermost's model.NewInfo finds
 * them: Go's mime.TypeByExtension over the system's table, which gives text types a UTF-8 charset.
 */
export function typeOfName(name: string): { extension: string; mimeType: string } {
  const dot = name.lastIndexOf('.');
  const extension = dot >= 0 ? name.slice(dot + 1).toLowerCase() : '';
  const found = extension ? lookup(extension) : false;
  if (!found) return { extension, mimeType: '' };
  return { extension, mimeType: found.startsWith('text/') ? `${found}; charset=utf-8` : found };
}

/** Types a browser shows in place (server/platform/shared/web: MediaContentTypes); others download. */
const MEDIA_TYPES = [
  'image/jpeg',
  'image/png',
  'image/bmp',
  'image/gif',
  'image/tiff',
  'video/avi',
  'video/mpeg',
  'video/mp4',
  'audio/mpeg',
  'audio/wav',
];
/** Types served as text/plain so a file cannot run script in the server's origin (web: UnsafeContentTypes). */
const UNSAFE_TYPES = [
  'application/javascript',
  'application/ecmascript',
  'text/javascript',
  'text/ecmascript',
  'application/x-javascript',
  'text/html',
];

/** The headers Mattermost's web.WriteFileResponse sends with a file's bytes. */
export function fileResponseHeaders(name: string, mimeType: string, updateAt: number, download: boolean): Record<string, string> {
  let contentType = mimeType || 'application/octet-stream';
  if (UNSAFE_TYPES.some((unsafe) => contentType.startsWith(unsafe))) contentType = 'text/plain';
  const inline = !download && MEDIA_TYPES.some((media) => contentType.startsWith(media));
  const escaped = pathEscape(name);
  const headers: Record<string, string> = {
    'Cache-Control': 'private, no-cache',
    'X-Content-Type-Options': 'nosniff',
    'Content-Type': contentType,
    'Content-Disposition': `${inline ? 'inline' : 'attachment'};filename="${escaped}"; filename*=UTF-8''${escaped}`,
    'X-Frame-Options': 'DENY',
    'Content-Security-Policy': "Frame-ancestors 'none'",
    'Last-Modified': new Date(updateAt).toUTCString(),
  };
  return headers;
}

/** Go's url.PathEscape: escapes what a path segment cannot hold, keeping `$&+:=@`. */
function pathEscape(text: string): string {
  return encodeURIComponent(text)
    .replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)
    .replace(/%(24|26|2B|3A|3D|40)/g, (escape) => decodeURIComponent(escape));
}
