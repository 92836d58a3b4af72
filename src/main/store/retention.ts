import type { Store } from './store';

const CHECK_EVERY_MS = 5000;
const CHUNK = 2000;

/**
 * Keeps at most `keep` captured exchanges: every few seconds the oldest beyond the limit are
 * deleted in small chunks, one per event-loop turn, so traffic is never held up for long.
 * Answers a function that stops it.
 */
export function startRetention(store: Store, keep: number): () => void {
  let running = false;
  let stopped = false;
  const cutoff = store.db.prepare('SELECT id FROM exchanges ORDER BY id DESC LIMIT 1 OFFSET ?').pluck();
  const deleteChunk = store.db.prepare('DELETE FROM exchanges WHERE id IN (SELECT id FROM exchanges WHERE id <= ? ORDER BY id LIMIT ?)');
  const prune = () => {
    if (running) return;
    const last = cutoff.get(keep) as number | undefined;
    if (last === undefined) return;
    running = true;
    const step = () => {
      if (stopped) return;
      const deleted = store.batch.run(() => deleteChunk.run(last, CHUNK).changes);
      if (deleted === CHUNK) setImmediate(step);
      else running = false;
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
