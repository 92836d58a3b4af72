import { emojiCodepoints } from '../../../../shared/emoji/emoji';

/** Where Mockmost serves an emoji's image, as Mattermost does its system emoji. */
export const emojiImageUrl = (unified: string) => `/static/emoji/${unified}.png`;

/**
 * An emoji as Mattermost draws it: span[data-emoticon] > span.emoticon holding the original
 * text (transparent) over the emoji's image (`/static/emoji/{unified}.png`, Mockmost's own
 * route), so nothing depends on the system having an emoji font.
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
      <span
        className="emoticon"
        aria-label={`:${name}:`}
        data-testid={`postEmoji.:${name}:`}
        style={{ backgroundImage: `url(${emojiImageUrl(unified)})` }}
      >
        {text}
      </span>
    </span>
  );
}

/** True when the emoji renders as an image (a known name), for emoji-only sizing. */
export function isRenderedEmoji(name: string): boolean {
  return name !== '' && emojiCodepoints(name) !== undefined;
}
