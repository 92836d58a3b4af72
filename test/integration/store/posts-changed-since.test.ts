import { rmSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Post } from '../../../src/shared/mattermost/model';
import type { Store } from '../../../src/main/store/store';
import { tempDir } from '../helpers/test-core';
import { openTestStore, sqlOf } from '../helpers/test-store';

const post = (id: string, channel_id: string, create_at: number, changes: Partial<Post> = {}): Post =>
  ({ id, channel_id, root_id: '', create_at, update_at: create_at, edit_at: 0, delete_at: 0, message: id, ...changes }) as Post;

describe('posts changed since a time (?since=)', () => {
  let dir: string;
  let store: Store;
  beforeEach(() => {
    dir = tempDir('mockmost-since-');
    store = openTestStore(dir);
  });
  afterEach(() => {
    store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('answers the posts created, edited or deleted after the time, newest first, and no others', () => {
    store.posts.put(post('old', 'c1', 100));
    store.posts.put(post('edited', 'c1', 200, { update_at: 300, edit_at: 300 }));
    store.posts.put(post('deleted', 'c1', 250, { update_at: 260, delete_at: 260 }));
    store.posts.put(post('new', 'c1', 280));
    store.posts.put(post('elsewhere', 'c2', 400));
    expect(store.posts.changedSince('c1', 210).map((p) => p.id)).toEqual(['new', 'deleted', 'edited']);
    expect(store.posts.changedSince('c1', 300)).toEqual([]);
  });

  it('finds them through an index, without reading every post of the channel', () => {
    // The query as PostTable.changedSince builds it: the UI asks it after every live event.
    const plan = sqlOf(store)
      .prepare(
        "EXPLAIN QUERY PLAN SELECT doc FROM posts WHERE channel_id = ? AND json_extract(doc, '$.update_at') > ? ORDER BY create_at DESC",
      )
      .all('c1', 0) as { detail: string }[];
    expect(plan.map((row) => row.detail).join(' | ')).toContain('USING INDEX posts_channel_update (channel_id=? AND <expr>>?)');
  });
});
