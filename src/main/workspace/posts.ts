import type { Post, PostList } from '../../shared/mattermost/model';
import { newId } from '../core/new-id';
import type { Store } from '../store/store';

export interface NewPost {
  channel_id: string;
  user_id: string;
  message: string;
  root_id?: string;
  type?: string;
  props?: Record<string, unknown>;
  create_at?: number;
  metadata?: Post['metadata'];
}

const HASHTAG = /(?:^|[\s(])#([\p{L}\d][\p{L}\d_.-]*[\p{L}\d])/gu;

/** Mattermost's `hashtags` field: the #words in a message, space-separated (model.ParseHashtags). */
function parseHashtags(message: string): string {
  const tags = new Set<string>();
  for (const match of message.matchAll(HASHTAG)) if (match[1]!.length >= 3) tags.add(`#${match[1]}`);
  return [...tags].join(' ').slice(0, 1000);
}

/** Stores a post with every key Mattermost's post model has, in its order (server.md §9.3). */
export function createPost(store: Store, input: NewPost): Post {
  const now = input.create_at ?? Date.now();
  const post: Post = {
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
    props: input.props ?? {},
    hashtags: parseHashtags(input.message),
    file_ids: [],
    pending_post_id: '',
    reply_count: 0,
    last_reply_at: 0,
    participants: null,
    metadata: input.metadata ?? ({} as Post['metadata']),
  };
  store.posts.put(post);
  return post;
}

/** A page of a channel's posts in Mattermost's list shape, newest first. */
export function channelPosts(store: Store, channelId: string, page: number, perPage: number, since?: number): PostList {
  const posts =
    since !== undefined
      ? store.posts.where('channel_id = ? AND create_at > ? ORDER BY create_at DESC', channelId, since)
      : store.posts.where(
          'channel_id = ? AND delete_at = 0 ORDER BY create_at DESC, id DESC LIMIT ? OFFSET ?',
          channelId,
          perPage,
          page * perPage,
        );
  const list: PostList = { order: [], posts: {}, next_post_id: '', prev_post_id: '', first_inaccessible_post_time: 0 };
  for (const post of posts) {
    list.order.push(post.id);
    list.posts[post.id] = post;
  }
  return list;
}
