import { diagnose } from '../../../diagnostics/catalog';
import { parseHashtags } from '../../../../shared/mattermost/hashtags';
import type { Post } from '../../../../shared/mattermost/model';
import { servedPost, servedPostList } from '../../../workspace/serve-post';
import { fireOutgoingWebhooks } from '../../../caller/outgoing-webhooks';
import { requireChannel, requirePost, requireUser } from '../../../workspace/lookups';
import { canChangePost, canReadChannel, isSystemAdmin } from '../../../workspace/permissions';
import { buildPost, channelPosts, deletePost, saveEditedPost, threadPosts } from '../../../workspace/posts';
import { deliverEphemeral } from '../../../workspace/ephemeral';
import { createPostAsUser, invalidPostType, messageTooLong } from '../../../workspace/user-posts';
import { AppError, invalidBodyParam, noPermission } from '../../../workspace/app-error';
import { requireSession } from '../../auth';
import type { Caller } from '../../../workspace/sessions';
import type { RequestContext, RouteDef } from '../../http-types';
import { json } from '../../http-types';
import { readApiJson } from '../../read-api-json';

const MAX_PER_PAGE = 200;

function intParam(value: string | null, fallback: number, name: string): number {
  if (value === null || value === '') return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new AppError(400, 'api.context.invalid_param.app_error', `Invalid ${name} parameter.`);
  return n;
}

/** The post and its channel, if the caller may read it. */
function readablePost(ctx: RequestContext, caller: Caller) {
  const store = ctx.core.store;
  const post = requirePost(store, ctx.params.postId!);
  const channel = requireChannel(store, post.channel_id);
  if (!canReadChannel(store, caller.user, channel)) throw noPermission();
  return { post, channel };
}

export const createPostRoute: RouteDef = {
  method: 'POST',
  path: '/api/v4/posts',
  async handle(ctx) {
    const caller = requireSession(ctx);
    const body = await readApiJson(ctx, 'post');
    const store = ctx.core.store;
    const post = store.batch.run(() => createPostAsUser(ctx.core, caller.user, body));
    ctx.capture.postId = post.id;
    const asked = Array.isArray(body.file_ids) ? body.file_ids.filter((id): id is string => typeof id === 'string') : [];
    const dropped = asked.filter((id) => !post.file_ids?.includes(id));
    if (dropped.length > 0) ctx.capture.diagnosis.push(diagnose.droppedFileIds(dropped));
    const channel = store.channels.get(post.channel_id)!;
    // REST posts carry Mattermost's trigger flag: outgoing webhooks fire once the post is stored.
    store.batch.afterCommit(() => void fireOutgoingWebhooks(ctx.core, post, channel));
    return json(201, servedPost(ctx.core, post));
  },
};

export const getChannelPosts: RouteDef = {
  method: 'GET',
  path: '/api/v4/channels/:channelId/posts',
  handle(ctx) {
    const caller = requireSession(ctx);
    const store = ctx.core.store;
    const channel = requireChannel(store, ctx.params.channelId!);
    if (!canReadChannel(store, caller.user, channel)) throw noPermission();
    const q = ctx.url.searchParams;
    const page = intParam(q.get('page'), 0, 'page');
    const perPage = Math.min(intParam(q.get('per_page'), 60, 'per_page'), MAX_PER_PAGE);
    const since = q.has('since') ? intParam(q.get('since'), 0, 'since') : undefined;
    return json(200, servedPostList(ctx.core, channelPosts(store, channel.id, page, perPage, since)));
  },
};

export const getPost: RouteDef = {
  method: 'GET',
  path: '/api/v4/posts/:postId',
  handle: (ctx) => json(200, servedPost(ctx.core, readablePost(ctx, requireSession(ctx)).post)),
};

export const getPostThread: RouteDef = {
  method: 'GET',
  path: '/api/v4/posts/:postId/thread',
  handle(ctx) {
    const { post } = readablePost(ctx, requireSession(ctx));
    const store = ctx.core.store;
    const root = post.root_id ? requirePost(store, post.root_id) : post;
    return json(200, servedPostList(ctx.core, threadPosts(store, root)));
  },
};

