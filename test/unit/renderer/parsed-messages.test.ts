import { describe, expect, it } from 'vitest';
import { DEFAULT_MARKDOWN_OPTIONS } from '../../../src/shared/markdown/ast';
import { parseMarkdown } from '../../../src/shared/markdown/parse-message';
import { parseCached } from '../../../src/renderer/src/features/post/parsed-messages';

describe('parseCached', () => {
  it('parses a text once per set of options, as parseMarkdown does', () => {
    const options = { ...DEFAULT_MARKDOWN_OPTIONS };
    const first = parseCached('**Build 42** passed :tada:', options);
    expect(first).toEqual(parseMarkdown('**Build 42** passed :tada:', options));
    expect(parseCached('**Build 42** passed :tada:', options)).toBe(first);
    // Other settings (LaTeX on, say) are another set of options: parsed again.
    expect(parseCached('**Build 42** passed :tada:', { ...options })).not.toBe(first);
    // An edited message is a new text.
    expect(parseCached('**Build 42** failed', options)).not.toBe(first);
  });

  it('forgets the least recently used texts past 500,000 characters', () => {
    const options = { ...DEFAULT_MARKDOWN_OPTIONS };
    const kept = parseCached('kept, asked for again', options);
    const dropped = parseCached('dropped, never asked for again', options);
    for (let i = 0; i < 60; i++) {
      parseCached(`${i} ${'x'.repeat(10_000)}`, options);
      expect(parseCached('kept, asked for again', options)).toBe(kept);
    }
    expect(parseCached('dropped, never asked for again', options)).not.toBe(dropped);
  });

  it('forgets the least recently used past 1,000 trees, however short their texts', () => {
    const options = { ...DEFAULT_MARKDOWN_OPTIONS };
    const first = parseCached('old 0', options);
    for (let i = 1; i <= 1_000; i++) parseCached(`old ${i}`, options);
    expect(parseCached('old 1000', options)).toBe(parseCached('old 1000', options));
    expect(parseCached('old 0', options)).not.toBe(first);
  });
});
