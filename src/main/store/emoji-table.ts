import type Database from 'better-sqlite3';

/** A custom emoji as the API answers it (server/public/model/emoji.go: Emoji). */
export interface CustomEmoji {
  id: string;
  create_at: number;
  update_at: number;
  delete_at: number;
  creator_id: string;
  name: string;
}

export interface StoredEmoji extends CustomEmoji {
  image_hash: string;
  /** The image's format as Go's image package names it: png, jpeg, gif. */
  image_type: string;
}

const PUBLIC = 'id, create_at, update_at, delete_at, creator_id, name';

export class EmojiTable {
  private readonly insert: Database.Statement;
  private readonly byId: Database.Statement;
  private readonly byName: Database.Statement;
  private readonly page: Database.Statement;
  private readonly pageByName: Database.Statement;
  private readonly remove: Database.Statement;
  private readonly hashUsed: Database.Statement;
  private readonly matching: Database.Statement;

  constructor(private readonly db: Database.Database) {
    this.insert = db.prepare(`INSERT INTO custom_emoji (id, creator_id, name, create_at, update_at, delete_at, image_hash, image_type)
      VALUES (@id, @creator_id, @name, @create_at, @update_at, 0, @image_hash, @image_type)`);
    this.byId = db.prepare(`SELECT ${PUBLIC}, image_hash, image_type FROM custom_emoji WHERE id = ? AND delete_at = 0`);
    this.byName = db.prepare(`SELECT ${PUBLIC}, image_hash, image_type FROM custom_emoji WHERE name = ? AND delete_at = 0`);
    this.page = db.prepare(`SELECT ${PUBLIC} FROM custom_emoji WHERE delete_at = 0 ORDER BY create_at, id LIMIT ? OFFSET ?`);
    this.pageByName = db.prepare(`SELECT ${PUBLIC} FROM custom_emoji WHERE delete_at = 0 ORDER BY name LIMIT ? OFFSET ?`);
    this.remove = db.prepare('UPDATE custom_emoji SET delete_at = ?, update_at = ? WHERE id = ? AND delete_at = 0');
    this.hashUsed = db.prepare('SELECT 1 FROM custom_emoji WHERE image_hash = ? LIMIT 1').pluck();
    // Case-sensitive, as Mattermost's LIKE on PostgreSQL; instr/substr need no escaping of % and _.
    this.matching = db.prepare(`SELECT ${PUBLIC} FROM custom_emoji WHERE delete_at = 0
      AND (CASE WHEN @prefix THEN substr(name, 1, length(@term)) = @term ELSE instr(name, @term) > 0 END)
      ORDER BY name LIMIT @limit`);
  }

  save(emoji: StoredEmoji): void {
    this.insert.run(emoji);
  }

  get(id: string): StoredEmoji | undefined {
    return this.byId.get(id) as StoredEmoji | undefined;
  }

  named(name: string): StoredEmoji | undefined {
    return this.byName.get(name) as StoredEmoji | undefined;
  }

  list(limit: number, offset: number, byName: boolean): CustomEmoji[] {
    return (byName ? this.pageByName : this.page).all(limit, offset) as CustomEmoji[];
  }

  /** Those whose name starts with `term` (or contains it), by name, at most `limit` (store/sqlstore/emoji_store.go: Search). */
  search(term: string, prefixOnly: boolean, limit: number): CustomEmoji[] {
    return this.matching.all({ term, prefix: prefixOnly ? 1 : 0, limit }) as CustomEmoji[];
  }

  /** The ones with these names that exist, by name. */
  withNames(names: readonly string[]): CustomEmoji[] {
    if (names.length === 0) return [];
    return this.db
      .prepare(`SELECT ${PUBLIC} FROM custom_emoji WHERE delete_at = 0 AND name IN (${names.map(() => '?').join(', ')}) ORDER BY name`)
      .all(...names) as CustomEmoji[];
  }

  delete(id: string, now: number): void {
    this.remove.run(now, now, id);
  }

  usesBlob(hash: string): boolean {
    return this.hashUsed.get(hash) !== undefined;
  }
}
