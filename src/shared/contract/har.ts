import {
  COLLECTION_FORMAT,
  COLLECTION_VERSION,
  CollectionError,
  replayableHeaders,
  type Collection,
  type CollectionBody,
  type CollectionEntry,
} from './collection';
import type { HeaderList } from './exchange';

// HAR 1.2 (the format browsers and proxies export) to and from collections, so traffic can move
// between Mockmost and other tools. Only what a replay needs is read; everything else is optional.

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

interface HarHeader {
  name: string;
  value: string;
}

function bodyFrom(text: string | undefined, encoding: string | undefined): CollectionBody | null {
  if (text === undefined || text === '') return null;
  if (encoding === 'base64') return { base64: text };
  try {
    return { json: JSON.parse(text) as unknown };
  } catch {
    return { text };
  }
}

function bodyText(body: CollectionBody | null): { text?: string; encoding?: string } {
  if (!body) return {};
  if ('json' in body) return { text: JSON.stringify(body.json) };
  if ('text' in body) return { text: body.text };
  return { text: body.base64, encoding: 'base64' };
}

function headersOf(value: unknown, at: string): HeaderList {
  if (value === undefined) return [];
  if (!Array.isArray(value)) throw new CollectionError(`${at}: must be a list of {name, value}`);
  return value.map((h, i) => {
    if (!isObject(h) || typeof h.name !== 'string' || typeof h.value !== 'string')
      throw new CollectionError(`${at}[${i}]: must be {"name": "…", "value": "…"}`);
    return [h.name, h.value];
  });
}

/** Reads a HAR file's entries as a collection; errors name the entry and field (`log.entries[2].request.url: …`). */
export function harToCollection(value: unknown, name: string): Collection {
  if (!isObject(value) || !isObject(value.log)) throw new CollectionError('log: a HAR file holds {"log": {"entries": […]}}');
  const entries = value.log.entries;
  if (!Array.isArray(entries)) throw new CollectionError('log.entries: must be a list');
  return {
    format: COLLECTION_FORMAT,
    version: COLLECTION_VERSION,
    name,
    entries: entries.map((entry, i): CollectionEntry => {
      const at = `log.entries[${i}]`;
      if (!isObject(entry) || !isObject(entry.request)) throw new CollectionError(`${at}.request: missing`);
      const request = entry.request;
      if (typeof request.method !== 'string' || !/^[A-Za-z]+$/.test(request.method))
        throw new CollectionError(`${at}.request.method: must be an HTTP method`);
      if (typeof request.url !== 'string' || !/^https?:\/\/[^\s/?#]+/i.test(request.url))
        throw new CollectionError(`${at}.request.url: ${JSON.stringify(request.url)} is not an absolute http(s) URL`);
      const postData = isObject(request.postData) ? request.postData : undefined;
      const response = isObject(entry.response) ? entry.response : undefined;
      const content = response && isObject(response.content) ? response.content : undefined;
      // Browsers write status 0 for requests that got no answer.
      const status = typeof response?.status === 'number' && response.status > 0 ? response.status : null;
      return {
        name: `${request.method.toUpperCase()} ${request.url}`,
        kind: 'other',
        request: {
          method: request.method.toUpperCase(),
          url: request.url,
          headers: replayableHeaders(headersOf(request.headers, `${at}.request.headers`)),
          body: bodyFrom(typeof postData?.text === 'string' ? postData.text : undefined, undefined),
        },
        response: {
          status,
          headers: replayableHeaders(headersOf(response?.headers, `${at}.response.headers`)),
          body: bodyFrom(
            typeof content?.text === 'string' ? content.text : undefined,
            typeof content?.encoding === 'string' ? content.encoding : undefined,
          ),
        },
      };
    }),
  };
}

const decode = (part: string) => {
  try {
    return decodeURIComponent(part.replace(/\+/g, ' '));
  } catch {
    return part;
  }
};

/** The URL's query as HAR's name/value list. */
function queryString(url: string): HarHeader[] {
  const query = url.split('#')[0]!.split('?')[1];
  if (!query) return [];
  return query
    .split('&')
    .filter(Boolean)
    .map((pair) => {
      const at = pair.indexOf('=');
      return at === -1 ? { name: decode(pair), value: '' } : { name: decode(pair.slice(0, at)), value: decode(pair.slice(at + 1)) };
    });
}

const harHeaders = (list: HeaderList): HarHeader[] => list.map(([name, value]) => ({ name, value }));
const mediaType = (list: HeaderList) => list.find(([n]) => n.toLowerCase() === 'content-type')?.[1] ?? '';

/** A collection as HAR 1.2, for browsers' and proxies' tools. */
export function collectionToHar(collection: Collection, creator: { name: string; version: string }): Json {
  return {
    log: {
      version: '1.2',
      creator,
      entries: collection.entries.map((entry) => {
        const request = bodyText(entry.request.body);
        const response = bodyText(entry.response.body);
        const query = queryString(entry.request.url);
        return {
          startedDateTime: new Date(0).toISOString(),
          time: 0,
          comment: entry.name,
          request: {
            method: entry.request.method,
            url: entry.request.url,
            httpVersion: 'HTTP/1.1',
            headers: harHeaders(entry.request.headers),
            queryString: query,
            cookies: [],
            headersSize: -1,
            bodySize: request.text?.length ?? 0,
            ...(request.text !== undefined ? { postData: { mimeType: mediaType(entry.request.headers), text: request.text } } : {}),
          },
          response: {
            status: entry.response.status ?? 0,
            statusText: '',
            httpVersion: 'HTTP/1.1',
            headers: harHeaders(entry.response.headers),
            cookies: [],
            content: { size: response.text?.length ?? 0, mimeType: mediaType(entry.response.headers), ...response },
            redirectURL: '',
            headersSize: -1,
            bodySize: response.text?.length ?? -1,
          },
          cache: {},
          timings: { send: 0, wait: 0, receive: 0 },
        };
      }),
    },
  };
}
