import type { CapturedBody, HeaderList } from '../../../../shared/contract/exchange';

/** How the traffic view shows a body: JSON in a read-only editor, a form as a table, or as it came. */
export type BodyShape =
  | { kind: 'empty' }
  | { kind: 'json'; text: string }
  | { kind: 'form'; fields: [name: string, value: string][] }
  | { kind: 'text'; text: string }
  | { kind: 'binary'; size: number; base64: string };

export function headerValue(headers: HeaderList, name: string): string {
  return headers.find(([n]) => n.toLowerCase() === name)?.[1] ?? '';
}

/**
 * The body's shape, from its media type and content: a form (a slash command's request) is read
 * only when whole, JSON whenever the text parses (integrations often send it as text/plain).
 */
export function bodyShape(body: CapturedBody, headers: HeaderList): BodyShape {
  if (body.encoding === 'base64') return { kind: 'binary', size: body.size, base64: body.data };
  if (body.data === '') return { kind: 'empty' };
  const mediaType = headerValue(headers, 'content-type').split(';')[0]!.trim().toLowerCase();
  if (mediaType === 'application/x-www-form-urlencoded' && !body.truncated) {
    return { kind: 'form', fields: [...new URLSearchParams(body.data)] };
  }
  try {
    return { kind: 'json', text: JSON.stringify(JSON.parse(body.data), null, 2) };
  } catch {
    return { kind: 'text', text: body.data };
  }
}

/** The status's class for its colour: `2xx`…`5xx`, or `error` for a call that got no answer. */
export const statusClass = (status: number | null) => (status === null ? 'error' : `${Math.floor(status / 100)}xx`);
