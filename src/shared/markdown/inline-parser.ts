import type { Inline, MarkdownOptions } from './ast';
import type { LinkDefinition } from './block-parser';
import { BacktickRuns } from './code-spans';
import { endOfSpaces, tokenizeText } from './text-tokens';
import { decodeHref, isUrlSafe } from './url-safety';

// Inline markdown as Mattermost's marked fork reads it (mattermost/marked: lib/marked.js, InlineLexer). Every pattern
// is matched at a position (sticky) or by scanning forward, never by re-slicing the rest of the
// text, so hostile input stays linear enough.

const ESCAPABLE = '\\`*{}[]()#+-.!_>~|';
const MAX_DEPTH = 100;
const SCHEME = /^[a-z][a-z0-9+.-]*:/i;
const BARE_SCHEME_URL = /([a-z][a-z0-9+.-]*):(?:\/\/)?[^\s<]/iy;
const WWW_URL = /www\d{0,3}\./iy;
const DOMAIN_PATH_URL = /[a-z0-9.-]+\.[a-z]{2,4}\//iy;
const ANGLE_AUTOLINK = /<([a-z][a-z0-9+.-]*:[^\s<>]+|[^\s<>@]+@[^\s<>]+)>/iy;
const INLINE_LATEX = /\$([^$\n]+)\$(?![\p{L}\p{N}_])/uy;
const URL_END_CHARS = `?!.,:*_~'"`;

interface Context {
  definitions: Map<string, LinkDefinition>;
  options: MarkdownOptions;
  inLink: boolean;
  depth: number;
}

const isWordChar = (c: string | undefined) => c !== undefined && /[\p{L}\p{N}_]/u.test(c);

function sticky(pattern: RegExp, text: string, at: number): RegExpExecArray | null {
  pattern.lastIndex = at;
  return pattern.exec(text);
}

/** Index of the `]` closing the `[` at `open`, allowing nested brackets and escapes. */
function closingBracket(text: string, open: number): number {
  let depth = 0;
  for (let i = open; i < text.length; i++) {
    const c = text[i];
    if (c === '\\') i++;
    else if (c === '[') depth++;
    else if (c === ']' && --depth === 0) return i;
  }
  return -1;
}

/** Index of the `)` closing the `(` at `open`; parentheses inside must balance. */
function closingParen(text: string, open: number): number {
  let depth = 0;
  for (let i = open; i < text.length; i++) {
    const c = text[i];
    if (c === '\\') i++;
    else if (c === '\n' && text[i + 1] === '\n') return -1;
    else if (c === '(') depth++;
    else if (c === ')' && --depth === 0) return i;
  }
  return -1;
}

const UNSEEN = -2;

/**
 * What closingBracket and closingParen answer for every opener of `text`, found in one pass with
 * a stack: asking each `[` in turn would rescan the rest of the text, quadratic on `[[[[…`.
 * Openers the pass skipped (escaped) are UNSEEN, and are asked the slow way.
 */
function matchingPairs(text: string): Int32Array {
  const match = new Int32Array(text.length).fill(UNSEEN);
  const brackets: number[] = [];
  const parens: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '\\') i++;
    else if (c === '[') brackets.push(i);
    else if (c === ']') {
      const open = brackets.pop();
      if (open !== undefined) match[open] = i;
    } else if (c === '(') parens.push(i);
    else if (c === ')') {
      const open = parens.pop();
      if (open !== undefined) match[open] = i;
    } else if (c === '\n' && text[i + 1] === '\n') {
      // A blank line ends every open parenthesis, not brackets.
      for (const open of parens) match[open] = -1;
      parens.length = 0;
    }
  }
  for (const open of [...brackets, ...parens]) match[open] = -1;
  return match;
}

interface Destination {
  href: string;
  title?: string;
  width?: string;
  height?: string;
}

/** `url "title"` with Mattermost's image size suffix ` =WxH`. */
function readDestination(raw: string, image: boolean): Destination {
  let rest = raw.trim();
  let title: string | undefined;
  const titled = /\s+(?:"([^"]*)"|'([^']*)')$/.exec(rest);
  if (titled) {
    title = titled[1] ?? titled[2];
    rest = rest.slice(0, titled.index);
  }
  let width: string | undefined;
  let height: string | undefined;
  const size = image ? /\s+=(\d*)(?:x(\d*))?$/.exec(rest) : null;
  if (size && (size[1] || size[2])) {
    width = size[1] || 'auto';
    height = size[2] || 'auto';
    rest = rest.slice(0, size.index);
  }
  const href = rest.replace(/^<(.*)>$/, '$1').trim();
  return { href, title, width, height };
}

/** Mattermost's fork prefixes `http://` to a destination that has no scheme and is not a path. */
function withScheme(href: string): string {
  if (href === '' || SCHEME.test(href) || href.startsWith('/') || href.startsWith('#')) return href;
  return `http://${href}`;
}

