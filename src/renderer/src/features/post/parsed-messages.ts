import type { Block, MarkdownOptions } from '../../../../shared/markdown/ast';
import type { Post } from '../../../../shared/mattermost/model';
import { parseMarkdown } from '../../../../shared/markdown/parse-message';

/**
 * How much text the cache may hold, in characters: thousands of typical posts, or some thirty
 * versions of a maximal message typed into in the composer (a few MB of trees).
 */
const CACHED_CHARACTERS = 500_000;
/** The longest an arriving page waits for idle time before it is parsed anyway. */
const IDLE_TIMEOUT_MS = 100;

/** The parsed texts most recently asked for, by text, for one set of options; oldest first. */
interface Cache {
  trees: Map<string, Block[]>;
  characters: number;
}

/** By the options' content: the channel view and an arriving page each make their own object. */
const caches = new Map<string, Cache>();
const keys = new WeakMap<MarkdownOptions, string>();

function cacheFor(options: MarkdownOptions): Cache {
  let key = keys.get(options);
  if (key === undefined) keys.set(options, (key = JSON.stringify(options)));
  let cache = caches.get(key);
  if (!cache) caches.set(key, (cache = { trees: new Map(), characters: 0 }));
  return cache;
}

/**
 * `text` parsed with `options`, reused while both stay the same. A post paged out of the channel
 * view and in again (reading back and forth), or shown both in the channel and in its thread, is
 * parsed once; an edit is a new text, so a post's tree follows its message version.
 */
export function parseCached(text: string, options: MarkdownOptions): Block[] {
  const cache = cacheFor(options);
  const hit = cache.trees.get(text);
  if (hit) {
    // Most recently used last.
    cache.trees.delete(text);
    cache.trees.set(text, hit);
    return hit;
  }
  const tree = parseMarkdown(text, options);
  cache.trees.set(text, tree);
  cache.characters += text.length;
  for (const [old] of cache.trees) {
    if (cache.characters <= CACHED_CHARACTERS || old === text) break;
    cache.trees.delete(old);
    cache.characters -= old.length;
  }
  return tree;
}

const strings = (...values: unknown[]) => values.filter((v): v is string => typeof v === 'string' && v !== '');

/** The texts of a post drawn as markdown: its message, and its attachments' pretexts, texts and field values. */
export function markdownTextsOf(post: Post): string[] {
  const attachments = Array.isArray(post.props?.attachments) ? (post.props.attachments as Record<string, unknown>[]) : [];
  return strings(
    post.message,
    ...attachments.flatMap((a) => [
      a?.pretext,
      a?.text,
      ...(Array.isArray(a?.fields) ? (a.fields as { value?: unknown }[]).map((f) => f?.value) : []),
    ]),
  );
}

/**
 * Parses `texts` into the cache in the browser's idle time, a few at a time, and settles when all
 * are: arriving posts are then drawn from parsed trees, and the frame that paints them does not
 * also parse them.
 */
export function parseWhenIdle(texts: readonly string[], options: MarkdownOptions): Promise<void> {
  return new Promise((resolve) => {
    let next = 0;
    const work = (deadline: IdleDeadline) => {
      // At least one text a call, so that a page still goes in when the timeout cuts the wait short.
      do parseCached(texts[next++]!, options);
      while (next < texts.length && deadline.timeRemaining() > 1);
      if (next < texts.length) requestIdleCallback(work, { timeout: IDLE_TIMEOUT_MS });
      else resolve();
    };
    if (texts.length === 0) resolve();
    else requestIdleCallback(work, { timeout: IDLE_TIMEOUT_MS });
  });
}
