import type Database from 'better-sqlite3';
import { deepFreeze } from '../base/deep-freeze';
import { StatementCache } from './statement-cache';

/**
 * A table of Mattermost objects kept whole as JSON in `doc`, with the columns that lookups need
 * copied out of the object on write. Keeps each repository a few lines instead of a mapper: a
 * repository (repositories.ts) names each query it answers, and only it writes SQL conditions.
 */
export class DocTable<T extends { id: string }> {
  private readonly upsert: Database.Statement;
  private readonly byId: Database.Statement;
  private readonly deleteById: Database.Statement;
  private readonly statements: StatementCache;
  /**
   * Documents read by id, parsed once and frozen, for the small tables every request reads
   * (hooks, channels, users): a lookup costs a map read instead of a query and a JSON.parse.
   * Frozen, so a caller that changes one must copy it, as every put already does.
   */
  private readonly docs: Map<string, T> | undefined;

  constructor(
    protected readonly db: Database.Database,
    readonly table: string,
    private readonly columns: readonly (keyof T & string)[],
    { cached = false } = {},
  ) {
    this.docs = cached ? new Map() : undefined;
    this.statements = new StatementCache(db);
    const all = ['id', ...columns, 'doc'];
    const updates = [...columns, 'doc'].map((c) => `${c} = excluded.${c}`).join(', ');
    this.upsert = db.prepare(
      `INSERT INTO ${table} (${all.join(', ')}) VALUES (${all.map(() => '?').join(', ')}) ON CONFLICT(id) DO UPDATE SET ${updates}`,
    );
    this.byId = db.prepare(`SELECT doc FROM ${table} WHERE id = ?`).pluck();
    this.deleteById = db.prepare(`DELETE FROM ${table} WHERE id = ?`);
  }

  put(doc: T): T {
    this.upsert.run(doc.id, ...this.columns.map((c) => toSql(doc[c])), JSON.stringify(doc));
    this.docs?.set(doc.id, deepFreeze(doc));
    return doc;
  }

  get(id: string): T | undefined {
    const known = this.docs?.get(id);
    if (known) return known;
    const text = this.byId.get(id) as string | undefined;
    if (text === undefined) return undefined;
    const doc = JSON.parse(text) as T;
    this.docs?.set(id, deepFreeze(doc));
    return doc;
  }

  /** Drops the parsed documents: after a rollback, or a write that bypassed `put`. */
  forget(): void {
    this.docs?.clear();
  }

  /** Objects matching a SQL condition over the lookup columns, e.g. `where('name = ?', n)`. */
  protected where(condition: string, ...params: unknown[]): T[] {
    return (this.statement(`SELECT doc FROM ${this.table} WHERE ${condition}`).all(...params) as string[]).map(
      (doc) => JSON.parse(doc) as T,
    );
  }

  protected first(condition: string, ...params: unknown[]): T | undefined {
    return this.where(`${condition} LIMIT 1`, ...params)[0];
  }

  delete(id: string): void {
    this.deleteById.run(id);
    this.docs?.delete(id);
  }

  private statement(sql: string): Database.Statement {
    return this.statements.get(sql).pluck();
  }
}

function toSql(value: unknown): unknown {
  if (typeof value === 'boolean') return value ? 1 : 0;
  return value ?? null;
}
