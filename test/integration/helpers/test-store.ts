import type Database from 'better-sqlite3';
import type { NewExchange } from '../../../src/main/store/exchange-log';
import { openDatabase } from '../../../src/main/store/open-database';
import { Store } from '../../../src/main/store/store';

const connections = new WeakMap<Store, Database.Database>();

/** A Store on a fresh connection to `dir`'s database; the test keeps the connection for its own SQL checks. */
export function openTestStore(dir: string): Store {
  const db = openDatabase(dir);
  const store = new Store(db);
  connections.set(store, db);
  return store;
}

/** The connection under a store from openTestStore (the Store itself keeps it private). */
export function sqlOf(store: Store): Database.Database {
  const db = connections.get(store);
  if (!db) throw new Error('not a store from openTestStore');
  return db;
}

/** A captured incoming webhook answered 200 `ok`, with `bytes` of body: what the store tests fill it with. */
export function webhookExchange(i: number, bytes: number, startedAt = Date.now()): NewExchange {
  return {
    direction: 'inbound',
    kind: 'incoming_webhook',
    method: 'POST',
    url: `/hooks/h${i}`,
    status: 200,
    requestHeaders: [],
    requestBody: Buffer.alloc(bytes, 'x'),
    responseHeaders: [],
    responseBody: Buffer.from('ok'),
    startedAt,
    durationMs: 1,
  };
}
