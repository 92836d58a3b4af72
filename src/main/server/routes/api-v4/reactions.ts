import { isValidId } from '../../../../shared/mattermost/ids';
import { diagnose } from '../../../diagnostics/catalog';
import { AppError, invalidBodyParam, invalidUrlParam } from '../../../workspace/app-error';
import { deleteReaction, EMOJI_NAME, EMOJI_NAME_MAX_LENGTH, postReactions, saveReaction } from '../../../workspace/reactions';
import { requireSession } from '../../auth';
import { notFound } from '../../handle-mattermost';
import type { RequestContext, RouteDef } from '../../http-types';
import { json } from '../../http-types';
import { readApiJson } from '../../read-api-json';

function requireId(ctx: RequestContext, param: 'postId' | 'userId', name: string): string {
  const id = ctx.params[param]!;
  if (!isValidId(id)) throw invalidUrlParam(name);
  return id;
}

/** Mattermost's 403 does not say whether the post is missing or out of the caller's sight: the diagnosis does. */
function explainUnseenPost(ctx: RequestContext, error: unknown, postId: string, userId: string): void {
  if (!(error instanceof AppError) || error.id !== 'api.context.permissions.app_error') return;
  const store = ctx.core.store;
  const post = isValidId(postId) ? store.posts.get(postId) : undefined;
  const channel = post && store.channels.get(post.channel_id);
  ctx.capture.diagnosis.push(
    diagnose.unseenPost(post === undefined || post.delete_at !== 0, channel?.name, store.users.get(userId)?.username ?? ''),
  );
}

export const saveReactionRoute: RouteDef = {
  method: 'POST',
  path: '/api/v4/reactions',
  async handle(ctx) {
    const caller = requireSession(ctx);
    const body = await readApiJson(ctx, 'reaction');
    // Go's decoder refuses a field of another type before any check runs.
    for (const field of ['user_id', 'post_id', 'emoji_name']) {
      if (body[field] !== undefined && typeof body[field] !== 'string') throw invalidBodyParam('reaction');
    }
    let reaction;
    try {
      reaction = saveReaction(ctx.core, caller, body);
    } catch (error) {
      explainUnseenPost(ctx, error, String(body.post_id ?? ''), caller.user.id);
      throw error;
    }
    ctx.capture.postId = reaction.post_id;
    return json(200, reaction);
  },
};

export const getReactionsRoute: RouteDef = {
  method: 'GET',
  path: '/api/v4/posts/:postId/reactions',
  handle(ctx) {
    const caller = requireSession(ctx);
    return json(200, postReactions(ctx.core, caller, requireId(ctx, 'postId', 'post_id')));
  },
};

export const deleteReactionRoute: RouteDef = {
  method: 'DELETE',
  path: '/api/v4/users/:userId/posts/:postId/reactions/:emojiName~',
  handle(ctx) {
    const caller = requireSession(ctx);
    const userId = requireId(ctx, 'userId', 'user_id');
    const postId = requireId(ctx, 'postId', 'post_id');
    const emojiName = ctx.params.emojiName!;
    // Mattermost's route takes only these characters (any other is no route at all); its handler then checks the length.
    if (!EMOJI_NAME.test(emojiName)) throw notFound(ctx.url.pathname);
    if (emojiName.length > EMOJI_NAME_MAX_LENGTH) throw invalidUrlParam('emoji_name');
    deleteReaction(ctx.core, caller, userId, postId, emojiName);
    return json(200, { status: 'OK' });
  },
};
