import { isUtf8 } from 'node:buffer';
import type Database from 'better-sqlite3';
import type {
  CapturedBody,
  Diagnosis,
  Exchange,
  ExchangeDirection,
  ExchangeKind,
  ExchangeSummary,
  HeaderList,
} from '../../shared/contract/exchange';
import { rawValues, unpack, type RawColumns } from './exchange-packing';

/** Bodies above this are stored cut, with `*_truncated` set and the real size kept. */
export const BODY_CAP_BYTES = 1024 * 1024;

export interface NewExchange {
  direction: ExchangeDirection;
  kind: ExchangeKind;
  method: string;
  url: string;
  status: number | null;
  requestHeaders: HeaderList;
  requestBody: Buffer;
  /** The real size when `requestBody` was already cut while reading. */
  requestBodySize?: number;
  responseHeaders: HeaderList;
  responseBody: Buffer;
  startedAt: number;
  durationMs: number;
  /** Of `durationMs`, how long the body took to arrive: the request's (inbound) or the answer's (outbound). */
  transferMs?: number | null;
  error?: string | null;
  errorId?: string | null;
  diagnosis?: Diagnosis[];
  hookId?: string | null;
  commandId?: string | null;
  postId?: string | null;
}

export interface ExchangeFilter {
  kind?: ExchangeKind;
  direction?: ExchangeDirection;
  /** A status class (`2xx`…`5xx`) or `error` for calls that got no answer. */
  status?: '1xx' | '2xx' | '3xx' | '4xx' | '5xx' | 'error';
  /** Words that must all appear in the URL or a body. */
  text?: string;
  before?: number;
  after?: number;
  /** The incoming/outgoing hook or the slash command involved. */
  hookId?: string;
  commandId?: string;
  /** Started at or after / before this time (ms since the epoch). */
  from?: number;
  to?: number;
  limit: number;
}

/** Longer than any exchange takes (integration calls time out at 30 s by default). */
const TIME_SLACK_MS = 5 * 60 * 1000;

/** A filtered search walks the matches this many at a time, newest first. */
const SEARCH_WINDOW = 10_000;
/** How many matches a bounded (list) search walks before it stops and says where it got to: tens of milliseconds. */
const SEARCH_BUDGET = 20_000;

/** Each word as an FTS5 phrase (quotes doubled), so user text is never read as query syntax. */
function searchQuery(text: string): string {
  return text
    .split(/\s+/)
    .filter(Boolean)
    .map((word) => `"${word.replace(/"/g, '""')}"`)
    .join(' ');
}

const SUMMARY_COLUMNS =
  'e.id, e.direction, e.kind, e.method, e.url, e.status, e.started_at, e.duration_ms, e.error_id, e.hook_id, e.command_id, e.post_id, e.diagnosis';

/** A summary as stored: the diagnosis list is JSON text. */
type SummaryRow = Omit<ExchangeSummary, 'diagnosis'> & { diagnosis: string };

/** An exchanges row; its headers and bodies are empty unless it was stored before migration 0017. */
interface ExchangeRow extends SummaryRow, RawColumns {
  request_body_size: number;
  request_body_truncated: number;
  response_body_size: number;
  response_body_truncated: number;
  transfer_ms: number | null;
  error: string | null;
}

/** Keep the search index and the payloads free of deleted exchanges (retention); as migrations 0005 and 0017 created them. */
const DELETE_TRIGGERS = `CREATE TRIGGER exchange_search_delete AFTER DELETE ON exchanges BEGIN
  DELETE FROM exchange_search WHERE rowid = old.id;
END;
CREATE TRIGGER exchange_payload_delete AFTER DELETE ON exchanges BEGIN
  DELETE FROM exchange_payloads WHERE id = old.id;
  DELETE FROM exchange_packed WHERE id = old.id;
END;`;

export class ExchangeLog {
  private readonly insert: Database.Statement;
  /**
   * The payload tables' statements; undefined in a store still at schema 16 or older, which
   * `mockmost export` reads without migrating: its exchanges hold their payloads themselves.
   */
  private readonly payloads: { insert: Database.Statement; raw: Database.Statement; packed: Database.Statement } | undefined;
  private readonly appendDiagnosis: Database.Statement;
  private readonly countById: Database.Statement;
  private readonly deleteOne: Database.Statement;
  private readonly noteHole: Database.Statement;

