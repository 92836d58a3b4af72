import type { Collection, CollectionBody, CollectionEntry } from '../../shared/contract/collection';
import { COLLECTION_FORMAT, COLLECTION_VERSION, replayableHeaders } from '../../shared/contract/collection';
import type { CapturedBody, Exchange } from '../../shared/contract/exchange';

function body(captured: CapturedBody): CollectionBody | null {
  if (captured.size === 0 && captured.data === '') return null;
  if (captured.encoding === 'base64') return { base64: captured.data };
  try {
    return { json: JSON.parse(captured.data) as unknown };
  } catch {
    return { text: captured.data };
  }
}

/** Requests to Mockmost are captured with their path only; `base` is where Mockmost listened. */
function absoluteUrl(url: string, base: string): string {
  return url.startsWith('/') ? `${base}${url}` : url;
}

/** One exchange as a collection entry, named `#id kind METHOD /path`. */
export function toEntry(exchange: Exchange, base: string): CollectionEntry {
  const url = absoluteUrl(exchange.url, base);
  return {
    name: `#${exchange.id} ${exchange.kind} ${exchange.method} ${new URL(url).pathname}`,
    kind: exchange.kind,
    request: {
      method: exchange.method,
      url,
      headers: replayableHeaders(exchange.request_headers),
      body: body(exchange.request_body),
      ...(exchange.request_body.truncated ? { truncated: true } : {}),
    },
    response: {
      status: exchange.status,
      headers: replayableHeaders(exchange.response_headers),
      body: body(exchange.response_body),
      ...(exchange.response_body.truncated ? { truncated: true } : {}),
    },
  };
}

export function toCollection(name: string, exchanges: Exchange[], base: string): Collection {
  return { format: COLLECTION_FORMAT, version: COLLECTION_VERSION, name, entries: exchanges.map((e) => toEntry(e, base)) };
}
