import type { Block, MarkdownOptions } from '../../../../shared/markdown/ast';
import { parseMarkdown } from '../../../../shared/markdown/parse-message';

/**
 * How much the cache may hold: as many posts as the channel view shows (SHOWN_POSTS) and its
 * thread twice over, and in characters some thirty versions of a maximal message typed into in
 * the composer (a few MB of trees). Reading back through a long channel keeps the heap flat.
 */
const CACHED_TREES = 1_000;
const CACHED_CHARACTERS = 500_000;

/** The parsed texts most recently asked for, by text, for one set of options; oldest first. */
interface Cache {
  trees: Map<string, Block[]>;
  characters: number;
}

const caches = new WeakMap<MarkdownOptions, Cache>();

/**
 * `text` parsed with `options`, reused while both stay the same. A post paged out of the channel
 * view and in again (reading back and forth), or shown both in the channel and in its thread, is
 * parsed once; an edit is a new text, so a post's tree follows its message version. The options
 * keep their identity while the channel's settings do (render-context-value.ts).
 */
export function parseCached(text: string, options: MarkdownOptions): Block[] {
  let cache = caches.get(options);
  if (!cache) caches.set(options, (cache = { trees: new Map(), characters: 0 }));
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
    if ((cache.characters <= CACHED_CHARACTERS && cache.trees.size <= CACHED_TREES) || old === text) break;
    cache.trees.delete(old);
    cache.characters -= old.length;
  }
  return tree;
}
