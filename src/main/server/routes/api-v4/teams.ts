import type { Team } from '../../../../shared/mattermost/model';
import type { Store } from '../../../store/store';
import { requireTeam, requireUser } from '../../../workspace/lookups';
import { teamMemberJson } from '../../../workspace/members';
import { canManageIntegrations, canReadChannel, isSystemAdmin, isTeamMember } from '../../../workspace/permissions';
import { AppError, invalidBodyParam, noPermission } from '../../../workspace/app-error';
import { requireSession } from '../../auth';
import type { Caller } from '../../../workspace/sessions';
import type { RequestContext, RouteDef } from '../../http-types';
import { json } from '../../http-types';
import { readApiJson } from '../../read-api-json';

/** The channels a new team member joins: Mattermost's DefaultChannelNames without ExperimentalDefaultChannels (server/channels/app/channel.go). */
const DEFAULT_CHANNELS = ['town-square', 'off-topic'];

export function teamByName(store: Store, name: string): Team {
  const team = store.teams.byName(name);
  if (!team) throw new AppError(404, 'app.team.get_by_name.missing.app_error', 'Unable to find the existing team.');
  return team;
}

/** view_team: members, open teams, admins. */
function canViewTeam(store: Store, caller: Caller, team: Team): boolean {
  return isSystemAdmin(caller.user) || isTeamMember(store, team.id, caller.user.id) || team.allow_open_invite;
}

function viewableTeam(ctx: RequestContext, team: Team): Team {
  if (!canViewTeam(ctx.core.store, requireSession(ctx), team)) throw noPermission();
  return team;
}

export const listTeams: RouteDef = {
  method: 'GET',
  path: '/api/v4/teams',
  handle(ctx) {
    const caller = requireSession(ctx);
    const store = ctx.core.store;
    return json(
      200,
      store.teams.all().filter((team) => canViewTeam(store, caller, team)),
    );
  },
};

export const getTeam: RouteDef = {
  method: 'GET',
  path: '/api/v4/teams/:teamId',
  handle: (ctx) => json(200, viewableTeam(ctx, requireTeam(ctx.core.store, ctx.params.teamId!))),
};

export const getTeamByName: RouteDef = {
  method: 'GET',
  path: '/api/v4/teams/name/:name~',
  handle: (ctx) => json(200, viewableTeam(ctx, teamByName(ctx.core.store, ctx.params.name!))),
};

/** GET /teams/{id}/channels: the team's public channels. */
export const listTeamChannels: RouteDef = {
  method: 'GET',
  path: '/api/v4/teams/:teamId/channels',
  handle(ctx) {
    const caller = requireSession(ctx);
    const store = ctx.core.store;
    const team = requireTeam(store, ctx.params.teamId!);
    if (!isTeamMember(store, team.id, caller.user.id) && !isSystemAdmin(caller.user)) throw noPermission();
    const channels = store.channels.openInTeam(team.id);
    return json(
      200,
      channels.sort((a, b) => a.display_name.localeCompare(b.display_name)),
    );
  },
};

function channelByName(ctx: RequestContext, team: Team) {
  const caller = requireSession(ctx);
  const store = ctx.core.store;
  const includeDeleted = ctx.url.searchParams.get('include_deleted') === 'true';
  const channel = store.channels.byName(team.id, ctx.params.channel!);
  if (!channel || (channel.delete_at !== 0 && !includeDeleted)) {
    throw new AppError(404, 'app.channel.get_by_name.missing.app_error', 'Channel does not exist.');
  }
  if (!canReadChannel(store, caller.user, channel)) throw noPermission();
  return json(200, channel);
}

export const getChannelByTeamIdAndName: RouteDef = {
  method: 'GET',
  path: '/api/v4/teams/:teamId/channels/name/:channel~',
  handle: (ctx) => channelByName(ctx, requireTeam(ctx.core.store, ctx.params.teamId!)),
};

export const getChannelByNames: RouteDef = {
  method: 'GET',
  path: '/api/v4/teams/name/:team~/channels/name/:channel~',
  handle: (ctx) => channelByName(ctx, teamByName(ctx.core.store, ctx.params.team!)),
};

export const listTeamMembers: RouteDef = {
  method: 'GET',
  path: '/api/v4/teams/:teamId/members',
  handle(ctx) {
    const store = ctx.core.store;
    const team = viewableTeam(ctx, requireTeam(store, ctx.params.teamId!));
    return json(200, store.teamMemberRows(team.id).map(teamMemberJson));
  },
};

/** add_user_to_team: team admins and system admins; anyone may join an open team themselves. */
export const addTeamMember: RouteDef = {
  method: 'POST',
  path: '/api/v4/teams/:teamId/members',
  async handle(ctx) {
    const caller = requireSession(ctx);
    const body = await readApiJson(ctx, 'team_member');
    const store = ctx.core.store;
    const team = requireTeam(store, ctx.params.teamId!);
    if (typeof body.user_id !== 'string') throw invalidBodyParam('user_id');
    const user = requireUser(store, body.user_id);
    const self = user.id === caller.user.id && team.allow_open_invite;
    if (!self && !canManageIntegrations(store, caller.user, team.id)) throw noPermission();
    store.batch.run(() => {
      if (isTeamMember(store, team.id, user.id)) return;
      store.addTeamMember(team.id, user.id, 'team_user');
      // Joining a team joins its default channels, as in Mattermost.
      for (const name of DEFAULT_CHANNELS) {
        const channel = store.channels.activeByName(team.id, name);
        if (channel && !store.channelMember(channel.id, user.id)) store.addChannelMember(channel.id, user.id, 'channel_user');
      }
    });
    const row = store.teamMemberRows(team.id).find((r) => r.user_id === user.id)!;
    return json(201, teamMemberJson(row));
  },
};
