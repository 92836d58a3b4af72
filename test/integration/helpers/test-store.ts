import type Database from 'better-sqlite3';
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
