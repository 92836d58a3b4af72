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

/** The shared word the two threads signal through: cheaper per commit than a message. */
const IDLE = 0;
const COMMITTED = 1;
const STOP = 2;
const CLOSED = 3;
/** A worker that has not started yet opens its connection first; a stop waits this long at most. */
const CLOSE_WAIT_MS = 2000;

// The worker is plain CommonJS evaluated from this string, so it needs no file of its own in the
// bundles (serve, the desktop app, the testing library). It opens its own connection and runs
// PASSIVE checkpoints, which never wait for the writer nor make it wait. It sleeps on the shared
// word until a commit flags it, lets commits gather for the interval, then checkpoints.
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.module);
const db = new Database(workerData.file, { fileMustExist: true, nativeBinding: workerData.binding });
db.pragma('synchronous = NORMAL');
const word = new Int32Array(workerData.signal);
for (;;) {
  Atomics.wait(word, 0, ${IDLE});
  if (Atomics.load(word, 0) === ${STOP}) break;
  Atomics.wait(word, 0, ${COMMITTED}, workerData.intervalMs);
  if (Atomics.compareExchange(word, 0, ${COMMITTED}, ${IDLE}) === ${STOP}) break;
  try {
    db.pragma('wal_checkpoint(PASSIVE)');
  } catch (error) {
    parentPort.postMessage(String(error && error.message));
  }
}
db.close();
Atomics.store(word, 0, ${CLOSED});
Atomics.notify(word, 0);
`;

/**
 * Copies the write-ahead log into the database on a worker thread. SQLite's own automatic
 * checkpoint runs inside whichever COMMIT crosses 1,000 pages, with an fsync, on the thread that
 * answers requests: under a webhook load that is a fifth of the throughput and half the p99
 * (docs/performance.md). Durability does not change: a commit is durable once it is in the log.
 */
export class WalCheckpointer {
  private readonly worker: Worker | undefined;
  private readonly word = new Int32Array(new SharedArrayBuffer(4));
  private stopped = false;

  constructor(
    private readonly db: Database.Database,
    log?: (line: string) => void,
  ) {
    if (db.memory) return;
    try {
      this.worker = new Worker(WORKER_SOURCE, {
        eval: true,
        workerData: {
          module: sqliteModulePath(),
          binding: loadSqliteBinding(),
          file: db.name,
          intervalMs: INTERVAL_MS,
          signal: this.word.buffer,
        },
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
    if (this.worker && !this.stopped && Atomics.compareExchange(this.word, 0, IDLE, COMMITTED) === IDLE) Atomics.notify(this.word, 0);
  }

  /**
   * Stops the worker and waits (at most CLOSE_WAIT_MS) for it to close its connection, so that the
   * store's own close is the last one: only the last connection to close removes the write-ahead log.
   */
  stop(): void {
    if (this.stopped) return;
    this.stopped = true;
    if (!this.worker) return;
    Atomics.store(this.word, 0, STOP);
    Atomics.notify(this.word, 0);
    const until = performance.now() + CLOSE_WAIT_MS;
    while (Atomics.load(this.word, 0) === STOP && performance.now() < until) Atomics.wait(this.word, 0, STOP, CLOSE_WAIT_MS);
  }

  private fallBack(): void {
    this.stopped = true;
    if (this.db.open) this.db.pragma('wal_autocheckpoint = 1000');
  }
}
