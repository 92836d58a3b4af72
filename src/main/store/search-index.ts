import type Database from 'better-sqlite3';
import { PART, unpack } from './exchange-packing';

/** The `meta` row recording how far the index has got; it belongs to the exchanges, not the workspace. */
export const SEARCH_PROGRESS_KEY = 'search_indexed_id';
const CHUNK = 200;
/** A search waiting on the index takes bigger chunks: fewer commits, still a short pause for traffic. */
const CATCH_UP_CHUNK = 1000;

/** One body's indexed text: as sent (a payload, or an exchange from before migration 0017), or packed. */
const bodyText = (column: string, part: number) =>
  `CASE WHEN k.id IS NULL THEN substr(CAST(coalesce(p.${column}, e.${column}) AS TEXT), 1, 65536)
   ELSE packed_text(k.packed, k.packing, ${part}) END`;

/**
 * Keeps the full-text index of captured exchanges up to date off the hot path: captures are
 * indexed a chunk at a time whenever traffic pauses (`step`, run by IdleWork), and a search first
 * catches up with what is left.
 */
export class SearchIndex {
  private readonly indexed: Database.Statement;
  private readonly indexChunk: Database.Statement;
  private readonly advance: Database.Statement;
  private readonly newestId: Database.Statement;

  constructor(
    private readonly db: Database.Database,
    private readonly inBatch: <T>(fn: () => T) => T,
  ) {
    // The index holds the first 64 K characters of each body. The packer packs only what is
    // indexed, but an exchange packed before it was indexed (a copied store) is read all the same.
    db.function('packed_text', { deterministic: true }, (packed: unknown, packing: unknown, part: unknown) => {
      const body = unpack(packed as Buffer, packing as number)[part as number]!;
      return body.toString().slice(0, 65536);
    });
    this.indexed = db.prepare('SELECT CAST(value AS INTEGER) FROM meta WHERE key = ?').pluck();
    this.indexChunk = db.prepare(`INSERT INTO exchange_search (rowid, url, request_body, response_body)
      SELECT e.id, e.url, ${bodyText('request_body', PART.requestBody)}, ${bodyText('response_body', PART.responseBody)}
      FROM exchanges e LEFT JOIN exchange_payloads p ON p.id = e.id LEFT JOIN exchange_packed k ON k.id = e.id
      WHERE e.id > ? ORDER BY e.id LIMIT ?`);
    this.newestId = db.prepare('SELECT coalesce(max(id), 0) FROM exchanges').pluck();
    this.advance = db.prepare(
      'INSERT OR REPLACE INTO meta (key, value) VALUES (?, (SELECT coalesce(max(id), ?) FROM (SELECT id FROM exchanges WHERE id > ? ORDER BY id LIMIT ?)))',
    );
  }

  /** Indexes one chunk; answers whether more may be waiting. */
  step(size = CHUNK): boolean {
    return this.inBatch(() => {
      const from = this.indexedUpTo();
      const added = this.indexChunk.run(from, size).changes;
      this.advance.run(SEARCH_PROGRESS_KEY, from, from, size);
      return added === size;
    });
  }

  /** The id up to which exchanges are searchable. */
  indexedUpTo(): number {
    return (this.indexed.get(SEARCH_PROGRESS_KEY) as number | undefined) ?? 0;
  }

  /** How many captured exchanges are not searchable yet. */
  pending(): number {
    return Math.max(0, (this.newestId.get() as number) - this.indexedUpTo());
  }

  /**
   * Makes what was captured before the call searchable, a chunk per event-loop turn so that
   * traffic keeps being served meanwhile (a store filled under unbroken load can hold a million
   * exchanges the idle-time indexer never reached). Stops early once `budgetMs` is spent, after
   * one chunk (1,000) at least; answers how many are still waiting.
   */
  async catchUp(budgetMs = Infinity): Promise<number> {
    const started = performance.now();
    const target = this.newestId.get() as number;
    while (this.indexedUpTo() < target && this.step(CATCH_UP_CHUNK)) {
      if (performance.now() - started >= budgetMs) return this.pending();
      await new Promise((resolve) => setImmediate(resolve));
    }
    return this.pending();
  }
}
