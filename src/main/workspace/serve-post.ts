import type { Post, PostList } from '../../shared/mattermost/model';
import { postForClient, postListForClient, type ServeOptions } from '../../shared/mattermost/post-for-client';
import type { Core } from '../core/core';

function serveOptions(core: Core): ServeOptions {
  return { iconOverride: core.config().ServiceSettings?.EnablePostIconOverride === true };
}

/** The post's reactions in its metadata, as Mattermost's PreparePostForClient adds them. */
function withReactions(core: Core, post: Post): Post {
  if (!(post as Post & { has_reactions?: boolean }).has_reactions) return post;
  return { ...post, metadata: { ...post.metadata, reactions: core.store.reactions.forPost(post.id) } as Post['metadata'] };
}

/** The post's files in its metadata (PreparePostForClient's getFileMetadataForPost), when it has any left. */
function withFiles(core: Core, post: Post): Post {
  if (!post.file_ids?.length) return post;
  const files = core.store.files.forPost(post.id);
  if (files.length === 0) return post;
  return { ...post, metadata: { ...post.metadata, files } as unknown as Post['metadata'] };
}

const withMetadata = (core: Core, post: Post): Post => withFiles(core, withReactions(core, post));

/** A post as it leaves Mockmost (API answers, WebSocket events, the UI), with today's config. */
export const servedPost = (core: Core, post: Post): Post => withMetadata(core, postForClient(post, serveOptions(core)));

export const servedPostList = (core: Core, list: PostList): PostList => {
  const served = postListForClient(list, serveOptions(core));
  for (const [id, post] of Object.entries(served.posts)) served.posts[id] = withMetadata(core, post);
  return served;
};
