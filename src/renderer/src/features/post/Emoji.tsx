import { emojiCodepoints } from '../../../../shared/emoji/emoji';
import { useRenderContext } from './render-context';
import { useAuthorizedImage } from './use-authorized-image';

/** Where Mockmost serves an emoji's image, as Mattermost does its system emoji. */
export const emojiImageUrl = (unified: string) => `/static/emoji/${unified}.png`;

/**
 * An emoji as Mattermost draws it: span[data-emoticon] > span.emoticon holding the original
 * text (transparent) over the emoji's image (`/static/emoji/{unified}.png`, Mockmost's own
 * route), so nothing depends on the system having an emoji font.
 */
export function Emoji({ name, text }: { name: string; text: string }) {
  const { settings } = useRenderContext();
  const unified = name ? emojiCodepoints(name) : undefined;
  const customId = unified === undefined && name ? settings.customEmoji?.[name] : undefined;
  if (customId) return <CustomEmoji name={name} id={customId} text={text} />;
  if (!unified) {
    // A unicode emoji Mattermost does not know stays a character; an unknown :name: stays text.
    if (name === '') return <span className="emoticon emoticon--unicode">{text}</span>;
    return <span data-emoticon={name}>{text}</span>;
  }
  return <Emoticon name={name} text={text} image={emojiImageUrl(unified)} />;
}

/** Mattermost's markup for an emoji drawn as an image: the text stays, transparent, over it. */
function Emoticon({ name, text, image }: { name: string; text: string; image: string | undefined }) {
  return (
    <span data-emoticon={name}>
      <span
        className="emoticon"
        aria-label={`:${name}:`}
        data-testid={`postEmoji.:${name}:`}
        style={image ? { backgroundImage: `url(${image})` } : undefined}
      >
        {text}
      </span>
    </span>
  );
}

/** A team's own emoji (`:company-logo:`), its image from `/api/v4/emoji/{id}/image` with the viewer's session. */
function CustomEmoji({ name, id, text }: { name: string; id: string; text: string }) {
  const { viewer } = useRenderContext();
  const url = useAuthorizedImage(viewer?.id, `/api/v4/emoji/${encodeURIComponent(id)}/image`, true);
  return <Emoticon name={name} text={text} image={url} />;
}

/** True when the emoji renders as an image (a known name), for emoji-only sizing. */
export function isRenderedEmoji(name: string): boolean {
  return name !== '' && emojiCodepoints(name) !== undefined;
}
