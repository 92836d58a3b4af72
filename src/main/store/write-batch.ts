import type Database from 'better-sqlite3';

interface Waiter {
  resolve: () => void;
  reject: (error: unknown) => void;
}

/**
 * Group commit, one transaction per event-loop turn. `run` executes a write at once inside the
 * open transaction (as a savepoint, so a failing write undoes only itself); `durable` settles
 * after the COMMIT that makes everything written so far survive a killed process. The server
 * answers a client only after `durable`, so an acknowledged exchange is never lost, and batching
 * a turn's writes into one commit is what makes that affordable (shared/notes/perf-anchors.md, D′).
 */
export class WriteBatch {
  private waiters: Waiter[] = [];
  private afterCommitTasks: (() => void)[] = [];
  private scheduled = false;

  /** `onRollback` hears of every undone write, so caches kept beside the database can be dropped. */
  constructor(
    private readonly db: Database.Database,
    private readonly onRollback: () => void = () => {},
  ) {}

  run<T>(fn: () => T): T {
    if (!this.db.inTransaction) this.db.exec('BEGIN IMMEDIATE');
    this.schedule();
    try {
      return this.db.transaction(fn)();
    } catch (error) {
      this.onRollback();
      throw error;
    }
  }

  durable(): Promise<void> {
    if (!this.db.inTransaction) return Promise.resolve();
    this.schedule();
    return new Promise((resolve, reject) => this.waiters.push({ resolve, reject }));
  }

  /** Runs `task` once what was written so far is committed (at once when nothing is pending); dropped on rollback. */
  afterCommit(task: () => void): void {
    if (!this.db.inTransaction) {
      queueMicrotask(task);
      return;
    }
    this.afterCommitTasks.push(task);
    this.schedule();
  }

  /** Commits now; used on shutdown. */
  flush(): void {
    this.scheduled = false;
    const waiters = this.waiters;
    const tasks = this.afterCommitTasks;
    this.waiters = [];
    this.afterCommitTasks = [];
    let failure: unknown;
    if (this.db.inTransaction) {
      try {
        this.db.exec('COMMIT');
      } catch (error) {
        failure = error;
        if (this.db.inTransaction) this.db.exec('ROLLBACK');
        this.onRollback();
      }
    }
    for (const waiter of waiters) {
      if (failure === undefined) waiter.resolve();
      else waiter.reject(failure);
    }
    if (failure === undefined) for (const task of tasks) task();
  }

  private schedule(): void {
    if (this.scheduled) return;
    this.scheduled = true;
    setImmediate(() => this.flush());
  }
}