/** The fields a client may change on a post, checked as Mattermost's post model does. */
function applyChanges(post: Post, changes: Record<string, unknown>): Post {
  const next = { ...post };
  if (changes.message !== undefined) {
    if (typeof changes.message !== 'string') throw invalidBodyParam('post');
    const tooLong = messageTooLong(changes.message, post.id);
    if (tooLong) throw tooLong;
    next.message = changes.message;
  }
  if (changes.props !== undefined) {
    if (typeof changes.props !== 'object' || changes.props === null || Array.isArray(changes.props)) throw invalidBodyParam('post');
    next.props = changes.props as Record<string, unknown>;
  }
  if (changes.is_pinned !== undefined) next.is_pinned = changes.is_pinned === true;
  if (Array.isArray(changes.file_ids)) next.file_ids = changes.file_ids.filter((id): id is string => typeof id === 'string');
  if (changes.has_reactions !== undefined) (next as Post & { has_reactions?: boolean }).has_reactions = changes.has_reactions === true;
  const now = Date.now();
  next.update_at = now;
  if (next.message !== post.message) {
    next.edit_at = now;
    next.hashtags = parseHashtags(next.message);
  }
  return next;
}

async function editPost(ctx: RequestContext, whole: boolean) {
  const caller = requireSession(ctx);
  const body = await readApiJson(ctx, 'post');
  const store = ctx.core.store;
  const { post, channel } = readablePost(ctx, caller);
  if (whole && body.id !== undefined && body.id !== post.id)
    throw new AppError(400, 'api.context.invalid_param.app_error', 'Invalid id parameter.');
  if (!canChangePost(store, caller.user, post.user_id, channel)) throw noPermission();
  if (typeof body.type === 'string' && body.type.startsWith('system_')) throw invalidPostType();
  const edited = store.batch.run(() => saveEditedPost(ctx.core, applyChanges(post, body), channel));
  ctx.capture.postId = post.id;
  return json(200, servedPost(ctx.core, edited));
}

export const updatePost: RouteDef = { method: 'PUT', path: '/api/v4/posts/:postId', handle: (ctx) => editPost(ctx, true) };
export const patchPost: RouteDef = { method: 'PUT', path: '/api/v4/posts/:postId/patch', handle: (ctx) => editPost(ctx, false) };

export const deletePostRoute: RouteDef = {
  method: 'DELETE',
  path: '/api/v4/posts/:postId',
  handle(ctx) {
    const caller = requireSession(ctx);
    const store = ctx.core.store;
    const { post, channel } = readablePost(ctx, caller);
    if (!canChangePost(store, caller.user, post.user_id, channel)) throw noPermission();
    store.batch.run(() => deletePost(ctx.core, post, channel, caller.user.id));
    ctx.capture.postId = post.id;
    return json(200, { status: 'OK' });
  },
};

/** POST /api/v4/posts/ephemeral: admins only; the post is delivered, never stored. */
export const createEphemeralPost: RouteDef = {
  method: 'POST',
  path: '/api/v4/posts/ephemeral',
  async handle(ctx) {
    const caller = requireSession(ctx);
    if (!isSystemAdmin(caller.user)) throw noPermission();
    const body = await readApiJson(ctx, 'ephemeral_post');
    if (typeof body.user_id !== 'string' || body.user_id === '') throw invalidBodyParam('user_id');
    const input = body.post;
    if (typeof input !== 'object' || input === null || Array.isArray(input)) throw invalidBodyParam('post');
    const fields = input as Record<string, unknown>;
    const store = ctx.core.store;
    const recipient = requireUser(store, body.user_id);
    const channel = requireChannel(store, typeof fields.channel_id === 'string' ? fields.channel_id : '');
    const props = typeof fields.props === 'object' && fields.props !== null ? { ...(fields.props as Record<string, unknown>) } : {};
    delete props.add_channel_member;
    delete props.force_notification;
    const post = buildPost({
      channel_id: channel.id,
      user_id: caller.user.id,
      message: typeof fields.message === 'string' ? fields.message : '',
      root_id: typeof fields.root_id === 'string' ? fields.root_id : '',
      type: 'system_ephemeral',
      props,
    });
    deliverEphemeral(ctx.core, recipient.id, post);
    return json(201, servedPost(ctx.core, post));
  },
};
