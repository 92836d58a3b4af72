// The markdown tree Mockmost renders. Parsing yields data, never HTML: the renderer turns each
// node into a React element, so nothing in a message can become markup it did not ask for.

export type Align = 'left' | 'center' | 'right' | null;

export type Block =
  | { type: 'paragraph'; children: Inline[] }
  | { type: 'heading'; level: 1 | 2 | 3 | 4 | 5 | 6; children: Inline[] }
  | { type: 'code'; lang: string; text: string }
  | { type: 'latex'; text: string }
  | { type: 'blockquote'; children: Block[] }
  | { type: 'list'; ordered: boolean; start: number; tight: boolean; items: ListItem[] }
  | { type: 'hr' }
  | { type: 'table'; align: Align[]; header: Inline[][]; rows: Inline[][][] };

export interface ListItem {
  /** null: not a task item; else whether the box is ticked. */
  checked: boolean | null;
  children: Block[];
}

export type Inline =
  | { type: 'text'; text: string }
  | { type: 'strong' | 'em' | 'del'; children: Inline[] }
  | { type: 'codespan'; text: string }
  | { type: 'link'; href: string; title?: string; children: Inline[] }
  /** A bare e-mail address: Mattermost links it without the markdown__link class. */
  | { type: 'email'; address: string }
  | { type: 'image'; src: string; alt: string; title?: string; width?: string; height?: string }
  /** `@name` as typed; the renderer resolves it against known users. */
  | { type: 'mention'; name: string }
  | { type: 'channel'; name: string }
  | { type: 'hashtag'; tag: string }
  /** `:name:`, a text emoticon or a unicode emoji; `text` is what was written. */
  | { type: 'emoji'; name: string; text: string }
  | { type: 'inline_latex'; text: string };

/** What the parser needs to know about the server and the viewer. */
export interface MarkdownOptions {
  /** Schemes autolinked in bare text (Mattermost's defaults plus CustomUrlSchemes). */
  autolinkSchemes: readonly string[];
  minimumHashtagLength: number;
  /** Inline `$…$` (EnableLatex and EnableInlineLatex). */
  inlineLatex: boolean;
  /** ```` ```latex ```` blocks as formulas (EnableLatex). */
  latex: boolean;
}

export const DEFAULT_AUTOLINK_SCHEMES = ['http', 'https', 'ftp', 'mailto', 'tel', 'mattermost'] as const;

export const DEFAULT_MARKDOWN_OPTIONS: MarkdownOptions = {
  autolinkSchemes: DEFAULT_AUTOLINK_SCHEMES,
  minimumHashtagLength: 3,
  inlineLatex: false,
  latex: false,
};
