import { isValidId } from '../../../../shared/mattermost/ids';
import { AppError, invalidParam, noPermission } from '../../../workspace/app-error';
import { requireUser } from '../../../workspace/lookups';
import { channelMemberJson } from '../../../workspace/members';
import { isSystemAdmin } from '../../../workspace/permissions';
import { requireSession } from '../../auth';
import { routeUserId } from './route-user';
import type { RouteDef } from '../../http-types';
import { json } from '../../http-types';
import { readApiJsonAsParam } from '../../read-api-json';
import { canManageChannel, readableChannel } from './channels';

const memberMissing = () =>
  new AppError(404, 'app.channel.get_member.missing.app_error', 'No channel member found for that user ID and channel ID.');

/** GET /channels/{id}/members/{user_id}: for those who may read the channel (api4/channel.go: getChannelMember). */
export const getChannelMemberRoute: RouteDef = {
  method: 'GET',
  path: '/api/v4/channels/:channelId/members/:userId',
  handle(ctx) {
    const { caller, channel } = readableChannel(ctx);
    const userId = routeUserId(ctx, caller.user.id);
    const row = ctx.core.store.channelMember(channel.id, userId);
    if (!row) throw memberMissing();
    return json(200, channelMemberJson({ ...row, channel_id: channel.id }));
  },
};

/**
 * DELETE /channels/{id}/members/{user_id}: leaving (oneself) or removing (channel managers), never
 * from a direct or group message nor the default channel (api4/channel.go: removeChannelMember,
 * app/channel.go: removeUserFromChannel).
 */
export const removeChannelMemberRoute: RouteDef = {
  method: 'DELETE',
  path: '/api/v4/channels/:channelId/members/:userId',
  handle(ctx) {
    const { caller, channel } = readableChannel(ctx);
    const store = ctx.core.store;
    const user = requireUser(store, routeUserId(ctx, caller.user.id));
    if (channel.type !== 'O' && channel.type !== 'P') {
      throw new AppError(400, 'api.channel.remove_channel_member.type.app_error', 'Unable to remove user from a channel.');
    }
    if (user.id !== caller.user.id && !canManageChannel(store, caller, channel)) throw noPermission();
    if (channel.name === 'town-square') {
      throw new AppError(400, 'api.channel.remove.default.app_error', `Unable to remove user from the default channel ${channel.name}.`);
    }
    if (!store.channelMember(channel.id, user.id)) throw memberMissing();
    store.batch.run(() => {
      store.removeChannelMember(channel.id, user.id);
      store.batch.afterCommit(() => ctx.core.events.emit({ type: 'user_removed', channel, userId: user.id, removerId: caller.user.id }));
    });
    return json(200, { status: 'OK' });
  },
};

/**
 * POST /channels/members/{user_id}/view: marks the channel (and the previous one) viewed now for
 * the user, answering the times it set (api4/channel.go: viewChannel).
 */
export const viewChannelRoute: RouteDef = {
  method: 'POST',
  path: '/api/v4/channels/members/:userId/view',
  async handle(ctx) {
    const caller = requireSession(ctx);
    const userId = routeUserId(ctx, caller.user.id);
    if (userId !== caller.user.id && !isSystemAdmin(caller.user)) throw noPermission();
    const view = await readApiJsonAsParam(ctx, 'channel_view');
    const ids = [view.channel_id, view.prev_channel_id].map((id) => (typeof id === 'string' ? id : id === undefined ? '' : null));
    if (ids.some((id) => id === null || (id !== '' && !isValidId(id)))) throw invalidParam('channel_view');
    const store = ctx.core.store;
    const now = Date.now();
    const times: Record<string, number> = {};
    for (const id of ids as string[]) if (id && store.channelMember(id, userId)) times[id] = now;
    if (Object.keys(times).length > 0) {
      store.batch.run(() => {
        for (const id of Object.keys(times)) store.viewChannel(id, userId, now);
        store.batch.afterCommit(() => ctx.core.events.emit({ type: 'channel_viewed', userId, times }));
      });
    }
    return json(200, { status: 'OK', last_viewed_at_times: times });
  },
};
