import type { Channel, Post, Team, User } from '../../shared/mattermost/model';
import { isValidId } from '../../shared/mattermost/ids';
import { AppError, invalidUrlParam } from './app-error';
import type { Store } from '../store/store';

// Finding an object by id with Mattermost's answers for a malformed id (400) and a missing one (404).

export function requireChannel(store: Store, id: string, param = 'channel_id'): Channel {
  if (!isValidId(id)) throw invalidUrlParam(param);
  const channel = store.channels.get(id);
  if (!channel) throw new AppError(404, 'app.channel.get.existing.app_error', 'Unable to find the existing channel.');
  return channel;
}

export function requireTeam(store: Store, id: string): Team {
  if (!isValidId(id)) throw invalidUrlParam('team_id');
  const team = store.teams.get(id);
  if (!team) throw new AppError(404, 'app.team.get.find.app_error', 'Unable to find the existing team.');
  return team;
}

export function requireUser(store: Store, id: string): User {
  if (!isValidId(id)) throw invalidUrlParam('user_id');
  const user = store.users.get(id);
  if (!user) throw new AppError(404, 'app.user.missing_account.const', 'Unable to find the user.');
  return user;
}

export function requirePost(store: Store, id: string): Post {
  if (!isValidId(id)) throw invalidUrlParam('post_id');
  const post = store.posts.get(id);
  if (!post || post.delete_at !== 0) throw new AppError(404, 'app.post.get.app_error', 'Unable to get the post.');
  return post;
}
