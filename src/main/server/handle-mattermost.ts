import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ExchangeKind, HeaderList } from '../../shared/contract/exchange';
import type { Core } from '../core/core';
import { AppError } from '../workspace/app-error';
import { send, toHeaderList, withEnvelope } from './envelope';
import { createRequestContext, json, type Reply } from './http-types';
import type { Router } from './router';
import { refusedByStore, STORE_REFUSED_ID } from './store-refusal';

const DEFAULT_PAYLOAD_LIMIT = 300000;

function kindOf(path: string): ExchangeKind {
  if (path.startsWith('/hooks/commands/')) return 'response_url';
  if (path.startsWith('/hooks/')) return 'incoming_webhook';
  return 'rest';
}

/** Mattermost's answer for a path no route takes (its Handle404). */
export function notFound(path: string): AppError {
  return new AppError(
    404,
    'api.context.404.app_error',
    'Sorry, we could not find the page.',
    `There doesn't appear to be an api call for the url='${path}'.  Typo? are you missing a team_id or user_id as part of the url?`,
  );
}

export function headerList(req: IncomingMessage): HeaderList {
  const list: HeaderList = [];
  for (let i = 0; i < req.rawHeaders.length; i += 2) list.push([req.rawHeaders[i]!, req.rawHeaders[i + 1]!]);
  return list;
}

/**
 * Serves one request on Mattermost's surface: route, run, turn failures into AppError JSON,
 * record the exchange in the same commit as whatever the handler wrote, and answer only once
 * that commit is durable.
 */
export async function handleMattermost(core: Core, router: Router, req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
  const startedAt = Date.now();
  const started = performance.now();
  // Whatever this request writes joins this transaction or a later one; all must be committed before it is answered.
  const since = core.store.batch.mark();
  const config = core.config();
  const developer = config.ServiceSettings?.EnableDeveloper === true;
  const found = router.match(req.method ?? 'GET', url.pathname);
  const route = typeof found === 'object' ? found : undefined;
  const limit = route?.route.bodyLimit?.(config) ?? Number(config.ServiceSettings?.MaximumPayloadSizeBytes ?? DEFAULT_PAYLOAD_LIMIT) + 512;
  const ctx = createRequestContext(core, req, url, limit, kindOf(url.pathname));
  const { method } = ctx;

  let reply: Reply;
  let requestId: string | undefined = ctx.requestId;
  let failure: AppError | undefined;
  try {
    if (!route) throw notFound(url.pathname);
    ctx.params = route.params;
    reply = await route.route.handle(ctx);
  } catch (error) {
    failure = toAppError(error, core);
    // Mattermost's not-found handler writes its error itself: no request id, and the detail
    // (naming the path) kept even outside developer mode, which other errors lose.
    const unrouted = failure.id === 'api.context.404.app_error';
    if (unrouted) requestId = undefined;
    reply = json(failure.statusCode, failure.toBody(requestId, developer || unrouted));
  }
  const body = await ctx.body();

  let out = withEnvelope(method, requestId, reply);
  const store = core.store;
  try {
    store.batch.runStatement(() =>
      store.exchanges.record({
        direction: 'inbound',
        kind: ctx.capture.kind,
        method,
        url: req.url ?? url.pathname,
        status: out.status,
        requestHeaders: headerList(req),
        requestBody: body.data,
        requestBodySize: body.size,
        responseHeaders: toHeaderList(out.headers),
        responseBody: out.body,
        startedAt,
        durationMs: performance.now() - started,
        transferMs: body.transferMs,
        error: failure ? [failure.message, failure.detailedError].filter(Boolean).join(': ') : null,
        errorId: failure ? (failure.causeId ?? failure.id) : null,
        diagnosis: ctx.capture.diagnosis,
        hookId: ctx.capture.hookId ?? null,
        commandId: ctx.capture.commandId ?? null,
        postId: ctx.capture.postId ?? null,
      }),
    );
    await store.batch.durable(since);
    // An upload the data dir refused is still captured: that is not the store working again.
    if (failure?.id !== STORE_REFUSED_ID) store.health.stored();
  } catch (error) {
    // A request the store already refused is counted once, however many of its writes failed.
    const refused = failure?.id === STORE_REFUSED_ID ? failure : toAppError(error, core);
    out = withEnvelope(method, requestId, json(refused.statusCode, refused.toBody(requestId, developer)));
  }
  if (body.abandoned) out.headers.Connection = 'close';
  send(res, method, out);
  if (body.abandoned) res.on('finish', () => req.destroy());
}

function toAppError(error: unknown, core: Core): AppError {
  if (error instanceof AppError) return error;
  const refused = refusedByStore(core, error);
  if (refused) return refused;
  // Not a Mattermost answer but a Mockmost bug: keep serving, say so, and log it.
  core.options.log?.(`mockmost: internal error: ${(error as Error)?.stack ?? String(error)}`);
  return new AppError(500, 'mockmost.internal.app_error', 'Mockmost hit an internal error; see its log.', String(error));
}
