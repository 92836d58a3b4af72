import Database from 'better-sqlite3';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { migrate, MIGRATIONS } from '../../../src/main/store/migrate';
import { DATABASE_FILE, openDatabase } from '../../../src/main/store/open-database';
import { StartupError } from '../../../src/main/base/startup-error';
import { tempDir } from '../helpers/test-core';

describe('migrations', () => {
  const dirs: string[] = [];
  const newDir = () => {
    const dir = tempDir('mockmost-migrate-');
    dirs.push(dir);
    return dir;
  };
  afterEach(() => dirs.splice(0).forEach((dir) => rmSync(dir, { recursive: true, force: true })));

  it('are numbered from 1 without gaps', () => {
    expect(MIGRATIONS.map((m) => m.version)).toEqual(MIGRATIONS.map((_, i) => i + 1));
  });

  it('bring a version-1 database to the newest schema and keep its data', () => {
    const dir = newDir();
    const old = new Database(join(dir, DATABASE_FILE));
    migrate(old, MIGRATIONS.slice(0, 1));
    old.prepare("INSERT INTO teams (id, name, doc) VALUES ('t1', 'legacy', '{}')").run();
    expect(old.pragma('user_version', { simple: true })).toBe(1);
    old.close();

    const db = openDatabase(dir);
    expect(db.pragma('user_version', { simple: true })).toBe(MIGRATIONS.at(-1)!.version);
    expect(db.prepare('SELECT name FROM teams').pluck().all()).toEqual(['legacy']);
    expect(db.prepare("SELECT count(*) FROM sqlite_master WHERE name = 'exchanges'").pluck().get()).toBe(1);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    db.close();
  });

  it('say when they update a store made by an older release, and not when they create one', () => {
    const dir = newDir();
    const old = new Database(join(dir, DATABASE_FILE));
    migrate(old, MIGRATIONS.slice(0, 16));
    old.close();
    const logged: string[] = [];
    openDatabase(dir, (line) => logged.push(line)).close();
    const newest = MIGRATIONS.at(-1)!.version;
    expect(logged).toEqual([
      `mockmost: updating the database from schema 16 to ${newest}…`,
      expect.stringMatching(new RegExp(`^mockmost: database updated to schema ${newest} in \\d+ ms$`)),
    ]);

    const fresh: string[] = [];
    openDatabase(newDir(), (line) => fresh.push(line)).close();
    expect(fresh).toEqual([]);
  });

  it('stop start-up when an applied migration was edited', () => {
    const dir = newDir();
    openDatabase(dir).close();
    const db = new Database(join(dir, DATABASE_FILE));
    const edited = MIGRATIONS.map((m, i) => (i === 0 ? { ...m, sql: `${m.sql}\n-- edited` } : m));
    expect(() => migrate(db, edited)).toThrow(expect.objectContaining({ code: 'MIGRATION_CHANGED' }));
    db.close();
  });

  it('refuse a database made by a newer Mockmost', () => {
    const dir = newDir();
    const db = new Database(join(dir, DATABASE_FILE));
    db.pragma('user_version = 999');
    db.close();
    expect(() => openDatabase(dir)).toThrow(StartupError);
  });

  it('refuse a file that is not a database with a clear reason', async () => {
    const dir = newDir();
    const { writeFileSync } = await import('node:fs');
    writeFileSync(join(dir, DATABASE_FILE), 'this is not sqlite '.repeat(100));
    expect(() => openDatabase(dir)).toThrow(/cannot|damaged/);
  });
});
