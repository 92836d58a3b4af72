import type { Post } from '../../shared/mattermost/model';
import type { ChannelRef, Harness } from './harness';
import { describePost, postMatches, type PostMatch } from './post-match';

/** How many posts of the window a failed wait lists. */
const SHOWN = 10;

export interface WaitOptions {
  /** Only posts in this channel. */
  channel?: ChannelRef;
  /** Milliseconds to wait (default 5000). */
  timeout?: number;
}

/**
 * Posts the integration makes, as they arrive (driven by the workspace's events, not polling).
 * A wait answers the oldest matching post that no earlier wait answered, among those created
 * since the start or the last reset, so a post that came before the wait began still counts.
 */
export class PostWaiter {
  private readonly answered = new Set<string>();
  private windowStart = Date.now();

  constructor(private readonly harness: Harness) {}

  /** Forgets answered posts and starts the window again (on reset). */
  restart(): void {
    this.answered.clear();
    this.windowStart = Date.now();
  }

  async waitFor(match: PostMatch, options: WaitOptions = {}): Promise<Post> {
    const timeout = options.timeout ?? 5000;
    const channel = options.channel === undefined ? undefined : this.harness.channel(options.channel);
    const fits = (post: Post) =>
      !this.answered.has(post.id) &&
      (channel === undefined || post.channel_id === channel.id) &&
      postMatches(post, match, this.harness.usernameOf);
    const store = this.harness.core.store;
    const found =
      store.posts.createdSince(this.windowStart, channel?.id, 10_000).find(fits) ??
      (await new Promise<Post | undefined>((resolve) => {
        const timer = setTimeout(() => {
          stop();
          resolve(undefined);
        }, timeout);
        const stop = this.harness.core.events.on((event) => {
          if ((event.type === 'posted' || event.type === 'post_edited') && fits(event.post)) {
            clearTimeout(timer);
            stop();
            resolve(event.post);
          }
        });
      }));
    if (!found) throw new Error(this.failure(match, options, channel?.id, timeout));
    this.answered.add(found.id);
    return found;
  }

  /** What a failed wait says: what it wanted and what arrived instead. */
  private failure(match: PostMatch, options: WaitOptions, channelId: string | undefined, timeout: number): string {
    const arrived = this.harness.core.store.posts.createdSince(this.windowStart, channelId, 1000);
    const wanted = Object.entries(match)
      .map(
        ([key, value]) =>
          `${key}: ${typeof value === 'function' ? '(a function)' : value instanceof RegExp || typeof value !== 'object' ? String(value) : JSON.stringify(value)}`,
      )
      .join(', ');
    const where = options.channel === undefined ? '' : ` in ${JSON.stringify(options.channel)}`;
    const list = arrived
      .slice(-SHOWN)
      .map((post) => `  ${describePost(post, this.harness.usernameOf)}`)
      .join('\n');
    return `no post matching {${wanted}}${where} within ${timeout} ms; ${arrived.length === 0 ? 'no posts arrived' : `arrived instead (newest last):\n${list}`}`;
  }
}
