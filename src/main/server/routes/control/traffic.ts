import type { ExchangeDiff, TrafficPage } from '../../../../shared/contract/control-api';
import type { CollectionEntry } from '../../../../shared/contract/collection';
import { EXCHANGE_KINDS, type ExchangeDirection, type ExchangeKind } from '../../../../shared/contract/exchange';
import { DEFAULT_IGNORE, type Difference } from '../../../../shared/replay/compare';
import { compareMessages } from '../../../replay/compare-messages';
import { replayOne } from '../../../replay/run-replay';
import { toEntry } from '../../../replay/to-collection';
import type { ExchangeFilter } from '../../../store/exchange-log';
import { AppError } from '../../../workspace/app-error';
import type { RequestContext } from '../../http-types';
import { badParam, idParam, limitParam, timeParam } from './params';
import type { ControlHandler } from './control-route';
import { readJsonBody } from './read-json-body';

const STATUS_CLASSES = ['1xx', '2xx', '3xx', '4xx', '5xx', 'error'];

/** The traffic view's filters from the query string; every one optional. */
function filterOf(ctx: RequestContext): ExchangeFilter {
  const q = ctx.url.searchParams;
  const limit = limitParam(ctx);
  const kind = q.get('kind') || undefined;
  if (kind && !(EXCHANGE_KINDS as readonly string[]).includes(kind)) throw badParam('kind', `must be one of ${EXCHANGE_KINDS.join(', ')}`);
  const direction = q.get('direction') || undefined;
  if (direction && direction !== 'inbound' && direction !== 'outbound') throw badParam('direction', 'must be inbound or outbound');
  const status = q.get('status') || undefined;
  if (status && !STATUS_CLASSES.includes(status)) throw badParam('status', `must be one of ${STATUS_CLASSES.join(', ')}`);
  return {
    limit,
    hookId: q.get('hook_id') || undefined,
    commandId: q.get('command_id') || undefined,
    from: timeParam(q.get('from'), 'from'),
    to: timeParam(q.get('to'), 'to'),
    kind: kind as ExchangeKind | undefined,
    direction: direction as ExchangeDirection | undefined,
    status: status as ExchangeFilter['status'],
    text: q.get('q') ?? undefined,
    before: idParam(q.get('before'), 'before'),
    after: idParam(q.get('after'), 'after'),
  };
}

/** Newest first, complete; `?limit=N` alone is the README's documented route, the rest filter it. */
export const listExchanges: ControlHandler<'GET /exchanges'> = async (ctx) => {
  const filter = filterOf(ctx);
  // Complete answers: the search waits until everything captured so far is indexed.
  if (filter.text?.trim()) await ctx.core.store.search.catchUp();
  return ctx.core.store.exchanges.query(filter);
};

/** How long the traffic view's search waits for the index to catch up before answering with what it has. */
const SEARCH_WAIT_MS = 500;

/**
 * The traffic view's list: the same filters, summaries only (headers and bodies come with
 * `GET /exchanges/:id`), and bounded work however long the history: a filtered search that
 * stops early answers `continue_before`, the `before` to ask with for older matches. While
 * the search index is still catching up (a long burst of traffic), it answers what is indexed
 * and `indexing_pending`; asking again goes on with it.
 */
export const listTraffic: ControlHandler<'GET /traffic'> = async (ctx) => {
  const filter = filterOf(ctx);
  const pending = filter.text?.trim() ? await ctx.core.store.search.catchUp(SEARCH_WAIT_MS) : 0;
  const { items, continueBefore } = ctx.core.store.exchanges.summaries(filter);
  const page: TrafficPage = {
    items,
    ...(continueBefore !== undefined ? { continue_before: continueBefore } : {}),
    ...(pending > 0 ? { indexing_pending: pending } : {}),
  };
  return page;
};

const noSuchExchange = (id: number) => new AppError(404, 'mockmost.control.exchange.app_error', `There is no exchange ${id}.`);

