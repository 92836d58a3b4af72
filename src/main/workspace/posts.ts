import { softDeleted } from './soft-delete';
import { parseHashtags } from '../../shared/mattermost/hashtags';
import { withActionIds } from '../../shared/mattermost/post-actions';
import type { Channel, Post, PostList } from '../../shared/mattermost/model';
import type { Core } from '../core/core';
import { newId } from '../base/new-id';
import type { Store } from '../store/store';
import { attachFiles } from './files';

export interface NewPost {
  channel_id: string;
  user_id: string;
  message: string;
  root_id?: string;
  type?: string;
  props?: Record<string, unknown>;
  create_at?: number;
  metadata?: Post['metadata'];
  file_ids?: string[];
  pending_post_id?: string;
}

/** A post with every key Mattermost's post model has, in its order (server/public/model/post.go: Post); not stored. */
export function buildPost(input: NewPost): Post {
  const now = input.create_at ?? Date.now();
  return {
    id: newId(),
    create_at: now,
    update_at: now,
    edit_at: 0,
    delete_at: 0,
    is_pinned: false,
    user_id: input.user_id,
    channel_id: input.channel_id,
    root_id: input.root_id ?? '',
    original_id: '',
    message: input.message,
    type: (input.type ?? '') as Post['type'],
    props: withActionIds(input.props ?? {}, newId),
    hashtags: parseHashtags(input.message),
    file_ids: input.file_ids ?? [],
    pending_post_id: input.pending_post_id ?? '',
    reply_count: 0,
    last_reply_at: 0,
    participants: null,
    metadata: input.metadata ?? ({} as Post['metadata']),
  };
}

/**
 * Stores a post (inside the caller's write batch), counts it on its thread's root, and tells
 * WebSocket listeners once it is committed.
 */
export function createPost(core: Core, input: NewPost): Post {
  const store = core.store;
  let post = store.posts.put(buildPost(input));
  const fileIds = post.file_ids ?? [];
  if (fileIds.length > 0) {
    const attached = attachFiles(core, post);
    if (attached.length !== fileIds.length) post = store.posts.put({ ...post, file_ids: attached });
  }
  if (post.root_id) {
    const root = store.posts.get(post.root_id);
    // Mattermost also moves the root's update_at to the reply's time, so that clients asking for
    // changes since then (channels/{id}/posts?since=) fetch the root with its new count.
    if (root) store.posts.put({ ...root, reply_count: root.reply_count + 1, last_reply_at: post.create_at, update_at: post.create_at });
  }
  const channel = store.channels.get(post.channel_id);
  if (channel) {
    store.channels.put({ ...channel, last_post_at: post.create_at, ...(post.root_id ? {} : { last_root_post_at: post.create_at }) });
    // Mattermost's sender_name: a webhook's override name as is, else "@" and the username.
    const override = post.props.from_webhook === 'true' ? (post.props.override_username as string | undefined) : undefined;
    const senderName = override ?? `@${store.users.get(post.user_id)?.username ?? ''}`;
    store.batch.afterCommit(() => core.events.emit({ type: 'posted', post, channel, senderName }));
  }
  return post;
}

/** Saves an edited post and tells listeners. */
export function saveEditedPost(core: Core, edited: Post, channel: Channel): Post {
  const post = core.store.posts.put({ ...edited, props: withActionIds(edited.props ?? {}, newId) });
  core.store.batch.afterCommit(() => core.events.emit({ type: 'post_edited', post, channel }));
  return post;
}

/** Mattermost deletes softly; deleting a root deletes its replies too. */
export function deletePost(core: Core, post: Post, channel: Channel, deletedBy: string): Post {
  const store = core.store;
  const now = Date.now();
  const deleted = store.posts.put(softDeleted(post, now));
  // Mattermost's DeletePost deletes the post's own file infos (deletePostFiles), softly.
  store.files.deleteForPost(post.id, now);
  if (!post.root_id) {
    for (const reply of store.posts.replies(post.id)) store.posts.put(softDeleted(reply, now));
  } else {
    const root = store.posts.get(post.root_id);
    if (root) store.posts.put({ ...root, reply_count: Math.max(0, root.reply_count - 1) });
  }
  store.batch.afterCommit(() => core.events.emit({ type: 'post_deleted', post: deleted, channel, deletedBy }));
  return deleted;
}

export function toList(posts: Post[]): PostList {
  const list: PostList = { order: [], posts: {}, next_post_id: '', prev_post_id: '', first_inaccessible_post_time: 0 };
  for (const post of posts) {
    list.order.push(post.id);
    list.posts[post.id] = post;
  }
  return list;
}

/** A page of a channel's posts in Mattermost's list shape, newest first. */
export function channelPosts(store: Store, channelId: string, page: number, perPage: number, since?: number): PostList {
  if (since !== undefined) {
    // `since` answers everything changed after that time, deleted posts included, with no cursors.
    return toList(store.posts.changedSince(channelId, since));
  }
  const posts = store.posts.page(channelId, perPage + 1, page * perPage);
  const list = toList(posts.slice(0, perPage));
  // prev_post_id names the next older post beyond this page, as Mattermost's cursors do.
  list.prev_post_id = posts.length > perPage ? posts[perPage]!.id : '';
  return list;
}

/** A root post and its replies, in the list shape (GET /posts/{id}/thread). */
export function threadPosts(store: Store, root: Post): PostList {
  const replies = store.posts.replies(root.id);
  return toList([...replies, root]);
}
