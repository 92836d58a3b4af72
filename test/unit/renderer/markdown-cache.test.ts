import { describe, expect, it } from 'vitest';
import { DEFAULT_MARKDOWN_OPTIONS } from '../../../src/shared/markdown/ast';
import { parseMarkdown } from '../../../src/shared/markdown/parse-message';
import { parsedMarkdown, rememberParsed } from '../../../src/renderer/src/features/post/markdown-cache';

describe('the markdown cache', () => {
  it('hands over a tree parsed elsewhere (the composer’s worker) for the same text and options', () => {
    const tree = parseMarkdown('from the **worker**');
    // The worker's options arrive as a copy: equal content is the same key.
    rememberParsed('from the **worker**', { ...DEFAULT_MARKDOWN_OPTIONS }, tree);
    expect(parsedMarkdown('from the **worker**', DEFAULT_MARKDOWN_OPTIONS)).toBe(tree);
  });

  it('parses once per text and options', () => {
    const first = parsedMarkdown('once *only*', DEFAULT_MARKDOWN_OPTIONS);
    expect(parsedMarkdown('once *only*', DEFAULT_MARKDOWN_OPTIONS)).toBe(first);
    const latex = { ...DEFAULT_MARKDOWN_OPTIONS, inlineLatex: true };
    expect(parsedMarkdown('once *only*', latex)).not.toBe(first);
    expect(parsedMarkdown('once *only*', latex)).toEqual(first);
  });

  it('forgets the oldest past its limit', () => {
    const oldest = parsedMarkdown('the oldest', DEFAULT_MARKDOWN_OPTIONS);
    for (let i = 0; i < 300; i++) parsedMarkdown(`filler ${i}`, DEFAULT_MARKDOWN_OPTIONS);
    expect(parsedMarkdown('the oldest', DEFAULT_MARKDOWN_OPTIONS)).not.toBe(oldest);
  });
});
