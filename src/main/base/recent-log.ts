const KEEP = 1000;

/**
 * The latest few of something Mattermost only sends to a user's open clients and never
 * stores (ephemeral posts, opened dialogs). Mockmost keeps them in memory so that its own UI
 * can show them to that user, and so that a test can see what was delivered.
 */
export class RecentLog<T> {
  private entries: T[] = [];

  add(entry: T): void {
    this.entries.push(entry);
    if (this.entries.length > KEEP) this.entries.splice(0, this.entries.length - KEEP);
  }

  /** The newest first. */
  newest(limit: number): T[] {
    return this.entries.slice(-limit).reverse();
  }

  clear(): void {
    this.entries = [];
  }
}
