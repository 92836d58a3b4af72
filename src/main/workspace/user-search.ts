import type { User } from '../../shared/mattermost/model';
import type { Store } from '../store/store';
import { isTeamMember } from './permissions';

export interface UserFilter {
  teamId?: string;
  notInTeamId?: string;
  inChannelId?: string;
  notInChannelId?: string;
  allowInactive?: boolean;
}

/**
 * Whether a user matches a search term the way Mattermost's user store does: a prefix of the
 * username, first or last name or nickname, any case, a leading @ ignored (sqlstore/user_store.go: Search).
 */
export function matchesTerm(user: User, term: string): boolean {
  const needle = term.trim().replace(/^@/, '').toLowerCase();
  if (needle === '') return true;
  const fields = [user.username, user.first_name, user.last_name, user.nickname, `${user.first_name} ${user.last_name}`];
  return fields.some((field) => typeof field === 'string' && field.toLowerCase().startsWith(needle));
}

/** Users matching the term and the filters, by username, at most `limit`. */
export function searchUsers(store: Store, term: string, filter: UserFilter, limit: number): User[] {
  const candidates = filter.allowInactive ? store.users.all() : store.users.active();
  return candidates
    .filter((user) => matchesTerm(user, term))
    .filter((user) => !filter.teamId || isTeamMember(store, filter.teamId, user.id))
    .filter((user) => !filter.notInTeamId || !isTeamMember(store, filter.notInTeamId, user.id))
    .filter((user) => !filter.inChannelId || store.channelMember(filter.inChannelId, user.id) !== undefined)
    .filter((user) => !filter.notInChannelId || store.channelMember(filter.notInChannelId, user.id) === undefined)
    .sort((a, b) => a.username.localeCompare(b.username))
    .slice(0, limit);
}
