import { channelPosts } from '../../../workspace/posts';
import { AppError, invalidUrlParam, noPermission } from '../../app-error';
import { requireSession } from '../../auth';
import type { RouteDef } from '../../http-types';
import { json } from '../../http-types';
import { canReadChannel } from './teams';

const MAX_PER_PAGE = 200;

function intParam(value: string | null, fallback: number, name: string): number {
  if (value === null || value === '') return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new AppError(400, 'api.context.invalid_param.app_error', `Invalid ${name} parameter.`);
  return n;
}

export const getChannelPosts: RouteDef = {
  method: 'GET',
  path: '/api/v4/channels/:channelId/posts',
  handle(ctx) {
    const caller = requireSession(ctx);
    const store = ctx.core.store;
    if (ctx.params.channelId!.length !== 26) throw invalidUrlParam('channel_id');
    const channel = store.channels.get(ctx.params.channelId!);
    if (!channel) throw new AppError(404, 'app.channel.get.existing.app_error', 'Unable to find the existing channel.');
    if (!canReadChannel(store, caller, channel)) throw noPermission();
    const q = ctx.url.searchParams;
    const page = intParam(q.get('page'), 0, 'page');
    const perPage = Math.min(intParam(q.get('per_page'), 60, 'per_page'), MAX_PER_PAGE);
    const since = q.has('since') ? intParam(q.get('since'), 0, 'since') : undefined;
    return json(200, channelPosts(store, channel.id, page, perPage, since));
  },
};

export const getPost: RouteDef = {
  method: 'GET',
  path: '/api/v4/posts/:postId',
  handle(ctx) {
    const caller = requireSession(ctx);
    if (ctx.params.postId!.length !== 26) throw invalidUrlParam('post_id');
    const store = ctx.core.store;
    const post = store.posts.get(ctx.params.postId!);
    const channel = post && store.channels.get(post.channel_id);
    if (!post || !channel || post.delete_at !== 0) throw new AppError(404, 'app.post.get.app_error', 'Unable to get the post.');
    if (!canReadChannel(store, caller, channel)) throw noPermission();
    return json(200, post);
  },
};
