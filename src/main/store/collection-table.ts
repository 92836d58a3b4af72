import type Database from 'better-sqlite3';
import type { Collection } from '../../shared/contract/collection';
import type { CollectionSummary } from '../../shared/contract/control-api';

/** Collections saved from the traffic view or imported, newest first. */
export class CollectionTable {
  private readonly insert: Database.Statement;
  private readonly byId: Database.Statement;
  private readonly list: Database.Statement;
  private readonly remove: Database.Statement;

  constructor(db: Database.Database) {
    this.insert = db.prepare('INSERT INTO collections (name, created_at, doc) VALUES (?, ?, ?)');
    this.byId = db.prepare('SELECT doc FROM collections WHERE id = ?').pluck();
    this.list = db.prepare("SELECT id, name, created_at, json_array_length(doc, '$.entries') AS entries FROM collections ORDER BY id DESC");
    this.remove = db.prepare('DELETE FROM collections WHERE id = ?');
  }

  add(name: string, collection: Collection): number {
    return Number(this.insert.run(name, Date.now(), JSON.stringify(collection)).lastInsertRowid);
  }

  get(id: number): Collection | undefined {
    const doc = this.byId.get(id) as string | undefined;
    return doc === undefined ? undefined : (JSON.parse(doc) as Collection);
  }

  all(): CollectionSummary[] {
    return this.list.all() as CollectionSummary[];
  }

  delete(id: number): boolean {
    return this.remove.run(id).changes > 0;
  }
}
