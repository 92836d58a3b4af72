import type { Block, MarkdownOptions } from './ast';
import { DEFAULT_MARKDOWN_OPTIONS } from './ast';
import { readBlocks, type LinkDefinition, type RawBlock } from './block-parser';
import { parseInline } from './inline-parser';

const LATEX_LANGUAGES = ['latex', 'tex'];

/** A message (or attachment text) as Mattermost's markdown reads it, as a tree to render. */
export function parseMarkdown(text: string, options: MarkdownOptions = DEFAULT_MARKDOWN_OPTIONS): Block[] {
  const definitions = new Map<string, LinkDefinition>();
  const raw = readBlocks(text, definitions);
  const inline = (source: string) => parseInline(source, definitions, options);
  const convert = (block: RawBlock): Block => {
    switch (block.type) {
      case 'paragraph':
        return { type: 'paragraph', children: inline(block.text) };
      case 'heading':
        return { type: 'heading', level: block.level, children: inline(block.text) };
      case 'code':
        return options.latex && LATEX_LANGUAGES.includes(block.lang) ? { type: 'latex', text: block.text } : block;
      case 'blockquote':
        return { type: 'blockquote', children: block.children.map(convert) };
      case 'list':
        return { ...block, items: block.items.map((item) => ({ checked: item.checked, children: item.children.map(convert) })) };
      case 'table':
        return { type: 'table', align: block.align, header: block.header.map(inline), rows: block.rows.map((row) => row.map(inline)) };
      case 'hr':
        return block;
    }
  };
  return raw.map(convert);
}
