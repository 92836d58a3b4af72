import type Database from 'better-sqlite3';
import type { Store } from './store';

const CHECK_EVERY_MS = 5000;
const CHUNK = 2000;

/** How much history to keep: a number of exchanges, an age, or the bytes the database holds. */
export type KeepRule = { count: number } | { maxAgeMs: number } | { bytes: number };

const UNITS_MS: Record<string, number> = { s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 };
const UNITS_BYTES: Record<string, number> = { kb: 1024, mb: 1024 ** 2, gb: 1024 ** 3 };

/** `5000` (exchanges), `7d`/`12h`/`30m`/`90s` (age) or `500MB`/`2GB`/`800KB` (size); undefined when unreadable. */
export function parseKeepRule(text: string): KeepRule | undefined {
  const match = /^([1-9]\d*)(s|m|h|d|kb|mb|gb)?$/i.exec(text.trim());
  if (!match) return undefined;
  const amount = Number(match[1]);
  const unit = match[2]?.toLowerCase();
  if (unit === undefined) return { count: amount };
  if (unit in UNITS_MS) return { maxAgeMs: amount * UNITS_MS[unit]! };
  return { bytes: amount * UNITS_BYTES[unit]! };
}

/** The rule as `parseKeepRule` reads it, in the largest unit that states it exactly. */
export function formatKeepRule(rule: KeepRule): string {
  if ('count' in rule) return String(rule.count);
  const [amount, units] = 'maxAgeMs' in rule ? [rule.maxAgeMs, UNITS_MS] : [rule.bytes, UNITS_BYTES];
  const [unit, size] = Object.entries(units)
    .sort(([, a], [, b]) => b - a)
    .find(([, size]) => amount % size === 0)!;
  return `${amount / size}${'maxAgeMs' in rule ? unit : unit.toUpperCase()}`;
}

/**
 * Keeps the captured history within `rule`: every few seconds the oldest exchanges beyond it
 * are deleted in small chunks, one per event-loop turn, so traffic is never held up for long.
 * Answers a function that stops it. Store.keepWithin starts it on the store's connection.
 */
export function startRetention(db: Database.Database, store: Store, rule: KeepRule): () => void {
  let running = false;
  let stopped = false;
  const newestBeyondCount = db.prepare('SELECT id FROM exchanges ORDER BY id DESC LIMIT 1 OFFSET ?').pluck();
  const oldestChunk = db.prepare('SELECT id, started_at FROM exchanges ORDER BY id LIMIT ?');
  const deleteChunk = db.prepare('DELETE FROM exchanges WHERE id IN (SELECT id FROM exchanges WHERE id <= ? ORDER BY id LIMIT ?)');

  /** The newest id to delete now, or undefined when the history is within the rule. */
  const lastToDelete = (): number | undefined => {
    if ('count' in rule) return newestBeyondCount.get(rule.count) as number | undefined;
    if ('maxAgeMs' in rule) {
      // Ids grow with time: the old ones are at the start, read a chunk at a time by key.
      const cutoff = Date.now() - rule.maxAgeMs;
      const old = (oldestChunk.all(CHUNK) as { id: number; started_at: number }[]).filter((e) => e.started_at < cutoff);
      return old.at(-1)?.id;
    }
    // Size: the exchanges make up most of the database; keep as many as fit at the present
    // average size. Freed pages are reused, so the file stops growing at about the limit.
    const stored = store.exchanges.count();
    if (stored === 0) return undefined;
    const fits = Math.floor(rule.bytes / (store.usedBytes() / stored));
    return newestBeyondCount.get(Math.max(fits, 0)) as number | undefined;
  };
  const prune = () => {
    if (running || stopped) return;
    const last = lastToDelete();
    if (last === undefined) return;
    running = true;
    const step = () => {
      if (stopped) return;
      const deleted = store.batch.run(() => deleteChunk.run(last, CHUNK).changes);
      running = false;
      if (deleted === CHUNK) setImmediate(prune);
    };
    step();
  };
  const timer = setInterval(prune, CHECK_EVERY_MS);
  timer.unref();
  prune();
  return () => {
    stopped = true;
    clearInterval(timer);
  };
}
