import type { Channel } from '../../../../shared/mattermost/model';
import { archiveChannel, createChannel, directChannel } from '../../../workspace/channels';
import { requireChannel, requireTeam, requireUser } from '../../../workspace/lookups';
import { channelMemberJson } from '../../../workspace/members';
import { canReadChannel, isSystemAdmin, isTeamMember } from '../../../workspace/permissions';
import type { Store } from '../../../store/store';
import { AppError, invalidBodyParam, noPermission } from '../../../workspace/app-error';
import { requireSession } from '../../auth';
import type { Caller } from '../../../workspace/sessions';
import type { RequestContext, RouteDef } from '../../http-types';
import { json } from '../../http-types';
import { optionalString, readApiJson, readApiJsonValue } from '../../read-api-json';

export function readableChannel(ctx: RequestContext): { caller: Caller; channel: Channel } {
  const caller = requireSession(ctx);
  const channel = requireChannel(ctx.core.store, ctx.params.channelId!);
  if (!canReadChannel(ctx.core.store, caller.user, channel)) throw noPermission();
  return { caller, channel };
}

/** manage_*_channel_members and delete/restore: channel admins, team admins, system admins. */
export function canManageChannel(store: Store, caller: Caller, channel: Channel): boolean {
  if (isSystemAdmin(caller.user)) return true;
  if (store.channelMember(channel.id, caller.user.id)?.roles.includes('channel_admin')) return true;
  if (channel.type === 'O') return isTeamMember(store, channel.team_id, caller.user.id);
  return false;
}

export const getChannel: RouteDef = {
  method: 'GET',
  path: '/api/v4/channels/:channelId',
  handle: (ctx) => json(200, readableChannel(ctx).channel),
};

export const createChannelRoute: RouteDef = {
  method: 'POST',
  path: '/api/v4/channels',
  async handle(ctx) {
    const caller = requireSession(ctx);
    const body = await readApiJson(ctx, 'channel');
    const type = optionalString(body.type);
    if (type === 'D' || type === 'G') {
      throw new AppError(
        400,
        'api.channel.create_channel.direct_channel.app_error',
        'Must use createDirectChannel API service for direct message channel creation.',
      );
    }
    if (type !== 'O' && type !== 'P') throw invalidBodyParam('type');
    const teamId = optionalString(body.team_id);
    if (teamId === '') throw new AppError(400, 'api.channel.create_channel.missing_team_id.error', 'Missing team_id in request body');
    if (optionalString(body.display_name) === '') {
      throw new AppError(400, 'api.channel.create_channel.missing_display_name.error', 'Missing display_name in request body');
    }
    const store = ctx.core.store;
    const team = requireTeam(store, teamId);
    if (!isTeamMember(store, team.id, caller.user.id) && !isSystemAdmin(caller.user)) throw noPermission();
    const channel = store.batch.run(() =>
      createChannel(
        store,
        {
          team_id: team.id,
          type,
          name: optionalString(body.name),
          display_name: optionalString(body.display_name),
          purpose: optionalString(body.purpose),
          header: optionalString(body.header),
        },
        caller.user.id,
      ),
    );
    return json(201, channel);
  },
};

export const createDirectChannel: RouteDef = {
  method: 'POST',
  path: '/api/v4/channels/direct',
  async handle(ctx) {
    const caller = requireSession(ctx);
    const ids = await readApiJsonValue(ctx, 'user_ids');
    if (!Array.isArray(ids) || ids.length !== 2 || ids.some((id) => typeof id !== 'string')) throw invalidBodyParam('user_ids');
    const store = ctx.core.store;
    const [a, b] = (ids as string[]).map((id) => requireUser(store, id).id) as [string, string];
    if (a !== caller.user.id && b !== caller.user.id && !isSystemAdmin(caller.user)) throw noPermission();
    return json(
      201,
      store.batch.run(() => directChannel(store, a, b)),
    );
  },
};

export const listChannelMembers: RouteDef = {
  method: 'GET',
  path: '/api/v4/channels/:channelId/members',
  handle(ctx) {
    const { channel } = readableChannel(ctx);
    return json(200, ctx.core.store.channelMemberRows(channel.id).map(channelMemberJson));
  },
};

export const addChannelMember: RouteDef = {
  method: 'POST',
  path: '/api/v4/channels/:channelId/members',
  async handle(ctx) {
    const { caller, channel } = readableChannel(ctx);
    const body = await readApiJson(ctx, 'user_id');
    if (typeof body.user_id !== 'string') throw invalidBodyParam('user_id');
    const store = ctx.core.store;
    const user = requireUser(store, body.user_id);
    if (channel.type === 'D' || channel.type === 'G') {
      throw new AppError(400, 'api.channel.add_user_to_channel.type.app_error', 'Can not add user to this channel type.');
    }
    const joiningPublic = user.id === caller.user.id && channel.type === 'O';
    if (!joiningPublic && !canManageChannel(store, caller, channel)) throw noPermission();
    if (!isTeamMember(store, channel.team_id, user.id)) {
      throw new AppError(
        403,
        'api.channel.add_user.to.channel.failed.deleted.app_error',
        'Failed to add user to channel because they have been removed from the team.',
      );
    }
    store.batch.run(() => {
      if (!store.channelMember(channel.id, user.id)) store.addChannelMember(channel.id, user.id, 'channel_user');
    });
    const row = store.channelMemberRows(channel.id).find((r) => r.user_id === user.id)!;
    return json(201, channelMemberJson(row));
  },
};

export const archiveChannelRoute: RouteDef = {
  method: 'DELETE',
  path: '/api/v4/channels/:channelId',
  handle(ctx) {
    const { caller, channel } = readableChannel(ctx);
    const store = ctx.core.store;
    if (channel.type === 'D' || channel.type === 'G')
      throw new AppError(400, 'api.channel.delete_channel.type.invalid', 'Unable to delete direct or group message channels');
    if (channel.name === 'town-square') {
      throw new AppError(400, 'api.channel.delete_channel.cannot.app_error', `Unable to delete the default channel ${channel.name}.`);
    }
    if (!canManageChannel(store, caller, channel)) throw noPermission();
    if (channel.delete_at !== 0)
      throw new AppError(400, 'api.channel.delete_channel.deleted.app_error', 'The channel has been archived or deleted.');
    store.batch.run(() => archiveChannel(store, channel));
    return json(200, { status: 'OK' });
  },
};

export const restoreChannel: RouteDef = {
  method: 'POST',
  path: '/api/v4/channels/:channelId/restore',
  handle(ctx) {
    const { caller, channel } = readableChannel(ctx);
    const store = ctx.core.store;
    if (!canManageChannel(store, caller, channel)) throw noPermission();
    if (channel.delete_at === 0)
      throw new AppError(
        400,
        'api.channel.restore_channel.restored.app_error',
        'Unable to unarchive channel. The channel is not archived.',
      );
    const restored = store.batch.run(() => store.channels.put({ ...channel, delete_at: 0, update_at: Date.now() }));
    return json(200, restored);
  },
};
