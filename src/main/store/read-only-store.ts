import { ExchangeLog } from './exchange-log';
import { openSqlite } from './sqlite-binding';

/** A data dir's captured exchanges and meta, read without taking the data dir (`mockmost export`). */
export interface ReadOnlyStore {
  readonly exchanges: ExchangeLog;
  meta(key: string): string | undefined;
  close(): void;
}

/** Opens the database read-only: WAL lets it read while a running `mockmost serve` writes. */
export function openReadOnlyStore(file: string): ReadOnlyStore {
  const db = openSqlite(file, { readonly: true, fileMustExist: true });
  const meta = db.prepare('SELECT value FROM meta WHERE key = ?').pluck();
  return {
    exchanges: new ExchangeLog(db),
    meta: (key) => meta.get(key) as string | undefined,
    close: () => db.close(),
  };
}
