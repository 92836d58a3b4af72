import { emojiCodepoints } from '../../shared/emoji/emoji';
import { isValidId } from '../../shared/mattermost/ids';
import type { Post } from '../../shared/mattermost/model';
import type { Core } from '../core/core';
import type { Reaction } from '../store/reaction-table';
import { AppError, noPermission } from './app-error';
import { isSystemAdmin, postInReadableChannel } from './permissions';
import type { Caller } from './sessions';

/** Mattermost's model.EmojiNameMaxLength. */
export const EMOJI_NAME_MAX_LENGTH = 64;
/** The route's pattern for an emoji name (server/channels/api4/api.go: ReactionByNameForPostForUser). */
export const EMOJI_NAME = /^[A-Za-z0-9_\-+]+$/;
const DEFAULT_UNIQUE_REACTION_LIMIT = 50;

type PostWithReactions = Post & { has_reactions?: boolean };

/**
 * An emoji Mattermost knows: a system emoji, else a custom one (server/channels/app/reaction.go:
 * SaveReactionForPost); other names get the custom-emoji lookup's errors.
 */
function requireKnownEmoji(core: Core, name: string): void {
  if (emojiCodepoints(name) !== undefined) return;
  if (core.config().ServiceSettings?.EnableCustomEmoji !== false && core.store.emoji.named(name)) return;
  if (core.config().ServiceSettings?.EnableCustomEmoji === false) {
    throw new AppError(501, 'api.emoji.disabled.app_error', 'Custom emoji have been disabled by the system admin.');
  }
  throw new AppError(404, 'app.emoji.get_by_name.no_result', 'We couldn’t find the emoji.');
}

/** Marks the post as having reactions or not, and moves its update_at, as Mattermost's store does with each change. */
function touchPost(core: Core, post: Post, hasReactions: boolean, now: number): void {
  const next: PostWithReactions = { ...post, update_at: now };
  if (hasReactions) next.has_reactions = true;
  else delete next.has_reactions;
  core.store.posts.put(next);
}

/** POST /api/v4/reactions, in Mattermost's order of checks (server/channels/api4/reaction.go: saveReaction). */
export function saveReaction(core: Core, caller: Caller, input: { user_id?: unknown; post_id?: unknown; emoji_name?: unknown }): Reaction {
  const { user_id: userId, post_id: postId, emoji_name: emojiName } = input;
  if (
    !isValidId(userId) ||
    !isValidId(postId) ||
    typeof emojiName !== 'string' ||
    emojiName === '' ||
    emojiName.length > EMOJI_NAME_MAX_LENGTH
  ) {
    throw new AppError(400, 'api.reaction.save_reaction.invalid.app_error', 'Reaction is not valid.');
  }
  if (userId !== caller.user.id) {
    throw new AppError(403, 'api.reaction.save_reaction.user_id.app_error', 'You cannot save reaction for the other user.');
  }
  const { post, channel } = postInReadableChannel(core.store, caller.user, postId);
  requireKnownEmoji(core, emojiName);
  const store = core.store;
  const limit = Number(
    (core.config().ServiceSettings as { UniqueEmojiReactionLimitPerPost?: number } | undefined)?.UniqueEmojiReactionLimitPerPost ??
      DEFAULT_UNIQUE_REACTION_LIMIT,
  );
  if (!store.reactions.hasEmoji(post.id, emojiName) && store.reactions.uniqueEmojiCount(post.id) >= limit) {
    throw new AppError(400, 'app.reaction.save.save.too_many_reactions', 'Reaction limit has been reached for this post.');
  }
  if (channel.delete_at > 0)
    throw new AppError(403, 'api.reaction.save.archived_channel.app_error', 'You cannot react in an archived channel.');
  const now = Date.now();
  const reaction = store.batch.run(() => {
    const saved = store.reactions.save({
      user_id: userId,
      post_id: post.id,
      emoji_name: emojiName,
      channel_id: channel.id,
      create_at: now,
      update_at: now,
    });
    touchPost(core, post, true, now);
    return saved;
  });
  store.batch.afterCommit(() => core.events.emit({ type: 'reaction_added', reaction, channel }));
  return reaction;
}

/** DELETE /api/v4/users/{user_id}/posts/{post_id}/reactions/{emoji_name} (server/channels/api4/reaction.go: deleteReaction). */
export function deleteReaction(core: Core, caller: Caller, userId: string, postId: string, emojiName: string): void {
  const { post, channel } = postInReadableChannel(core.store, caller.user, postId);
  if (userId !== caller.user.id && !isSystemAdmin(caller.user)) throw noPermission();
  if (channel.delete_at > 0) {
    throw new AppError(403, 'api.reaction.delete.archived_channel.app_error', 'You cannot remove a reaction in an archived channel.');
  }
  const store = core.store;
  const now = Date.now();
  store.batch.run(() => {
    store.reactions.delete(post.id, userId, emojiName, now);
    touchPost(core, post, store.reactions.hasAny(post.id), now);
  });
  const reaction: Reaction = {
    user_id: userId,
    post_id: post.id,
    emoji_name: emojiName,
    create_at: 0,
    update_at: 0,
    delete_at: 0,
    remote_id: '',
    channel_id: '',
  };
  store.batch.afterCommit(() => core.events.emit({ type: 'reaction_removed', reaction, channel }));
}

/** GET /api/v4/posts/{post_id}/reactions: the post's reactions, oldest first. */
export function postReactions(core: Core, caller: Caller, postId: string): Reaction[] {
  const { post } = postInReadableChannel(core.store, caller.user, postId);
  return core.store.reactions.forPost(post.id);
}
