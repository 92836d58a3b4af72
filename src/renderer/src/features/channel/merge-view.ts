import type { ChannelView } from '../../../../shared/contract/control-api';
import type { Post, PostList } from '../../../../shared/mattermost/model';

// Folding what changed into the view on screen. Posts that did not change keep their object, so
// that memoised post components skip them: a channel of thousands re-renders only what is new.

const sameJson = <T>(a: T, b: T): T => (JSON.stringify(a) === JSON.stringify(b) ? a : b);

const changed = (old: Post | undefined, next: Post) =>
  !old ||
  old.update_at !== next.update_at ||
  old.edit_at !== next.edit_at ||
  old.delete_at !== next.delete_at ||
  old.is_pinned !== next.is_pinned;

const byNewest = (posts: Record<string, Post>) =>
  Object.keys(posts).sort((a, b) => posts[b]!.create_at - posts[a]!.create_at || (b < a ? -1 : 1));

/**
 * The view with `update` folded in: changed and new posts in, deleted ones marked, newest first.
 * A view that does not reach the channel's newest posts (a permalink's, `next_post_id` set)
 * takes only changes to the posts it shows: new ones would sit beyond a gap.
 */
export function mergeChanges(view: ChannelView, update: ChannelView): ChannelView {
  const posts: Record<string, Post> = { ...view.posts.posts };
  const windowed = view.posts.next_post_id !== '';
  let touched = false;
  for (const id of update.posts.order) {
    const next = update.posts.posts[id]!;
    const known = id in posts;
    // Beyond a window's gap, or deleted before it was ever shown: nothing to draw.
    if ((windowed || next.delete_at > 0) && !known) continue;
    if (!changed(posts[id], next)) continue;
    touched = true;
    // A post deleted while on screen stays as "(message deleted)", as in Mattermost's web app.
    posts[id] = next.delete_at > 0 ? { ...next, state: 'DELETED' } : next;
  }
  const list: PostList = touched ? { ...view.posts, posts, order: byNewest(posts) } : view.posts;
  return withContext(view, update, list);
}

/** The view with an older page appended (scrolling back). */
export function appendOlder(view: ChannelView, older: ChannelView): ChannelView {
  const fresh = older.posts.order.filter((id) => !(id in view.posts.posts));
  if (fresh.length === 0) return view;
  const posts = { ...view.posts.posts };
  for (const id of fresh) posts[id] = older.posts.posts[id]!;
  return withContext(view, older, { ...view.posts, posts, order: [...view.posts.order, ...fresh] });
}

/** The view with a newer page added (scrolling down from a permalink); it reaches the newest when the page does. */
export function appendNewer(view: ChannelView, newer: ChannelView): ChannelView {
  const posts = { ...view.posts.posts };
  for (const id of newer.posts.order) posts[id] ??= newer.posts.posts[id]!;
  return withContext(view, newer, { ...view.posts, posts, order: byNewest(posts), next_post_id: newer.posts.next_post_id });
}

/**
 * At most `keep` posts: the newest when the reader follows new posts at the bottom, the oldest
 * when they page back. What goes is off screen on the far side, and pages in again as the
 * reader scrolls there (older pages by the oldest shown; newer ones because the view, cut short
 * of the newest, names the next newer post). So the channel view's DOM stays the same size
 * under a stream of arrivals and while reading back through a long history.
 */
export function trimView(view: ChannelView, keep: number, side: 'newest' | 'oldest'): ChannelView {
  const { order } = view.posts;
  if (order.length <= keep) return view;
  const kept = side === 'newest' ? order.slice(0, keep) : order.slice(order.length - keep);
  const posts: Record<string, Post> = {};
  for (const id of kept) posts[id] = view.posts.posts[id]!;
  // Newest first: the post just newer than the kept ones is the last of those cut.
  const nextPostId = side === 'oldest' ? order[order.length - keep - 1]! : view.posts.next_post_id;
  return { ...view, posts: { ...view.posts, order: kept, posts, next_post_id: nextPostId } };
}

/** The latest users, channels and settings, keeping the old objects when nothing in them changed. */
function withContext(view: ChannelView, update: ChannelView, posts: PostList): ChannelView {
  const users = sameJson(view.users, { ...view.users, ...update.users });
  const next: ChannelView = {
    team: sameJson(view.team, update.team),
    channel: sameJson(view.channel, update.channel),
    channels: sameJson(view.channels, update.channels),
    viewer: sameJson(view.viewer, update.viewer),
    settings: sameJson(view.settings, update.settings),
    users,
    posts,
  };
  const unchanged = (Object.keys(next) as (keyof ChannelView)[]).every((key) => next[key] === view[key]);
  return unchanged ? view : next;
}

/** The time to ask for changes after: the newest change seen, less a millisecond for posts made in the same one. */
export function changesSince(view: ChannelView): number {
  let newest = 0;
  for (const post of Object.values(view.posts.posts)) newest = Math.max(newest, post.create_at, post.update_at, post.delete_at);
  return Math.max(0, newest - 1);
}
