import type Database from 'better-sqlite3';

const META_KEY = 'search_indexed_id';
const CHUNK = 200;
const EVERY_MS = 500;
/** Indexing waits until no request has come for this long, so it never slows traffic down. */
const QUIET_MS = 250;

/**
 * Keeps the full-text index of captured exchanges up to date off the hot path: captures are
 * indexed a chunk at a time whenever traffic pauses, and a search first catches up with what is left.
 */
export class SearchIndex {
  private readonly indexed: Database.Statement;
  private readonly pending: Database.Statement;
  private readonly advance: Database.Statement;
  private timer: NodeJS.Timeout | undefined;
  private lastActivity = 0;

  constructor(
    private readonly db: Database.Database,
    private readonly inBatch: <T>(fn: () => T) => T,
  ) {
    this.indexed = db.prepare('SELECT CAST(value AS INTEGER) FROM meta WHERE key = ?').pluck();
    this.pending = db.prepare(`INSERT INTO exchange_search (rowid, url, request_body, response_body)
      SELECT id, url, substr(CAST(request_body AS TEXT), 1, 65536), substr(CAST(response_body AS TEXT), 1, 65536)
      FROM exchanges WHERE id > ? ORDER BY id LIMIT ?`);
    this.advance = db.prepare(
      'INSERT OR REPLACE INTO meta (key, value) VALUES (?, (SELECT coalesce(max(id), ?) FROM (SELECT id FROM exchanges WHERE id > ? ORDER BY id LIMIT ?)))',
    );
  }

  /** Called for every request: the background indexer keeps out of the way while traffic flows. */
  touch(): void {
    this.lastActivity = Date.now();
  }

  start(): void {
    const idleStep = () => {
      if (this.timer === undefined || Date.now() - this.lastActivity < QUIET_MS) return;
      if (this.step()) setImmediate(idleStep);
    };
    this.timer = setInterval(idleStep, EVERY_MS);
    this.timer.unref();
  }

  stop(): void {
    clearInterval(this.timer);
    this.timer = undefined;
  }

  /** Indexes one chunk; answers whether more may be waiting. */
  step(): boolean {
    return this.inBatch(() => {
      const from = (this.indexed.get(META_KEY) as number | undefined) ?? 0;
      const added = this.pending.run(from, CHUNK).changes;
      this.advance.run(META_KEY, from, from, CHUNK);
      return added === CHUNK;
    });
  }

  /** Everything captured so far becomes searchable (before a search runs). */
  catchUp(): void {
    while (this.step());
  }
}
