import { readCollection, type Collection } from '../../../../shared/contract/collection';
import { CollectionError } from '../../../../shared/contract/collection';
import { DEFAULT_IGNORE } from '../../../../shared/replay/compare';
import { replayCollection } from '../../../replay/run-replay';
import { toCollection } from '../../../replay/to-collection';
import { AppError } from '../../../workspace/app-error';
import type { RequestContext } from '../../http-types';
import type { ControlHandler } from './control-route';
import { readJsonBody } from './read-json-body';

const MAX_EXCHANGES = 1000;

/** The saved collection the URL names. */
function savedCollection(ctx: RequestContext): Collection {
  const found = ctx.core.store.collections.get(Number(ctx.params.id));
  if (!found) throw missing(ctx);
  return found;
}

const missing = (ctx: RequestContext) =>
  new AppError(404, 'mockmost.collection.missing.app_error', `There is no collection ${ctx.params.id}.`);

export const listCollections: ControlHandler<'GET /collections'> = (ctx) => {
  return ctx.core.store.collections.all();
};

/** Saves a collection: `{name, exchange_ids}` from the traffic view, or `{name, collection}` imported from a file. */
export const createCollection: { status: 201; handle: ControlHandler<'POST /collections'> } = {
  status: 201,
  handle: async (ctx) => {
    const body = (await readJsonBody(ctx)) ?? {};
    const name = typeof body.name === 'string' && body.name.trim() ? body.name.trim() : `collection ${new Date().toISOString()}`;
    let collection: Collection;
    if (Array.isArray(body.exchange_ids)) {
      const ids = body.exchange_ids.filter((id): id is number => Number.isInteger(id)).slice(0, MAX_EXCHANGES);
      const exchanges = ids.map((id) => ctx.core.store.exchanges.get(id)).filter((e) => e !== undefined);
      if (exchanges.length === 0)
        throw new AppError(400, 'mockmost.collection.empty.app_error', 'exchange_ids names no captured exchange.');
      collection = toCollection(
        name,
        exchanges.sort((a, b) => a.id - b.id),
        ctx.core.url,
      );
    } else {
      try {
        collection = { ...readCollection(body.collection), name };
      } catch (error) {
        if (error instanceof CollectionError)
          throw new AppError(400, 'mockmost.collection.invalid.app_error', `collection: ${error.message}`);
        throw error;
      }
    }
    const store = ctx.core.store;
    const id = store.batch.run(() => store.collections.add(name, collection));
    return { id, name, entries: collection.entries.length };
  },
};

/** The collection document, as `mockmost replay` reads it. */
export const getCollection: ControlHandler<'GET /collections/:id'> = (ctx) => savedCollection(ctx);

export const deleteCollection: ControlHandler<'DELETE /collections/:id'> = (ctx) => {
  const store = ctx.core.store;
  if (!store.batch.run(() => store.collections.delete(Number(ctx.params.id)))) throw missing(ctx);
  return { status: 'OK' };
};

/** Replays every entry where it was recorded and answers each outcome with its differences. */
export const replayCollectionRoute: ControlHandler<'POST /collections/:id/replay'> = async (ctx) => {
  const results = await replayCollection(savedCollection(ctx), { target: (url) => url, ignore: DEFAULT_IGNORE, timeoutMs: 30_000 });
  return results;
};
