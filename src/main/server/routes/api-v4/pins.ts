import { isValidId } from '../../../../shared/mattermost/ids';
import { AppError, invalidUrlParam, noPermission } from '../../../workspace/app-error';
import { requireChannel } from '../../../workspace/lookups';
import { canReadChannel, postInReadableChannel } from '../../../workspace/permissions';
import { saveEditedPost, toList } from '../../../workspace/posts';
import { servedPostList } from '../../../workspace/serve-post';
import { requireSession } from '../../auth';
import type { RequestContext, RouteDef } from '../../http-types';
import { json } from '../../http-types';

/**
 * POST /posts/{id}/pin and /unpin: anyone who can read the channel (api4/post.go: saveIsPinnedPost),
 * through Mattermost's post patch, so the post moves its update_at and post_edited goes out.
 */
function setPinned(ctx: RequestContext, pinned: boolean) {
  const caller = requireSession(ctx);
  const postId = ctx.params.postId!;
  if (!isValidId(postId)) throw invalidUrlParam('post_id');
  const store = ctx.core.store;
  const { post, channel } = postInReadableChannel(store, caller.user, postId);
  if (channel.delete_at !== 0) {
    throw new AppError(400, 'api.post.update_post.can_not_update_post_in_deleted.error', 'Can not update post in deleted channel.');
  }
  if (post.is_pinned !== pinned)
    store.batch.run(() => saveEditedPost(ctx.core, { ...post, is_pinned: pinned, update_at: Date.now() }, channel));
  ctx.capture.postId = post.id;
  return json(200, { status: 'OK' });
}

export const pinPostRoute: RouteDef = { method: 'POST', path: '/api/v4/posts/:postId/pin', handle: (ctx) => setPinned(ctx, true) };
export const unpinPostRoute: RouteDef = { method: 'POST', path: '/api/v4/posts/:postId/unpin', handle: (ctx) => setPinned(ctx, false) };

export const getPinnedPostsRoute: RouteDef = {
  method: 'GET',
  path: '/api/v4/channels/:channelId/pinned',
  handle(ctx) {
    const caller = requireSession(ctx);
    const store = ctx.core.store;
    const channel = requireChannel(store, ctx.params.channelId!);
    if (!canReadChannel(store, caller.user, channel)) throw noPermission();
    return json(200, servedPostList(ctx.core, toList(store.posts.pinned(channel.id))));
  },
};
