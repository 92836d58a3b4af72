import type { Channel, Team } from '../../shared/mattermost/model';
import type { Store } from '../store/store';

/**
 * Where the UI opens when no channel is named: Town Square of team `dev` in the built-in seed,
 * and for a custom seed its first team (by name) and that team's Town Square, else its first
 * public channel, else its first channel. Undefined for a workspace with no team or channel.
 */
export function homeChannel(store: Store, teamName?: string): { team: Team; channel: Channel } | undefined {
  const team = teamName ? store.teams.byName(teamName) : (store.teams.byName('dev') ?? store.teams.firstActiveByName());
  if (!team) return undefined;
  const channels = store.channels.activeInTeam(team.id);
  const channel = channels.find((c) => c.name === 'town-square') ?? channels.find((c) => c.type === 'O') ?? channels[0];
  return channel && { team, channel };
}
