import { AppError } from '../../app-error';
import type { RouteDef } from '../../http-types';
import { json } from '../../http-types';

const DEFAULT_LIMIT = 50;
const MAX_LIMIT = 1000;

export const listExchanges: RouteDef = {
  method: 'GET',
  path: '/_mockmost/api/exchanges',
  handle(ctx) {
    const raw = ctx.url.searchParams.get('limit');
    const limit = raw === null ? DEFAULT_LIMIT : Number(raw);
    if (!Number.isInteger(limit) || limit < 1 || limit > MAX_LIMIT) {
      throw new AppError(400, 'mockmost.control.limit.app_error', `limit must be a whole number from 1 to ${MAX_LIMIT}.`);
    }
    return json(200, ctx.core.store.exchanges.list(limit));
  },
};
