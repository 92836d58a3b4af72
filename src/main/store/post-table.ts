import type Database from 'better-sqlite3';
import type { Post } from '../../shared/mattermost/model';
import { DocTable } from './doc-table';

/** Which way from a point in a channel: older posts come nearest first, as newer ones do. */
export type Side = 'older' | 'newer';

export class PostTable extends DocTable<Post> {
  constructor(db: Database.Database) {
    super(db, 'posts', ['channel_id', 'root_id', 'create_at', 'delete_at']);
  }

  /** A root's replies that are not deleted, newest first. */
  replies(rootId: string): Post[] {
    return this.where('root_id = ? AND delete_at = 0 ORDER BY create_at DESC', rootId);
  }

  /**
   * Everything created or changed after `since`, deleted posts included, newest first (`?since=`).
   * A post's update_at starts at its create_at and only moves forward (an edit, a reply, a
   * reaction, a deletion), so Mattermost's UpdateAt > since (post_store.go: GetPostsSince) covers
   * new posts too, and the index on it (migration 0018) finds them without reading the channel.
   */
  changedSince(channelId: string, since: number): Post[] {
    return this.where("channel_id = ? AND json_extract(doc, '$.update_at') > ? ORDER BY create_at DESC", channelId, since);
  }

  /** Posts created at or after `since` (in one channel, or all), oldest first, deleted ones left out. */
  createdSince(since: number, channelId: string | undefined, limit: number): Post[] {
    return channelId === undefined
      ? this.where('create_at >= ? AND delete_at = 0 ORDER BY create_at, id LIMIT ?', since, limit)
      : this.where('channel_id = ? AND create_at >= ? AND delete_at = 0 ORDER BY create_at, id LIMIT ?', channelId, since, limit);
  }

  /** The channel's pinned posts that are not deleted, newest first (GET /channels/{id}/pinned). */
  pinned(channelId: string): Post[] {
    return this.where("channel_id = ? AND delete_at = 0 AND json_extract(doc, '$.is_pinned') = 1 ORDER BY create_at DESC", channelId);
  }

  /**
   * Posts not deleted in the given channels whose message contains `needle` (any case, a cheap
   * first cut that the search then refines), newest first.
   */
  containing(channelIds: string[], needle: string): Post[] {
    if (channelIds.length === 0) return [];
    const escaped = needle.replace(/[\\%_]/g, (c) => `\\${c}`);
    return this.where(
      `channel_id IN (${channelIds.map(() => '?').join(',')}) AND delete_at = 0 AND json_extract(doc, '$.message') LIKE ? ESCAPE '\\' ORDER BY create_at DESC`,
      ...channelIds,
      `%${escaped}%`,
    );
  }

  /** `limit` posts that are not deleted, newest first, skipping the newest `offset`. */
  page(channelId: string, limit: number, offset: number): Post[] {
    return this.where('channel_id = ? AND delete_at = 0 ORDER BY create_at DESC, id DESC LIMIT ? OFFSET ?', channelId, limit, offset);
  }

  /**
   * The posts on one side of `from` (a time, or a post: posts of its millisecond go by id), the
   * nearest first, up to `limit`.
   */
  beside(channelId: string, from: Post | number, side: Side, limit: number): Post[] {
    const newer = side === 'newer';
    const order = newer ? 'ASC' : 'DESC';
    const [condition, params] =
      typeof from === 'number'
        ? [newer ? 'create_at > ?' : 'create_at < ?', [from]]
        : [
            newer ? '(create_at > ? OR (create_at = ? AND id > ?))' : '(create_at < ? OR (create_at = ? AND id < ?))',
            [from.create_at, from.create_at, from.id],
          ];
    return this.where(
      `channel_id = ? AND delete_at = 0 AND ${condition} ORDER BY create_at ${order}, id ${order} LIMIT ?`,
      channelId,
      ...params,
      limit,
    );
  }
}
