import { isUtf8 } from 'node:buffer';
import type Database from 'better-sqlite3';
import type { CapturedBody, Diagnosis, Exchange, ExchangeDirection, ExchangeKind, HeaderList } from '../../shared/contract/exchange';

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
  limit: number;
}

/** How many of the newest matches a filtered search walks before it turns to the set of all matches. */
const SEARCH_WINDOW = 20_000;

/** Each word as an FTS5 phrase (quotes doubled), so user text is never read as query syntax. */
function searchQuery(text: string): string {
  return text
    .split(/\s+/)
    .filter(Boolean)
    .map((word) => `"${word.replace(/"/g, '""')}"`)
    .join(' ');
}

interface ExchangeRow {
  id: number;
  direction: ExchangeDirection;
  kind: ExchangeKind;
  method: string;
  url: string;
  status: number | null;
  request_headers: string;
  request_body: Buffer | null;
  request_body_size: number;
  request_body_truncated: number;
  response_headers: string;
  response_body: Buffer | null;
  response_body_size: number;
  response_body_truncated: number;
  started_at: number;
  duration_ms: number;
  error: string | null;
  error_id: string | null;
  diagnosis: string;
  hook_id: string | null;
  command_id: string | null;
  post_id: string | null;
}

export class ExchangeLog {
  private readonly insert: Database.Statement;
  private readonly appendDiagnosis: Database.Statement;

  constructor(private readonly db: Database.Database) {
    this.insert = db.prepare(`INSERT INTO exchanges (direction, kind, method, url, status, request_headers, request_body,
      request_body_size, request_body_truncated, response_headers, response_body, response_body_size, response_body_truncated,
      started_at, duration_ms, error, error_id, diagnosis, hook_id, command_id, post_id)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
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
      JSON.stringify(e.requestHeaders),
      capped(e.requestBody),
      requestSize,
      requestSize > BODY_CAP_BYTES || requestSize > e.requestBody.length ? 1 : 0,
      JSON.stringify(e.responseHeaders),
      capped(e.responseBody),
      e.responseBody.length,
      e.responseBody.length > BODY_CAP_BYTES ? 1 : 0,
      e.startedAt,
      e.durationMs,
      e.error ?? null,
      e.errorId ?? null,
      JSON.stringify(e.diagnosis ?? []),
      e.hookId ?? null,
      e.commandId ?? null,
      e.postId ?? null,
    );
    return Number(result.lastInsertRowid);
  }

  /** Adds a finding to a stored exchange (what came of an integration's answer, decided after it was stored). */
  addDiagnosis(id: number, diagnosis: Diagnosis): void {
    this.appendDiagnosis.run(JSON.stringify(diagnosis), id);
  }

  /** The newest exchanges matching the filter, newest first; indexed by kind, direction, status and full text. */
  query(filter: ExchangeFilter): Exchange[] {
    const where: string[] = [];
    const params: unknown[] = [];
    const add = (clause: string, ...values: unknown[]) => {
      where.push(clause);
      params.push(...values);
    };
    if (filter.kind) add('e.kind = ?', filter.kind);
    if (filter.direction) add('e.direction = ?', filter.direction);
    if (filter.status) add('e.status_class = ?', filter.status === 'error' ? 0 : Number(filter.status[0]));
    const text = filter.text?.trim() ? searchQuery(filter.text) : undefined;
    const range = (column: string) => [
      ...(filter.before !== undefined ? [{ clause: `${column} < ?`, value: filter.before }] : []),
      ...(filter.after !== undefined ? [{ clause: `${column} > ?`, value: filter.after }] : []),
    ];
    if (text === undefined) {
      for (const r of range('e.id')) add(r.clause, r.value);
      return this.select('FROM exchanges e', where, params, 'e.id', filter.limit);
    }
    return this.search(text, where, params, range, filter.limit);
  }

  /**
   * Full-text search, newest first. Walking the matches newest first and stopping at `limit`
   * is fastest, unless the other filters reject most of them (a common word in a rare kind):
   * then only the newest SEARCH_WINDOW matches are walked, and the rest is found the other way
   * round, from the set of all matches, whose cost is bounded by the number of matches.
   */
  private search(
    text: string,
    where: string[],
    params: unknown[],
    range: (column: string) => { clause: string; value: number }[],
    limit: number,
  ): Exchange[] {
    const ftsRange = range('s.rowid');
    const matchWhere = ['exchange_search MATCH ?', ...ftsRange.map((r) => r.clause)];
    const matchParams = [text, ...ftsRange.map((r) => r.value)];
    const fromMatches = 'FROM exchange_search s JOIN exchanges e ON e.id = s.rowid';
    if (where.length === 0) return this.select(fromMatches, matchWhere, matchParams, 's.rowid', limit);
    const bound = this.db
      .prepare(`SELECT rowid FROM exchange_search s WHERE ${matchWhere.join(' AND ')} ORDER BY rowid DESC LIMIT 1 OFFSET ${SEARCH_WINDOW}`)
      .pluck()
      .get(...matchParams) as number | undefined;
    const window = bound === undefined ? [] : ['s.rowid > ?'];
    const newest = this.select(
      fromMatches,
      [...matchWhere, ...window, ...where],
      [...matchParams, ...(bound === undefined ? [] : [bound]), ...params],
      's.rowid',
      limit,
    );
    if (bound === undefined || newest.length === limit) return newest;
    const older = this.select(
      'FROM exchanges e',
      [...where, 'e.id <= ?', 'e.id IN (SELECT rowid FROM exchange_search WHERE exchange_search MATCH ?)'],
      [...params, bound, text],
      'e.id',
      limit - newest.length,
    );
    return [...newest, ...older];
  }

  private select(from: string, where: string[], params: unknown[], order: string, limit: number): Exchange[] {
    const sql = `SELECT e.* ${from} ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY ${order} DESC LIMIT ?`;
    return (this.db.prepare(sql).all(...params, limit) as ExchangeRow[]).map(toExchange);
  }

  get(id: number): Exchange | undefined {
    const row = this.db.prepare('SELECT * FROM exchanges WHERE id = ?').get(id) as ExchangeRow | undefined;
    return row && toExchange(row);
  }

  clear(): void {
    this.db.exec('DELETE FROM exchanges');
  }
}

function capped(body: Buffer): Buffer {
  return body.length > BODY_CAP_BYTES ? body.subarray(0, BODY_CAP_BYTES) : body;
}

function toBody(data: Buffer | null, size: number, truncated: number): CapturedBody {
  const bytes = data ?? Buffer.alloc(0);
  const text = isUtf8(bytes);
  return { encoding: text ? 'utf8' : 'base64', data: bytes.toString(text ? 'utf8' : 'base64'), size, truncated: truncated === 1 };
}

function toExchange(row: ExchangeRow): Exchange {
  return {
    id: row.id,
    direction: row.direction,
    kind: row.kind,
    method: row.method,
    url: row.url,
    status: row.status,
    started_at: row.started_at,
    duration_ms: row.duration_ms,
    error_id: row.error_id,
    hook_id: row.hook_id,
    command_id: row.command_id,
    post_id: row.post_id,
    request_headers: JSON.parse(row.request_headers) as HeaderList,
    request_body: toBody(row.request_body, row.request_body_size, row.request_body_truncated),
    response_headers: JSON.parse(row.response_headers) as HeaderList,
    response_body: toBody(row.response_body, row.response_body_size, row.response_body_truncated),
    error: row.error,
    diagnosis: JSON.parse(row.diagnosis) as Diagnosis[],
  };
}
