import type { Post, User } from '../../shared/mattermost/model';
import type { Core } from '../core/core';
import { AppError, invalidBodyParam, noPermission } from './app-error';
import { createPost } from './posts';
import { canPostInChannel, isSystemAdmin } from './permissions';
import { MAX_MESSAGE_RUNES } from './split-message';

/** Props a client may not set on its own posts (Mattermost strips them: server/public/model/post.go: SanitizeProps). */
const CLIENT_FORBIDDEN_PROPS = ['add_channel_member', 'force_notification'];

export const invalidPostType = () => new AppError(400, 'api.context.invalid_param.app_error', 'Invalid post.type parameter.');

export function messageTooLong(message: string, postId = ''): AppError | undefined {
  if (message.length <= MAX_MESSAGE_RUNES) return undefined;
  const length = Array.from(message).length;
  if (length <= MAX_MESSAGE_RUNES) return undefined;
  return new AppError(
    400,
    'model.post.is_valid.message_length.app_error',
    `Message length is longer than the maximum allowed length of ${MAX_MESSAGE_RUNES}: ${length} characters.`,
    `id=${postId}`,
  );
}

const POST_FILE_IDS_MAX_RUNES = 300;

const text = (value: unknown) => (typeof value === 'string' ? value : '');

/** POST /api/v4/posts as Mattermost checks it; no Slack translation (server/channels/api4/post.go: createPost). */
export function createPostAsUser(core: Core, user: User, body: Record<string, unknown>): Post {
  const store = core.store;
  if (body.props !== undefined && (typeof body.props !== 'object' || body.props === null || Array.isArray(body.props))) {
    throw invalidBodyParam('post');
  }
  for (const key of ['channel_id', 'message', 'root_id', 'type'] as const) {
    if (body[key] !== undefined && typeof body[key] !== 'string') throw invalidBodyParam('post');
  }
  const type = text(body.type);
  if (type.startsWith('system_')) throw invalidPostType();
  const channel = store.channels.get(text(body.channel_id));
  if (!channel || !canPostInChannel(store, user, channel)) throw noPermission();
  if (channel.delete_at !== 0) {
    throw new AppError(400, 'api.post.create_post.can_not_post_to_deleted.error', 'Can not post to deleted channel.');
  }
  const rootId = text(body.root_id);
  if (rootId) {
    const root = store.posts.get(rootId);
    if (!root || root.delete_at !== 0 || root.root_id !== '' || root.channel_id !== channel.id) {
      throw new AppError(400, 'api.post.create_post.root_id.app_error', 'Invalid RootId parameter.');
    }
  }
  const message = text(body.message);
  const tooLong = messageTooLong(message);
  if (tooLong) throw tooLong;
  const fileIds = Array.isArray(body.file_ids) ? body.file_ids.filter((id): id is string => typeof id === 'string') : [];
  // model.Post.IsValid caps file_ids by their JSON's length (PostFileidsMaxRunes): ten ids fit, eleven do not.
  if (Array.from(JSON.stringify(fileIds)).length > POST_FILE_IDS_MAX_RUNES) {
    throw new AppError(400, 'model.post.is_valid.file_ids.app_error', 'Invalid file ids.', 'id=');
  }
  const props = { ...((body.props as Record<string, unknown> | undefined) ?? {}) };
  for (const key of CLIENT_FORBIDDEN_PROPS) delete props[key];
  if (user.is_bot) props.from_bot = 'true';
  const createAt = typeof body.create_at === 'number' && body.create_at > 0 && isSystemAdmin(user) ? body.create_at : undefined;
  return createPost(core, {
    channel_id: channel.id,
    user_id: user.id,
    message,
    root_id: rootId,
    type,
    props,
    create_at: createAt,
    file_ids: fileIds,
    pending_post_id: text(body.pending_post_id),
    metadata: body.metadata && typeof body.metadata === 'object' ? (body.metadata as Post['metadata']) : undefined,
  });
}
