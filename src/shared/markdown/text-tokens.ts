import { emojiNameOfText } from '../emoji/emoji';
import type { Inline, MarkdownOptions } from './ast';

// Mattermost's pass over every plain-text run (webapp/channels/src/utils/text_formatting.tsx: doFormatText): e-mail
// addresses, @mentions, ~channels, #hashtags, :emoji:, text emoticons and unicode emoji.

/** More tokens than this in one run and Mattermost shows the run unformatted. */
const MAX_TOKENS = 1000;

const EMAIL = /[a-z0-9.!#$%&'*+/=?^_`{|}~-]+@(?:[a-z0-9-]+\.)+[a-z]{2,5}(?![a-z0-9-])/iy;
const MENTION = /@([a-z0-9.\-_]+)/iy;
const CHANNEL = /~([a-z0-9.\-_]*)/iy;
const HASHTAG = /#(\p{L}[\p{L}\d_.-]*[\p{L}\d]|\p{L})/uy;
const SHORTCODE = /:([a-z0-9_+-]+):/iy;
const UNICODE_EMOJI =
  /(?:\p{Regional_Indicator}{2}|\p{Extended_Pictographic}(?:\uFE0F|\p{Emoji_Modifier})?(?:\u200D\p{Extended_Pictographic}(?:\uFE0F|\p{Emoji_Modifier})?)*)/uy;

/** Text emoticons and their emoji, longest first so `:-)` wins over `:-`. */
const EMOTICONS: [string, string][] = [
  [':-)', 'slightly_smiling_face'],
  [':)', 'slightly_smiling_face'],
  [';-)', 'wink'],
  [';)', 'wink'],
  [":'(", 'cry'],
  [':`(', 'cry'],
  [':’(', 'cry'],
  [':-o', 'scream'],
  [':o', 'open_mouth'],
  [':-/', 'confused'],
  [':/', 'confused'],
  [':-s', 'confounded'],
  [':s', 'confounded'],
  [':-]', 'smirk'],
  [':]', 'smirk'],
  [':-|', 'neutral_face'],
  [':|', 'neutral_face'],
  [':-d', 'smile'],
  [':d', 'smile'],
  [':-$', 'flushed'],
  [':$', 'flushed'],
  ['x-d', 'stuck_out_tongue_closed_eyes'],
  [':-x', 'mask'],
  [':-p', 'stuck_out_tongue'],
  [':p', 'stuck_out_tongue'],
  ['</3', 'broken_heart'],
  ['<3', 'heart'],
  [':-@', 'rage'],
  [':@', 'rage'],
  [':-(', 'slightly_frowning_face'],
  [':(', 'slightly_frowning_face'],
  [':[', 'rage'],
];

/** The characters an emoticon can start with: any other is ruled out before the list is walked. */
const EMOTICON_STARTS = new Set(EMOTICONS.map(([face]) => face[0]!));

const isWordChar = (c: string | undefined) => c !== undefined && /[\p{L}\p{N}_]/u.test(c);
const isAlnum = (c: string | undefined) => c !== undefined && /[\p{L}\p{N}]/u.test(c);

/** The index after the run of spaces starting at `at`. */
export function endOfSpaces(text: string, at: number): number {
  let end = at;
  while (text.charCodeAt(end) === 32) end++;
  return end;
}

function stickyMatch(pattern: RegExp, text: string, at: number): RegExpExecArray | null {
  pattern.lastIndex = at;
  return pattern.exec(text);
}

function emoticonAt(text: string, at: number): [string, string] | undefined {
  if (!EMOTICON_STARTS.has(text[at]?.toLowerCase() ?? '') || isWordChar(text[at - 1])) return undefined;
  for (const [face, name] of EMOTICONS) {
    if (text.slice(at, at + face.length).toLowerCase() !== face) continue;
    if (isWordChar(text[at + face.length])) continue;
    return [text.slice(at, at + face.length), name];
  }
  return undefined;
}

export interface TextTokenOptions {
  options: MarkdownOptions;
  /** Inside a link's text only emoji are formatted; anchors would nest. */
  inLink: boolean;
}

/** Splits one plain-text run into text and Mattermost's tokens. */
export function tokenizeText(text: string, { options, inLink }: TextTokenOptions): Inline[] {
  const out: Inline[] = [];
  let buffer = '';
  let tokens = 0;
  const push = (token: Inline) => {
    if (buffer) out.push({ type: 'text', text: buffer });
    buffer = '';
    out.push(token);
    tokens++;
  };
  for (let i = 0; i < text.length;) {
    const c = text[i]!;
    // No token starts with a space: a run of them (a tab is four) is text as a whole.
    if (c === ' ') {
      const end = endOfSpaces(text, i);
      buffer += text.slice(i, end);
      i = end;
      continue;
    }
    const previous = text[i - 1];
    let match: RegExpExecArray | null;
    if (c === '\\') {
      const escaped = emoticonAt(text, i + 1);
      if (escaped && !isWordChar(previous)) {
        buffer += escaped[0];
        i += 1 + escaped[0].length;
        continue;
      }
    }
    if (!inLink && !/[a-z0-9.!#$%&'*+/=?^_`{|}~@-]/i.test(previous ?? ' ') && (match = stickyMatch(EMAIL, text, i))) {
      push({ type: 'email', address: match[0] });
      i += match[0].length;
      continue;
    }
    if (!inLink && c === '@' && !isAlnum(previous) && (match = stickyMatch(MENTION, text, i))) {
      push({ type: 'mention', name: match[1]! });
      i += match[0].length;
      continue;
    }
    if (!inLink && c === '~' && !isWordChar(previous) && (match = stickyMatch(CHANNEL, text, i)) && match[1]) {
      push({ type: 'channel', name: match[1] });
      i += match[0].length;
      continue;
    }
    if (!inLink && c === '#' && !isWordChar(previous) && (match = stickyMatch(HASHTAG, text, i))) {
      const tag = match[1]!;
      if (tag.length >= options.minimumHashtagLength && !/^\d/.test(tag)) {
        push({ type: 'hashtag', tag: `#${tag}` });
        i += match[0].length;
        continue;
      }
    }
    if (c === ':' && !isWordChar(previous) && (match = stickyMatch(SHORTCODE, text, i)) && !isWordChar(text[i + match[0].length])) {
      push({ type: 'emoji', name: match[1]!, text: match[0] });
      i += match[0].length;
      continue;
    }
    const emoticon = emoticonAt(text, i);
    if (emoticon) {
      push({ type: 'emoji', name: emoticon[1], text: emoticon[0] });
      i += emoticon[0].length;
      continue;
    }
    if ((match = stickyMatch(UNICODE_EMOJI, text, i))) {
      push({ type: 'emoji', name: emojiNameOfText(match[0]) ?? '', text: match[0] });
      i += match[0].length;
      continue;
    }
    buffer += c;
    i++;
  }
  if (buffer) out.push({ type: 'text', text: buffer });
  return tokens > MAX_TOKENS ? [{ type: 'text', text }] : out;
}
