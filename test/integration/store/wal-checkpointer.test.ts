import { rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { DATABASE_FILE } from '../../../src/main/store/open-database';
import { openTestStore, sqlOf, webhookExchange } from '../helpers/test-store';
import { tempDir } from '../helpers/test-core';

it('copies what was committed into the database file on its own thread, long before SQLite’s own checkpoint would', async () => {
  const dir = tempDir('mockmost-checkpoint-');
  const store = openTestStore(dir);
  try {
    const file = join(dir, DATABASE_FILE);
    const before = statSync(file).size;
    // 40 commits of 20 KB: about 200 pages, under the 1,000 at which SQLite checkpoints by itself
    // (and under the 4,000 the store sets while the worker runs).
    for (let i = 0; i < 40; i++) {
      store.batch.runStatement(() => store.exchanges.record(webhookExchange(i, 20_000)));
      await store.batch.durable();
    }
    expect(sqlOf(store).pragma('wal_autocheckpoint', { simple: true })).toBe(4_000);
    await expect.poll(() => statSync(file).size, { timeout: 10_000 }).toBeGreaterThan(before + 40 * 20_000);
  } finally {
    store.close();
    rmSync(dir, { recursive: true, force: true });
  }
});
