import type { Post } from '../../shared/mattermost/model';
import type { Core } from '../core/core';

/** Sends an ephemeral post to one user's clients (and Mockmost's log of them); never stored. */
export function deliverEphemeral(core: Core, userId: string, post: Post): void {
  core.ephemerals.add(userId, post);
  core.store.batch.afterCommit(() => core.events.emit({ type: 'ephemeral_message', post, userId }));
}
