import { describe, expect, it } from 'vitest';
import type { Block } from '../../../src/shared/markdown/ast';
import { parseMarkdown } from '../../../src/shared/markdown/parse-message';
import { isUrlSafe } from '../../../src/shared/markdown/url-safety';

const first = (text: string) => parseMarkdown(text)[0]! as Block & { children: { type: string }[] };

describe('markdown as Mattermost reads it', () => {
  it('reads headings only with a space after the hashes', () => {
    expect(first('## Two')).toMatchObject({ type: 'heading', level: 2 });
    expect(first('#Title')).toMatchObject({ type: 'paragraph', children: [{ type: 'hashtag', tag: '#Title' }] });
    expect(first('Title\n=====')).toMatchObject({ type: 'heading', level: 1 });
  });

  it('nests strong and em, and leaves intra-word underscores alone', () => {
    expect(first('***both***')).toMatchObject({ children: [{ type: 'strong', children: [{ type: 'em' }] }] });
    expect(first('snake_case_name')).toEqual({ type: 'paragraph', children: [{ type: 'text', text: 'snake_case_name' }] });
  });

  it('reads lists, task items and the ordered start', () => {
    expect(first('3. three\n4. four')).toMatchObject({ type: 'list', ordered: true, start: 3, items: [{}, {}] });
    expect(first('- [ ] todo\n- [x] done')).toMatchObject({ items: [{ checked: false }, { checked: true }] });
  });

  it('reads tables with alignment and escaped pipes', () => {
    expect(first('| a \\| b | c |\n|:--|--:|\n| 1 | 2 |')).toMatchObject({
      type: 'table',
      align: ['left', 'right'],
      header: [[{ type: 'text', text: 'a | b' }], [{ type: 'text', text: 'c' }]],
    });
  });

  it('autolinks bare URLs with Mattermost end rules, and nothing else', () => {
    const link = (text: string) =>
      (first(text) as { children: { type: string; href?: string }[] }).children.find((c) => c.type === 'link')?.href;
    expect(link('This is a link to http://example.com.')).toBe('http://example.com');
    expect(link('(see http://example.com)')).toBe('http://example.com');
    expect(link('https://en.wikipedia.org/wiki/Rendering_(computer_graphics)')).toBe(
      'https://en.wikipedia.org/wiki/Rendering_(computer_graphics)',
    );
    expect(link('www.example.com')).toBe('http://www.example.com');
    expect(link('example.com/index')).toBe('http://example.com/index');
    expect(link('example.com and readme.md')).toBeUndefined();
    expect(link('git://example.com/repo')).toBeUndefined();
    expect(link('[x](example.com)')).toBe('http://example.com');
  });

  it('drops unsafe links but keeps their text', () => {
    for (const href of ['javascript:alert(1)', '&#106;avascript:x', 'JaVa\tScRiPt:x', 'data:text/html,x', 'vbscript:x', '%6aavascript:x'])
      expect(isUrlSafe(href)).toBe(false);
    expect(first('[click](javascript:window.__mm_xss=1)')).toEqual({ type: 'paragraph', children: [{ type: 'text', text: 'click' }] });
  });

  it('finds mentions, channels, hashtags, e-mails and emoji in text runs', () => {
    expect(first('hi @user-1. see ~town-square #tag x@y.com :smile: :) 👍').children.map((c: { type: string }) => c.type)).toEqual([
      'text',
      'mention',
      'text',
      'channel',
      'text',
      'hashtag',
      'text',
      'email',
      'text',
      'emoji',
      'text',
      'emoji',
      'text',
      'emoji',
    ]);
    expect(first('user@host')).toEqual({ type: 'paragraph', children: [{ type: 'text', text: 'user@host' }] });
    expect(first('\\:)')).toEqual({ type: 'paragraph', children: [{ type: 'text', text: ':)' }] });
  });

  it('keeps raw HTML as text and code untouched', () => {
    expect(first('<b>x</b>')).toEqual({ type: 'paragraph', children: [{ type: 'text', text: '<b>x</b>' }] });
    expect(first('```JS\n@user *x*\n```')).toEqual({ type: 'code', lang: 'js', text: '@user *x*' });
  });

  it('reads hostile input to the end without losing text', () => {
    const stars = `x${'*'.repeat(16000)}`;
    expect(parseMarkdown(stars)).toMatchObject([{ type: 'paragraph' }]);
    const brackets = '[['.repeat(8000);
    expect(parseMarkdown(brackets)).toMatchObject([{ type: 'paragraph', children: [{ type: 'text', text: brackets }] }]);
    expect(parseMarkdown('> '.repeat(5000) + 'x')).toHaveLength(1);
  });
});
