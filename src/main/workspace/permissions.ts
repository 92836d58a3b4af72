import type { Channel, Post, User } from '../../shared/mattermost/model';
import type { Store } from '../store/store';
import { noPermission } from './app-error';

// Mattermost's default permission scheme, reduced to the roles a seeded workspace has: system
// admins may do everything; team admins manage their team's integrations; members post.

export function isSystemAdmin(user: User): boolean {
  return user.roles.split(' ').includes('system_admin');
}

export function teamRoles(store: Store, teamId: string, userId: string): string[] | undefined {
  return store.teamRoles(teamId, userId)?.split(' ');
}

export function isTeamMember(store: Store, teamId: string, userId: string): boolean {
  return teamRoles(store, teamId, userId) !== undefined;
}

/** manage_own_incoming_webhooks, manage_own_outgoing_webhooks, manage_own_slash_commands, bypass of the channel lock. */
export function canManageIntegrations(store: Store, user: User, teamId: string): boolean {
  return isSystemAdmin(user) || (teamRoles(store, teamId, user.id)?.includes('team_admin') ?? false);
}

/** read_channel: members, public channels of one's teams; admins everything. */
export function canReadChannel(store: Store, user: User, channel: Channel): boolean {
  if (isSystemAdmin(user)) return true;
  if (channel.type === 'O') return isTeamMember(store, channel.team_id, user.id);
  return store.channelMember(channel.id, user.id) !== undefined;
}

/** create_post: members (channel_user), or create_post_public for team members in public channels. */
export function canPostInChannel(store: Store, user: User, channel: Channel): boolean {
  return canReadChannel(store, user, channel);
}

/** edit_others_posts / delete_others_posts belong to admins; everyone may edit and delete their own. */
export function canChangePost(store: Store, user: User, authorId: string, channel: Channel): boolean {
  if (user.id === authorId) return canReadChannel(store, user, channel);
  return isSystemAdmin(user) || (channel.team_id !== '' && (teamRoles(store, channel.team_id, user.id)?.includes('team_admin') ?? false));
}

/** upload_file: a channel-scoped permission of channel_user, so members (and admins) only. */
export function canUploadToChannel(store: Store, user: User, channel: Channel): boolean {
  return isSystemAdmin(user) || store.channelMember(channel.id, user.id) !== undefined;
}

/**
 * A post not deleted and its channel, for a user who may read it. Mattermost checks such
 * permissions through the post's channel (SessionHasPermissionToChannelByPost), so an unknown
 * post is a 403 too, not a 404.
 */
export function postInReadableChannel(store: Store, user: User, postId: string): { post: Post; channel: Channel } {
  const post = store.posts.get(postId);
  const channel = post && store.channels.get(post.channel_id);
  if (!post || post.delete_at !== 0 || !channel || !canReadChannel(store, user, channel)) throw noPermission();
  return { post, channel };
}
