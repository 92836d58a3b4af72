import type { Align } from './ast';

// Block structure the way Mattermost's fork of marked (0.3 line, gfm, tables, sanitize) reads
// it (Mattermost's marked fork, mattermost/marked: lib/marked.js, Lexer). Inline content is kept as raw text here and parsed afterwards.

export type RawBlock =
  | { type: 'paragraph'; text: string }
  | { type: 'heading'; level: 1 | 2 | 3 | 4 | 5 | 6; text: string }
  | { type: 'code'; lang: string; text: string }
  | { type: 'blockquote'; children: RawBlock[] }
  | { type: 'list'; ordered: boolean; start: number; tight: boolean; items: { checked: boolean | null; children: RawBlock[] }[] }
  | { type: 'hr' }
  | { type: 'table'; align: Align[]; header: string[]; rows: string[][] };

export interface LinkDefinition {
  href: string;
  title?: string;
}

/** marked stops recursing past this depth; deeper structure stays text. */
const MAX_DEPTH = 100;

const FENCE_OPEN = /^ {0,3}(`{3,}|~{3,})[ .]*([^\s`]*)[^`\n]*$/;
const ATX_HEADING = /^ {0,3}(#{1,6}) +(.*?)(?: +#+)? *$/;
const EMPTY_HEADING = /^ {0,3}(#{1,6}) *$/;
const HR = /^ {0,3}(?:(?:\* *){3,}|(?:- *){3,}|(?:_ *){3,})$/;
const BLOCKQUOTE = /^ {0,3}>/;
const BULLET = /^( {0,3})([*+-]|\d+\.)( +|$)/;
const SETEXT = /^ {0,3}(=+|-+) *$/;
const TABLE_DELIMITER = /^ *\|? *:?-+:? *(?:\| *:?-+:? *)*\|? *$/;
const DEFINITION = /^ {0,3}\[([^\]]+)\]: *<?([^\s>]+)>?(?: +["(]([^\n]+)[")])? *$/;
const INDENTED = /^(?: {4}|\t)/;

const isBlank = (line: string) => line.trim() === '';

/** Splits a table row on unescaped pipes; `\|` stays a literal pipe in the cell. */
export function splitTableRow(line: string): string[] {
  let row = line.trim();
  if (row.startsWith('|')) row = row.slice(1);
  if (row.endsWith('|') && !row.endsWith('\\|')) row = row.slice(0, -1);
  const cells: string[] = [];
  let cell = '';
  for (let i = 0; i < row.length; i++) {
    const c = row[i]!;
    if (c === '\\' && row[i + 1] === '|') {
      cell += '|';
      i++;
    } else if (c === '|') {
      cells.push(cell.trim());
      cell = '';
    } else cell += c;
  }
  cells.push(cell.trim());
  return cells;
}

function alignOf(cell: string): Align {
  const left = cell.startsWith(':');
  const right = cell.endsWith(':');
  if (left && right) return 'center';
  if (right) return 'right';
  if (left) return 'left';
  return null;
}

class BlockReader {
  private i = 0;

  constructor(
    private readonly lines: string[],
    private readonly definitions: Map<string, LinkDefinition>,
    private readonly depth: number,
  ) {}

  read(): RawBlock[] {
    const blocks: RawBlock[] = [];
    while (this.i < this.lines.length) {
      const line = this.lines[this.i]!;
      if (isBlank(line)) {
        this.i++;
        continue;
      }
      const block =
        this.fence(line) ?? this.indentedCode(line) ?? this.heading(line) ?? this.hr(line) ?? this.quote(line) ?? this.list(line);
      if (block) {
        blocks.push(block);
        continue;
      }
      if (this.definition(line)) continue;
      blocks.push(this.table() ?? this.setext() ?? this.paragraph());
    }
    return blocks;
  }

  private fence(line: string): RawBlock | undefined {
    const open = FENCE_OPEN.exec(line);
    if (!open) return undefined;
    const marker = open[1]!;
    const close = new RegExp(`^ {0,3}${marker[0] === '`' ? '`' : '~'}{${marker.length},} *$`);
    const body: string[] = [];
    this.i++;
    while (this.i < this.lines.length && !close.test(this.lines[this.i]!)) body.push(this.lines[this.i++]!);
    this.i++;
    return { type: 'code', lang: (open[2] ?? '').toLowerCase(), text: body.join('\n').trimEnd() };
  }

  private indentedCode(line: string): RawBlock | undefined {
    if (!INDENTED.test(line)) return undefined;
    const body: string[] = [];
    while (this.i < this.lines.length && (INDENTED.test(this.lines[this.i]!) || isBlank(this.lines[this.i]!))) {
      body.push(this.lines[this.i++]!.replace(INDENTED, ''));
    }
    return { type: 'code', lang: '', text: body.join('\n').trimEnd() };
  }

  private heading(line: string): RawBlock | undefined {
    const atx = ATX_HEADING.exec(line) ?? EMPTY_HEADING.exec(line);
    if (!atx) return undefined;
    this.i++;
    return { type: 'heading', level: atx[1]!.length as 1, text: (atx[2] ?? '').trim() };
  }

  private hr(line: string): RawBlock | undefined {
    if (!HR.test(line)) return undefined;
    this.i++;
    return { type: 'hr' };
  }

  private quote(line: string): RawBlock | undefined {
    if (!BLOCKQUOTE.test(line)) return undefined;
    const body: string[] = [];
    // Lines without ">" continue the quote until a blank line (lazy continuation).
    while (this.i < this.lines.length && !isBlank(this.lines[this.i]!)) {
      body.push(this.lines[this.i++]!.replace(/^ {0,3}> ?/, ''));
    }
    return { type: 'blockquote', children: this.nested(body) };
  }

  private list(line: string): RawBlock | undefined {
    const first = BULLET.exec(line);
    if (!first) return undefined;
    const ordered = first[2] !== '-' && first[2] !== '*' && first[2] !== '+';
    const items: { lines: string[]; blankInside: boolean }[] = [];
    let tight = true;
    let pendingBlank = false;
    while (this.i < this.lines.length) {
      const current = this.lines[this.i]!;
      const bullet = BULLET.exec(current);
      if (bullet && bullet[1]!.length <= first[1]!.length + 1 && !HR.test(current)) {
        if (pendingBlank && items.length > 0) tight = false;
        const content = current.slice(bullet[0].length);
        items.push({ lines: [content], blankInside: false });
        pendingBlank = false;
        this.i++;
        continue;
      }
      if (isBlank(current)) {
        pendingBlank = true;
        this.i++;
        continue;
      }
      // An indented line continues the item; a line that is not indented ends the list.
      if (/^\s/.test(current)) {
        const item = items[items.length - 1]!;
        if (pendingBlank) {
          item.lines.push('');
          item.blankInside = true;
          tight = false;
        }
        item.lines.push(current.replace(/^(?: {1,4}|\t)/, ''));
        pendingBlank = false;
        this.i++;
        continue;
      }
      break;
    }
    if (pendingBlank) this.i--;
    const start = ordered ? parseInt(first[2]!, 10) : 1;
    return {
      type: 'list',
      ordered,
      start,
      tight,
      items: items.map((item) => {
        const task = /^\[([ xX])\] +/.exec(item.lines[0]!);
        if (task) item.lines[0] = item.lines[0]!.slice(task[0].length);
        return { checked: task ? task[1] !== ' ' : null, children: this.nested(item.lines) };
      }),
    };
  }

  private definition(line: string): boolean {
    const match = DEFINITION.exec(line);
    if (!match) return false;
    const key = match[1]!.toLowerCase().replace(/\s+/g, ' ');
    if (!this.definitions.has(key)) this.definitions.set(key, { href: match[2]!, title: match[3] });
    this.i++;
    return true;
  }

  private table(): RawBlock | undefined {
    if (this.depth > 0) return undefined;
    const head = this.lines[this.i]!;
    const delimiter = this.lines[this.i + 1];
    if (!head.includes('|') || delimiter === undefined || !TABLE_DELIMITER.test(delimiter) || !delimiter.includes('-')) return undefined;
    const header = splitTableRow(head);
    const aligns = splitTableRow(delimiter).map(alignOf);
    if (header.length !== aligns.length) return undefined;
    this.i += 2;
    const rows: string[][] = [];
    while (this.i < this.lines.length && !isBlank(this.lines[this.i]!) && this.lines[this.i]!.includes('|')) {
      const cells = splitTableRow(this.lines[this.i++]!);
      rows.push(header.map((_, c) => cells[c] ?? ''));
    }
    return { type: 'table', align: aligns, header, rows };
  }

  private setext(): RawBlock | undefined {
    const next = this.lines[this.i + 1];
    const underline = next === undefined ? undefined : SETEXT.exec(next);
    if (!underline || underline[1]!.length < 2) return undefined;
    const text = this.lines[this.i]!.trim();
    this.i += 2;
    return { type: 'heading', level: underline[1]![0] === '=' ? 1 : 2, text };
  }

  private paragraph(): RawBlock {
    const body = [this.lines[this.i++]!];
    while (this.i < this.lines.length) {
      const line = this.lines[this.i]!;
      if (isBlank(line) || FENCE_OPEN.test(line) || ATX_HEADING.test(line) || HR.test(line) || BLOCKQUOTE.test(line) || BULLET.test(line))
        break;
      body.push(line);
      this.i++;
    }
    return { type: 'paragraph', text: body.join('\n').trimEnd() };
  }

  private nested(lines: string[]): RawBlock[] {
    if (this.depth >= MAX_DEPTH) return [{ type: 'paragraph', text: lines.join('\n') }];
    return new BlockReader(lines, this.definitions, this.depth + 1).read();
  }
}

/** Reads the block structure; link definitions (`[id]: url`) are collected into `definitions`. */
export function readBlocks(text: string, definitions: Map<string, LinkDefinition>): RawBlock[] {
  const lines = text.replace(/\r\n?/g, '\n').replace(/\t/g, '    ').split('\n');
  return new BlockReader(lines, definitions, 0).read();
}
