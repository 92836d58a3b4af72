import { servedPost } from '../../../workspace/serve-post';
import type { RouteDef } from '../../http-types';
import { json } from '../../http-types';
import { limitParam } from './params';

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