function exchangeOf(ctx: RequestContext) {
  const id = idParam(ctx.params.id ?? null, 'id')!;
  const exchange = ctx.core.store.exchanges.get(id);
  if (!exchange) throw noSuchExchange(id);
  return exchange;
}

/**
 * What differs between two captured exchanges (`?a=ID&b=ID`, `ignore=rule,…` adds to the
 * volatile fields always ignored): the requests (method, URL, media type, body) and the answers
 * (status, media type, body), as replay compares them. "What did my integration send this time?"
 */
export const diffExchanges: ControlHandler<'GET /exchanges/diff'> = (ctx) => {
  const q = ctx.url.searchParams;
  const [a, b] = (['a', 'b'] as const).map((name) => {
    const id = idParam(q.get(name), name);
    if (id === undefined) throw badParam(name, 'is required: the id of an exchange');
    const exchange = ctx.core.store.exchanges.get(id);
    if (!exchange) throw noSuchExchange(id);
    return toEntry(exchange, ctx.core.url);
  }) as [CollectionEntry, CollectionEntry];
  const ignore = [...DEFAULT_IGNORE, ...(q.get('ignore') ?? '').split(',').filter((rule) => rule.trim() !== '')];
  const request: Difference[] = [];
  if (a.request.method !== b.request.method) request.push({ path: 'method', recorded: a.request.method, replayed: b.request.method });
  if (a.request.url !== b.request.url) request.push({ path: 'url', recorded: a.request.url, replayed: b.request.url });
  request.push(...compareMessages(a.request, b.request, ignore));
  const diff: ExchangeDiff = { a: a.name, b: b.name, request, response: compareMessages(a.response, b.response, ignore) };
  return diff;
};

export const getExchange: ControlHandler<'GET /exchanges/:id'> = (ctx) => exchangeOf(ctx);

/** Deletes one exchange (a noisy or secret one), and its search index entry with it. */
export const deleteExchange: ControlHandler<'DELETE /exchanges/:id'> = async (ctx) => {
  const id = idParam(ctx.params.id ?? null, 'id')!;
  const store = ctx.core.store;
  // No need to read the exchange (bodies and all) first: the delete says whether there was one.
  if (!store.batch.run(() => store.exchanges.delete(id))) throw noSuchExchange(id);
  await store.batch.durable();
  return { status: 'OK' };
};

/** Clears every captured exchange; the UI asks first. */
export const clearExchanges: ControlHandler<'DELETE /exchanges'> = async (ctx) => {
  ctx.core.store.batch.run(() => ctx.core.store.exchanges.clear());
  // Answered once it is on disk, like every change the control API acknowledges.
  await ctx.core.store.batch.durable();
  return { status: 'OK' };
};

/**
 * Re-sends one exchange as recorded (or with the edits in the body: method, url, headers, body)
 * and compares the new answer with the recorded one. Requests to Mockmost go to this Mockmost.
 */
export const replayExchange: ControlHandler<'POST /exchanges/:id/replay'> = async (ctx) => {
  const exchange = exchangeOf(ctx);
  const edits = (await readJsonBody(ctx)) ?? {};
  const entry = toEntry(exchange, ctx.core.url);
  const request = typeof edits.request === 'object' && edits.request !== null ? (edits.request as Record<string, unknown>) : {};
  if (typeof request.method === 'string') entry.request.method = request.method.toUpperCase();
  if (typeof request.url === 'string') {
    // A path alone (as requests to Mockmost are captured) goes to this Mockmost.
    try {
      entry.request.url = new URL(request.url, ctx.core.url).href;
    } catch {
      throw badParam('request.url', 'must be a URL or a path');
    }
  }
  if (typeof request.body === 'string') entry.request.body = { text: request.body };
  if (Array.isArray(request.headers)) entry.request.headers = request.headers as [string, string][];
  const ignore = [
    ...DEFAULT_IGNORE,
    ...(Array.isArray(edits.ignore) ? edits.ignore.filter((r): r is string => typeof r === 'string') : []),
  ];
  const result = await replayOne(entry, 0, { target: (url) => url, ignore, timeoutMs: 30_000 });
  return result;
};
