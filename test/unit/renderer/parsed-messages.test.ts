import { describe, expect, it } from 'vitest';
import { DEFAULT_MARKDOWN_OPTIONS } from '../../../src/shared/markdown/ast';
import { parseMarkdown } from '../../../src/shared/markdown/parse-message';
import type { Post } from '../../../src/shared/mattermost/model';
import { markdownTextsOf, parseCached, parseWhenIdle } from '../../../src/renderer/src/features/post/parsed-messages';

describe('parseCached', () => {
  it('parses a text once per set of options, as parseMarkdown does', () => {
    const options = { ...DEFAULT_MARKDOWN_OPTIONS };
    const first = parseCached('**Build 42** passed :tada:', options);
    expect(first).toEqual(parseMarkdown('**Build 42** passed :tada:', options));
    expect(parseCached('**Build 42** passed :tada:', options)).toBe(first);
    // The same settings in another object: the same tree. Other settings (LaTeX on): parsed again.
    expect(parseCached('**Build 42** passed :tada:', { ...options })).toBe(first);
    expect(parseCached('**Build 42** passed :tada:', { ...options, latex: true })).not.toBe(first);
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

  it('names the texts of a post drawn as markdown: message, pretexts, texts, field values', () => {
    const post = {
      message: 'Build **42**',
      props: {
        attachments: [
          { pretext: 'Heads up', text: 'All green', title: 'not markdown', fields: [{ title: 'Env', value: 'prod' }, { value: 3 }] },
          null,
        ],
      },
    } as unknown as Post;
    expect(markdownTextsOf(post)).toEqual(['Build **42**', 'Heads up', 'All green', 'prod']);
    expect(markdownTextsOf({ message: '', props: { attachments: 'not a list' } } as unknown as Post)).toEqual([]);
  });

  it('parses texts into the cache in idle time, a few a call, and settles when all are', async () => {
    // Node has no idle callbacks: a stand-in that gives each call no time left, the worst case.
    let calls = 0;
    globalThis.requestIdleCallback = (work) => {
      calls++;
      return setTimeout(() => work({ didTimeout: true, timeRemaining: () => 0 })) as unknown as number;
    };
    const options = { ...DEFAULT_MARKDOWN_OPTIONS, minimumHashtagLength: 4 };
    const texts = ['one #idle', 'two #idle', 'three #idle'];
    const settled = parseWhenIdle(texts, options);
    // Scheduled, not run in the caller's task.
    expect(calls).toBe(1);
    await settled;
    // One text a call, since no call had time to spare.
    expect(calls).toBe(3);
    await expect(parseWhenIdle([], options)).resolves.toBeUndefined();
  });
});
