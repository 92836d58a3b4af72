import Database from 'better-sqlite3';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { WriteBatch, WritesLostError } from '../../../src/main/store/write-batch';
import { tempDir } from '../helpers/test-core';

describe('WriteBatch', () => {
  let dir: string;
  let db: Database.Database;
  let reader: Database.Database;
  const count = () => reader.prepare('SELECT count(*) FROM t').pluck().get();

  beforeEach(() => {
    dir = tempDir('mockmost-batch-');
    db = new Database(join(dir, 'db.sqlite'));
    db.pragma('journal_mode = WAL');
    db.exec('CREATE TABLE t (v INTEGER NOT NULL)');
    reader = new Database(join(dir, 'db.sqlite'), { readonly: true });
  });
  afterEach(() => {
    reader.close();
    db.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('commits a turn of writes together, and durable() settles only after the commit', async () => {
    const batch = new WriteBatch(db);
    batch.run(() => db.prepare('INSERT INTO t VALUES (1)').run());
    batch.run(() => db.prepare('INSERT INTO t VALUES (2)').run());
    expect(count()).toBe(0);
    await batch.durable();
    expect(count()).toBe(2);
  });

  it('undoes only the failing write of a batch', async () => {
    const batch = new WriteBatch(db);
    batch.run(() => db.prepare('INSERT INTO t VALUES (1)').run());
    expect(() =>
      batch.run(() => {
        db.prepare('INSERT INTO t VALUES (2)').run();
        db.prepare('INSERT INTO t VALUES (NULL)').run();
      }),
    ).toThrow();
    await batch.durable();
    expect(reader.prepare('SELECT v FROM t').pluck().all()).toEqual([1]);
  });

  it('fails every waiter whose writes a full disk undid, answers the ones after it, and recovers', async () => {
    const batch = new WriteBatch(db);
    const seen: string[] = [];
    const first = batch.mark();
    batch.run(() => db.prepare('INSERT INTO t VALUES (1)').run());
    batch.afterCommit(() => seen.push('first'));
    // The database may not grow: the pages the next write needs make SQLite roll back the whole transaction.
    db.pragma(`max_page_count = ${db.pragma('page_count', { simple: true }) as number}`);
    const big = () => db.prepare('INSERT INTO t VALUES (zeroblob(100000))').run();
    expect(() => batch.run(big)).toThrow(expect.objectContaining({ code: 'SQLITE_FULL' }));
    expect(db.inTransaction).toBe(false);
    await expect(batch.durable(first)).rejects.toThrow(WritesLostError);
    // Room again: a write after the loss opens a new transaction and is kept.
    db.pragma('max_page_count = 1073741823');
    const second = batch.mark();
    batch.run(() => db.prepare('INSERT INTO t VALUES (2)').run());
    batch.afterCommit(() => seen.push('second'));
    await expect(batch.durable(second)).resolves.toBeUndefined();
    // The first write went with its transaction, and so did what was to follow its commit.
    expect(reader.prepare('SELECT v FROM t').pluck().all()).toEqual([2]);
    expect(seen).toEqual(['second']);
  });

  it('resolves durable() at once when nothing is pending', async () => {
    await expect(new WriteBatch(db).durable()).resolves.toBeUndefined();
  });
});

describe('WriteBatch.afterCommit', () => {
  it('runs tasks only after the commit, in order', async () => {
    const dir = tempDir('mockmost-batch-');
    const db = new Database(join(dir, 'db.sqlite'));
    db.exec('CREATE TABLE t (v INTEGER NOT NULL)');
    const batch = new WriteBatch(db);
    const seen: string[] = [];
    batch.run(() => db.prepare('INSERT INTO t VALUES (1)').run());
    batch.afterCommit(() => seen.push(`a:${db.inTransaction}`));
    batch.afterCommit(() => seen.push('b'));
    expect(seen).toEqual([]);
    await batch.durable();
    expect(seen).toEqual(['a:false', 'b']);
    db.close();
    rmSync(dir, { recursive: true, force: true });
  });
});
