import type { ReplayEdits } from '../../../../shared/contract/control-api';
import type { CapturedBody, Exchange } from '../../../../shared/contract/exchange';
import type { CollectionBody } from '../../../../shared/contract/collection';

// The recorded request as one JSON document to edit in Monaco before a replay, and back.

export const REPLAY_REQUEST_SCHEMA = {
  type: 'object',
  additionalProperties: false,
  required: ['method', 'url'],
  properties: {
    method: { enum: ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS'], description: 'The HTTP method to send.' },
    url: { type: 'string', description: 'Where to send it; a path alone goes to this Mockmost.' },
    headers: {
      type: 'array',
      description: 'Headers as [name, value] pairs, in order. Host and Content-Length are recomputed.',
      items: { type: 'array', items: [{ type: 'string' }, { type: 'string' }], minItems: 2, maxItems: 2 },
    },
    body: { description: 'JSON is sent as JSON text; a string is sent as it is.' },
  },
} as const;

/** A body as a value to edit: parsed JSON when it is JSON, else its text. */
function editableBody(body: CapturedBody): unknown {
  if (body.encoding !== 'utf8') return undefined;
  try {
    return JSON.parse(body.data) as unknown;
  } catch {
    return body.data;
  }
}

export function editableRequest(exchange: Exchange): string {
  const body = editableBody(exchange.request_body);
  return JSON.stringify(
    {
      method: exchange.method,
      url: exchange.url,
      headers: exchange.request_headers,
      ...(body === undefined || body === '' ? {} : { body }),
    },
    null,
    2,
  );
}

/** The edits for the replay route, or why the document cannot be sent. */
export function editsFrom(text: string): { edits: ReplayEdits['request'] } | { error: string } {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (error) {
    return { error: `The request is not valid JSON: ${(error as Error).message}` };
  }
  if (typeof doc !== 'object' || doc === null || Array.isArray(doc)) return { error: 'The request must be a JSON object.' };
  const { method, url, headers, body } = doc as Record<string, unknown>;
  if (typeof method !== 'string' || typeof url !== 'string') return { error: 'The request needs a method and a url, both strings.' };
  if (
    headers !== undefined &&
    !(Array.isArray(headers) && headers.every((h) => Array.isArray(h) && h.length === 2 && h.every((x) => typeof x === 'string')))
  )
    return { error: 'headers must be a list of [name, value] pairs of strings.' };
  return {
    edits: {
      method,
      url,
      headers: (headers as [string, string][] | undefined) ?? [],
      body: body === undefined ? '' : typeof body === 'string' ? body : JSON.stringify(body),
    },
  };
}

/** A body as text for the diff: JSON pretty-printed, so that a change shows on its own line. */
export function diffText(body: CapturedBody | CollectionBody | null): string {
  if (body === null) return '';
  if ('encoding' in body) {
    const value = editableBody(body);
    return typeof value === 'string' || value === undefined ? body.data : JSON.stringify(value, null, 2);
  }
  if ('json' in body) return JSON.stringify(body.json, null, 2);
  return 'text' in body ? body.text : body.base64;
}
