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
    if (filter.kind) add('kind = ?', filter.kind);
    if (filter.direction) add('direction = ?', filter.direction);
    if (filter.status === 'error') add('status IS NULL');
    else if (filter.status) add('status BETWEEN ? AND ?', Number(filter.status[0]) * 100, Number(filter.status[0]) * 100 + 99);
    if (filter.before !== undefined) add('id < ?', filter.before);
    if (filter.after !== undefined) add('id > ?', filter.after);
    if (filter.text?.trim()) add('id IN (SELECT rowid FROM exchange_search WHERE exchange_search MATCH ?)', searchQuery(filter.text));
    const sql = `SELECT * FROM exchanges ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY id DESC LIMIT ?`;
    return (this.db.prepare(sql).all(...params, filter.limit) as ExchangeRow[]).map(toExchange);
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
