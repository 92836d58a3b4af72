import { rmSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import type { KeepRule } from '../../../src/main/store/retention';
import type { Store } from '../../../src/main/store/store';
import { openTestStore, sqlOf, webhookExchange } from '../helpers/test-store';
import { tempDir } from '../helpers/test-core';

describe('retention by age and by size', () => {
  const cleanups: (() => void)[] = [];
  afterEach(() => cleanups.splice(0).forEach((f) => f()));

  function storeWith(exchanges: { startedAt: number; bytes: number }[]): Store {
    const dir = tempDir('mockmost-retention-');
    const store = openTestStore(dir);
    cleanups.push(() => {
      sqlOf(store).close();
      rmSync(dir, { recursive: true, force: true });
    });
    record(store, exchanges);
    return store;
  }
  const count = (store: Store) => sqlOf(store).prepare('SELECT count(*) FROM exchanges').pluck().get() as number;
  const keep = (store: Store, rule: KeepRule) => cleanups.unshift(store.keepWithin(rule));

  it('drops exchanges older than the age, keeps the recent ones', async () => {
    const now = Date.now();
    const store = storeWith([
      ...Array.from({ length: 30 }, () => ({ startedAt: now - 2 * 3_600_000, bytes: 10 })),
      ...Array.from({ length: 4 }, () => ({ startedAt: now - 60_000, bytes: 10 })),
    ]);
    keep(store, { maxAgeMs: 3_600_000 });
    await expect.poll(() => count(store)).toBe(4);
  });

  it('keeps about as many exchanges as fit in the size, the newest', async () => {
    const store = storeWith(Array.from({ length: 400 }, () => ({ startedAt: Date.now(), bytes: 20_000 })));
    keep(store, { bytes: 4 * 1024 * 1024 });
    await expect.poll(() => count(store)).toBeLessThan(300);
    const left = count(store);
    expect(left).toBeGreaterThan(100);
    const newest = sqlOf(store).prepare('SELECT max(id) FROM exchanges').pluck().get();
    expect(newest).toBe(400);
  });

  it('clearing empties the search index with the table, and later captures and pruning keep it in step', async () => {
    const store = storeWith(Array.from({ length: 50 }, () => ({ startedAt: Date.now(), bytes: 10 })));
    await store.search.catchUp();
    const searchRows = () => sqlOf(store).prepare('SELECT count(*) FROM exchange_search').pluck().get() as number;
    expect(searchRows()).toBe(50);
    store.batch.run(() => store.exchanges.clear());
    expect([count(store), searchRows()]).toEqual([0, 0]);
    // Ids go on from where they were (AUTOINCREMENT), so the indexer's place stays right.
    const more = record(
      store,
      Array.from({ length: 6 }, () => ({ startedAt: Date.now(), bytes: 1 })),
    );
    await store.search.catchUp();
    expect(more[0]).toBe(51);
    expect(store.exchanges.query({ limit: 10, text: 'h3' }).map((e) => e.id)).toEqual([more[3]]);
    keep(store, { count: 2 });
    await expect.poll(() => count(store)).toBe(2);
    // The delete trigger is back: pruned exchanges leave the index too.
    expect(searchRows()).toBe(2);
  });
});

/** Captures one exchange per entry, with its start time and a request body of its size; answers their ids. */
function record(store: Store, exchanges: { startedAt: number; bytes: number }[]): number[] {
  return sqlOf(store).transaction(() => exchanges.map((e, i) => store.exchanges.record(webhookExchange(i, e.bytes, e.startedAt))))();
}

describe('deleting one exchange', () => {
  it('takes it and its search entry away, and the count stays exact with the hole', async () => {
    const dir = tempDir('mockmost-delete-one-');
    const store = openTestStore(dir);
    try {
      const ids = record(
        store,
        Array.from({ length: 10 }, () => ({ startedAt: Date.now(), bytes: 1 })),
      );
      await store.search.catchUp();
      expect(store.batch.run(() => store.exchanges.delete(ids[4]!))).toBe(true);
      expect(store.batch.run(() => store.exchanges.delete(ids[4]!))).toBe(false);
      expect(store.exchanges.get(ids[4]!)).toBeUndefined();
      expect(store.exchanges.count()).toBe(9);
      expect(sqlOf(store).prepare('SELECT count(*) FROM exchange_search').pluck().get()).toBe(9);
      // Retention by count still keeps the newest, across the hole.
      const stop = store.keepWithin({ count: 3 });
      await expect.poll(() => store.exchanges.count()).toBe(3);
      stop();
      expect(sqlOf(store).prepare('SELECT id FROM exchanges ORDER BY id').pluck().all()).toEqual(ids.slice(7));
      store.batch.run(() => store.exchanges.clear());
      expect(store.exchanges.count()).toBe(0);
    } finally {
      sqlOf(store).close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
