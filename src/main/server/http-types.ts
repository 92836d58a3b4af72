import type { IncomingMessage } from 'node:http';
import type { Diagnosis, ExchangeKind } from '../../shared/contract/exchange';
import type { Core } from '../core/core';
import type { MattermostConfig } from '../workspace/config-defaults';
import { newId } from '../base/new-id';
import { readBody, type RequestBody } from './read-body';

/** What a handler answers; the HTTP layer adds the envelope headers. */
export interface Reply {
  status: number;
  headers?: Record<string, string | string[]>;
  body?: string | Buffer;
}

export interface RequestContext {
  core: Core;
  req: IncomingMessage;
  method: string;
  url: URL;
  params: Record<string, string>;
  requestId: string;
  /** Reads the body once, up to MaximumPayloadSizeBytes + 512 (server/channels/web/handlers.go: Handler.ServeHTTP's MaxBytesReader). */
  body(): Promise<RequestBody>;
  /** What the captured exchange should link to and explain; handlers fill it in. */
  capture: { kind: ExchangeKind; hookId?: string; commandId?: string; postId?: string; diagnosis: Diagnosis[] };
}

export interface RouteDef {
  method: string;
  /** `/api/v4/users/:userId`; a parameter matches one path segment of `[A-Za-z0-9]+` unless it ends in `*`. */
  path: string;
  /** The most body bytes the route reads, when not Mattermost's MaximumPayloadSizeBytes (file uploads take MaxFileSize). */
  bodyLimit?(config: MattermostConfig): number;
  handle(ctx: RequestContext): Promise<Reply> | Reply;
}

export const json = (status: number, value: unknown, headers: Record<string, string | string[]> = {}): Reply => ({
  status,
  headers: { 'Content-Type': 'application/json', ...headers },
  body: JSON.stringify(value),
});

/** A context for one request; the body is read once, on first use, up to `bodyLimit` bytes. */
export function createRequestContext(core: Core, req: IncomingMessage, url: URL, bodyLimit: number, kind: ExchangeKind): RequestContext {
  let body: Promise<RequestBody> | undefined;
  return {
    core,
    req,
    method: req.method ?? 'GET',
    url,
    params: {},
    requestId: newId(),
    body: () => (body ??= readBody(req, bodyLimit)),
    capture: { kind, diagnosis: [] },
  };
}
