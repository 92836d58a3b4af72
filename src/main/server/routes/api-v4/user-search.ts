import { isValidId } from '../../../../shared/mattermost/ids';
import { invalidParam, noPermission } from '../../../workspace/app-error';
import { isSystemAdmin, isTeamMember } from '../../../workspace/permissions';
import { searchUsers } from '../../../workspace/user-search';
import { requireSession } from '../../auth';
import type { RouteDef } from '../../http-types';
import { json } from '../../http-types';
import { readApiJson } from '../../read-api-json';

/** model.UserSearchDefaultLimit and UserSearchMaxLimit. */
const DEFAULT_LIMIT = 100;
const MAX_LIMIT = 1000;

const optionalId = (value: unknown, name: string): string | undefined => {
  if (value === undefined || value === '') return undefined;
  if (!isValidId(value)) throw invalidParam(name);
  return value;
};

/** POST /users/search (api4/user.go: searchUsers). */
export const searchUsersRoute: RouteDef = {
  method: 'POST',
  path: '/api/v4/users/search',
  async handle(ctx) {
    const caller = requireSession(ctx);
    const body = await readApiJson(ctx, 'search');
    if (typeof body.term !== 'string' || body.term.trim() === '') throw invalidParam('term');
    const limit = body.limit === undefined || body.limit === 0 ? DEFAULT_LIMIT : body.limit;
    if (typeof limit !== 'number' || !Number.isInteger(limit) || limit < 0 || limit > MAX_LIMIT) throw invalidParam('limit');
    const teamId = optionalId(body.team_id, 'team_id');
    if (teamId && !isSystemAdmin(caller.user) && !isTeamMember(ctx.core.store, teamId, caller.user.id)) throw noPermission();
    const users = searchUsers(
      ctx.core.store,
      body.term,
      {
        teamId,
        notInTeamId: optionalId(body.not_in_team_id, 'not_in_team_id'),
        inChannelId: optionalId(body.in_channel_id, 'in_channel_id'),
        notInChannelId: optionalId(body.not_in_channel_id, 'not_in_channel_id'),
        allowInactive: body.allow_inactive === true && isSystemAdmin(caller.user),
      },
      limit,
    );
    return json(200, users);
  },
};

/**
 * GET /users/autocomplete?in_team=&in_channel=&name=: with a channel, its members and the team's
 * others apart (`users`, `out_of_channel`); with only a team, `users` (api4/user.go: autocompleteUsers).
 */
export const autocompleteUsersRoute: RouteDef = {
  method: 'GET',
  path: '/api/v4/users/autocomplete',
  handle(ctx) {
    const caller = requireSession(ctx);
    const q = ctx.url.searchParams;
    const teamId = optionalId(q.get('in_team') ?? undefined, 'team_id');
    const channelId = optionalId(q.get('in_channel') ?? undefined, 'channel_id');
    const name = q.get('name') ?? '';
    const rawLimit = q.get('limit');
    const limit = rawLimit === null ? DEFAULT_LIMIT : Number(rawLimit);
    if (!Number.isInteger(limit) || limit < 0) throw invalidParam('limit');
    const store = ctx.core.store;
    if (teamId && !isSystemAdmin(caller.user) && !isTeamMember(store, teamId, caller.user.id)) throw noPermission();
    if (channelId) {
      const users = searchUsers(store, name, { inChannelId: channelId }, limit);
      const outOfChannel = teamId ? searchUsers(store, name, { teamId, notInChannelId: channelId }, limit) : [];
      return json(200, { users, out_of_channel: outOfChannel });
    }
    return json(200, { users: searchUsers(store, name, { teamId }, limit) });
  },
};
