import type { CollectionBody } from '../../shared/contract/collection';
import { compareJson, type Difference } from '../../shared/replay/compare';

/** A request or an answer as a collection holds it; requests have no status. */
export interface Message {
  status?: number | null;
  headers: [string, string][];
  body: CollectionBody | null;
}

const mediaType = (headers: [string, string][]) =>
  (headers.find(([name]) => name.toLowerCase() === 'content-type')?.[1] ?? '').split(';')[0]!.trim().toLowerCase();

function compareBodies(recorded: CollectionBody | null, replayed: CollectionBody | null, ignore: readonly string[]): Difference[] {
  const value = (b: CollectionBody | null) => (b === null ? null : 'json' in b ? b.json : 'text' in b ? b.text : b.base64);
  const path = 'body';
  if (recorded && replayed && 'json' in recorded && 'json' in replayed) {
    return compareJson(recorded.json, replayed.json, ignore, path);
  }
  return JSON.stringify(value(recorded)) === JSON.stringify(value(replayed))
    ? []
    : [{ path, recorded: value(recorded), replayed: value(replayed) }];
}

/**
 * What differs between two messages in ways an integration can tell: the status, the media
 * type and the body (JSON by path, less the ignored fields). Other headers change on every run.
 */
export function compareMessages(recorded: Message, replayed: Message, ignore: readonly string[]): Difference[] {
  const differences: Difference[] = [];
  if (recorded.status !== replayed.status) differences.push({ path: 'status', recorded: recorded.status, replayed: replayed.status });
  const recordedType = mediaType(recorded.headers);
  const replayedType = mediaType(replayed.headers);
  if (recordedType !== replayedType) differences.push({ path: 'header:content-type', recorded: recordedType, replayed: replayedType });
  differences.push(...compareBodies(recorded.body, replayed.body, ignore));
  return differences;
}
