import { rmSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import type { Store } from '../../../src/main/store/store';
import { openTestStore, sqlOf } from '../helpers/test-store';
import { tempDir } from '../helpers/test-core';

describe('the search index catching up after a burst of traffic', () => {
  const cleanups: (() => void)[] = [];
  afterEach(() => cleanups.splice(0).forEach((f) => f()));

  function storeWith(count: number): Store {
    const dir = tempDir('mockmost-search-');
    const store = openTestStore(dir);
    cleanups.push(() => {
      sqlOf(store).close();
      rmSync(dir, { recursive: true, force: true });
    });
    sqlOf(store).transaction(() => {
      for (let n = 1; n <= count; n++) {
        store.exchanges.record({
          direction: 'inbound',
          kind: 'incoming_webhook',
          method: 'POST',
          url: `/hooks/h${n}`,
          status: 200,
          requestHeaders: [],
          requestBody: Buffer.from(`{"text":"${n === count ? 'needle' : 'hay'}"}`),
          responseHeaders: [],
          responseBody: Buffer.from('ok'),
          startedAt: Date.now(),
          durationMs: 1,
        });
      }
    })();
    return store;
  }

  it('stops when its budget is spent (after one chunk) and says how many are left; finishes when given the time', async () => {
    const store = storeWith(2500);
    expect(store.search.pending()).toBe(2500);
    const left = await store.search.catchUp(0);
    expect(left).toBe(1500);
    expect(store.exchanges.query({ limit: 5, text: 'needle' })).toEqual([]);
    expect(await store.search.catchUp()).toBe(0);
    expect(store.exchanges.query({ limit: 5, text: 'needle' }).map((e) => e.id)).toEqual([2500]);
  });

  it('gives the event loop back between chunks, so other requests are served while it works', async () => {
    const store = storeWith(3000);
    const order: string[] = [];
    const catchingUp = store.search.catchUp().then(() => order.push('caught up'));
    await new Promise((resolve) => setImmediate(resolve));
    order.push('another request');
    await catchingUp;
    expect(order).toEqual(['another request', 'caught up']);
    expect(store.search.pending()).toBe(0);
  });

  it('keeps its place through a workspace reset, which keeps the exchanges', async () => {
    const store = storeWith(300);
    await store.search.catchUp();
    store.batch.run(() => store.clearWorkspace());
    expect(store.search.pending()).toBe(0);
  });
});
