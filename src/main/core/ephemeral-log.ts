import type { Post } from '../../shared/mattermost/model';

const KEEP = 1000;

/**
 * Ephemeral posts are never stored by Mattermost; it only sends them to one user's open
 * clients. Mockmost also keeps the latest ones in memory so its own UI can show them to that
 * user, and so a test can see what was delivered.
 */
export class EphemeralLog {
  private entries: { userId: string; post: Post }[] = [];

  add(userId: string, post: Post): void {
    this.entries.push({ userId, post });
    if (this.entries.length > KEEP) this.entries.splice(0, this.entries.length - KEEP);
  }

  /** The newest deliveries first. */
  newest(limit: number): { user_id: string; post: Post }[] {
    return this.entries
      .slice(-limit)
      .reverse()
      .map((e) => ({ user_id: e.userId, post: e.post }));
  }

  clear(): void {
    this.entries = [];
  }
}
