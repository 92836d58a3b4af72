import { AppError } from './app-error';
import { splitMessage } from './split-message';

/** Mattermost's cap on the props of a post made from a webhook, in runes of their JSON (server/channels/app/webhook.go: splitWebhookPost). */
export const MAX_WEBHOOK_PROPS_RUNES = 760000;

export interface PostPart {
  message: string;
  props: Record<string, unknown>;
}

const SURROGATE_PAIRS = /[\uD800-\uDBFF][\uDC00-\uDFFF]/g;
/** Written by Go as six-character \u00XX escapes. */
const GO_ESCAPED = /[<>&\u2028\u2029]/g;

/** Runes of the props as Go's json.Marshal writes them: it escapes <, > and & (and U+2028/9) as \u00XX. */
function goJsonRunes(value: unknown): number {
  const text = JSON.stringify(value);
  // Counted with two native scans, not rune by rune: this runs on every webhook, over props
  // that can be hundreds of kilobytes (the string iterator was a fifth of a 300 KB post's time).
  const pairs = text.match(SURROGATE_PAIRS)?.length ?? 0;
  const escaped = text.match(GO_ESCAPED)?.length ?? 0;
  return text.length - pairs + 5 * escaped;
}

const tooBig = () =>
  new AppError(
    400,
    'web.incoming_webhook.split_props_length.app_error',
    `Unable to split webhook props into ${MAX_WEBHOOK_PROPS_RUNES} character parts.`,
  );

/**
 * Mattermost's SplitWebhookPost: the text in parts of 16383 runes, every part with the other
 * props; attachments appended to the last part while its props stay within 760000 runes, a new
 * text-less part opened when they would not; a lone attachment too big on its own has its text cut.
 */
export function splitWebhookPost(message: string, props: Record<string, unknown>): PostPart[] {
  const base: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(props)) if (key !== 'attachments') base[key] = value;
  if (goJsonRunes(base) > MAX_WEBHOOK_PROPS_RUNES) throw tooBig();
  const parts: PostPart[] = splitMessage(message).map((text) => ({ message: text, props: { ...base } }));
  const attachments = Array.isArray(props.attachments) ? (props.attachments as Record<string, unknown>[]) : [];
  for (const attachment of attachments) {
    for (;;) {
      const last = parts[parts.length - 1]!;
      const current = (last.props.attachments as Record<string, unknown>[] | undefined) ?? [];
      const candidate = { ...last.props, attachments: [...current, attachment] };
      const runes = goJsonRunes(candidate);
      if (runes <= MAX_WEBHOOK_PROPS_RUNES) {
        last.props = candidate;
        break;
      }
      if (current.length > 0) {
        parts.push({ message: '', props: { ...base } });
        continue;
      }
      const text = Array.from(typeof attachment.text === 'string' ? attachment.text : '');
      const excess = runes - MAX_WEBHOOK_PROPS_RUNES;
      if (text.length < excess) throw tooBig();
      last.props = { ...last.props, attachments: [{ ...attachment, text: text.slice(0, text.length - excess).join('') }] };
      break;
    }
  }
  return parts;
}
