import Database from 'better-sqlite3';
import { randomBytes } from 'node:crypto';
import { rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { NewExchange } from '../../../src/main/store/exchange-log';
import { migrate, MIGRATIONS } from '../../../src/main/store/migrate';
import { DATABASE_FILE } from '../../../src/main/store/open-database';
import { openReadOnlyStore } from '../../../src/main/store/read-only-store';
import type { Store } from '../../../src/main/store/store';
import { tempDir } from '../helpers/test-core';
import { openTestStore, sqlOf } from '../helpers/test-store';

/** A slash command's exchange as Mockmost captures one: headers both ways, a form body, a JSON answer. */
function commandExchange(
  n: number,
  responseBody = Buffer.from(`{"text":"deployed build ${n}","response_type":"in_channel"}`),
): NewExchange {
  return {
    direction: 'outbound',
    kind: 'slash_command',
    method: 'POST',
    url: `http://127.0.0.1:9/deploy?n=${n}`,
    status: 200,
    requestHeaders: [
      ['Content-Type', 'application/x-www-form-urlencoded'],
      ['Authorization', `Token tok${n}`],
    ],
    requestBody: Buffer.from(`channel_id=c1&command=%2Fdeploy&text=build+${n}&user_name=sysadmin`),
    responseHeaders: [['content-type', 'application/json']],
    responseBody,
    startedAt: 1_700_000_000_000 + n,
    durationMs: 3,
    transferMs: 0.5,
  };
}

const count = (store: Store, table: string) => sqlOf(store).prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number;

describe('packing captured exchanges at idle time', () => {
  const dirs: string[] = [];
  const stores: Store[] = [];
  const newStore = () => {
    const dir = tempDir('mockmost-packer-');
    dirs.push(dir);
    const store = openTestStore(dir);
    stores.push(store);
    return { dir, store };
  };
  afterEach(() => {
    stores.splice(0).forEach((store) => store.close());
    dirs.splice(0).forEach((dir) => rmSync(dir, { recursive: true, force: true }));
  });

  it('reads every exchange back exactly as captured, before and after it is packed, and searches it', async () => {
    const { store } = newStore();
    const ids = store.batch.run(() => Array.from({ length: 300 }, (_, n) => store.exchanges.record(commandExchange(n))));
    const before = ids.map((id) => store.exchanges.get(id));
    expect(before[7]!.request_headers).toEqual([
      ['Content-Type', 'application/x-www-form-urlencoded'],
      ['Authorization', 'Token tok7'],
    ]);

    // Nothing is packed before the search index has read it.
    expect(store.packer.step(1000)).toBe(false);
    expect(count(store, 'exchange_packed')).toBe(0);
    await store.search.catchUp();
    expect(store.packer.step(200)).toBe(true);
    expect(store.packer.step(200)).toBe(false);
    expect(count(store, 'exchange_packed')).toBe(300);
    expect(count(store, 'exchange_payloads')).toBe(0);

    expect(ids.map((id) => store.exchanges.get(id))).toEqual(before);
    expect(store.exchanges.query({ limit: 1000 })).toEqual([...before].reverse());
    expect(store.exchanges.query({ limit: 5, text: 'deployed 123' }).map((e) => e.id)).toEqual([ids[123]]);
  });

  it('leaves an exchange that does not compress as it was sent, and still reads it', async () => {
    const { store } = newStore();
    const noise = randomBytes(4000);
    const exchange = { ...commandExchange(1, noise), requestHeaders: [], requestBody: Buffer.alloc(0), responseHeaders: [] };
    const [id] = store.batch.run(() => [store.exchanges.record(exchange)]);
    await store.search.catchUp();
    store.packer.step();
    expect(count(store, 'exchange_packed')).toBe(0);
    expect(store.exchanges.get(id!)!.response_body).toEqual({
      encoding: 'base64',
      data: noise.toString('base64'),
      size: 4000,
      truncated: false,
    });
  });

  it('gives the freed pages back to the file system, and deletes packed exchanges with the rest', async () => {
    const { dir, store } = newStore();
    const file = join(dir, DATABASE_FILE);
    const big = (n: number) => ({ ...commandExchange(n), requestBody: Buffer.from(`text=${'build passed '.repeat(500)}${n}`) });
    const ids = store.batch.run(() => Array.from({ length: 2000 }, (_, n) => store.exchanges.record(big(n))));
    store.batch.flush();
    sqlOf(store).pragma('wal_checkpoint(TRUNCATE)');
    const unpacked = statSync(file).size;
    await store.search.catchUp();
    while (store.packer.step(500));
    store.batch.flush();
    sqlOf(store).pragma('wal_checkpoint(TRUNCATE)');
    expect(sqlOf(store).pragma('freelist_count', { simple: true })).toBe(0);
    expect(statSync(file).size).toBeLessThan(unpacked / 4);

    store.batch.run(() => store.exchanges.delete(ids[0]!));
    expect(store.exchanges.get(ids[0]!)).toBeUndefined();
    expect(count(store, 'exchange_packed')).toBe(1999);
    store.batch.run(() => store.exchanges.clear());
    expect(count(store, 'exchange_packed')).toBe(0);
    expect(count(store, 'exchange_payloads')).toBe(0);
  });

  it('gives the pages a clear frees back a little per step, so that no step holds traffic for long', () => {
    const { store } = newStore();
    const big = (n: number) => ({ ...commandExchange(n), requestBody: Buffer.from(`text=${'build passed '.repeat(500)}${n}`) });
    store.batch.run(() => Array.from({ length: 2000 }, (_, n) => store.exchanges.record(big(n))));
    store.batch.run(() => store.exchanges.clear());
    const free = () => sqlOf(store).pragma('freelist_count', { simple: true }) as number;
    const freed = free();
    expect(freed).toBeGreaterThan(2500);
    expect(store.packer.step()).toBe(true);
    expect(free()).toBeLessThan(freed);
    expect(free()).toBeGreaterThan(freed / 2);
    while (store.packer.step());
    expect(free()).toBe(0);
  });

  it('loses nothing when the disk fills while it packs, and packs once there is room again', async () => {
    const { store } = newStore();
    const db = sqlOf(store);
    // Bodies that pack to three quarters of their size: the packed copy needs pages of its own
    // before the payload it replaces frees any.
    const noisy = (n: number) => commandExchange(n, Buffer.from(randomBytes(2400).toString('base64')));
    const ids = store.batch.run(() => Array.from({ length: 300 }, (_, n) => store.exchanges.record(noisy(n))));
    await store.search.catchUp();
    store.batch.flush();
    const before = ids.map((id) => store.exchanges.get(id));
    db.pragma('incremental_vacuum');
    db.pragma(`max_page_count = ${db.pragma('page_count', { simple: true }) as number}`);
    expect(() => store.packer.step(1000)).toThrow(expect.objectContaining({ code: 'SQLITE_FULL' }));
    expect(ids.map((id) => store.exchanges.get(id))).toEqual(before);
    db.pragma('max_page_count = 1073741823');
    while (store.packer.step(1000));
    expect(count(store, 'exchange_packed')).toBe(300);
    expect(ids.map((id) => store.exchanges.get(id))).toEqual(before);
  });

  it('reads, searches and keeps a store written before payloads moved out of the exchange rows (migration 0016)', async () => {
    const dir = tempDir('mockmost-packer-');
    dirs.push(dir);
    const old = new Database(join(dir, DATABASE_FILE));
    migrate(
      old,
      MIGRATIONS.filter((m) => m.version <= 16),
    );
    const insert = old.prepare(`INSERT INTO exchanges (direction, kind, method, url, status, request_headers, request_body,
      request_body_size, response_headers, response_body, response_body_size, started_at, duration_ms, diagnosis)
      VALUES ('inbound', 'incoming_webhook', 'POST', ?, 200, ?, ?, ?, '[["Content-Type","text/plain"]]', 'ok', 2, ?, 1, '[]')`);
    for (let n = 1; n <= 1000; n++) {
      const body = `{"text":"legacy ${n}"}`;
      insert.run(`/hooks/h${n}`, '[["content-type","application/json"]]', Buffer.from(body), body.length, 1_700_000_000_000 + n);
    }
    old.close();
    // `mockmost export` reads a data dir as it is, without migrating it.
    const unmigrated = openReadOnlyStore(join(dir, DATABASE_FILE));
    expect(unmigrated.exchanges.get(500)!.request_body.data).toBe('{"text":"legacy 500"}');
    unmigrated.close();

    const store = openTestStore(dir);
    stores.push(store);
    const legacy = store.exchanges.get(500)!;
    expect(legacy.request_headers).toEqual([['content-type', 'application/json']]);
    expect(legacy.request_body.data).toBe('{"text":"legacy 500"}');
    expect(legacy.response_headers).toEqual([['Content-Type', 'text/plain']]);
    const fresh = store.batch.run(() => store.exchanges.record(commandExchange(1)));
    await store.search.catchUp();
    while (store.packer.step());
    expect(store.exchanges.query({ limit: 5, text: 'legacy 999' }).map((e) => e.id)).toEqual([999]);
    expect(store.exchanges.get(fresh)!.request_body.data).toContain('build+1');
    expect(store.exchanges.count()).toBe(1001);
  });
});
