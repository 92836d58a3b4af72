import { servedPost } from '../../../workspace/serve-post';
import { AppError } from '../../app-error';
import type { RequestContext, RouteDef } from '../../http-types';
import { json } from '../../http-types';

const DEFAULT_LIMIT = 50;
const MAX_LIMIT = 1000;

/** `?limit=N`: 1 to 1000, default 50. */
export function limitParam(ctx: RequestContext): number {
  const raw = ctx.url.searchParams.get('limit');
  const limit = raw === null ? DEFAULT_LIMIT : Number(raw);
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_LIMIT) {
    throw new AppError(400, 'mockmost.control.limit.app_error', `limit must be a whole number from 1 to ${MAX_LIMIT}.`);
  }
  return limit;
}

/** Ephemeral posts delivered lately, newest first: Mattermost stores none, so this is the only record. */
export const listEphemerals: RouteDef = {
  method: 'GET',
  path: '/_mockmost/api/ephemerals',
  handle: (ctx) =>
    json(
      200,
      ctx.core.ephemerals.newest(limitParam(ctx)).map((e) => ({ ...e, post: servedPost(ctx.core, e.post) })),
    ),
};

/** Interactive dialogs opened lately, newest first, for the UI to show to their user. */
export const listDialogs: RouteDef = {
  method: 'GET',
  path: '/_mockmost/api/dialogs',
  handle: (ctx) => json(200, ctx.core.dialogs.newest(limitParam(ctx))),
};
