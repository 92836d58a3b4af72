import { useMemo } from 'react';
import { isEmojiOnly, renderBlocks } from './MarkdownBlocks';
import { parseCached } from './parsed-messages';
import { useRenderContext } from './render-context';

/** Markdown text rendered in Mattermost's dialect; used for messages, pretexts, texts, field values. */
export function Markdown({ text }: { text: string }) {
  const { markdown, settings } = useRenderContext();
  const blocks = useMemo(() => parseCached(text, markdown), [text, markdown]);
  if (isEmojiOnly(blocks, settings.customEmoji)) return <span className="all-emoji">{renderBlocks(blocks)}</span>;
  return <>{renderBlocks(blocks)}</>;
}
