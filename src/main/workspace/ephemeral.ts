import type { Post } from '../../shared/mattermost/model';
import type { Core } from '../core/core';

/**
 * Sends an ephemeral post to one user's clients (and Mockmost's log of them); never stored, so
 * its actions carry sealed cookies that say where a click goes (server/channels/app/post.go: SendEphemeralPost, with model.Post.GenerateActionIds).
 */
export function deliverEphemeral(core: Core, userId: string, unsealed: Post): void {
  const post = core.actionCookies.seal(unsealed);
  core.ephemerals.add({ user_id: userId, post });
  core.store.batch.afterCommit(() => core.events.emit({ type: 'ephemeral_message', post, userId }));
}
