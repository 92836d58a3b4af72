import { emojiCodepoints, unifiedToText } from '../../../../shared/emoji/emoji';

/**
 * An emoji as Mattermost draws it: span[data-emoticon] > span.emoticon holding the original
 * text (transparent). Mattermost paints its image set behind it; Mockmost has no image set
 * offline, so the glyph is painted from the system font through CSS (data-glyph).
 */
export function Emoji({ name, text }: { name: string; text: string }) {
  const unified = name ? emojiCodepoints(name) : undefined;
  if (!unified) {
    // A unicode emoji Mattermost does not know stays a character; an unknown :name: stays text.
    if (name === '') return <span className="emoticon emoticon--unicode">{text}</span>;
    return <span data-emoticon={name}>{text}</span>;
  }
  return (
    <span data-emoticon={name}>
      <span className="emoticon" aria-label={`:${name}:`} data-testid={`postEmoji.:${name}:`} data-glyph={unifiedToText(unified)}>
        {text}
      </span>
    </span>
  );
}

/** True when the emoji renders as an image (a known name), for emoji-only sizing. */
export function isRenderedEmoji(name: string): boolean {
  return name !== '' && emojiCodepoints(name) !== undefined;
}
