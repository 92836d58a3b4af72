import type Database from 'better-sqlite3';
import { join } from 'node:path';
import { StartupError } from '../base/startup-error';
import { migrate } from './migrate';
import { loadSqliteBinding, openSqlite } from './sqlite-binding';

export const DATABASE_FILE = 'mockmost.sqlite';

/**
 * Opens (creating if needed) the data dir's database in WAL mode. synchronous=NORMAL is
 * durable against a killed process, which is what "acknowledged means stored" needs; only a
 * power cut can drop the last commits (SQLite's documented WAL trade-off).
 */
export function openDatabase(dir: string, log?: (line: string) => void): Database.Database {
  loadSqliteBinding();
  let db: Database.Database;
  try {
    db = openSqlite(join(dir, DATABASE_FILE));
    // Before anything is written: SQLite takes this only while the database is empty. A new
    // store can then give back the pages its idle-time work frees (exchange-packer.ts).
    db.pragma('auto_vacuum = INCREMENTAL');
    db.pragma('journal_mode = WAL');
  } catch (error) {
    throw new StartupError('DATA_DIR_UNUSABLE', `cannot open the database in ${dir}: ${(error as Error).message}`);
  }
  try {
    db.pragma('synchronous = NORMAL');
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    checkWorkspaceTables(db, dir);
    migrate(db, undefined, log);
  } catch (error) {
    db.close();
    if (error instanceof StartupError) throw error;
    throw new StartupError('DATABASE_CORRUPT', `the database in ${dir} cannot be used: ${(error as Error).message}`);
  }
  return db;
}

/**
 * quick_check of every table but the exchange log and its search index: those grow to gigabytes
 * (five seconds of start-up per million exchanges) and are read row by row, so damage there is
 * reported by the read that meets it. The workspace tables are small and everything needs them.
 */
function checkWorkspaceTables(db: Database.Database, dir: string): void {
  const tables = db
    .prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite%' AND name NOT LIKE 'exchange%'")
    .pluck()
    .all() as string[];
  for (const table of tables) {
    const check = db.pragma(`quick_check("${table}")`, { simple: true });
    if (check !== 'ok') throw new StartupError('DATABASE_CORRUPT', `the database in ${dir} is damaged: ${String(check)}`);
  }
}
