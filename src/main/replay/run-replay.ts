import { request } from 'undici';
import { bodyText, type Collection, type CollectionBody, type CollectionEntry } from '../../shared/contract/collection';
import type { Difference } from '../../shared/replay/compare';
import { compareMessages } from './compare-messages';

export interface ReplayResult {
  index: number;
  entry: CollectionEntry;
  outcome: 'same' | 'changed' | 'failed';
  differences: Difference[];
  /** Why the request could not be made (target down, bad URL); the difference list says the rest. */
  error?: string;
  /** What came back this time. */
  response?: { status: number; headers: [string, string][]; body: CollectionBody | null };
  durationMs: number;
}

export interface ReplayOptions {
  /** Rewrites a recorded URL to where it is replayed. */
  target: (url: string) => string;
  ignore: readonly string[];
  timeoutMs: number;
  onProgress?: (done: number, total: number, result: ReplayResult) => void;
}

/**
 * `--target URL` sends everything to that origin (path and query kept); `--target
 * RECORDED=NEW[,…]` maps recorded origins one by one and leaves the others alone.
 */
export function parseTarget(spec: string): (url: string) => string {
  const pairs = spec.split(',').map((part) => part.split('='));
  if (pairs.length === 1 && pairs[0]!.length === 1) {
    const origin = new URL(pairs[0]![0]!).origin;
    return (url) => {
      const recorded = new URL(url);
      return `${origin}${recorded.pathname}${recorded.search}`;
    };
  }
  const map = new Map<string, string>();
  for (const pair of pairs) {
    if (pair.length !== 2) throw new Error(`--target: "${pair.join('=')}" is not RECORDED_ORIGIN=NEW_ORIGIN`);
    map.set(new URL(pair[0]!).origin, new URL(pair[1]!).origin);
  }
  return (url) => {
    const recorded = new URL(url);
    const to = map.get(recorded.origin);
    return to ? `${to}${recorded.pathname}${recorded.search}` : url;
  };
}

function replayedBody(text: string): CollectionBody | null {
  if (text === '') return null;
  try {
    return { json: JSON.parse(text) as unknown };
  } catch {
    return { text };
  }
}

export async function replayOne(entry: CollectionEntry, index: number, options: ReplayOptions): Promise<ReplayResult> {
  const started = performance.now();
  const finish = (r: Omit<ReplayResult, 'index' | 'entry' | 'durationMs'>): ReplayResult => ({
    index,
    entry,
    ...r,
    durationMs: performance.now() - started,
  });
  let url: string;
  try {
    url = options.target(entry.request.url);
  } catch (error) {
    return finish({ outcome: 'failed', differences: [], error: (error as Error).message });
  }
  try {
    const payload =
      entry.request.body && 'base64' in entry.request.body
        ? Buffer.from(entry.request.body.base64, 'base64')
        : bodyText(entry.request.body);
    const response = await request(url, {
      method: entry.request.method as 'POST',
      headers: Object.fromEntries(entry.request.headers),
      body: entry.request.method === 'GET' || entry.request.method === 'HEAD' ? undefined : payload,
      signal: AbortSignal.timeout(options.timeoutMs),
    });
    const text = await response.body.text();
    const headers = Object.entries(response.headers).flatMap(([k, v]) =>
      (Array.isArray(v) ? v : [v ?? '']).map((x): [string, string] => [k, x]),
    );
    const replayed = { status: response.statusCode, headers, body: replayedBody(text) };
    const differences = compareMessages(entry.response, replayed, options.ignore);
    return finish({
      outcome: differences.length > 0 ? 'changed' : 'same',
      differences,
      response: replayed,
    });
  } catch (error) {
    const e = error as { message?: string; cause?: { message?: string } };
    const reason = e.cause?.message ?? e.message ?? String(error);
    // A call that failed when recorded and fails again is the same behaviour.
    if (entry.response.status === null) return finish({ outcome: 'same', differences: [] });
    return finish({
      outcome: 'failed',
      differences: [{ path: 'status', recorded: entry.response.status, replayed: null }],
      error: `${url}: ${reason}`,
    });
  }
}

/** Replays a collection in order, one request at a time, as it was recorded. */
export async function replayCollection(collection: Collection, options: ReplayOptions): Promise<ReplayResult[]> {
  const results: ReplayResult[] = [];
  for (const [index, entry] of collection.entries.entries()) {
    const result = await replayOne(entry, index, options);
    results.push(result);
    options.onProgress?.(results.length, collection.entries.length, result);
  }
  return results;
}
