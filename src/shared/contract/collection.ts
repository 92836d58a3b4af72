import { EXCHANGE_KINDS, type ExchangeKind, type HeaderList } from './exchange';

// A collection: recorded exchanges saved as a plain JSON file that diffs well in git (keys in a
// fixed order, JSON bodies stored as JSON). `mockmost export` writes it, `mockmost replay` reads it.

export const COLLECTION_FORMAT = 'mockmost-collection';
export const COLLECTION_VERSION = 1;

/** A body as JSON when it parses, else text, else base64; `truncated` when the store cut it. */
export type CollectionBody = { json: unknown } | { text: string } | { base64: string };

export interface CollectionEntry {
  name: string;
  kind: ExchangeKind;
  request: { method: string; url: string; headers: HeaderList; body: CollectionBody | null; truncated?: boolean };
  response: { status: number | null; headers: HeaderList; body: CollectionBody | null; truncated?: boolean };
}

export interface Collection {
  format: typeof COLLECTION_FORMAT;
  version: typeof COLLECTION_VERSION;
  name: string;
  entries: CollectionEntry[];
}

/** Headers the sender recomputes (and HTTP/2 pseudo-headers): kept out of collections, HAR imports and curl copies. */
const RECOMPUTED_HEADERS = new Set(['host', 'content-length', 'connection', 'transfer-encoding', 'keep-alive', 'date']);

export function replayableHeaders(list: HeaderList): HeaderList {
  return list.filter(([name]) => !name.startsWith(':') && !RECOMPUTED_HEADERS.has(name.toLowerCase()));
}

export class CollectionError extends Error {
  override name = 'CollectionError';
}

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

function checkHeaders(value: unknown, at: string): HeaderList {
  if (!Array.isArray(value)) throw new CollectionError(`${at}: must be a list of [name, value] pairs`);
  value.forEach((pair, i) => {
    if (!Array.isArray(pair) || pair.length !== 2 || typeof pair[0] !== 'string' || typeof pair[1] !== 'string')
      throw new CollectionError(`${at}[${i}]: must be a [name, value] pair of strings`);
  });
  return value as HeaderList;
}

function checkBody(value: unknown, at: string): CollectionBody | null {
  if (value === null || value === undefined) return null;
  if (!isObject(value)) throw new CollectionError(`${at}: must be null, {"json": …}, {"text": "…"} or {"base64": "…"}`);
  const keys = Object.keys(value);
  if (keys.length !== 1 || !['json', 'text', 'base64'].includes(keys[0]!))
    throw new CollectionError(
      `${at}: must have exactly one of "json", "text", "base64" (found ${keys.map((k) => `"${k}"`).join(', ') || 'none'})`,
    );
  if (keys[0] !== 'json' && typeof value[keys[0]!] !== 'string') throw new CollectionError(`${at}.${keys[0]}: must be a string`);
  if (keys[0] === 'base64' && !/^[A-Za-z0-9+/]*={0,2}$/.test(value.base64 as string))
    throw new CollectionError(`${at}.base64: is not base64`);
  return value as CollectionBody;
}

function checkEntry(value: unknown, at: string): CollectionEntry {
  if (!isObject(value)) throw new CollectionError(`${at}: must be an object`);
  if (typeof value.name !== 'string') throw new CollectionError(`${at}.name: must be a string`);
  if (typeof value.kind !== 'string' || !(EXCHANGE_KINDS as readonly string[]).includes(value.kind))
    throw new CollectionError(`${at}.kind: must be one of ${EXCHANGE_KINDS.join(', ')}`);
  const request = value.request;
  if (!isObject(request)) throw new CollectionError(`${at}.request: must be an object`);
  if (typeof request.method !== 'string' || !/^[A-Z]+$/.test(request.method))
    throw new CollectionError(`${at}.request.method: must be an HTTP method such as "POST"`);
  if (typeof request.url !== 'string' || !/^https?:\/\/[^\s/?#]+/i.test(request.url))
    throw new CollectionError(`${at}.request.url: ${JSON.stringify(request.url)} is not an absolute http(s) URL`);
  const response = value.response;
  if (!isObject(response)) throw new CollectionError(`${at}.response: must be an object`);
  if (response.status !== null && (typeof response.status !== 'number' || !Number.isInteger(response.status)))
    throw new CollectionError(`${at}.response.status: must be a whole number or null (no answer)`);
  return {
    name: value.name,
    kind: value.kind as ExchangeKind,
    request: {
      method: request.method,
      url: request.url,
      headers: checkHeaders(request.headers, `${at}.request.headers`),
      body: checkBody(request.body, `${at}.request.body`),
      ...(request.truncated === true ? { truncated: true } : {}),
    },
    response: {
      status: response.status as number | null,
      headers: checkHeaders(response.headers, `${at}.response.headers`),
      body: checkBody(response.body, `${at}.response.body`),
      ...(response.truncated === true ? { truncated: true } : {}),
    },
  };
}

/** Checks a parsed collection file; errors name the entry and the field (`entries[3].request.url: …`). */
export function readCollection(value: unknown): Collection {
  if (!isObject(value)) throw new CollectionError('the file must hold a JSON object');
  if (value.format !== COLLECTION_FORMAT)
    throw new CollectionError(`format: must be "${COLLECTION_FORMAT}" (is this a Mockmost collection?)`);
  if (value.version !== COLLECTION_VERSION)
    throw new CollectionError(
      `version: ${JSON.stringify(value.version)} is not supported (this Mockmost reads version ${COLLECTION_VERSION})`,
    );
  if (typeof value.name !== 'string') throw new CollectionError('name: must be a string');
  if (!Array.isArray(value.entries)) throw new CollectionError('entries: must be a list');
  return {
    format: COLLECTION_FORMAT,
    version: COLLECTION_VERSION,
    name: value.name,
    entries: value.entries.map((e, i) => checkEntry(e, `entries[${i}]`)),
  };
}

/** Reads a body as raw bytes' text for sending. */
export function bodyText(body: CollectionBody | null): string | undefined {
  if (!body) return undefined;
  if ('json' in body) return JSON.stringify(body.json);
  if ('text' in body) return body.text;
  return undefined;
}
