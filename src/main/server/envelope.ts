import type { ServerResponse } from 'node:http';
import type { HeaderList } from '../../shared/contract/exchange';
import type { Reply } from './http-types';

/** Mattermost's X-Version-Id: version, build number, config hash, enterprise flag. */
export const VERSION_ID = '11.6.0.mockmost.0.false';

export interface OutgoingResponse {
  status: number;
  headers: Record<string, string | string[]>;
  body: Buffer;
}

/** Adds the headers every Mattermost response carries (server/channels/web/handlers.go: Handler.ServeHTTP). */
export function withEnvelope(method: string, requestId: string | undefined, reply: Reply): OutgoingResponse {
  const headers: Record<string, string | string[]> = {
    'X-Version-Id': VERSION_ID,
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    ...reply.headers,
  };
  if (requestId !== undefined) headers['X-Request-Id'] = requestId;
  if (method === 'GET') headers.Expires = '0';
  return { status: reply.status, headers, body: toBuffer(reply.body) };
}

export function send(res: ServerResponse, method: string, out: OutgoingResponse): void {
  res.writeHead(out.status, { ...out.headers, 'Content-Length': out.body.length });
  res.end(method === 'HEAD' ? undefined : out.body);
}

export function toHeaderList(headers: Record<string, string | string[]>): HeaderList {
  return Object.entries(headers).flatMap(([name, value]) =>
    (Array.isArray(value) ? value : [value]).map((v): [string, string] => [name, v]),
  );
}

export function toBuffer(body: string | Buffer | undefined): Buffer {
  if (body === undefined) return Buffer.alloc(0);
  return typeof body === 'string' ? Buffer.from(body, 'utf8') : body;
}
