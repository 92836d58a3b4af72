import type { Channel, Team } from '../../../../shared/mattermost/model';
import type { Store } from '../../../store/store';
import { AppError, noPermission } from '../../app-error';
import { isSystemAdmin, requireSession, type Caller } from '../../auth';
import type { RouteDef } from '../../http-types';
import { json } from '../../http-types';

export function teamByName(store: Store, name: string): Team {
  const team = store.teams.first('name = ?', name);
  if (!team) throw new AppError(404, 'app.team.get_by_name.missing.app_error', 'Unable to find the existing team.');
  return team;
}

export function isTeamMember(store: Store, teamId: string, userId: string): boolean {
  return store.db.prepare('SELECT 1 FROM team_members WHERE team_id = ? AND user_id = ?').get(teamId, userId) !== undefined;
}

/** Whether the caller may read a channel: public channels of their teams, or membership (admins: all). */
export function canReadChannel(store: Store, caller: Caller, channel: Channel): boolean {
  if (isSystemAdmin(caller.user)) return true;
  if (channel.type === 'O') return isTeamMember(store, channel.team_id, caller.user.id);
  return store.channelMember(channel.id, caller.user.id) !== undefined;
}

export const getTeamByName: RouteDef = {
  method: 'GET',
  path: '/api/v4/teams/name/:name~',
  handle(ctx) {
    const caller = requireSession(ctx);
    const team = teamByName(ctx.core.store, ctx.params.name!);
    if (!isSystemAdmin(caller.user) && !isTeamMember(ctx.core.store, team.id, caller.user.id) && team.type !== 'O') throw noPermission();
    return json(200, team);
  },
};

export const getChannelByNames: RouteDef = {
  method: 'GET',
  path: '/api/v4/teams/name/:team~/channels/name/:channel~',
  handle(ctx) {
    const caller = requireSession(ctx);
    const store = ctx.core.store;
    const team = teamByName(store, ctx.params.team!);
    const channel = store.channels.first('team_id = ? AND name = ?', team.id, ctx.params.channel!);
    if (!channel) throw new AppError(404, 'app.channel.get_by_name.missing.app_error', 'Channel does not exist.');
    if (!canReadChannel(store, caller, channel)) throw noPermission();
    return json(200, channel);
  },
};
