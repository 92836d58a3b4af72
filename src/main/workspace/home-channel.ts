import type { Channel, Team } from '../../shared/mattermost/model';
import type { Store } from '../store/store';

/**
 * Where the UI opens when no channel is named: Town Square of team `dev` in the built-in seed,
 * and for a custom seed its first team (by name) and that team's Town Square, else its first
 * public channel, else its first channel. Undefined for a workspace with no team or channel.
 */
export function homeChannel(store: Store, teamName?: string): { team: Team; channel: Channel } | undefined {
  const team = teamName
    ? store.teams.first('name = ?', teamName)
    : (store.teams.first('name = ?', 'dev') ?? store.teams.first("json_extract(doc, '$.delete_at') = 0 ORDER BY name"));
  if (!team) return undefined;
  const live = 'team_id = ? AND delete_at = 0';
  const channel =
    store.channels.first(`${live} AND name = 'town-square'`, team.id) ??
    store.channels.first(`${live} AND type = 'O' ORDER BY name`, team.id) ??
    store.channels.first(`${live} ORDER BY name`, team.id);
  return channel && { team, channel };
}
