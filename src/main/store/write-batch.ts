import type Database from 'better-sqlite3';

interface Waiter {
  /** The first transaction whose writes the waiter needs committed. */
  since: number;
  resolve: () => void;
  reject: (error: unknown) => void;
}

interface Task {
  transaction: number;
  run: () => void;
}

/** What a waiter hears when writes it depends on were undone whole (a full disk, an I/O error). */
export class WritesLostError extends Error {
  constructor(override readonly cause: unknown) {
    super(`the writes were not stored: ${(cause as Error)?.message ?? String(cause)}`);
    this.name = 'WritesLostError';
  }
}

/**
 * Group commit, one transaction per event-loop turn. `run` executes a write at once inside the
 * open transaction (as a savepoint, so a failing write undoes only itself); `durable` settles
 * after the COMMIT that makes everything written so far survive a killed process. The server
 * answers a client only after `durable`, so an acknowledged exchange is never lost, and batching
 * a turn's writes into one commit is what makes that affordable (shared/notes/perf-anchors.md, D′).
 *
 * Some failures (SQLITE_FULL, SQLITE_IOERR) make SQLite roll back the whole transaction, not the
 * failing statement: every write of the turn so far is gone. Transactions are numbered so that
 * whoever wrote into one that was lost hears of it from `durable`, instead of an answer that says
 * stored; the next write opens a new transaction, so the store recovers when the disk does.
 */
export class WriteBatch {
  private waiters: Waiter[] = [];
  private afterCommitTasks: Task[] = [];
  private scheduled = false;
  /** The number of the open transaction, or of the last one when none is open. */
  private transaction = 0;
  /** The last transaction undone whole, and why. */
  private lost = { transaction: -1, cause: undefined as unknown };

  /**
   * `onRollback` hears of every undone write, so caches kept beside the database can be dropped;
   * `onCommit` of every commit.
   */
  constructor(
    private readonly db: Database.Database,
    private readonly hooks: { onRollback?: () => void; onCommit?: () => void } = {},
  ) {}

  /** The transaction the next write joins: pass it to `durable` to cover every write made from now on. */
  mark(): number {
    return this.db.inTransaction ? this.transaction : this.transaction + 1;
  }

  run<T>(fn: () => T): T {
    return this.runStatement(this.db.transaction(fn));
  }

  /**
   * Like `run`, for a write of one statement: SQLite undoes a failing statement by itself, so it
   * needs no savepoint of its own (two fewer statements on every request's path).
   */
  runStatement<T>(fn: () => T): T {
    this.begin();
    try {
      return fn();
    } catch (error) {
      if (!this.db.inTransaction) this.lose(error);
      this.hooks.onRollback?.();
      throw error;
    }
  }

  /**
   * Settles once the writes made since `since` (a `mark()`)
   * are committed; rejects with WritesLostError when any of them were undone.
   * Without `since`, it covers what the open transaction holds (nothing when none is open).
   */
  durable(since = this.mark()): Promise<void> {
    if (this.lost.transaction >= since) return Promise.reject(new WritesLostError(this.lost.cause));
    if (!this.db.inTransaction) return Promise.resolve();
    this.schedule();
    return new Promise((resolve, reject) => this.waiters.push({ since, resolve, reject }));
  }

  /** Runs `task` once what was written so far is committed (at once when nothing is pending); dropped on rollback. */
  afterCommit(task: () => void): void {
    if (!this.db.inTransaction) {
      queueMicrotask(task);
      return;
    }
    this.afterCommitTasks.push({ transaction: this.transaction, run: task });
    this.schedule();
  }

  /** Commits now; used on shutdown. */
  flush(): void {
    this.scheduled = false;
    const waiters = this.waiters;
    const tasks = this.afterCommitTasks;
    this.waiters = [];
    this.afterCommitTasks = [];
    let committed = false;
    if (this.db.inTransaction) {
      try {
        this.db.exec('COMMIT');
        committed = true;
      } catch (error) {
        if (this.db.inTransaction) this.db.exec('ROLLBACK');
        this.lose(error);
        this.hooks.onRollback?.();
      }
    }
    if (committed) this.hooks.onCommit?.();
    const lost = this.lost;
    for (const waiter of waiters) {
      if (lost.transaction >= waiter.since) waiter.reject(new WritesLostError(lost.cause));
      else waiter.resolve();
    }
    // A transaction is only ever opened again within a turn after the previous one was lost.
    for (const task of tasks) if (task.transaction > lost.transaction) task.run();
  }

  private begin(): void {
    if (!this.db.inTransaction) {
      this.db.exec('BEGIN IMMEDIATE');
      this.transaction++;
    }
    this.schedule();
  }

  private lose(cause: unknown): void {
    this.lost = { transaction: this.transaction, cause };
  }

  private schedule(): void {
    if (this.scheduled) return;
    this.scheduled = true;
    setImmediate(() => this.flush());
  }
}
