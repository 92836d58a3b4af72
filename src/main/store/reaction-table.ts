import type Database from 'better-sqlite3';

/** A reaction as Mattermost's API answers it (server/public/model/reaction.go: Reaction). */
export interface Reaction {
  user_id: string;
  post_id: string;
  emoji_name: string;
  create_at: number;
  update_at: number;
  delete_at: number;
  remote_id: string;
  channel_id: string;
}

type Row = Omit<Reaction, 'remote_id'>;
const toReaction = (row: Row): Reaction => ({ ...row, remote_id: '' });

/** The reactions on posts; a removed one stays, deleted, as in Mattermost's store. */
export class ReactionTable {
  private readonly upsert: Database.Statement;
  private readonly live: Database.Statement;
  private readonly emojiOnPost: Database.Statement;
  private readonly anyOnPost: Database.Statement;
  private readonly uniqueEmoji: Database.Statement;
  private readonly remove: Database.Statement;

  constructor(db: Database.Database) {
    this.upsert = db.prepare(`INSERT INTO reactions (post_id, user_id, emoji_name, channel_id, create_at, update_at, delete_at)
      VALUES (@post_id, @user_id, @emoji_name, @channel_id, @create_at, @update_at, 0)
      ON CONFLICT (post_id, user_id, emoji_name) DO UPDATE SET update_at = excluded.update_at, delete_at = 0, channel_id = excluded.channel_id`);
    this.live = db.prepare(
      'SELECT post_id, user_id, emoji_name, channel_id, create_at, update_at, delete_at FROM reactions WHERE post_id = ? AND delete_at = 0 ORDER BY create_at',
    );
    this.emojiOnPost = db.prepare('SELECT 1 FROM reactions WHERE post_id = ? AND emoji_name = ? AND delete_at = 0 LIMIT 1').pluck();
    this.anyOnPost = db.prepare('SELECT 1 FROM reactions WHERE post_id = ? AND delete_at = 0 LIMIT 1').pluck();
    this.uniqueEmoji = db.prepare('SELECT COUNT(DISTINCT emoji_name) FROM reactions WHERE post_id = ? AND delete_at = 0').pluck();
    this.remove = db.prepare(
      'UPDATE reactions SET delete_at = ?, update_at = ? WHERE post_id = ? AND user_id = ? AND emoji_name = ? AND delete_at = 0',
    );
  }

  /** Adds the reaction, or brings a removed one back; answers it as stored. */
  save(reaction: Omit<Reaction, 'delete_at' | 'remote_id'>): Reaction {
    this.upsert.run(reaction);
    return { ...reaction, delete_at: 0, remote_id: '' };
  }

  /** The post's reactions, oldest first. */
  forPost(postId: string): Reaction[] {
    return (this.live.all(postId) as Row[]).map(toReaction);
  }

  /** Whether the post has any reaction left. */
  hasAny(postId: string): boolean {
    return this.anyOnPost.get(postId) !== undefined;
  }

  hasEmoji(postId: string, emojiName: string): boolean {
    return this.emojiOnPost.get(postId, emojiName) !== undefined;
  }

  /** How many different emoji the post carries. */
  uniqueEmojiCount(postId: string): number {
    return this.uniqueEmoji.get(postId) as number;
  }

  delete(postId: string, userId: string, emojiName: string, now: number): boolean {
    return this.remove.run(now, now, postId, userId, emojiName).changes > 0;
  }
}
