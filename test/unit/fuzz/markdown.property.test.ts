import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Block, Inline } from '../../../src/shared/markdown/ast';
import { DEFAULT_MARKDOWN_OPTIONS } from '../../../src/shared/markdown/ast';
import { parseMarkdown } from '../../../src/shared/markdown/parse-message';
import { fragments, repeated, RUNS, withinBudget } from './budget';

const MARKDOWN_PIECES = [
  '*',
  '**',
  '_',
  '__',
  '~~',
  '`',
  '```',
  '\n',
  '\n\n',
  '> ',
  '# ',
  '###### ',
  '- ',
  '1. ',
  '  ',
  '    ',
  '\t',
  '|',
  '|---|',
  ':---:',
  '[',
  ']',
  '(',
  ')',
  '![',
  '](',
  '<',
  '>',
  '&',
  '&amp;',
  '&#x6A;',
  '\\',
  '"',
  "'",
  'http://',
  'http://a',
  '&lt;',
  '[a](b',
  'https://example.com/',
  'www.',
  'javascript:',
  'data:text/html,',
  'mailto:',
  '@',
  '@sysadmin',
  '~',
  '~town-square',
  '#',
  '#tag',
  ':',
  ':smile:',
  ':)',
  '$',
  '$$',
  '=',
  '-',
  '---',
  '.',
  'a',
  'word',
  ' ',
  '🙂',
  '\u200b',
  '\u0000',
  '<script>',
  '[x]',
  '[ ]',
  '{',
  '}',
];

const OPTIONS = [
  DEFAULT_MARKDOWN_OPTIONS,
  { ...DEFAULT_MARKDOWN_OPTIONS, latex: true, inlineLatex: true, autolinkSchemes: ['http', 'https', 'myapp'] },
];

const INLINE_TYPES = new Set([
  'text',
  'strong',
  'em',
  'del',
  'codespan',
  'link',
  'email',
  'image',
  'mention',
  'channel',
  'hashtag',
  'emoji',
  'inline_latex',
]);

/** Throws unless `node` is a tree the renderer understands: known types, strings where strings go, children arrays. */
function checkInline(node: Inline): void {
  if (!INLINE_TYPES.has(node.type)) throw new Error(`unknown inline ${node.type}`);
  switch (node.type) {
    case 'strong':
    case 'em':
    case 'del':
      node.children.forEach(checkInline);
      return;
    case 'link':
      expect(typeof node.href).toBe('string');
      node.children.forEach(checkInline);
      return;
    case 'image':
      expect(typeof node.src).toBe('string');
      expect(typeof node.alt).toBe('string');
      return;
    case 'email':
      expect(typeof node.address).toBe('string');
      return;
    case 'mention':
    case 'channel':
      expect(node.name).not.toBe('');
      return;
    case 'hashtag':
      expect(node.tag).not.toBe('');
      return;
    case 'emoji':
      expect(typeof node.name).toBe('string');
      expect(typeof node.text).toBe('string');
      return;
    default:
      expect(typeof node.text).toBe('string');
  }
}

function checkBlock(block: Block): void {
  switch (block.type) {
    case 'paragraph':
    case 'heading':
      block.children.forEach(checkInline);
      return;
    case 'code':
    case 'latex':
      expect(typeof block.text).toBe('string');
      return;
    case 'blockquote':
      block.children.forEach(checkBlock);
      return;
    case 'list':
      expect(block.items.length).toBeGreaterThan(0);
      for (const item of block.items) item.children.forEach(checkBlock);
      return;
    case 'table':
      expect(block.header.length).toBe(block.align.length);
      for (const row of block.rows) for (const cell of row) cell.forEach(checkInline);
      block.header.forEach((cell) => cell.forEach(checkInline));
      return;
    case 'hr':
      return;
    default:
      throw new Error(`unknown block ${(block as { type: string }).type}`);
  }
}

describe('markdown parser under random and hostile input', () => {
  it('always yields a well-formed tree, quickly, from markdown-shaped noise', () => {
    fc.assert(
      fc.property(fragments(MARKDOWN_PIECES), fc.constantFrom(...OPTIONS), (text, options) => {
        withinBudget((t: string) => parseMarkdown(t, options), text).forEach(checkBlock);
      }),
      { numRuns: RUNS },
    );
  });

  it('stays linear on long runs of one construct (the shapes that make regular expressions backtrack)', () => {
    fc.assert(
      fc.property(repeated(MARKDOWN_PIECES), fc.constantFrom(...OPTIONS), (text, options) => {
        withinBudget((t: string) => parseMarkdown(t, options), text).forEach(checkBlock);
      }),
      { numRuns: Math.ceil(RUNS / 3) },
    );
  });

  it('survives any Unicode, lone surrogates and control characters included', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 2000 }), (text) => {
        withinBudget((t: string) => parseMarkdown(t), text).forEach(checkBlock);
      }),
      { numRuns: RUNS },
    );
  });

  it('never emits a link or image to a javascript:, vbscript: or data: URL, however it is spelled', () => {
    const schemes = fc.constantFrom(
      'javascript:',
      'JaVaScRiPt:',
      'java\tscript:',
      'jav&#x61;script:',
      '&#106;avascript:',
      'vbscript:',
      'data:text/html,',
      ' javascript:',
    );
    const link = fc
      .tuple(schemes, fc.string({ maxLength: 20 }), fc.constantFrom('[x](%s)', '![x](%s)', '<%s>', '%s', '[x]: %s\n\n[x]', '[x](<%s>)'))
      .map(([scheme, rest, shape]) => shape.replace('%s', `${scheme}${rest}`));
    const hrefs = (blocks: Block[]): string[] => {
      const out: string[] = [];
      const inline = (n: Inline) => {
        if (n.type === 'link') out.push(n.href);
        if (n.type === 'image') out.push(n.src);
        if ('children' in n) n.children.forEach(inline);
      };
      const block = (b: Block) => {
        if (b.type === 'paragraph' || b.type === 'heading') b.children.forEach(inline);
        if (b.type === 'blockquote') b.children.forEach(block);
        if (b.type === 'list') b.items.forEach((i) => i.children.forEach(block));
        if (b.type === 'table') [b.header, ...b.rows].forEach((row) => row.forEach((cell) => cell.forEach(inline)));
      };
      blocks.forEach(block);
      return out;
    };
    fc.assert(
      fc.property(link, (text) => {
        for (const href of hrefs(parseMarkdown(text))) {
          const squashed = href
            .replace(/&#x([0-9a-f]+);?/gi, (_, h: string) => String.fromCodePoint(parseInt(h, 16)))
            .replace(/&#(\d+);?/g, (_, d: string) => String.fromCodePoint(Number(d)))
            .replace(/[^\w:]/g, '')
            .toLowerCase();
          expect(squashed).not.toMatch(/^(javascript|vbscript|data):/);
        }
      }),
      { numRuns: RUNS },
    );
  });
});