  constructor(private readonly db: Database.Database) {
    this.insert = db.prepare(`INSERT INTO exchanges (direction, kind, method, url, status, request_headers, request_body,
      request_body_size, request_body_truncated, response_headers, response_body, response_body_size, response_body_truncated,
      started_at, duration_ms, transfer_ms, error, error_id, diagnosis, hook_id, command_id, post_id)
      VALUES (?, ?, ?, ?, ?, '', NULL, ?, ?, '', NULL, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
    const moved = db.prepare("SELECT 1 FROM sqlite_schema WHERE name = 'exchange_packed'").get() !== undefined;
    this.payloads = moved
      ? {
          insert: db.prepare(
            'INSERT INTO exchange_payloads (id, request_headers, request_body, response_headers, response_body) VALUES (?, ?, ?, ?, ?)',
          ),
          raw: db.prepare('SELECT request_headers, request_body, response_headers, response_body FROM exchange_payloads WHERE id = ?'),
          packed: db.prepare('SELECT packing, packed FROM exchange_packed WHERE id = ?'),
        }
      : undefined;
    this.countById = db
      .prepare(
        `SELECT coalesce(max(id) - min(id) + 1, 0)
           - (SELECT count(*) FROM deleted_exchanges WHERE id BETWEEN (SELECT min(id) FROM exchanges) AND (SELECT max(id) FROM exchanges))
         FROM exchanges`,
      )
      .pluck();
    this.deleteOne = db.prepare('DELETE FROM exchanges WHERE id = ?');
    this.noteHole = db.prepare('INSERT OR IGNORE INTO deleted_exchanges (id) VALUES (?)');
    this.appendDiagnosis = db.prepare("UPDATE exchanges SET diagnosis = json_insert(diagnosis, '$[#]', json(?)) WHERE id = ?");
  }

  /** Writes one exchange; call inside the write batch so it commits with what it caused. */
  record(e: NewExchange): number {
    const requestSize = e.requestBodySize ?? e.requestBody.length;
    const result = this.insert.run(
      e.direction,
      e.kind,
      e.method,
      e.url,
      e.status,
      requestSize,
      requestSize > BODY_CAP_BYTES || requestSize > e.requestBody.length ? 1 : 0,
      e.responseBody.length,
      e.responseBody.length > BODY_CAP_BYTES ? 1 : 0,
      e.startedAt,
      e.durationMs,
      e.transferMs ?? null,
      e.error ?? null,
      e.errorId ?? null,
      JSON.stringify(e.diagnosis ?? []),
      e.hookId ?? null,
      e.commandId ?? null,
      e.postId ?? null,
    );
    const id = Number(result.lastInsertRowid);
    this.payloads!.insert.run(
      id,
      JSON.stringify(e.requestHeaders),
      capped(e.requestBody),
      JSON.stringify(e.responseHeaders),
      capped(e.responseBody),
    );
    return id;
  }

  /** Adds a finding to a stored exchange (what came of an integration's answer, decided after it was stored). */
  addDiagnosis(id: number, diagnosis: Diagnosis): void {
    this.appendDiagnosis.run(JSON.stringify(diagnosis), id);
  }

  /** The newest exchanges matching the filter, newest first; indexed by kind, direction, status and full text. */
  query(filter: ExchangeFilter): Exchange[] {
    return this.oneRead(() => (this.rows(filter, 'e.*', Infinity).rows as ExchangeRow[]).map((row) => this.toExchange(row)));
  }

  /**
   * Reads an exchange and its payload in one snapshot: another process (a `mockmost serve` beside
   * `mockmost export`) may pack or delete it between the statements otherwise.
   */
  private oneRead<T>(read: () => T): T {
    return this.db.transaction(read)();
  }

  /**
   * As query, without headers and bodies (what a list shows, a fraction of the bytes), and with
   * bounded work: a filtered search stops after walking SEARCH_BUDGET matches, and then
   * `continueBefore` says where to ask again (`before`) for older matches.
   */
  summaries(filter: ExchangeFilter): { items: ExchangeSummary[]; continueBefore?: number } {
    const { rows, continueBefore } = this.rows(filter, SUMMARY_COLUMNS, SEARCH_BUDGET);
    return { items: (rows as SummaryRow[]).map(toSummary), ...(continueBefore !== undefined ? { continueBefore } : {}) };
  }

  private rows(filter: ExchangeFilter, columns: string, budget: number): { rows: unknown[]; continueBefore?: number } {
    const where: string[] = [];
    const params: unknown[] = [];
    const add = (clause: string, ...values: unknown[]) => {
      where.push(clause);
      params.push(...values);
    };
    if (filter.kind) add('e.kind = ?', filter.kind);
    if (filter.direction) add('e.direction = ?', filter.direction);
    if (filter.status) add('e.status_class = ?', filter.status === 'error' ? 0 : Number(filter.status[0]));
    if (filter.hookId) add('e.hook_id = ?', filter.hookId);
    if (filter.commandId) add('e.command_id = ?', filter.commandId);
    if (filter.from !== undefined || filter.to !== undefined) {
      if (filter.from !== undefined) add('e.started_at >= ?', filter.from);
      if (filter.to !== undefined) add('e.started_at < ?', filter.to);
      // Times have no index (it would slow every capture down); ids grow with time, so the
      // range is first narrowed to ids, and the exact times are checked within it.
      const [low, high] = this.idRange(filter.from, filter.to);
      add('e.id BETWEEN ? AND ?', low, high);
    }
    const text = filter.text?.trim() ? searchQuery(filter.text) : undefined;
    if (text === undefined) {
      if (filter.after !== undefined) add('e.id > ?', filter.after);
      if (filter.before !== undefined) add('e.id < ?', filter.before);
      return { rows: this.select(columns, 'FROM exchanges e', where, params, filter.limit) };
    }
    const { before, after, limit } = filter;
    return this.search({ columns, text, where, params, before, after, limit, budget });
  }

  /**
   * Full-text search, newest first. Walking the matches newest first and stopping at `limit`
   * is fastest, unless the other filters reject most of them (a common word in a rare kind).
   * So the matches are walked a window at a time; past the budget, a bounded search stops and
   * says where it got to, and a complete one finds the rest the other way round, from the set
   * of all older matches (a cost that grows with the number of matches, not of exchanges).
   */
  private search(q: {
    columns: string;
    text: string;
    where: string[];
    params: unknown[];
    before: number | undefined;
    after: number | undefined;
    limit: number;
    budget: number;
  }): { rows: unknown[]; continueBefore?: number } {
    const fromMatches = 'FROM exchange_search s JOIN exchanges e ON e.id = s.rowid';
    const rows: unknown[] = [];
    let before = q.before;
    for (let walked = 0; rows.length < q.limit; walked += SEARCH_WINDOW) {
      // The matches still to walk: below where the last window ended, above `after`.
      const range = [...(before === undefined ? [] : ['s.rowid < ?']), ...(q.after === undefined ? [] : ['s.rowid > ?'])];
      const rangeValues = [...(before === undefined ? [] : [before]), ...(q.after === undefined ? [] : [q.after])];
      if (walked >= q.budget) return { rows, continueBefore: before };
      if (walked > 0 && q.budget === Infinity) {
        const older = this.select(
          q.columns,
          'FROM exchanges e',
          [
            ...q.where,
            ...range.map((c) => c.replace('s.rowid', 'e.id')),
            'e.id IN (SELECT rowid FROM exchange_search WHERE exchange_search MATCH ?)',
          ],
          [...q.params, ...rangeValues, q.text],
          q.limit - rows.length,
        );
        return { rows: [...rows, ...older] };
      }
      // Without other filters every match counts: no window needed.
      const bound =
        q.where.length === 0
          ? undefined
          : (this.db
              .prepare(
                `SELECT rowid FROM exchange_search s WHERE exchange_search MATCH ? ${range.map((c) => `AND ${c}`).join(' ')} ORDER BY rowid DESC LIMIT 1 OFFSET ${SEARCH_WINDOW}`,
              )
              .pluck()
              .get(q.text, ...rangeValues) as number | undefined);
      const window = bound === undefined ? [] : ['s.rowid > ?'];
      rows.push(
        ...this.select(
          q.columns,
          fromMatches,
          ['exchange_search MATCH ?', ...range, ...window, ...q.where],
          [q.text, ...rangeValues, ...(bound === undefined ? [] : [bound]), ...q.params],
          q.limit - rows.length,
        ),
      );
      if (bound === undefined) break;
      before = bound + 1;
    }
    return { rows };
  }

  /** Newest first: `e.id` and the search's `s.rowid` are the same number. */
  private select(columns: string, from: string, where: string[], params: unknown[], limit: number): unknown[] {
    const order = from.includes('exchange_search') ? 's.rowid' : 'e.id';
    const sql = `SELECT ${columns} ${from} ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY ${order} DESC LIMIT ?`;
    return this.db.prepare(sql).all(...params, limit);
  }

  /**
   * Ids that hold every exchange started in [from, to), found by bisecting the ids on their
   * start times. Start order and id order differ by at most a request's duration (ids are
   * given when the exchange ends), so the bounds are widened by TIME_SLACK_MS.
   */
  private idRange(from: number | undefined, to: number | undefined): [number, number] {
    const startAt = this.db.prepare('SELECT id, started_at FROM exchanges WHERE id >= ? ORDER BY id LIMIT 1');
    const { low, high } = this.db.prepare('SELECT coalesce(min(id), 0) AS low, coalesce(max(id), 0) AS high FROM exchanges').get() as {
      low: number;
      high: number;
    };
    /** The first id whose exchange started at or after `time` (high + 1 when none). */
    const firstAtOrAfter = (time: number) => {
      let lo = low;
      let hi = high + 1;
      while (lo < hi) {
        const mid = Math.floor((lo + hi) / 2);
        const row = startAt.get(mid) as { id: number; started_at: number } | undefined;
        if (!row || row.started_at >= time) hi = mid;
        else lo = row.id + 1;
      }
      return lo;
    };
    return [from === undefined ? low : firstAtOrAfter(from - TIME_SLACK_MS), to === undefined ? high : firstAtOrAfter(to + TIME_SLACK_MS)];
  }

  get(id: number): Exchange | undefined {
    return this.oneRead(() => {
      const row = this.db.prepare('SELECT * FROM exchanges WHERE id = ?').get(id) as ExchangeRow | undefined;
      return row && this.toExchange(row);
    });
  }

  /**
   * How many exchanges are stored, without reading the table: exchanges are deleted oldest first
   * (retention) or all at once, so the id range is full but for the few deleted one at a time,
   * which are listed apart.
   */
  count(): number {
    return this.countById.get() as number;
  }

  /** Deletes one exchange (call inside the write batch); answers whether there was one. */
  delete(id: number): boolean {
    const deleted = this.deleteOne.run(id).changes > 0;
    if (deleted) this.noteHole.run(id);
    return deleted;
  }

  /**
   * Deletes every exchange; call inside the write batch. Row by row, the search index's delete
   * trigger held the database (and so all traffic) for fifteen seconds over a million exchanges;
   * without it SQLite drops the whole table at once, and the index is emptied in one command.
   */
  clear(): void {
    this.db.exec(`DROP TRIGGER exchange_search_delete;
      DROP TRIGGER exchange_payload_delete;
      DELETE FROM exchanges;
      DELETE FROM exchange_payloads;
      DELETE FROM exchange_packed;
      DELETE FROM deleted_exchanges;
      INSERT INTO exchange_search (exchange_search) VALUES ('delete-all');
      ${DELETE_TRIGGERS}`);
  }

  /** The headers' JSON and the bodies: packed, as sent, or (stored before migration 0017) in the row itself. */
  private storedValues(row: ExchangeRow): Buffer[] {
    if (!this.payloads) return rawValues(row);
    const packed = this.payloads.packed.get(row.id) as { packing: number; packed: Buffer } | undefined;
    if (packed) return unpack(packed.packed, packed.packing);
    return rawValues((this.payloads.raw.get(row.id) as RawColumns | undefined) ?? row);
  }

  private toExchange(row: ExchangeRow): Exchange {
    const [requestHeaders, requestBody, responseHeaders, responseBody] = this.storedValues(row) as [Buffer, Buffer, Buffer, Buffer];
    return {
      ...toSummary(row),
      request_headers: JSON.parse(requestHeaders.toString()) as HeaderList,
      request_body: toBody(requestBody, row.request_body_size, row.request_body_truncated),
      response_headers: JSON.parse(responseHeaders.toString()) as HeaderList,
      response_body: toBody(responseBody, row.response_body_size, row.response_body_truncated),
      transfer_ms: row.transfer_ms,
      error: row.error,
    };
  }
}

function capped(body: Buffer): Buffer {
  return body.length > BODY_CAP_BYTES ? body.subarray(0, BODY_CAP_BYTES) : body;
}

function toBody(bytes: Buffer, size: number, truncated: number): CapturedBody {
  const text = isUtf8(bytes);
  return { encoding: text ? 'utf8' : 'base64', data: bytes.toString(text ? 'utf8' : 'base64'), size, truncated: truncated === 1 };
}

function toSummary(row: SummaryRow): ExchangeSummary {
  const { id, direction, kind, method, url, status, started_at, duration_ms, error_id, hook_id, command_id, post_id } = row;
  return {
    ...{ id, direction, kind, method, url, status, started_at, duration_ms, error_id, hook_id, command_id, post_id },
    diagnosis: JSON.parse(row.diagnosis) as Diagnosis[],
  };
}
