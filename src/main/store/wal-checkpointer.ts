import type Database from 'better-sqlite3';
import { Worker } from 'node:worker_threads';
import { loadSqliteBinding, sqliteModulePath } from './sqlite-binding';

/**
 * How far the log may grow before the writer checkpoints by itself (SQLite's default is 1,000
 * pages): the fallback should the checkpointer fall behind or stop. Under 30 KB webhooks the
 * worker cannot keep up with the disk, and the writer's own checkpoints stall it for as long as
 * the log is big: 16 MB keeps those stalls short (docs/performance.md).
 */
const FALLBACK_PAGES = 4_000;

/** A checkpoint at most this often while commits come in; none at all while none do. */
const INTERVAL_MS = 50;

// The worker is plain CommonJS evaluated from this string, so it needs no file of its own in the
// bundles (serve, the desktop app, the testing library). It opens its own connection and runs
// PASSIVE checkpoints, which never wait for the writer nor make it wait.
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.module);
const db = new Database(workerData.file, { fileMustExist: true, nativeBinding: workerData.binding });
db.pragma('synchronous = NORMAL');
let timer;
const checkpoint = () => {
  timer = undefined;
  try {
    db.pragma('wal_checkpoint(PASSIVE)');
  } catch (error) {
    parentPort.postMessage(String(error && error.message));
  }
};
parentPort.on('message', (message) => {
  if (message === 'stop') {
    clearTimeout(timer);
    db.close();
    parentPort.close();
  } else if (timer === undefined) {
    timer = setTimeout(checkpoint, workerData.intervalMs);
  }
});
`;

/**
 * Copies the write-ahead log into the database on a worker thread. SQLite's own automatic
 * checkpoint runs inside whichever COMMIT crosses 1,000 pages, with an fsync, on the thread that
 * answers requests: under a webhook load that is a fifth of the throughput and half the p99
 * (docs/performance.md). Durability does not change: a commit is durable once it is in the log.
 */
export class WalCheckpointer {
  private readonly worker: Worker | undefined;
  private stopped = false;

  constructor(
    private readonly db: Database.Database,
    log?: (line: string) => void,
  ) {
    if (db.memory) return;
    try {
      this.worker = new Worker(WORKER_SOURCE, {
        eval: true,
        workerData: { module: sqliteModulePath(), binding: loadSqliteBinding(), file: db.name, intervalMs: INTERVAL_MS },
      });
    } catch (error) {
      log?.(`mockmost: checkpoints stay on the main thread: ${(error as Error).message}`);
      return;
    }
    this.worker.unref();
    this.worker.on('message', (message: string) => log?.(`mockmost: a background checkpoint failed: ${message}`));
    // Should the worker not start or die, SQLite's own checkpoints take over again.
    this.worker.on('error', (error) => {
      log?.(`mockmost: checkpoints are back on the main thread: ${error.message}`);
      this.fallBack();
    });
    db.pragma(`wal_autocheckpoint = ${FALLBACK_PAGES}`);
  }

  /** After a commit: a checkpoint soon. */
  committed(): void {
    if (!this.stopped) this.worker?.postMessage('commit');
  }

  stop(): void {
    if (this.stopped) return;
    this.stopped = true;
    this.worker?.postMessage('stop');
  }

  private fallBack(): void {
    this.stopped = true;
    if (this.db.open) this.db.pragma('wal_autocheckpoint = 1000');
  }
}
