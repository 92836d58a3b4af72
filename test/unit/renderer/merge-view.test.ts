import { describe, expect, it } from 'vitest';
import type { ChannelView } from '../../../src/shared/contract/control-api';
import type { Post } from '../../../src/shared/mattermost/model';
import { appendNewer, appendOlder, changesSince, mergeChanges, trimView } from '../../../src/renderer/src/features/channel/merge-view';

const post = (id: string, at: number, extra: Partial<Post> = {}): Post =>
  ({ id, create_at: at, update_at: at, edit_at: 0, delete_at: 0, is_pinned: false, message: id, ...extra }) as Post;

function view(posts: Post[], users: ChannelView['users'] = { u1: { id: 'u1', username: 'a' } as never }): ChannelView {
  const sorted = [...posts].sort((a, b) => b.create_at - a.create_at);
  return {
    team: { id: 't', name: 'dev' } as never,
    channel: { id: 'c', name: 'town-square' } as never,
    channels: [],
    viewer: { id: 'u1' } as never,
    settings: {} as never,
    users,
    posts: {
      order: sorted.map((p) => p.id),
      posts: Object.fromEntries(sorted.map((p) => [p.id, p])),
      next_post_id: '',
      prev_post_id: '',
    } as never,
  };
}

describe('folding live changes into the channel view', () => {
  it('adds new posts newest first and keeps unchanged posts (and the view) as the same objects', () => {
    const old = view([post('a', 1), post('b', 2)]);
    const merged = mergeChanges(old, view([post('b', 2), post('c', 3)]));
    expect(merged.posts.order).toEqual(['c', 'b', 'a']);
    expect(merged.posts.posts.a).toBe(old.posts.posts.a);
    expect(merged.posts.posts.b).toBe(old.posts.posts.b);
    expect(merged.users).toBe(old.users);
    expect(mergeChanges(old, view([post('b', 2)]))).toBe(old);
  });

  it('replaces edited posts, marks posts deleted on screen, and leaves out posts deleted before they were shown', () => {
    const old = view([post('a', 1), post('b', 2)]);
    const merged = mergeChanges(
      old,
      view([
        post('a', 1, { update_at: 5, message: 'edited' }),
        post('b', 2, { update_at: 6, delete_at: 6 }),
        post('c', 3, { update_at: 7, delete_at: 7 }),
      ]),
    );
    expect(merged.posts.order).toEqual(['b', 'a']);
    expect(merged.posts.posts.a!.message).toBe('edited');
    expect(merged.posts.posts.b!.state).toBe('DELETED');
    expect(mergeChanges(merged, view([post('b', 2, { update_at: 6, delete_at: 6 })]))).toBe(merged);
  });

  it('takes new users in, appends older pages without duplicates, and asks for changes from the newest seen', () => {
    const old = view([post('b', 20)]);
    const older = appendOlder(old, view([post('b', 20), post('a', 10)], { u2: { id: 'u2', username: 'b' } as never }));
    expect(older.posts.order).toEqual(['b', 'a']);
    expect(Object.keys(older.users)).toEqual(['u1', 'u2']);
    expect(appendOlder(old, view([post('b', 20)]))).toBe(old);
    expect(changesSince(view([post('a', 10, { update_at: 30 }), post('b', 20)]))).toBe(29);
  });

  it('short of the newest (a permalink), takes changes to the posts shown but not new posts, until newer pages reach the newest', () => {
    const windowed = (posts: Post[], next: string) => {
      const v = view(posts);
      return { ...v, posts: { ...v.posts, next_post_id: next } };
    };
    const old = windowed([post('a', 1), post('b', 2)], 'c');
    const merged = mergeChanges(old, view([post('a', 1, { update_at: 9, message: 'edited' }), post('z', 9)]));
    expect(merged.posts.order).toEqual(['b', 'a']);
    expect(merged.posts.posts.a!.message).toBe('edited');

    const partway = appendNewer(old, windowed([post('b', 2), post('c', 3)], 'd'));
    expect(partway.posts.order).toEqual(['c', 'b', 'a']);
    expect(partway.posts.next_post_id).toBe('d');
    const reached = appendNewer(partway, view([post('d', 4)]));
    expect(reached.posts.next_post_id).toBe('');
    expect(mergeChanges(reached, view([post('z', 9)])).posts.order).toEqual(['z', 'd', 'c', 'b', 'a']);
  });

  it('holds at most so many posts: the newest while following, the oldest (then short of the newest) while reading back', () => {
    const full = view([post('a', 1), post('b', 2), post('c', 3), post('d', 4), post('e', 5)]);
    expect(trimView(full, 5, 'newest')).toBe(full);

    const following = trimView(full, 3, 'newest');
    expect(following.posts.order).toEqual(['e', 'd', 'c']);
    expect(Object.keys(following.posts.posts).sort()).toEqual(['c', 'd', 'e']);
    expect(following.posts.next_post_id).toBe('');
    // The cut older posts page in again from the oldest shown.
    expect(appendOlder(following, view([post('b', 2), post('a', 1)])).posts.order).toEqual(['e', 'd', 'c', 'b', 'a']);

    const readingBack = trimView(full, 3, 'oldest');
    expect(readingBack.posts.order).toEqual(['c', 'b', 'a']);
    // Short of the newest now: new posts wait beyond the gap, and the next newer post is named.
    expect(readingBack.posts.next_post_id).toBe('d');
    expect(mergeChanges(readingBack, view([post('z', 9)])).posts.order).toEqual(['c', 'b', 'a']);
    expect(appendNewer(readingBack, view([post('d', 4), post('e', 5)])).posts.order).toEqual(['e', 'd', 'c', 'b', 'a']);
  });
});
