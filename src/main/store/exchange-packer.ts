import type Database from 'better-sqlite3';
import { CURRENT_PACKING, pack, rawValues, type RawColumns } from './exchange-packing';

/** The `meta` row recording how far packing has got. */
export const PACKING_PROGRESS_KEY = 'packed_id';
const CHUNK = 200;
/**
 * Pages given back to the file system per step, at most (1 MB, about 20 ms). A clear frees a
 * whole history at once: given back in one go, a million exchanges' pages held every request
 * for 19 seconds.
 */
const VACUUM_PAGES = 256;

interface PayloadRow extends RawColumns {
  id: number;
}

/**
 * Compresses captured exchanges at idle time. A capture's headers and bodies are written as sent
 * (exchange_payloads), because compressing them where the request is answered cost a fifth of
 * the webhook throughput: a compression stream costs 10–20 µs to set up. Once traffic pauses,
 * they move into exchange_packed as one compressed value, a third of their size or less. Only
 * exchanges the search index has read are packed, so the indexer reads bodies as sent. The
 * pages freed go back to the file system (incremental vacuum) in a store created with
 * auto-vacuum (any created since migration 0017); an older store reuses them for new captures.
 */
export class ExchangePacker {
  private readonly progress: Database.Statement;
  private readonly payloads: Database.Statement;
  private readonly insertPacked: Database.Statement;
  private readonly deletePayloads: Database.Statement;
  private readonly advance: Database.Statement;
  private readonly freePages: Database.Statement;
  private readonly autoVacuum: boolean;

  constructor(
    private readonly db: Database.Database,
    private readonly inBatch: <T>(fn: () => T) => T,
    private readonly indexedUpTo: () => number,
  ) {
    this.autoVacuum = db.pragma('auto_vacuum', { simple: true }) !== 0;
    this.progress = db.prepare('SELECT CAST(value AS INTEGER) FROM meta WHERE key = ?').pluck();
    this.payloads = db.prepare('SELECT * FROM exchange_payloads WHERE id > ? AND id <= ? ORDER BY id LIMIT ?');
    this.insertPacked = db.prepare('INSERT INTO exchange_packed (id, packing, packed) VALUES (?, ?, ?)');
    this.deletePayloads = db.prepare('DELETE FROM exchange_payloads WHERE id = ?');
    this.advance = db.prepare('INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)');
    this.freePages = db.prepare('PRAGMA freelist_count').pluck();
  }

  /** Packs one chunk and gives pages back; answers whether more may be waiting. */
  step(size = CHUNK): boolean {
    return this.inBatch(() => {
      const upTo = this.indexedUpTo();
      const rows = this.payloads.all(this.packedUpTo(), upTo, size) as PayloadRow[];
      for (const row of rows) {
        const values = rawValues(row);
        const packed = pack(values);
        // Already compressed bodies (images, archives) stay as they are.
        if (packed.length >= values.reduce((sum, value) => sum + value.length, 0)) continue;
        this.insertPacked.run(row.id, CURRENT_PACKING, packed);
        this.deletePayloads.run(row.id);
      }
      const more = rows.length === size;
      this.advance.run(PACKING_PROGRESS_KEY, more ? rows.at(-1)!.id : upTo);
      // Without auto-vacuum (a store older than migration 0017) this does nothing, and the free pages stay for reuse.
      this.db.pragma(`incremental_vacuum(${VACUUM_PAGES})`);
      return more || (this.autoVacuum && (this.freePages.get() as number) > 0);
    });
  }

  /** The id up to which exchanges are packed (or stay as sent because packing would not shrink them). */
  private packedUpTo(): number {
    return (this.progress.get(PACKING_PROGRESS_KEY) as number | undefined) ?? 0;
  }
}
