import { useMemo } from 'react';
import { parsedMarkdown } from './markdown-cache';
import { isEmojiOnly, renderBlocks } from './MarkdownBlocks';
import { useRenderContext } from './render-context';

/** Markdown text rendered in Mattermost's dialect; used for messages, pretexts, texts, field values. */
export function Markdown({ text }: { text: string }) {
  const { markdown, settings } = useRenderContext();
  const blocks = useMemo(() => parsedMarkdown(text, markdown), [text, markdown]);
  if (isEmojiOnly(blocks, settings.customEmoji)) return <span className="all-emoji">{renderBlocks(blocks)}</span>;
  return <>{renderBlocks(blocks)}</>;
}
