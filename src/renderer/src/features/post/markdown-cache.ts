import type { Block, MarkdownOptions } from '../../../../shared/markdown/ast';
import { parseMarkdown } from '../../../../shared/markdown/parse-message';

/** Enough for every text a screen of posts or a composer preview shows, and little memory. */
const LIMIT = 256;
const trees = new Map<string, Block[]>();
const optionKeys = new WeakMap<MarkdownOptions, string>();

function keyOf(text: string, options: MarkdownOptions): string {
  let optionsKey = optionKeys.get(options);
  if (optionsKey === undefined) {
    optionsKey = JSON.stringify(options);
    optionKeys.set(options, optionsKey);
  }
  return `${optionsKey}\u0000${text}`;
}

/** Keeps a parsed tree, the oldest going first past the limit. */
export function rememberParsed(text: string, options: MarkdownOptions, blocks: Block[]): void {
  const key = keyOf(text, options);
  trees.delete(key);
  trees.set(key, blocks);
  if (trees.size > LIMIT) trees.delete(trees.keys().next().value!);
}

/**
 * A text's markdown tree, parsed once per text and options: a tree parsed off the main thread
 * (the composer's worker) is taken as it is, and a post drawn again keeps its tree.
 */
export function parsedMarkdown(text: string, options: MarkdownOptions): Block[] {
  const cached = trees.get(keyOf(text, options));
  if (cached) return cached;
  const blocks = parseMarkdown(text, options);
  rememberParsed(text, options, blocks);
  return blocks;
}
