import type { Post, PostList } from '../../shared/mattermost/model';
import { postForClient, postListForClient, type ServeOptions } from '../../shared/mattermost/post-for-client';
import type { Core } from '../core/core';

function serveOptions(core: Core): ServeOptions {
  return { iconOverride: core.config().ServiceSettings?.EnablePostIconOverride === true };
}

/** A post as it leaves Mockmost (API answers, WebSocket events, the UI), with today's config. */
export const servedPost = (core: Core, post: Post): Post => postForClient(post, serveOptions(core));

export const servedPostList = (core: Core, list: PostList): PostList => postListForClient(list, serveOptions(core));
