import { useMemo } from 'react';
import { parseMarkdown } from '../../../../shared/markdown/parse-message';
import { isEmojiOnly, renderBlocks } from './MarkdownBlocks';
import { useRenderContext } from './render-context';

/** Markdown text rendered in Mattermost's dialect; used for messages, pretexts, texts, field values. */
export function Markdown({ text }: { text: string }) {
  const { markdown, settings } = useRenderContext();
  const blocks = useMemo(() => parseMarkdown(text, markdown), [text, markdown]);
  if (isEmojiOnly(blocks, settings.customEmoji)) return <span className="all-emoji">{renderBlocks(blocks)}</span>;
  return <>{renderBlocks(blocks)}</>;
}
