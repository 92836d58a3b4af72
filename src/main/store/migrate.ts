import { createHash } from 'node:crypto';
import type Database from 'better-sqlite3';
import { StartupError } from '../base/startup-error';

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

// Bundled at build time, so the CLI and the desktop app need no files beside their code.
const files = import.meta.glob<string>('./migrations/*.sql', { query: '?raw', import: 'default', eager: true });

export const MIGRATIONS: Migration[] = Object.entries(files)
  .map(([path, sql]) => {
    const match = /\/(\d{4})_([a-z0-9_]+)\.sql$/.exec(path);
    if (!match) throw new Error(`migration file name must be NNNN_name.sql: ${path}`);
    return { version: Number(match[1]), name: match[2]!, sql };
  })
  .sort((a, b) => a.version - b.version);

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/**
 * Brings the database to the newest schema. Each pending migration runs in its own
 * transaction; `user_version` is the applied version and `_migrations` keeps each file's hash,
 * so that an edited migration stops start-up instead of leaving two databases that differ.
 */
export function migrate(db: Database.Database, migrations: Migration[] = MIGRATIONS, log?: (line: string) => void): number {
  db.exec('CREATE TABLE IF NOT EXISTS _migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, sha256 TEXT NOT NULL)');
  const current = db.pragma('user_version', { simple: true }) as number;
  const newest = migrations.at(-1)?.version ?? 0;
  if (current > newest) {
    throw new StartupError(
      'DATABASE_TOO_NEW',
      `the database is at schema version ${current}, newer than this Mockmost knows (${newest}); use a newer Mockmost or another --data directory`,
    );
  }
  const applied = new Map(
    (db.prepare('SELECT version, sha256 FROM _migrations').all() as { version: number; sha256: string }[]).map((row) => [
      row.version,
      row.sha256,
    ]),
  );
  // A store made by an older release may hold a long history: some migrations then take seconds
  // (an index over every post), so say so before start-up goes quiet, and when it is done.
  const updating = current > 0 && newest > current;
  const started = performance.now();
  if (updating) log?.(`mockmost: updating the database from schema ${current} to ${newest}…`);
  for (const migration of migrations) {
    const hash = sha256(migration.sql);
    if (migration.version <= current) {
      const recorded = applied.get(migration.version);
      if (recorded !== undefined && recorded !== hash) {
        throw new StartupError(
          'MIGRATION_CHANGED',
          `migration ${migration.version}_${migration.name} was changed after it was applied to this database; add a new migration instead`,
        );
      }
      continue;
    }
    db.transaction(() => {
      db.exec(migration.sql);
      db.prepare('INSERT INTO _migrations (version, name, sha256) VALUES (?, ?, ?)').run(migration.version, migration.name, hash);
      db.pragma(`user_version = ${migration.version}`);
    })();
  }
  if (updating) log?.(`mockmost: database updated to schema ${newest} in ${Math.round(performance.now() - started)} ms`);
  return newest;
}
