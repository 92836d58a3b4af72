import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { NewExchange } from '../../../src/main/store/exchange-log';
import type { Store } from '../../../src/main/store/store';
import { openTestStore, sqlOf } from '../helpers/test-store';
import { tempDir } from '../helpers/test-core';

// More exchanges than a list search walks before it stops (20,000), so that continuing a search
// and the complete search's turn to the set of all matches are both covered.
const TOTAL = 50_000;
const DEEP_REST = [100, 200];
const START = Date.UTC(2026, 0, 1);

function exchange(n: number): NewExchange {
  const rest = DEEP_REST.includes(n) || n === TOTAL;
  return {
    direction: 'inbound',
    kind: rest ? 'rest' : 'incoming_webhook',
    method: 'POST',
    url: `http://127.0.0.1/hooks/h${n}`,
    hookId: n % 2 === 0 ? 'even' : 'odd',
    commandId: n === 3 ? 'cmd' : null,
    status: n % 1000 === 0 ? 404 : n % 5000 === 1 ? null : 200,
    requestHeaders: [['content-type', 'application/json']],
    requestBody: Buffer.from(JSON.stringify({ text: `deploy build ${n}${n === 7 ? ' rollback' : ''}` })),
    responseHeaders: [],
    responseBody: Buffer.from('ok'),
    // One exchange a second, the fifth of each ten recorded late (it started ten seconds earlier).
    startedAt: START + n * 1000 - (n % 10 === 5 ? 10_000 : 0),
    durationMs: 1,
  };
}

describe('querying a long exchange history', () => {
  const dir = tempDir('mockmost-query-');
  let store: Store;
  const ids = (list: { id: number }[]) => list.map((e) => e.id);

  beforeAll(async () => {
    store = openTestStore(dir);
    sqlOf(store).transaction(() => {
      for (let n = 1; n <= TOTAL; n++) store.exchanges.record(exchange(n));
    })();
    await store.search.catchUp();
  });
  afterAll(() => {
    sqlOf(store).close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('lists newest first, pages with before and after', () => {
    expect(ids(store.exchanges.query({ limit: 3 }))).toEqual([TOTAL, TOTAL - 1, TOTAL - 2]);
    expect(ids(store.exchanges.query({ limit: 2, before: 10 }))).toEqual([9, 8]);
    expect(ids(store.exchanges.query({ limit: 5, after: TOTAL - 2 }))).toEqual([TOTAL, TOTAL - 1]);
  });

  it('filters by status class, and "error" means no answer', () => {
    expect(ids(store.exchanges.query({ limit: 3, status: '4xx' }))).toEqual([50_000, 49_000, 48_000]);
    expect(ids(store.exchanges.query({ limit: 4, status: 'error' }))).toEqual([45_001, 40_001, 35_001, 30_001]);
    expect(store.exchanges.query({ limit: 1, status: '2xx' })[0]!.status).toBe(200);
  });

  it('searches bodies newest first, alone and with a filter, finding matches deep in the history', () => {
    expect(ids(store.exchanges.query({ limit: 2, text: 'deploy' }))).toEqual([TOTAL, TOTAL - 1]);
    expect(ids(store.exchanges.query({ limit: 10, text: 'rollback' }))).toEqual([7]);
    // Only three rest exchanges hold the common word: the newest and two beyond the window.
    expect(ids(store.exchanges.query({ limit: 10, text: 'deploy', kind: 'rest' }))).toEqual([TOTAL, 200, 100]);
    expect(ids(store.exchanges.query({ limit: 2, text: 'deploy', kind: 'rest' }))).toEqual([TOTAL, 200]);
    expect(ids(store.exchanges.query({ limit: 10, text: 'deploy', kind: 'rest', before: 200 }))).toEqual([100]);
    expect(ids(store.exchanges.query({ limit: 3, text: 'deploy', status: '4xx', after: 47_000 }))).toEqual([50_000, 49_000, 48_000]);
    expect(ids(store.exchanges.query({ limit: 10, text: 'deploy', status: '4xx', after: 49_500 }))).toEqual([50_000]);
    expect(store.exchanges.query({ limit: 10, text: 'deploy', kind: 'slash_command' })).toEqual([]);
  });

  it('lists summaries with bounded work: a long filtered search says where to go on, and going on finds the rest', () => {
    const first = store.exchanges.summaries({ limit: 10, text: 'deploy', kind: 'rest' });
    expect(ids(first.items)).toEqual([TOTAL]);
    expect(first.continueBefore).toBeGreaterThan(200);
    expect(first.items[0]).not.toHaveProperty('request_body');
    // Going on from where each page stopped, as the traffic view does, finds the deep ones.
    const found: number[] = [];
    let pages = 0;
    for (let before = first.continueBefore; before !== undefined; pages++) {
      const page = store.exchanges.summaries({ limit: 10, text: 'deploy', kind: 'rest', before });
      found.push(...ids(page.items));
      before = page.continueBefore;
    }
    expect(found).toEqual([200, 100]);
    expect(pages).toBeGreaterThan(1);
    // Unfiltered, or filters without words: complete at once.
    expect(store.exchanges.summaries({ limit: 2, kind: 'rest' })).toEqual({ items: expect.any(Array) });
    expect(ids(store.exchanges.summaries({ limit: 10, kind: 'rest' }).items)).toEqual([TOTAL, 200, 100]);
  });

  it('filters by hook, command and start time (exchanges recorded out of start order included)', () => {
    expect(ids(store.exchanges.query({ limit: 3, hookId: 'odd' }))).toEqual([49_999, 49_997, 49_995]);
    expect(ids(store.exchanges.query({ limit: 3, commandId: 'cmd' }))).toEqual([3]);
    const at = (n: number) => START + n * 1000;
    expect(ids(store.exchanges.query({ limit: 100, from: at(30_000), to: at(30_004) }))).toEqual([30_003, 30_002, 30_001, 30_000]);
    // 30,015 started at the time of 30,005, though it was recorded later.
    expect(ids(store.exchanges.query({ limit: 100, from: at(30_005), to: at(30_007) }))).toEqual([30_015, 30_006]);
    expect(ids(store.exchanges.query({ limit: 2, from: at(49_999) }))).toEqual([TOTAL, 49_999]);
    // 5 started five seconds before the first.
    expect(ids(store.exchanges.query({ limit: 2, to: at(2) }))).toEqual([5, 1]);
    expect(store.exchanges.query({ limit: 2, from: at(TOTAL + 1000) })).toEqual([]);
  });

  it('reads user text as words, never as search syntax', () => {
    expect(store.exchanges.query({ limit: 5, text: 'deploy" OR "x' })).toEqual([]);
    expect(ids(store.exchanges.query({ limit: 1, text: 'build 12345' }))).toEqual([12_345]);
  });
});
