import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BacktickRuns } from '../../../src/shared/markdown/code-spans';
import { parseMarkdown } from '../../../src/shared/markdown/parse-message';

/** The code-span pattern of Mattermost's marked fork, run at a position: the oracle on short texts. */
const MARKED_CODE = /(`+)([^`]|[^`][\s\S]*?[^`])\1(?!`)/y;

function byPattern(text: string, at: number): number | undefined {
  MARKED_CODE.lastIndex = at;
  const match = MARKED_CODE.exec(text);
  return match ? at + match[0].length - match[1]!.length : undefined;
}

describe('code spans', () => {
  it('close where marked’s pattern closes them, from every run start', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('`', '`', '`', 'a', ' ', '\n'), maxLength: 40 }), (text) => {
        const runs = new BacktickRuns(text);
        for (let at = 0; at < text.length; at++) {
          if (text[at] !== '`') continue;
          let end = at;
          while (text[end] === '`') end++;
          expect(runs.closeOf(at, end - at), `${JSON.stringify(text)} at ${at}`).toEqual(byPattern(text, at));
        }
      }),
      { numRuns: 2000 },
    );
  });

  it('close only on a run of the opening’s length', () => {
    expect(parseMarkdown('```a` b``` c')).toEqual([
      {
        type: 'paragraph',
        children: [
          { type: 'codespan', text: 'a` b' },
          { type: 'text', text: ' c' },
        ],
      },
    ]);
    expect(parseMarkdown('``a` b')).toEqual([{ type: 'paragraph', children: [{ type: 'text', text: '``a` b' }] }]);
  });

  it('leave a run nothing closes as text, however long', () => {
    const run = '`'.repeat(50_000);
    expect(parseMarkdown(`x ${run}`)).toEqual([{ type: 'paragraph', children: [{ type: 'text', text: `x ${run}` }] }]);
  });
});