/** Where an entity (`&lt;`) that ends at `end` starts; -1 when none does. */
function entityStart(url: string, end: number): number {
  if (url[end - 1] !== ';') return -1;
  let at = end - 1;
  while (at > 0 && /[a-z]/i.test(url[at - 1]!)) at--;
  return at < end - 1 && url[at - 1] === '&' ? at - 1 : -1;
}

/**
 * Drops what ends a bare URL but is not part of it: trailing punctuation, a `)` without its `(`,
 * an entity. One pass from the end, counting parentheses once, so a URL of thousands of `)` or
 * `&lt;` stays linear.
 */
function trimUrlEnd(url: string): string {
  let opens = 0;
  let closes = 0;
  for (const c of url) {
    if (c === '(') opens++;
    else if (c === ')') closes++;
  }
  let end = url.length;
  for (;;) {
    const last = url[end - 1];
    const entity = entityStart(url, end);
    if (last !== undefined && URL_END_CHARS.includes(last)) end--;
    else if (last === ')' && opens < closes) {
      end--;
      closes--;
    } else if (entity >= 0) end = entity;
    else return url.slice(0, end);
  }
}

/** A bare URL at `at`, with Mattermost's end rules; undefined when none starts there. */
function bareUrl(text: string, at: number, options: MarkdownOptions): { text: string; href: string } | undefined {
  let prefix = '';
  const scheme = sticky(BARE_SCHEME_URL, text, at);
  if (scheme) {
    if (!options.autolinkSchemes.includes(scheme[1]!.toLowerCase())) return undefined;
  } else if (sticky(WWW_URL, text, at) || sticky(DOMAIN_PATH_URL, text, at)) {
    prefix = 'http://';
  } else return undefined;
  let end = at;
  while (end < text.length && !/[\s<]/.test(text[end]!) && !/[\u3000-\u303f\uff00-\uffef]/.test(text[end]!)) end++;
  const url = trimUrlEnd(text.slice(at, end));
  if (scheme && url.length <= scheme[1]!.length + 1) return undefined;
  return { text: url, href: prefix + url };
}

/** Finds the close of `**`/`__` emphasis opened at `at`; -1 when there is none. */
function strongClose(text: string, at: number, marker: string): number {
  const pair = marker + marker;
  for (let k = text.indexOf(pair, at + 3); k !== -1; k = text.indexOf(pair, k + 1)) {
    if (text[k + 2] !== marker) return k;
  }
  return -1;
}

/** Finds the close of `*`/`_` emphasis opened at `at`; inner doubled markers are skipped. */
function emClose(text: string, at: number, marker: string): number {
  for (let k = at + 1; k < text.length; k++) {
    if (text[k] === '\\') {
      k++;
      continue;
    }
    if (text[k] !== marker) continue;
    if (text[k + 1] === marker) {
      k++;
      continue;
    }
    if (k === at + 1) return -1;
    if (marker === '_' && isWordChar(text[k + 1])) continue;
    return k;
  }
  return -1;
}

class InlineReader {
  private readonly out: Inline[] = [];
  private buffer = '';
  private backticks: BacktickRuns | undefined;

  constructor(
    private readonly text: string,
    private readonly ctx: Context,
  ) {}

  read(): Inline[] {
    const { text } = this;
    for (let i = 0; i < text.length;) {
      if (text[i] === ' ') {
        // No construct starts with a space: a run of them (a tab is four) is text as a whole.
        const end = endOfSpaces(text, i);
        this.buffer += text.slice(i, end);
        i = end;
        continue;
      }
      const next = this.at(i);
      if (next > i) i = next;
      else this.buffer += text[i++];
    }
    this.flush();
    return this.out;
  }

  private push(node: Inline): void {
    this.flush();
    this.out.push(node);
  }

  private flush(): void {
    if (this.buffer === '') return;
    this.out.push(...tokenizeText(this.buffer, { options: this.ctx.options, inLink: this.ctx.inLink }));
    this.buffer = '';
  }

  private nested(text: string, inLink = this.ctx.inLink): Inline[] {
    if (this.ctx.depth >= MAX_DEPTH) return [{ type: 'text', text }];
    return new InlineReader(text, { ...this.ctx, inLink, depth: this.ctx.depth + 1 }).read();
  }

