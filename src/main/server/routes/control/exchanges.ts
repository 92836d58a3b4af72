import { servedPost } from '../../../workspace/serve-post';
import { limitParam } from './params';
import type { ControlHandler } from './control-route';

/** Ephemeral posts delivered lately, newest first: Mattermost stores none, so this is the only record. */
export const listEphemerals: ControlHandler<'GET /ephemerals'> = (ctx) =>
  ctx.core.ephemerals.newest(limitParam(ctx)).map((e) => ({ ...e, post: servedPost(ctx.core, e.post) }));

/** Interactive dialogs opened lately, newest first, for the UI to show to their user. */
export const listDialogs: ControlHandler<'GET /dialogs'> = (ctx) => ctx.core.dialogs.newest(limitParam(ctx));
