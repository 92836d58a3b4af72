import { describe, expect, it } from 'vitest';
import type { Post } from '../../../src/shared/mattermost/model';
import { isConsecutive, postFrame } from '../../../src/renderer/src/features/channel/post-display';

const MIN = 60_000;
const post = (id: string, at: number, extra: Partial<Post> = {}): Post =>
  ({ id, user_id: 'u1', create_at: at, root_id: '', type: '', props: {}, reply_count: 0, is_pinned: false, ...extra }) as Post;
const center: Parameters<typeof postFrame>[2] = { viewerId: 'u1', location: 'CENTER', highlight: false, bot: false };
const classes = (p: Post, previous?: Post, options = center) => postFrame(p, previous, options).classes.split(' ');

describe("a post's frame, as Mattermost's post component draws it", () => {
  it('groups posts by the same author within five minutes, never webhook or system posts, nor a post with a priority', () => {
    expect(isConsecutive(post('b', 4 * MIN), post('a', 0))).toBe(true);
    expect(isConsecutive(post('b', 6 * MIN), post('a', 0))).toBe(false);
    expect(isConsecutive(post('b', MIN, { user_id: 'u2' }), post('a', 0))).toBe(false);
    const hook = { props: { from_webhook: 'true' } };
    expect(isConsecutive(post('b', MIN, hook), post('a', 0, hook))).toBe(false);
    expect(isConsecutive(post('b', MIN, { type: 'system_join_channel' as Post['type'] }), post('a', 0))).toBe(false);
    expect(isConsecutive(post('b', MIN, { metadata: { priority: { priority: 'urgent' } } } as never), post('a', 0))).toBe(false);
    expect(isConsecutive(post('b', MIN, { root_id: 'a' }), post('a', 0))).toBe(true);
  });

  it('marks a new author group other--root, a consecutive root post same--root same--user without its picture', () => {
    expect(classes(post('a', 0))).toEqual(['a11y__section', 'post', 'other--root', 'current--user']);
    const next = postFrame(post('b', MIN), post('a', 0), center);
    expect(next.classes.split(' ')).toEqual(['a11y__section', 'post', 'same--root', 'current--user', 'same--user']);
    expect(next.hideProfilePicture).toBe(true);
    // A bot keeps its picture.
    expect(postFrame(post('b', MIN), post('a', 0), { ...center, bot: true }).hideProfilePicture).toBe(false);
  });

  it('gives post--root only to roots with replies, and replies post--comment same--root unless first after another thread', () => {
    expect(classes(post('a', 0, { reply_count: 2 }))).toContain('post--root');
    expect(classes(post('a', 0))).not.toContain('post--root');
    const reply = post('r', MIN, { root_id: 'a', user_id: 'u2' });
    expect(classes(reply, post('a', 0))).toEqual(['a11y__section', 'post', 'same--root', 'post--comment']);
    // After a post of another thread it is the first reply: other--root.
    expect(classes(reply, post('x', 0))).toEqual(['a11y__section', 'post', 'other--root', 'post--comment']);
    // Its picture stays, even when consecutive.
    expect(postFrame(post('r2', 2 * MIN, { root_id: 'a' }), post('r1', MIN, { root_id: 'a' }), center).hideProfilePicture).toBe(false);
  });

  it('marks system posts without root classes, the viewer, pinned posts, highlights and the thread on the right', () => {
    expect(classes(post('s', 0, { type: 'system_ephemeral' as Post['type'] }))).toEqual(['a11y__section', 'post', 'post--system']);
    expect(classes(post('a', 0, { user_id: 'u2' }))).not.toContain('current--user');
    expect(classes(post('a', 0, { is_pinned: true }))).toContain('post--pinned-or-flagged');
    expect(classes(post('a', 0), undefined, { ...center, highlight: true })).toContain('post--highlight');
    const rhs = { ...center, location: 'RHS' as const };
    expect(classes(post('a', 0), undefined, rhs)).toEqual(['a11y__section', 'post', 'other--root', 'current--user', 'post--thread']);
    expect(classes(post('a', 0, { is_pinned: true }), undefined, rhs)).not.toContain('post--pinned-or-flagged');
  });
});