  /** Tries every construct at `i`; answers the index after it, or `i` when nothing matched. */
  private at(i: number): number {
    const { text } = this;
    const c = text[i]!;
    if (c === '\\' && ESCAPABLE.includes(text[i + 1] ?? '')) {
      this.buffer += text[i + 1];
      return i + 2;
    }
    if (c === '`') {
      let end = i;
      while (text[end] === '`') end++;
      this.backticks ??= new BacktickRuns(text);
      const close = this.backticks.closeOf(i, end - i);
      if (close !== undefined) {
        this.push({ type: 'codespan', text: text.slice(end, close).trim() });
        return close + end - i;
      }
      // An unmatched run of backticks is text as a whole.
      this.buffer += text.slice(i, end);
      return end;
    }
    if (c === '[' || (c === '!' && text[i + 1] === '[')) return this.link(i);
    if (c === '<' && !this.ctx.inLink) {
      const auto = sticky(ANGLE_AUTOLINK, text, i);
      if (auto) {
        const target = auto[1]!;
        const href = target.includes(':') ? target : `mailto:${target}`;
        if (isUrlSafe(href)) this.push({ type: 'link', href, children: [{ type: 'text', text: target }] });
        else this.buffer += target;
        return i + auto[0].length;
      }
    }
    if (c === '*' || (c === '_' && !isWordChar(text[i - 1]))) return this.emphasis(i, c);
    if (c === '~' && text[i + 1] === '~') {
      const close = text.indexOf('~~', i + 3);
      if (close !== -1 && !/\s/.test(text[i + 2]!) && !/\s/.test(text[close - 1]!)) {
        this.push({ type: 'del', children: this.nested(text.slice(i + 2, close)) });
        return close + 2;
      }
    }
    if (c === '$' && this.ctx.options.inlineLatex && !isWordChar(text[i - 1])) {
      const latex = sticky(INLINE_LATEX, text, i);
      if (latex) {
        this.push({ type: 'inline_latex', text: latex[1]!.trim() });
        return i + latex[0].length;
      }
    }
    if (!this.ctx.inLink && !isWordChar(text[i - 1]) && !/[/@.:-]/.test(text[i - 1] ?? '')) {
      const url = bareUrl(text, i, this.ctx.options);
      if (url) {
        this.push({ type: 'link', href: url.href, children: [{ type: 'text', text: url.text }] });
        return i + url.text.length;
      }
    }
    return i;
  }

  private emphasis(i: number, marker: string): number {
    const { text } = this;
    if (text[i + 1] === marker) {
      const close = strongClose(text, i, marker);
      if (close !== -1) {
        this.push({ type: 'strong', children: this.nested(text.slice(i + 2, close)) });
        return close + 2;
      }
    }
    const close = emClose(text, i, marker);
    if (close === -1) return i;
    this.push({ type: 'em', children: this.nested(text.slice(i + 1, close)) });
    return close + 1;
  }

  private pairs: Int32Array | undefined;

  /** The closing `]` or `)` of the opener at `open`, or -1. */
  private closing(open: number): number {
    this.pairs ??= matchingPairs(this.text);
    const known = this.pairs[open]!;
    if (known !== UNSEEN) return known;
    return this.text[open] === '[' ? closingBracket(this.text, open) : closingParen(this.text, open);
  }

  private link(i: number): number {
    const { text } = this;
    const image = text[i] === '!';
    const open = image ? i + 1 : i;
    const close = this.closing(open);
    if (close === -1) return i;
    const label = text.slice(open + 1, close);
    let destination: Destination | undefined;
    let end = close + 1;
    if (text[close + 1] === '(') {
      const paren = this.closing(close + 1);
      if (paren === -1) return i;
      destination = readDestination(text.slice(close + 2, paren), image);
      end = paren + 1;
    } else {
      const reference = /\s?\[([^\]]*)\]/y;
      reference.lastIndex = close + 1;
      const ref = reference.exec(text);
      const key = (ref && ref[1] ? ref[1] : label).toLowerCase().replace(/\s+/g, ' ');
      const definition = this.ctx.definitions.get(key);
      if (!definition) return i;
      destination = { href: definition.href, title: definition.title };
      if (ref) end = close + 1 + ref[0].length;
    }
    const href = withScheme(decodeHref(destination.href));
    if (image) {
      if (isUrlSafe(href)) this.push({ type: 'image', src: href, alt: label.replace(/\\(.)/g, '$1'), ...optional(destination) });
      else this.buffer += label;
      return end;
    }
    const children = this.nested(label, true);
    // Links do not nest, and an unsafe link shows only its text (webapp/channels/src/utils/markdown/renderer.tsx: link).
    if (this.ctx.inLink || !isUrlSafe(href)) {
      this.flush();
      this.out.push(...children);
      return end;
    }
    this.push({ type: 'link', href, ...(destination.title !== undefined ? { title: destination.title } : {}), children });
    return end;
  }
}

function optional(destination: Destination): { title?: string; width?: string; height?: string } {
  const out: { title?: string; width?: string; height?: string } = {};
  if (destination.title !== undefined) out.title = destination.title;
  if (destination.width !== undefined) out.width = destination.width;
  if (destination.height !== undefined) out.height = destination.height;
  return out;
}

/** Parses the inline content of one block. */
export function parseInline(text: string, definitions: Map<string, LinkDefinition>, options: MarkdownOptions): Inline[] {
  return new InlineReader(text, { definitions, options, inLink: false, depth: 0 }).read();
}
